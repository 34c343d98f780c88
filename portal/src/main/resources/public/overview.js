// The national coordinator's overview: the last snapshot and its completeness at a glance, tiles for the
// headline indicators with the change against the same twelve months a year earlier, a trend of any headline
// indicator by month, quarter or year, and child victims by status. Every figure comes from the query layer
// (/api/v1/indicators, /api/v1/completeness, /api/v1/overview); withheld values are gaps, never zeros.
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
  function month(y, m) { return new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 7); }
  function indicator(id, query) { return A.call('GET', '/api/v1/indicators/' + encodeURIComponent(id) + '?' + query); }

  async function tiles() {
    const y = Number(snapshot.lastMonth.slice(0, 4)); const m = Number(snapshot.lastMonth.slice(5, 7));
    const now = { from: month(y, m - 11), to: snapshot.lastMonth };
    const before = { from: month(y - 1, m - 11), to: month(y - 1, m) };
    document.getElementById('tiles-title').textContent = A.t('overview.tiles', { from: now.from, to: now.to, bfrom: before.from, bto: before.to });
    const list = document.getElementById('tiles');
    const answers = await Promise.all(HEADLINES.map(function (id) {
      return Promise.all([indicator(id, 'period=range&from=' + now.from + '&to=' + now.to),
        indicator(id, 'period=range&from=' + before.from + '&to=' + before.to)]);
    }));
    list.textContent = '';
    HEADLINES.forEach(function (id, i) {
      const e = entry(id);
      const cur = answers[i][0].rows[0]; const prev = answers[i][1].rows[0];
      let change = A.t('overview.noChange');
      let trend = 'none';
      if (C.value(cur) !== null && C.value(prev) !== null && C.value(prev) !== 0) {
        const diff = e.unit === 'percent' ? cur.value - prev.value : 100 * (cur.value - prev.value) / prev.value;
        const text = new Intl.NumberFormat(A.lang() === 'en' ? 'en-GB' : 'sq-AL', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(diff);
        change = A.t(e.unit === 'percent' ? 'overview.changePoints' : 'overview.changePercent', { change: text });
        trend = diff === 0 || e.higherIsBetter === null ? 'neutral' : (diff > 0) === e.higherIsBetter ? 'better' : 'worse';
      }
      list.appendChild(A.el('li', { class: 'tile ' + trend, 'data-indicator': id }, [
        A.el('span', { class: 'tile-name', text: name(e) }),
        A.el('strong', { class: 'tile-value', text: C.cell(cur, e.unit) }),
        A.el('span', { class: 'tile-change', text: change + (trend === 'better' ? ' ▲ ' + A.t('overview.better') : trend === 'worse' ? ' ▼ ' + A.t('overview.worse') : '') }),
        A.el('a', { href: '/explorer.html?indicator=' + id, text: A.t('overview.explore') })
      ]));
    });
  }

  async function glance() {
    const report = await A.call('GET', '/api/v1/completeness');
    const list = document.getElementById('completeness-glance');
    list.textContent = '';
    const pct = function (a, b) { return b ? Math.round(100 * a / b) + ' %' : '–'; };
    report.sources.forEach(function (s) {
      list.appendChild(A.el('li', {}, [A.el('a', { href: '/completeness.html?source=' + s.source,
        text: A.t('overview.glance', { source: A.t('source.' + s.source), received: pct(s.received, s.expected), onTime: pct(s.onTime, s.expected) }) })]));
    });
  }

  async function trend() {
    const form = document.getElementById('trend-form');
    const e = entry(form.elements.indicator.value);
    const result = await indicator(e.id, 'period=' + form.elements.period.value + '&from=' + snapshot.firstMonth + '&to=' + snapshot.lastMonth);
    const periods = result.rows.map(function (r) { return r.period; });
    trendChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (p) { return p[0].axisValueLabel + ': ' + C.cell(result.rows[p[0].dataIndex], e.unit); } },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series: [{ name: name(e), type: 'line', connectNulls: false, data: result.rows.map(C.value) }]
    }, true);
    C.fillTable(document.getElementById('trend-table'), [A.t('explorer.period'), name(e), A.t('compare.status')],
      result.rows.map(function (r) { return [r.period, C.cell(r, e.unit), A.t('status.' + r.status)]; }));
    C.csvLink(document.getElementById('trend-csv'), e.id + '_' + form.elements.period.value + '.csv', ['period', 'value', 'numerator', 'denominator', 'status', 'snapshot'],
      result.rows.map(function (r) { return [r.period, C.value(r), r.numerator, r.denominator, r.status, result.snapshot]; }));
  }

  function victimsOption(trend) {
    const months = trend.series.length ? trend.series[0].points.map(function (p) { return p.period; }) : [];
    return {
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (params) {
        return [params[0].axisValueLabel].concat(params.map(function (p) {
          const point = trend.series[p.seriesIndex].points[p.dataIndex];
          return p.marker + ' ' + p.seriesName + ': ' + (point.status === 'PUBLISHED' ? A.number(point.value) : A.t('status.' + point.status));
        })).join('<br>');
      } },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: trend.series.map(function (s) {
        return { name: A.t('series.' + s.key), type: 'line', connectNulls: false, data: s.points.map(function (p) { return p.value; }) };
      })
    };
  }

  async function load() {
    const [snap, cat] = await Promise.all([A.call('GET', '/api/v1/snapshot'), A.call('GET', '/api/v1/indicators')]);
    snapshot = snap; catalogue = cat;
    // The snapshot id is the moment it was taken: 20261128T012338932Z.
    const taken = /^(\d{4})(\d{2})(\d{2})T/.exec(snapshot.id);
    document.getElementById('snapshot').textContent = A.t('overview.snapshot', { id: snapshot.id, first: snapshot.firstMonth,
      date: taken ? A.date(taken[1] + '-' + taken[2] + '-' + taken[3]) : snapshot.id,
      last: snapshot.lastMonth, loaded: A.number(snapshot.filesLoaded), rejected: A.number(snapshot.filesRejected) });
    const form = document.getElementById('trend-form');
    HEADLINES.concat(['new_cpu_cases', 'children_encountered_rate']).forEach(function (id) {
      form.elements.indicator.appendChild(A.el('option', { value: id, text: name(entry(id)) }));
    });
    form.elements.period.value = 'quarter';
    trendChart = C.init('chart-trend');
    form.addEventListener('change', function () { trend().catch(A.fail); });
    await Promise.all([glance(), tiles(), trend()]);
    const victims = await A.call('GET', '/api/v1/overview/child-victims/monthly');
    C.init('chart-victims').setOption(victimsOption(victims));
    const months = victims.series.length ? victims.series[0].points.map(function (p) { return p.period; }) : [];
    C.fillTable(document.getElementById('victims-table'), [A.t('dim.status')].concat(months), victims.series.map(function (s) {
      return [A.t('series.' + s.key)].concat(s.points.map(function (p) { return p.status === 'PUBLISHED' ? A.number(p.value) : A.t('status.' + p.status); }));
    }));
    const rows = [];
    victims.series.forEach(function (s) { s.points.forEach(function (p) { rows.push([p.period, s.key, p.value, p.status]); }); });
    C.csvLink(document.getElementById('victims-csv'), 'child_victims_by_status_monthly.csv', ['month', 'status', 'children', 'disclosure_status'], rows);
    document.getElementById('disclosure').textContent = A.t('overview.disclosure', { max: victims.suppressionThreshold - 1 });
  }

  load().catch(A.fail);
})();
