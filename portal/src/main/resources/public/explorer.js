// The explorer: any catalogue indicator, for Albania or broken down by one of its dimensions, over any months, as a
// chart and a pivot table (groups down, periods across) with the data behind them as CSV. Only the breakdowns the
// release publishes are offered, each by the periods it publishes it at; every figure is a cell of the release, and
// what it does not publish is said in the page with what can be asked instead.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('explorer');
  const form = document.getElementById('explorer-form');
  let catalogue = [];
  let reference = null;
  let chart = null;
  const views = A.latest();

  function entry(id) { return catalogue.find(function (e) { return e.id === id; }); }
  function name(e) { return e.name[A.lang()] || e.name.en; }
  function label(dimension, code) {
    if (code === null || code === undefined || code === 'not_recorded') { return A.t('explorer.unknown'); }
    if (dimension === 'county') { return C.places(reference).county(code); }
    if (dimension === 'municipality') { return C.places(reference).municipality(code); }
    return A.value(dimension, code);
  }

  /** The finest period the release publishes a breakdown at ('' for Albania), or undefined where it does not. */
  function finest(e, by) {
    const p = e.published || {};
    if (by === 'county' || by === 'municipality') { return (p[by] || {}).total; }
    return (p.albania || {})[by || 'total'];
  }

  function fillDimensions(wanted) {
    const e = entry(form.elements.indicator.value);
    const list = [{ value: '', text: A.t('explorer.albania') }].concat(e.dimensions.map(function (d) { return { value: d, text: A.t('dim.' + d) }; }))
      .filter(function (o) { return finest(e, o.value); });
    C.options(form.elements.by, list, wanted);
    document.getElementById('description').textContent = (e.description[A.lang()] || e.description.en) + ' ' + A.t('explorer.source', { source: (e.sourceName && e.sourceName[A.lang()]) || e.source });
    fillPeriods();
  }

  function fillPeriods(wanted) {
    const e = entry(form.elements.indicator.value);
    C.options(form.elements.period, C.periods(finest(e, form.elements.by.value)).map(function (p) { return { value: p, text: A.t('period.' + p) }; }),
      wanted);
  }

  async function draw() {
    const e = entry(form.elements.indicator.value);
    const by = form.elements.by.value;
    const internal = form.elements.internal.checked && form.elements.reason.value.trim() !== '';
    const url = '/api/v1/' + (internal ? 'internal/' : '') + 'indicators/' + encodeURIComponent(e.id) + '?period=' + form.elements.period.value
      + '&from=' + form.elements.from.value + '&to=' + form.elements.to.value + (by ? '&group_by=' + by : '')
      + (internal ? '&reason=' + encodeURIComponent(form.elements.reason.value.trim()) : '');
    const answer = await C.ask(views.only(views.start(), A.call('GET', url)), document.getElementById('explorer-refusal'));
    // Internal figures: the banner on the page, and no file of them (only public figures are downloaded).
    const result = internal && answer ? answer.answer : answer;
    const banner = document.getElementById('internal-banner');
    banner.hidden = !(internal && answer);
    banner.textContent = internal && answer ? A.t('internal.banner') + ' ' + A.t('internal.reasonGiven') + ' ' + answer.reason : '';
    document.getElementById('explorer-csv').hidden = !!(internal && answer);
    // Nor an image of them, nor a print: the chart's downloads go and a printed page holds only the banner.
    document.getElementById('chart-explorer').setAttribute('data-internal', String(!!(internal && answer)));
    document.body.classList.toggle('internal-view', !!(internal && answer));
    const rows = result ? result.rows : [];
    const periods = [];
    const groups = {};
    rows.forEach(function (r) {
      if (periods.indexOf(r.period) < 0) { periods.push(r.period); }
      const key = by ? r.group[by] : '';
      (groups[key] = groups[key] || {})[r.period] = r;
    });
    const keys = Object.keys(groups);
    document.getElementById('explorer-chart-title').textContent = name(e);
    chart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (params) {
        return [params[0].axisValueLabel].concat(params.filter(function (p) { return p.seriesIndex < keys.length; }).map(function (p) {
          return p.marker + ' ' + p.seriesName + ': ' + C.said(groups[keys[p.seriesIndex]][p.axisValue], e.unit);
        })).join('<br>');
      } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series: C.partial(keys.map(function (k, i) {
        const colour = C.colour(by, k, i);
        return { name: by ? label(by, k) : A.t('explorer.albania'), type: periods.length > 1 ? 'line' : 'bar', connectNulls: false,
          color: colour, itemStyle: { color: colour }, lineStyle: { color: colour },
          data: periods.map(function (p) { return C.value(groups[k][p]); }) };
      }), function (k, i) { return groups[keys[k]][periods[i]]; })
    }, true);
    const heads = periods.map(function (p) { return C.period(groups[keys[0]][p]); });
    C.fillTable(document.getElementById('pivot'), [by ? A.t('dim.' + by) : ''].concat(heads),
      keys.map(function (k) { return [by ? label(by, k) : A.t('explorer.albania')].concat(periods.map(function (p) { return C.cell(groups[k][p], e.unit); })); }));
    C.csvLink(document.getElementById('explorer-csv'), e.id + (by ? '_by_' + by : '') + '_' + form.elements.from.value + '_' + form.elements.to.value + '.csv',
      ['period', by || 'area', 'value', 'numerator', 'denominator', 'status', 'flags', 'release'],
      rows.map(function (r) {
        return [r.period, by ? label(by, r.group[by]) : 'Albania', C.value(r), r.numerator, r.denominator, r.status, (r.flags || []).join(' '), result.snapshot];
      }));
  }

  async function load() {
    const [cat, ref, snap] = await Promise.all([A.call('GET', '/api/v1/indicators'), A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/snapshot')]);
    // An indicator whose denominator the release lacks (a rate per children) is not offered: it could draw nothing.
    catalogue = cat.filter(function (e) { return e.drawable !== false; }); reference = ref;
    C.legend(document.getElementById('disclosure'), snap);
    catalogue.forEach(function (e) { form.elements.indicator.appendChild(A.el('option', { value: e.id, text: name(e) })); });
    form.elements.indicator.value = entry(A.query.get('indicator')) ? A.query.get('indicator') : 'child_victims';
    C.months(form.elements.from, snap.firstMonth, snap.lastMonth, A.query.get('from') || snap.firstMonth);
    C.months(form.elements.to, snap.firstMonth, snap.lastMonth, A.query.get('to') || snap.lastMonth);
    const first = entry(form.elements.indicator.value);
    fillDimensions(A.query.get('by') !== null ? A.query.get('by') : (finest(first, 'status') ? 'status' : ''));
    fillPeriods(A.query.get('period') || 'quarter');
    chart = C.init('chart-explorer');
    const s = await A.session();
    document.getElementById('internal-choice').hidden = !A.can(s, 'view_internal_figures');
    A.keepInUrl(form, ['indicator', 'by', 'period', 'from', 'to']);
    form.addEventListener('change', function (ev) {
      if (ev.target === form.elements.indicator) { fillDimensions(); }
      if (ev.target === form.elements.by) { fillPeriods(); }
      draw().catch(A.fail);
    });
    await draw();
  }

  load().catch(A.fail);
})();
