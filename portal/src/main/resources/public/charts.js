// Shared by the analysis pages: the colour-blind-safe palette, charts that resize with the window, the
// text of a query-layer cell (a value, or why it is not shown), and for every chart its table a click away
// and a CSV download of the data behind it. Text is only ever inserted with textContent.
(function () {
  'use strict';
  const A = window.App;
  // Okabe-Ito for categories; a sequential blue ramp for maps.
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  const RAMP = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'];
  const charts = [];

  function init(id) {
    const chart = echarts.init(document.getElementById(id));
    charts.push(chart);
    return chart;
  }

  /** What a result row shows: its value in the chosen language's format, or why there is none. */
  function cell(row, unit) {
    if (!row) { return ''; }
    if (row.status !== 'PUBLISHED') { return A.t('status.' + row.status); }
    if (row.value === null || row.value === undefined) {
      return row.flags && row.flags.indexOf('DENOMINATOR_MISSING') >= 0 ? A.t('flag.DENOMINATOR_MISSING') : A.t('flag.NO_VALUE');
    }
    const digits = unit === 'count' ? 0 : 1;
    return new Intl.NumberFormat(A.lang() === 'en' ? 'en-GB' : 'sq-AL', { maximumFractionDigits: digits, minimumFractionDigits: digits })
      .format(row.value) + (unit === 'percent' ? ' %' : '');
  }

  /** A value a chart can draw: the number, or null (a gap) when withheld or not reported. */
  function value(row) {
    return row && row.status === 'PUBLISHED' && row.value !== null && row.value !== undefined ? row.value : null;
  }

  /** Fills a table element with a header row and rows of text. */
  function fillTable(table, header, rows) {
    table.textContent = '';
    const head = A.el('tr', {}, header.map(function (h) { return A.el('th', { scope: 'col', text: h }); }));
    table.appendChild(A.el('thead', {}, [head]));
    const body = A.el('tbody');
    rows.forEach(function (r) {
      body.appendChild(A.el('tr', {}, r.map(function (v, i) { return A.el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', text: v } : { text: v }); })));
    });
    table.appendChild(body);
  }

  /** Points a link at a CSV file of the rows (UTF-8 with a byte order mark, so spreadsheets read ë and ç). */
  function csvLink(link, filename, header, rows) {
    const quote = function (v) { const s = String(v === null || v === undefined ? '' : v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    const text = [header].concat(rows).map(function (r) { return r.map(quote).join(','); }).join('\r\n') + '\r\n';
    if (link.href && link.href.indexOf('blob:') === 0) { URL.revokeObjectURL(link.href); }
    link.href = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }));
    link.download = filename;
  }

  /**
   * The spans a page offers: the snapshot's last twelve months, then each whole year it covers, newest first; each
   * as {value: 'from/to', text}.
   */
  function spans(snapshot) {
    const y = Number(snapshot.lastMonth.slice(0, 4)); const m = Number(snapshot.lastMonth.slice(5, 7));
    const from12 = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
    const list = [{ value: from12 + '/' + snapshot.lastMonth, text: A.t('compare.last12', { from: from12, to: snapshot.lastMonth }) }];
    const firstYear = Number(snapshot.firstMonth.slice(0, 4)) + (snapshot.firstMonth.slice(5, 7) === '01' ? 0 : 1);
    for (let year = m === 12 ? y : y - 1; year >= firstYear; year--) { list.push({ value: year + '-01/' + year + '-12', text: String(year) }); }
    return list;
  }

  /** Names of places from /api/v1/reference: a county or a municipality by its code, the code where none is known. */
  function places(reference) {
    const find = function (list, code) { const p = list.find(function (x) { return x.code === code; }); return p ? p.name : code; };
    return {
      county: function (code) { return find(reference.counties, code); },
      municipality: function (code) { return code === 'not_recorded' ? A.t('explorer.unknown') : find(reference.municipalities, code); }
    };
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.Charts = { PALETTE: PALETTE, RAMP: RAMP, init: init, spans: spans, places: places, cell: cell, value: value, fillTable: fillTable, csvLink: csvLink, all: charts };
})();
