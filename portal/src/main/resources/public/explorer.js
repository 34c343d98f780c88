// The explorer: any catalogue indicator, broken down by any of its dimensions, over any months, as a chart and a
// pivot table (groups down, periods across) with the data behind them as CSV. Every figure is the query layer's,
// after disclosure control.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('explorer');
  const form = document.getElementById('explorer-form');
  let catalogue = [];
  let reference = null;
  let chart = null;

  function entry(id) { return catalogue.find(function (e) { return e.id === id; }); }
  function name(e) { return e.name[A.lang()] || e.name.en; }
  function label(dimension, code) {
    if (code === null || code === undefined || code === 'not_recorded') { return A.t('explorer.unknown'); }
    if (dimension === 'county') { return C.places(reference).county(code); }
    if (dimension === 'municipality') { return C.places(reference).municipality(code); }
    return A.value(dimension, code);
  }

  function fillDimensions() {
    const e = entry(form.elements.indicator.value);
    const keep = form.elements.by.value;
    form.elements.by.textContent = '';
    form.elements.by.appendChild(A.el('option', { value: '', text: A.t('explorer.albania') }));
    e.dimensions.forEach(function (d) { form.elements.by.appendChild(A.el('option', { value: d, text: A.t('dim.' + d) })); });
    form.elements.by.value = e.dimensions.indexOf(keep) >= 0 ? keep : '';
    document.getElementById('description').textContent = (e.description[A.lang()] || e.description.en) + ' ' + A.t('explorer.source', { source: e.source });
  }

  async function draw() {
    const e = entry(form.elements.indicator.value);
    const by = form.elements.by.value;
    const url = '/api/v1/indicators/' + encodeURIComponent(e.id) + '?period=' + form.elements.period.value + '&from=' + form.elements.from.value
      + '&to=' + form.elements.to.value + (by ? '&group_by=' + by : '');
    const result = await A.call('GET', url);
    const periods = [];
    const groups = {};
    result.rows.forEach(function (r) {
      if (periods.indexOf(r.period) < 0) { periods.push(r.period); }
      const key = by ? r.group[by] : '';
      (groups[key] = groups[key] || {})[r.period] = r;
    });
    const keys = Object.keys(groups);
    document.getElementById('explorer-chart-title').textContent = name(e);
    chart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (params) {
        return [params[0].axisValueLabel].concat(params.map(function (p) {
          return p.marker + ' ' + p.seriesName + ': ' + C.cell(groups[keys[p.seriesIndex]][p.axisValue], e.unit);
        })).join('<br>');
      } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series: keys.map(function (k) {
        return { name: by ? label(by, k) : A.t('explorer.albania'), type: periods.length > 1 ? 'line' : 'bar', connectNulls: false,
          data: periods.map(function (p) { return C.value(groups[k][p]); }) };
      })
    }, true);
    C.fillTable(document.getElementById('pivot'), [by ? A.t('dim.' + by) : ''].concat(periods),
      keys.map(function (k) { return [by ? label(by, k) : A.t('explorer.albania')].concat(periods.map(function (p) { return C.cell(groups[k][p], e.unit); })); }));
    C.csvLink(document.getElementById('explorer-csv'), e.id + (by ? '_by_' + by : '') + '_' + form.elements.from.value + '_' + form.elements.to.value + '.csv',
      ['period', by || 'area', 'value', 'numerator', 'denominator', 'status', 'flags', 'snapshot'],
      result.rows.map(function (r) {
        return [r.period, by ? label(by, r.group[by]) : 'Albania', C.value(r), r.numerator, r.denominator, r.status, (r.flags || []).join(' '), result.snapshot];
      }));
  }

  async function load() {
    const [cat, ref, snap] = await Promise.all([A.call('GET', '/api/v1/indicators'), A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/snapshot')]);
    catalogue = cat; reference = ref;
    catalogue.forEach(function (e) { form.elements.indicator.appendChild(A.el('option', { value: e.id, text: name(e) })); });
    form.elements.indicator.value = A.query.get('indicator') || 'child_victims';
    form.elements.period.value = A.query.get('period') || 'quarter';
    form.elements.from.value = snap.firstMonth;
    form.elements.to.value = snap.lastMonth;
    fillDimensions();
    form.elements.by.value = A.query.get('by') || (entry(form.elements.indicator.value).dimensions.indexOf('status') >= 0 ? 'status' : '');
    chart = C.init('chart-explorer');
    form.addEventListener('change', function (ev) {
      if (ev.target === form.elements.indicator) { fillDimensions(); }
      draw().catch(A.fail);
    });
    await draw();
  }

  load().catch(A.fail);
})();
