// Data completeness: for one source, every expected county-month submission as received on time, late, refused (with
// the reason code), missing or not yet due (a heat map and its table), and per source the shares received and on time. Row and
// quarantine counts are not shown: a file's rows are its children, so those counts stay internal.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('completeness');
  const form = document.getElementById('completeness-form');
  const ARRIVALS = ['ON_TIME', 'LATE', 'REFUSED', 'MISSING', 'NOT_YET_DUE'];
  // Green, orange, vermillion, grey, sky blue: told apart by the common forms of colour blindness, and named in the tooltip.
  const COLOURS = ['#009E73', '#E69F00', '#D55E00', '#BBBBBB', '#56B4E9'];
  let reference = null;
  const views = A.latest();
  let chart = null;

  function countyName(code) { return C.places(reference).county(code); }

  async function draw() {
    const report = await views.only(views.start(), A.call('GET', '/api/v1/completeness?from=' + form.elements.from.value + '&to=' + form.elements.to.value));
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
        return countyName(s.countyCode) + ', ' + s.month + ': ' + A.t('arrival.' + s.arrival) + (s.receivedAt ? ' (' + A.date(s.receivedAt) + ')' : '')
          + (s.problem ? ' · ' + s.problem : '');
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
    C.csvLink(document.getElementById('heat-csv'), 'completeness_' + source + '_' + report.from + '_' + report.to + '.csv',
      ['source', 'county_code', 'month', 'arrival', 'problem', 'received_at', 'release'],
      subs.map(function (s) { return [s.source, s.countyCode, s.month, s.arrival, s.problem, s.receivedAt, report.snapshot]; }));
    const pct = function (a, b) { return b ? A.number(100 * a / b, 1) + '\u00a0%' : '–'; };
    C.fillTable(document.getElementById('summary-table'), [A.t('completeness.source'), A.t('completeness.expected'), A.t('completeness.received'),
      A.t('completeness.onTime'), A.t('completeness.refused'), A.t('completeness.notYetDue')], report.sources.map(function (s) {
      return [A.t('source.' + s.source), A.number(s.expected), pct(s.received, s.expected), pct(s.onTime, s.expected), A.number(s.refused),
        A.number(s.notYetDue)];
    }));
  }

  async function load() {
    const [ref, snap] = await Promise.all([A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/snapshot')]);
    reference = ref;
    const window12 = snap.rollingWindows[0].split('/');
    // Up to this month: the months after the release's last are those not yet due (or missing).
    const today = new Date();
    const current = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0');
    const last = current > snap.lastMonth ? current : snap.lastMonth;
    C.months(form.elements.from, snap.firstMonth, last, A.query.get('from') || window12[0]);
    C.months(form.elements.to, snap.firstMonth, last, A.query.get('to') || window12[1]);
    form.elements.source.value = A.query.get('source') || 'border';
    chart = C.init('chart-heat');
    A.keepInUrl(form, ['source', 'from', 'to']);
    form.addEventListener('change', function () { draw().catch(A.fail); });
    await draw();
    const s = await A.session();
    if (A.can(s, 'view_ingestion_reports')) { await ingestion(); }
  }

  /** The data manager's internal report: each file's fate and rows, and quarantined rows by rule (never a value). */
  async function ingestion() {
    const report = (await A.call('GET', '/api/v1/internal/ingestion')).answer;
    document.getElementById('ingestion-section').hidden = false;
    C.fillTable(document.getElementById('ingestion-files'), [A.t('ingestion.file'), A.t('completeness.source'), A.t('action.county'),
      A.t('ingestion.month'), A.t('ingestion.status'), A.t('ingestion.problem'), A.t('ingestion.rowsIn'), A.t('ingestion.rowsLoaded')],
    report.files.map(function (f) {
      return [f.fileName, A.t('source.' + f.source), f.county || '', f.month || '', f.status, f.problem || '', A.number(f.rowsIn), A.number(f.rowsLoaded)];
    }));
    C.fillTable(document.getElementById('ingestion-quarantine'), [A.t('ingestion.file'), A.t('ingestion.field'), A.t('ingestion.rule'),
      A.t('ingestion.rows')], report.quarantined.map(function (q) { return [q.file, q.field, q.rule, A.number(q.rows)]; }));
  }

  load().catch(A.fail);
})();
