// Data completeness: for one source, every expected county-month submission as received on time, late,
// refused or missing (a heat map and its table), the shares per source, and rows rejected by rule.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('completeness');
  const form = document.getElementById('completeness-form');
  const ARRIVALS = ['ON_TIME', 'LATE', 'REFUSED', 'MISSING'];
  // Green, orange, vermillion, grey: told apart by the common forms of colour blindness, and named in the tooltip.
  const COLOURS = ['#009E73', '#E69F00', '#D55E00', '#BBBBBB'];
  let reference = null;
  let chart = null;

  function countyName(code) { return C.places(reference).county(code); }

  async function draw() {
    const report = await A.call('GET', '/api/v1/completeness?from=' + form.elements.from.value + '&to=' + form.elements.to.value);
    const source = form.elements.source.value;
    const subs = report.submissions.filter(function (s) { return s.source === source; });
    const months = []; const counties = [];
    subs.forEach(function (s) {
      if (months.indexOf(s.month) < 0) { months.push(s.month); }
      if (counties.indexOf(s.countyCode) < 0) { counties.push(s.countyCode); }
    });
    months.sort(); counties.sort();
    document.getElementById('deadline').textContent = A.t('completeness.deadline', { day: report.deadlineDay });
    chart.setOption({
      tooltip: { formatter: function (p) {
        const s = subs[p.data[3]];
        return countyName(s.countyCode) + ', ' + s.month + ': ' + A.t('arrival.' + s.arrival)
          + (s.rowsIn === null ? '' : ' (' + A.t('completeness.rows', { rows: A.number(s.rowsIn), rejected: A.number(s.rowsQuarantined || 0) }) + ')');
      } },
      grid: { left: 110, right: 20, top: 10, bottom: 80 },
      xAxis: { type: 'category', data: months, splitArea: { show: true } },
      yAxis: { type: 'category', data: counties.map(countyName), splitArea: { show: true } },
      visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2,
        pieces: ARRIVALS.map(function (a, i) { return { value: i, label: A.t('arrival.' + a), color: COLOURS[i] }; }) },
      series: [{ type: 'heatmap', name: A.t('completeness.heat'),
        data: subs.map(function (s, i) { return [months.indexOf(s.month), counties.indexOf(s.countyCode), ARRIVALS.indexOf(s.arrival), i]; }),
        itemStyle: { borderColor: '#fff', borderWidth: 1 } }]
    }, true);
    C.fillTable(document.getElementById('heat-table'), [A.t('compare.county')].concat(months), counties.map(function (c) {
      return [countyName(c)].concat(months.map(function (m) {
        const s = subs.find(function (x) { return x.countyCode === c && x.month === m; });
        return s ? A.t('arrival.' + s.arrival) : '';
      }));
    }));
    C.csvLink(document.getElementById('heat-csv'), 'completeness_' + source + '_' + form.elements.from.value + '_' + form.elements.to.value + '.csv',
      ['source', 'county_code', 'month', 'arrival', 'problem', 'received_at', 'rows_in', 'rows_rejected'],
      subs.map(function (s) { return [s.source, s.countyCode, s.month, s.arrival, s.problem, s.receivedAt, s.rowsIn, s.rowsQuarantined]; }));
    const pct = function (a, b) { return b ? new Intl.NumberFormat(A.lang() === 'en' ? 'en-GB' : 'sq-AL', { maximumFractionDigits: 1 }).format(100 * a / b) + ' %' : '–'; };
    C.fillTable(document.getElementById('summary-table'), [A.t('completeness.source'), A.t('completeness.expected'), A.t('completeness.received'),
      A.t('completeness.onTime'), A.t('completeness.refused'), A.t('completeness.rowsRejected')], report.sources.map(function (s) {
      return [A.t('source.' + s.source), A.number(s.expected), pct(s.received, s.expected), pct(s.onTime, s.expected), A.number(s.refused),
        pct(s.rowsQuarantined, s.rowsIn)];
    }));
    const rules = [];
    Object.keys(report.quarantinedByRule).sort().forEach(function (src) {
      Object.keys(report.quarantinedByRule[src]).sort().forEach(function (rule) { rules.push([A.t('source.' + src), rule, A.number(report.quarantinedByRule[src][rule])]); });
    });
    C.fillTable(document.getElementById('rules-table'), [A.t('completeness.source'), A.t('completeness.rule'), A.t('completeness.rowsRejected')],
      rules.length ? rules : [[A.t('completeness.noRejects'), '', '']]);
  }

  async function load() {
    const [ref, snap] = await Promise.all([A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/snapshot')]);
    reference = ref;
    const y = Number(snap.lastMonth.slice(0, 4)); const m = Number(snap.lastMonth.slice(5, 7));
    form.elements.from.value = A.query.get('from') || new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
    form.elements.to.value = A.query.get('to') || snap.lastMonth;
    form.elements.source.value = A.query.get('source') || 'border';
    chart = C.init('chart-heat');
    form.addEventListener('change', function () { draw().catch(A.fail); });
    await draw();
  }

  load().catch(A.fail);
})();
