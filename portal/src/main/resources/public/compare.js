// Compare districts (regional committees): a choropleth of the 12 counties from the Natural Earth extract the
// portal serves itself, a ranking against the national value, the table behind them, and the municipalities of the
// chosen county as a ranked chart (no open municipal boundaries exist, so no municipal map). Only what the release
// publishes by county is offered: the indicators it publishes there, over the rolling windows (where it publishes
// counties by month) and whole years; municipalities only for an indicator it publishes by municipality, by year.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('compare');
  const form = document.getElementById('compare-form');
  let catalogue = [];
  let reference = null;
  let snapshot = null;
  let mapChart = null;
  let rankChart = null;
  let municipalityChart = null;
  const views = A.latest();

  function entry(id) { return catalogue.find(function (e) { return e.id === id; }); }
  function name(e) { return e.name[A.lang()] || e.name.en; }
  function countyName(code) { return C.places(reference).county(code); }
  function municipalityName(code) { return C.places(reference).municipality(code); }
  function published(e, level) { return ((e.published || {})[level] || {}).total; }

  function query(id, range, extra) {
    const parts = range.split('/');
    return A.call('GET', '/api/v1/indicators/' + encodeURIComponent(id) + '?period=range&from=' + parts[0] + '&to=' + parts[1] + (extra || ''));
  }

  /** The spans the release publishes the indicator over by county: rolling windows only where counties are published by month. */
  function fillSpans() {
    const e = entry(form.elements.indicator.value);
    C.options(form.elements.period, C.spans(snapshot, published(e, 'county') === 'month'), form.elements.period.value || A.query.get('period'));
  }

  function clear(chart) { chart.setOption({ series: [] }, true); }

  async function draw() {
    const ticket = views.start();
    const id = form.elements.indicator.value;
    const range = form.elements.period.value;
    const selected = form.elements.county.value;
    const e = entry(id);
    const refusal = document.getElementById('compare-refusal');
    document.getElementById('compare-note').textContent = A.t('compare.unit.' + e.unit) + (range ? ' ' + A.t('compare.range', { range: range.replace('/', ' – ') }) : '');
    if (!range) {
      refusal.textContent = A.t('compare.noSpan');
      refusal.hidden = false;
      [mapChart, rankChart].forEach(clear);
      await drawMunicipalities(range, selected, ticket);
      return;
    }
    const answers = await C.ask(views.only(ticket, Promise.all([query(id, range, '&group_by=county'), query(id, range, '')])), refusal);
    if (!answers) {
      [mapChart, rankChart].forEach(clear);
      await drawMunicipalities(range, selected, ticket);
      return;
    }
    const byCounty = answers[0];
    const nationalRow = answers[1].rows[0];
    document.getElementById('national').textContent = A.t('compare.national', { value: C.said(nationalRow, e.unit) });
    const rows = byCounty.rows.map(function (r) { return { code: r.group.county, name: countyName(r.group.county), row: r }; });
    const values = rows.map(function (r) { return C.value(r.row); }).filter(function (v) { return v !== null; });
    const max = values.length ? Math.max.apply(null, values) : 1;
    mapChart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { const r = rows.find(function (x) { return x.code === p.name; }); return r ? r.name + ': ' + C.said(r.row, e.unit) : p.name; } },
      visualMap: { min: 0, max: max || 1, inRange: { color: C.RAMP }, calculable: false, left: 0, bottom: 0, text: [A.number(Math.round(max)), '0'] },
      series: [{
        // The chosen county is outlined, never filled over: its colour still says its value. A withheld county is hatched.
        type: 'map', map: 'albania', nameProperty: 'iso_3166_2', roam: false, selectedMode: false,
        label: { show: false }, emphasis: { label: { show: true, formatter: function (p) { return countyName(p.name); } } },
        itemStyle: { borderColor: '#555', areaColor: '#eee' },
        data: rows.map(function (r) {
          const style = r.code === selected ? { borderColor: '#000000', borderWidth: 3 } : {};
          if (r.row.status === 'WITHHELD') { style.decal = C.HATCH; }
          return { name: r.code, value: C.value(r.row), itemStyle: style, withheld: r.row.status === 'WITHHELD',
            label: r.code === selected ? { show: true, formatter: function (p) { return countyName(p.name); }, fontWeight: 'bold' } : undefined };
        })
      }]
    }, true);
    const ranked = rows.slice().sort(function (a, b) { return (C.value(b.row) === null ? -1 : C.value(b.row)) - (C.value(a.row) === null ? -1 : C.value(a.row)); });
    rankChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) { const r = ranked[ranked.length - 1 - p[0].dataIndex]; return r.name + ': ' + C.said(r.row, e.unit); } },
      grid: { left: 110, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ranked.slice().reverse().map(function (r) { return r.name + (r.row.status === 'PUBLISHED' ? '' : ' (' + C.mark(r.row.status) + ')'); }) },
      series: [{
        type: 'bar', name: name(e),
        data: C.bars(ranked.slice().reverse().map(function (r) { return r.row; }), function (row, i) {
          return { color: ranked[ranked.length - 1 - i].code === selected ? C.PALETTE[1] : C.PALETTE[0] };
        }),
        markLine: C.value(nationalRow) === null ? undefined : { symbol: 'none', label: { formatter: A.t('compare.albania') }, lineStyle: { color: '#000', type: 'dashed' }, data: [{ xAxis: C.value(nationalRow) }] }
      }]
    }, true);
    const header = [A.t('compare.county'), name(e), A.t('compare.numerator'), A.t('compare.denominator'), A.t('compare.status')];
    const line = function (label, row) {
      return [label, C.cell(row, e.unit), row.numerator === null ? '' : A.number(row.numerator),
        row.denominator === null ? '' : A.number(Math.round(row.denominator)), A.t('status.' + row.status)];
    };
    const tableRows = ranked.map(function (r) { return line(r.name, r.row); });
    tableRows.push(line(A.t('compare.albania'), nationalRow));
    C.fillTable(document.getElementById('county-table'), header, tableRows);
    C.csvLink(document.getElementById('county-csv'), id + '_by_county_' + range.replace('/', '_') + '.csv',
      ['county_code', 'county', 'value', 'numerator', 'denominator', 'status', 'release'],
      rows.map(function (r) { return [r.code, r.name, C.value(r.row), r.row.numerator, r.row.denominator, r.row.status, byCounty.snapshot]; }));
    await drawMunicipalities(range, selected, ticket);
  }

  /**
   * The chosen county's municipalities, ranked, for an indicator the release publishes by municipality (the chosen one,
   * else the first that is): by year, the span's year or, for a rolling window, the last whole year.
   */
  async function drawMunicipalities(range, county, ticket) {
    const section = document.getElementById('municipality-section');
    const chosen = entry(form.elements.indicator.value);
    const e = published(chosen, 'municipality') ? chosen : catalogue.find(function (x) { return published(x, 'municipality'); });
    section.hidden = !e;
    if (!e) { return; }
    const years = C.spans(snapshot, false);
    const year = range && range.slice(0, 4) === range.slice(8, 12) && range.slice(5, 7) === '01' ? range : (years.length ? years[0].value : '');
    document.getElementById('municipality-title').textContent = A.t('compare.municipalities', { county: countyName(county) });
    document.getElementById('municipality-note').textContent = (e.id === chosen.id ? '' : A.t('compare.municipalities.note', { indicator: name(e) }) + ' ')
      + A.t('compare.municipalities.year', { year: year.slice(0, 4) });
    const result = year ? await C.ask(views.only(ticket, query(e.id, year, '&group_by=municipality&county=' + encodeURIComponent(county))),
      document.getElementById('municipality-refusal')) : null;
    const rows = (result ? result.rows : []).map(function (r) { return { name: municipalityName(r.group.municipality), row: r }; })
      .sort(function (a, b) { return (C.value(b.row) === null ? -1 : C.value(b.row)) - (C.value(a.row) === null ? -1 : C.value(a.row)); });
    municipalityChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) { const r = rows[rows.length - 1 - p[0].dataIndex]; return r.name + ': ' + C.said(r.row, e.unit); } },
      grid: { left: 130, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.slice().reverse().map(function (r) { return r.name; }) },
      series: [{ type: 'bar', name: name(e), data: C.bars(rows.slice().reverse().map(function (r) { return r.row; })) }]
    }, true);
    C.fillTable(document.getElementById('municipality-table'), [A.t('compare.municipality'), name(e), A.t('compare.status')],
      rows.map(function (r) { return [r.name, C.cell(r.row, e.unit), A.t('status.' + r.row.status)]; }));
    C.csvLink(document.getElementById('municipality-csv'), e.id + '_' + county + '_by_municipality_' + year.slice(0, 4) + '.csv',
      ['municipality', 'value', 'status', 'release'], rows.map(function (r) { return [r.name, C.value(r.row), r.row.status, result.snapshot]; }));
  }

  async function load() {
    const [cat, ref, snap, geo] = await Promise.all([A.call('GET', '/api/v1/indicators'), A.call('GET', '/api/v1/reference'),
      A.call('GET', '/api/v1/snapshot'), A.call('GET', '/geo/albania-counties.geojson')]);
    // Only what can be drawn: an indicator whose denominator the release lacks (a rate per children) would be an empty map.
    catalogue = cat.filter(function (e) { return published(e, 'county') && e.drawable !== false; });
    reference = ref; snapshot = snap;
    C.legend(document.getElementById('disclosure'), snapshot);
    echarts.registerMap('albania', geo);
    catalogue.forEach(function (e) { form.elements.indicator.appendChild(A.el('option', { value: e.id, text: name(e) })); });
    const wanted = A.query.get('indicator') || 'children_encountered_rate';
    form.elements.indicator.value = entry(wanted) ? wanted : (catalogue.length ? catalogue[0].id : '');
    fillSpans();
    reference.counties.forEach(function (c) { form.elements.county.appendChild(A.el('option', { value: c.code, text: c.name })); });
    form.elements.county.value = A.query.get('county') || 'AL-07';
    mapChart = C.init('chart-map');
    rankChart = C.init('chart-rank');
    municipalityChart = C.init('chart-municipality');
    mapChart.on('click', function (p) {
      if (p.name && form.elements.county.value !== p.name) { form.elements.county.value = p.name; remember(); draw().catch(A.fail); }
    });
    const remember = A.keepInUrl(form, ['indicator', 'period', 'county']);
    form.addEventListener('change', function (ev) {
      if (ev.target === form.elements.indicator) { fillSpans(); }
      draw().catch(A.fail);
    });
    await draw();
  }

  load().catch(A.fail);
})();
