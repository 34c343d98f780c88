// The national coordinator's overview: the published release and its completeness at a glance, tiles for the
// headline indicators over the release's last twelve months with the change on the twelve before, a trend of a
// headline indicator by the periods the release publishes it for Albania, and child victims by status. Every figure
// is a cell of the release (/api/v1/indicators, /api/v1/completeness); what it withholds is a gap or its mark, never
// a zero, and what it does not publish is said in the page.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('overview');
  const HEADLINES = ['children_encountered', 'share_unaccompanied_or_separated', 'child_victims', 'child_victims_officially_identified',
    'nrm_victims_with_cpu_case', 'border_children_never_seen_again'];
  let catalogue = [];
  let snapshot = null;
  let trendChart = null;

  function entry(id) { return catalogue.find(function (e) { return e.id === id; }); }
  function name(e) { return e.name[A.lang()] || e.name.en; }
  function indicator(id, query) { return A.call('GET', '/api/v1/indicators/' + encodeURIComponent(id) + '?' + query); }
  /** The finest period the release publishes an indicator's breakdown at for Albania, or undefined. */
  function finest(e, breakdown) { return ((e.published || {}).albania || {})[breakdown || 'total']; }
  function span(w) { const ends = w.split('/'); return 'period=range&from=' + ends[0] + '&to=' + ends[1]; }

  /** An answer, or null when the release does not publish it (a 400): a tile then says so. */
  async function orNothing(promise) {
    try { return await promise; } catch (e) { if (e.status === 400) { return null; } throw e; }
  }

  /** The tiles' questions: each headline over the last twelve months and the twelve before. */
  function tileAsks() {
    const asks = [];
    HEADLINES.forEach(function (id) {
      snapshot.rollingWindows.slice(0, 2).forEach(function (w) { asks.push(id + '?' + span(w)); });
    });
    return asks;
  }

  /** Fills the tiles from the answers to tileAsks(), in its order. */
  async function tiles(asked) {
    const now = snapshot.rollingWindows[0];
    const before = snapshot.rollingWindows[1];
    const ends = now.split('/');
    const earlier = before ? before.split('/') : ['', ''];
    document.getElementById('tiles-title').textContent = A.t('overview.tiles', { from: ends[0], to: ends[1], bfrom: earlier[0], bto: earlier[1] });
    const list = document.getElementById('tiles');
    const per = before ? 2 : 1;
    const answers = await Promise.all(HEADLINES.map(function (id, i) {
      return Promise.all([orNothing(asked[per * i]), before ? orNothing(asked[per * i + 1]) : null]);
    }));
    list.textContent = '';
    HEADLINES.forEach(function (id, i) {
      const e = entry(id);
      const cur = answers[i][0] && answers[i][0].rows[0];
      const prev = answers[i][1] && answers[i][1].rows[0];
      let change = A.t('overview.noChange');
      let trend = 'none';
      if (C.value(cur) !== null && C.value(prev) !== null && C.value(prev) !== 0) {
        const diff = e.unit === 'percent' ? cur.value - prev.value : 100 * (cur.value - prev.value) / prev.value;
        const text = A.number(diff, 1, true);
        change = A.t(e.unit === 'percent' ? 'overview.changePoints' : 'overview.changePercent', { change: text });
        trend = diff === 0 || e.higherIsBetter === null ? 'neutral' : (diff > 0) === e.higherIsBetter ? 'better' : 'worse';
      }
      const shown = cur ? C.cell(cur, e.unit) : A.t('overview.notPublished');
      list.appendChild(A.el('li', { class: 'tile ' + trend, 'data-indicator': id }, [
        A.el('span', { class: 'tile-name', text: name(e) }),
        A.el('strong', { class: 'tile-value' + (C.value(cur) === null ? ' mark' : ''), text: shown,
          title: cur && cur.status !== 'PUBLISHED' ? A.t('status.' + cur.status) : '' }),
        A.el('span', { class: 'tile-change', text: change + (trend === 'better' ? ' ▲ ' + A.t('overview.better') : trend === 'worse' ? ' ▼ ' + A.t('overview.worse') : '') }),
        A.el('a', { href: '/explorer.html?indicator=' + id, text: A.t('overview.explore') })
      ]));
    });
  }

  async function glance() {
    const report = await A.call('GET', '/api/v1/completeness');
    const list = document.getElementById('completeness-glance');
    list.textContent = '';
    const pct = function (a, b) { return b ? Math.round(100 * a / b) + '\u00a0%' : '–'; };
    report.sources.forEach(function (s) {
      list.appendChild(A.el('li', {}, [A.el('a', { href: '/completeness.html?source=' + s.source,
        text: A.t('overview.glance', { source: A.t('source.' + s.source), received: pct(s.received, s.expected), onTime: pct(s.onTime, s.expected) }) })]));
    });
  }

  /** The periods the release publishes the chosen indicator at for Albania. */
  function trendPeriods() {
    const form = document.getElementById('trend-form');
    const e = entry(form.elements.indicator.value);
    C.options(form.elements.period, C.periods(finest(e)).map(function (p) { return { value: p, text: A.t('period.' + p) }; }),
      form.elements.period.value || 'quarter');
  }

  /** The trend's parameters for the chosen period, over the whole release. */
  function trendQuery() {
    return 'period=' + document.getElementById('trend-form').elements.period.value + '&from=' + snapshot.firstMonth + '&to=' + snapshot.lastMonth;
  }

  /** Draws the trend from its answer (asked with others on load), or asks it alone when the choice changes. */
  async function trend(asked) {
    const form = document.getElementById('trend-form');
    const e = entry(form.elements.indicator.value);
    const period = form.elements.period.value;
    const result = await C.ask(asked || indicator(e.id, trendQuery()), document.getElementById('trend-refusal'));
    const rows = result ? result.rows : [];
    trendChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (p) { return p[0].axisValueLabel + ': ' + C.said(rows[p[0].dataIndex], e.unit); } },
      legend: { show: false },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.period; }) },
      yAxis: { type: 'value' },
      series: C.partial([{ name: name(e), type: 'line', connectNulls: false, data: rows.map(C.value) }], function (k, i) { return rows[i]; })
    }, true);
    C.fillTable(document.getElementById('trend-table'), [A.t('explorer.period'), name(e), A.t('compare.status')],
      rows.map(function (r) { return [C.period(r), C.cell(r, e.unit), A.t('status.' + r.status)]; }));
    C.csvLink(document.getElementById('trend-csv'), e.id + '_' + period + '.csv', ['period', 'value', 'numerator', 'denominator', 'status', 'release'],
      rows.map(function (r) { return [r.period, C.value(r), r.numerator, r.denominator, r.status, result.snapshot]; }));
  }

  /** The question of child victims by status, or null when the release does not publish that breakdown for Albania. */
  function victimsAsk() {
    const period = finest(entry('child_victims'), 'status');
    return period ? 'child_victims?group_by=status&period=' + period + '&from=' + snapshot.firstMonth + '&to=' + snapshot.lastMonth : null;
  }

  /** Child victims by status, by the finest period the release publishes that breakdown at for Albania. */
  async function victims(asked) {
    const period = finest(entry('child_victims'), 'status');
    const refusal = document.getElementById('victims-refusal');
    document.getElementById('victims-title').textContent = A.t('overview.victims', { period: A.t('per.' + (period || 'year')) });
    if (!period) {
      refusal.textContent = A.t('overview.victims.none');
      refusal.hidden = false;
      return;
    }
    const result = await C.ask(asked, refusal);
    if (!result) { return; }
    const periods = [];
    const byStatus = {};
    result.rows.forEach(function (r) {
      if (periods.indexOf(r.period) < 0) { periods.push(r.period); }
      (byStatus[r.group.status] = byStatus[r.group.status] || {})[r.period] = r;
    });
    const statuses = ['potential', 'presumed', 'identified'].filter(function (s) { return byStatus[s]; });
    C.init('chart-victims').setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (params) {
        return [params[0].axisValueLabel].concat(params.filter(function (p) { return p.seriesIndex < statuses.length; }).map(function (p) {
          return p.marker + ' ' + p.seriesName + ': ' + C.said(byStatus[statuses[p.seriesIndex]][p.axisValue], 'count');
        })).join('<br>');
      } },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', minInterval: 1 },
      series: C.partial(statuses.map(function (s, i) {
        const colour = C.colour('status', s, i);
        return { name: A.t('series.' + s), type: 'line', connectNulls: false, color: colour, itemStyle: { color: colour }, lineStyle: { color: colour },
          data: periods.map(function (p) { return C.value(byStatus[s][p]); }) };
      }), function (k, i) { return byStatus[statuses[k]][periods[i]]; })
    });
    C.fillTable(document.getElementById('victims-table'), [A.t('dim.status')].concat(periods), statuses.map(function (s) {
      return [A.t('series.' + s)].concat(periods.map(function (p) { return C.cell(byStatus[s][p], 'count'); }));
    }));
    C.csvLink(document.getElementById('victims-csv'), 'child_victims_by_status_' + period + '.csv', ['period', 'status', 'children', 'disclosure_status', 'release'],
      result.rows.map(function (r) { return [r.period, r.group.status, C.value(r), r.status, result.snapshot]; }));
  }

  async function load() {
    const [snap, cat] = await Promise.all([A.call('GET', '/api/v1/snapshot'), A.call('GET', '/api/v1/indicators')]);
    snapshot = snap; catalogue = cat;
    // The release id is the moment its snapshot was taken: 20261128T012338932Z.
    const taken = /^(\d{4})(\d{2})(\d{2})T/.exec(snapshot.id);
    document.getElementById('snapshot').textContent = A.t('overview.snapshot', { id: snapshot.id, first: snapshot.firstMonth,
      date: taken ? A.date(taken[1] + '-' + taken[2] + '-' + taken[3]) : snapshot.id,
      last: snapshot.lastMonth, loaded: A.number(snapshot.filesLoaded), rejected: A.number(snapshot.filesRejected) });
    C.legend(document.getElementById('disclosure'), snapshot);
    const form = document.getElementById('trend-form');
    HEADLINES.concat(['new_cpu_cases', 'children_encountered_rate']).filter(function (id) { return entry(id) && finest(entry(id)); })
      .forEach(function (id) { form.elements.indicator.appendChild(A.el('option', { value: id, text: name(entry(id)) })); });
    trendPeriods();
    trendChart = C.init('chart-trend');
    form.addEventListener('change', function (ev) {
      if (ev.target === form.elements.indicator) { trendPeriods(); }
      trend().catch(A.fail);
    });
    // The page's figures in one call (tiles, trend, victims by status), beside the completeness report: from one release.
    const tileQuestions = tileAsks();
    const victimsQuestion = victimsAsk();
    const asked = A.answers(tileQuestions.concat([form.elements.indicator.value + '?' + trendQuery()], victimsQuestion ? [victimsQuestion] : []));
    const n = tileQuestions.length;
    await Promise.all([glance(), tiles(asked.slice(0, n)), trend(asked[n]), victims(asked[n + 1])]);
  }

  load().catch(A.fail);
})();
