// Shared by the analysis pages: the colour-blind-safe palette, charts that resize with the window, the
// text of a release cell (a value, or its mark: x withheld, – not reported, … not yet due, explained by the
// release's legend), the spans and periods the release publishes, refusals shown in the page, and for every
// chart its table a click away and a CSV download of the data behind it. Text is only ever inserted with textContent.
(function () {
  'use strict';
  const A = window.App;
  // Okabe-Ito for categories; a sequential blue ramp for maps.
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  const RAMP = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'];
  const charts = [];
  // One colour per series on every page: a mechanism, a victim's status or a sex is always drawn the same.
  const SERIES = {
    first_mechanism: { border: '#0072B2', cpu: '#009E73', nrm: '#D55E00', services: '#CC79A7' },
    status: { potential: '#56B4E9', presumed: '#E69F00', identified: '#0072B2' },
    sex: { F: '#CC79A7', M: '#009E73', U: '#999999' }
  };
  // Twelve counties, twelve colours fixed by code (Paul Tol's muted and bright schemes), so no two share one.
  const COUNTIES = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499', '#4477AA',
    '#EE6677', '#228833'];

  /** The colour of a series: fixed for a county, a mechanism, a status or a sex; else the i-th of the palette. */
  function colour(dimension, code, i) {
    const county = /^AL-(\d\d)$/.exec(dimension === 'county' ? code : '');
    if (county) { return COUNTIES[Number(county[1]) - 1]; }
    if (SERIES[dimension] && SERIES[dimension][code]) { return SERIES[dimension][code]; }
    return (i >= PALETTE.length ? COUNTIES : PALETTE)[i % (i >= PALETTE.length ? COUNTIES.length : PALETTE.length)];
  }

  function init(id) {
    const chart = echarts.init(document.getElementById(id));
    // Value axes label their numbers in the chosen language's format (6 620 in Albanian), not ECharts' own 6,620.
    const set = chart.setOption.bind(chart);
    chart.setOption = function (option) {
      ['xAxis', 'yAxis'].forEach(function (k) {
        [].concat((option && option[k]) || []).forEach(function (axis) {
          if (axis && axis.type === 'value') {
            axis.axisLabel = Object.assign({ formatter: function (v) { return A.number(v, Number.isInteger(v) ? 0 : 1); } }, axis.axisLabel || {});
          }
        });
      });
      return set.apply(null, arguments);
    };
    charts.push(chart);
    return chart;
  }

  /** The mark the release prints for a figure it does not publish (its legend explains them). */
  const MARKS = { WITHHELD: 'x', NOT_REPORTED: '–', NOT_YET_DUE: '…' };

  function mark(status) { return MARKS[status] || ''; }

  /** What a result row shows in a table: its value in the chosen language's format, or the release's mark. */
  function cell(row, unit) {
    if (!row) { return ''; }
    if (row.status !== 'PUBLISHED') { return mark(row.status); }
    if (row.value === null || row.value === undefined) {
      return row.flags && row.flags.indexOf('DENOMINATOR_MISSING') >= 0 ? A.t('flag.DENOMINATOR_MISSING') : A.t('flag.NO_VALUE');
    }
    const digits = unit === 'count' ? 0 : 1;
    return A.number(row.value, digits) + (unit === 'percent' ? '\u00a0%' : '');
  }

  /** What a tooltip says of a row: its value, or in words why there is none. */
  function said(row, unit) {
    return row && row.status !== 'PUBLISHED' ? A.t('status.' + row.status) : cell(row, unit);
  }

  /**
   * Marks on line charts the periods the release covers only in part (flag PARTIAL_PERIOD): each line is solid over
   * whole periods and dashed into and over a partial one, so that a year of two months does not read as a collapse.
   * {@code rowAt(series, point)} gives the result row behind a point. Returns the series with their dashed twins after
   * them: a tooltip reads only the first {@code series.length}.
   */
  function partial(series, rowAt) {
    const twins = [];
    series.forEach(function (s, k) {
      if (s.type !== 'line') { return; }
      const flags = s.data.map(function (v, i) {
        const r = rowAt(k, i);
        return !!(r && r.flags && r.flags.indexOf('PARTIAL_PERIOD') >= 0);
      });
      if (flags.indexOf(true) < 0) { return; }
      const values = s.data.slice();
      const colour = s.color || PALETTE[k % PALETTE.length];
      s.data = values.map(function (v, i) { return flags[i] ? null : v; });
      s.itemStyle = Object.assign({}, s.itemStyle, { color: colour });
      s.lineStyle = Object.assign({}, s.lineStyle, { color: colour });
      twins.push({ name: s.name, type: 'line', connectNulls: false, silent: true, tooltip: { show: false }, partial: true, z: s.z,
        itemStyle: { color: colour }, lineStyle: Object.assign({}, s.lineStyle, { color: colour, type: 'dashed' }), symbol: 'emptyCircle',
        data: values.map(function (v, i) { return flags[i] || flags[i - 1] || flags[i + 1] ? v : null; }) });
    });
    return series.concat(twins);
  }

  /** A row's period as a table heads it: marked when the release covers it only in part. */
  function period(row) {
    return row.flags && row.flags.indexOf('PARTIAL_PERIOD') >= 0 ? A.t('statistics.partial', { period: row.period }) : row.period;
  }

  /** The hatch drawn over a figure the release withholds: a pattern, never a size that says how many. */
  const HATCH = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(0, 0, 0, 0.5)' };

  /**
   * Bar data for result rows: a published value as it is; a withheld one as a hatched, dashed bar of one fixed length (a
   * tenth of the longest published bar, whatever the figure) marked x, so that it reads as neither a zero nor a gap; not
   * reported stays a gap. {@code styleOf(row, i)}: the bar's own style (a colour), kept under the hatch.
   */
  function bars(rows, styleOf) {
    const values = rows.map(value).filter(function (v) { return v !== null; });
    const stub = values.length && Math.max.apply(null, values) > 0 ? Math.max.apply(null, values) / 10 : 1;
    return rows.map(function (r, i) {
      const style = styleOf ? styleOf(r, i) : {};
      if (r && r.status === 'WITHHELD') {
        return { value: stub, withheld: true, itemStyle: Object.assign({}, style, { color: '#ffffff', borderColor: '#555555', borderType: 'dashed',
          borderWidth: 1, decal: HATCH }), label: { show: true, position: 'right', formatter: mark('WITHHELD'), color: '#333333' } };
      }
      return { value: value(r), itemStyle: style };
    });
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

  /** Whether the release covers every month of a year. */
  function wholeYear(snapshot, year) { return snapshot.firstMonth <= year + '-01' && snapshot.lastMonth >= year + '-12'; }

  /**
   * The spans a page offers, each as {value: 'from/to', text}: the release's rolling windows (the last twelve months,
   * then the twelve before) when windows is true, then each whole year it covers, newest first.
   */
  function spans(snapshot, windows) {
    const list = [];
    if (windows) {
      snapshot.rollingWindows.forEach(function (w, i) {
        const ends = w.split('/');
        list.push({ value: w, text: A.t(i === 0 ? 'compare.window' : 'compare.windowBefore', { from: ends[0], to: ends[1] }) });
      });
    }
    snapshot.years.slice().reverse().filter(function (y) { return wholeYear(snapshot, y); })
      .forEach(function (y) { list.push({ value: y + '-01/' + y + '-12', text: y }); });
    return list;
  }

  /** The periods a breakdown can be asked by, from the finest the release publishes it at (absent: none). */
  function periods(finest) {
    const all = ['month', 'quarter', 'year'];
    return finest ? all.slice(all.indexOf(finest)) : [];
  }

  /**
   * Fills a month picker (a select) with the months first..last (yyyy-MM), each named in the chosen language (nëntor 2025)
   * rather than left to the browser's month input, which names them in its own locale; {@code wanted} is chosen if offered.
   */
  function months(select, first, last, wanted) {
    const list = [];
    let y = Number(first.substring(0, 4));
    let m = Number(first.substring(5, 7));
    for (let guard = 0; guard < 1200; guard++) {
      const ym = y + '-' + (m < 10 ? '0' : '') + m;
      if (ym > last) { break; }
      list.push({ value: ym, text: A.month(ym) });
      m++;
      if (m > 12) { m = 1; y++; }
    }
    options(select, list, wanted);
  }

  /** Fills a select with options ({value, text}), keeping the chosen value when it is still offered, else the first. */
  function options(select, list, wanted) {
    const keep = wanted || select.value;
    select.textContent = '';
    list.forEach(function (o) { select.appendChild(A.el('option', { value: o.value, text: o.text })); });
    select.value = list.some(function (o) { return o.value === keep; }) ? keep : (list.length ? list[0].value : '');
  }

  /**
   * Runs an answer: resolves to it, or to null after showing a refusal (HTTP 400: what the release does not publish,
   * and what to ask instead) in the element; any other failure is thrown to the page's error box.
   */
  async function ask(promise, element) {
    if (element) { element.textContent = ''; element.hidden = true; }
    try {
      return await promise;
    } catch (e) {
      if (e.status !== 400 || !element) { throw e; }
      element.textContent = A.t('common.refused', { message: e.message });
      element.hidden = false;
      return null;
    }
  }

  /** The release's legend of the marks, in the chosen language, and which release the figures are cells of. */
  function legend(element, snapshot) {
    element.textContent = (snapshot.legend[A.lang()] || snapshot.legend.en) + ' ' + A.t('common.release', { id: snapshot.id });
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
  window.Charts = { PALETTE: PALETTE, RAMP: RAMP, HATCH: HATCH, bars: bars, colour: colour, init: init, spans: spans, periods: periods, options: options, months: months, partial: partial, ask: ask, legend: legend, places: places,
    mark: mark, cell: cell, said: said, period: period, value: value, fillTable: fillTable, csvLink: csvLink, all: charts };
})();
