// Compare districts (regional committees): a choropleth of the 12 counties from the Natural Earth extract the
// portal serves itself, a ranking against the national value, the table behind them, and the municipalities
// of the chosen county as a ranked chart (no open municipal boundaries exist, so no municipal map).
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

  function entry(id) { return catalogue.find(function (e) { return e.id === id; }); }
  function name(e) { return e.name[A.lang()] || e.name.en; }
  function countyName(code) { return C.places(reference).county(code); }
  function municipalityName(code) { return C.places(reference).municipality(code); }

  function query(id, range, extra) {
    const parts = range.split('/');
    return A.call('GET', '/api/v1/indicators/' + encodeURIComponent(id) + '?period=range&from=' + parts[0] + '&to=' + parts[1] + (extra || ''));
  }

  async function draw() {
    const id = form.elements.indicator.value;
    const range = form.elements.period.value;
    const selected = form.elements.county.value;
    const e = entry(id);
    const [byCounty, national] = await Promise.all([query(id, range, '&group_by=county'), query(id, range, '')]);
    const nationalRow = national.rows[0];
    document.getElementById('compare-note').textContent = A.t('compare.unit.' + e.unit) + ' ' + A.t('compare.range', { range: range.replace('/', ' – ') });
    document.getElementById('national').textContent = A.t('compare.national', { value: C.cell(nationalRow, e.unit) });
    const rows = byCounty.rows.map(function (r) { return { code: r.group.county, name: countyName(r.group.county), row: r }; });
    const values = rows.map(function (r) { return C.value(r.row); }).filter(function (v) { return v !== null; });
    const max = values.length ? Math.max.apply(null, values) : 1;
    mapChart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { const r = rows.find(function (x) { return x.code === p.name; }); return r ? r.name + ': ' + C.cell(r.row, e.unit) : p.name; } },
      visualMap: { min: 0, max: max || 1, inRange: { color: C.RAMP }, calculable: false, left: 0, bottom: 0, text: [A.number(Math.round(max)), '0'] },
      series: [{
        type: 'map', map: 'albania', nameProperty: 'iso_3166_2', roam: false, selectedMode: 'single',
        label: { show: false }, emphasis: { label: { show: true, formatter: function (p) { return countyName(p.name); } } },
        select: { label: { show: true, formatter: function (p) { return countyName(p.name); } } },
        itemStyle: { borderColor: '#555', areaColor: '#eee' },
        data: rows.map(function (r) { return { name: r.code, value: C.value(r.row), selected: r.code === selected }; })
      }]
    }, true);
    const ranked = rows.slice().sort(function (a, b) { return (C.value(b.row) === null ? -1 : C.value(b.row)) - (C.value(a.row) === null ? -1 : C.value(a.row)); });
    rankChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) { const r = ranked[ranked.length - 1 - p[0].dataIndex]; return r.name + ': ' + C.cell(r.row, e.unit); } },
      grid: { left: 110, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ranked.slice().reverse().map(function (r) { return r.name; }) },
      series: [{
        type: 'bar', name: name(e),
        data: ranked.slice().reverse().map(function (r) { return { value: C.value(r.row), itemStyle: { color: r.code === selected ? C.PALETTE[1] : C.PALETTE[0] } }; }),
        markLine: C.value(nationalRow) === null ? undefined : { symbol: 'none', label: { formatter: A.t('compare.albania') }, lineStyle: { color: '#000', type: 'dashed' }, data: [{ xAxis: C.value(nationalRow) }] }
      }]
    }, true);
    const header = [A.t('compare.county'), name(e), A.t('compare.numerator'), A.t('compare.denominator'), A.t('compare.status')];
    const tableRows = ranked.map(function (r) {
      return [r.name, C.cell(r.row, e.unit), r.row.numerator === null ? '' : A.number(r.row.numerator),
        r.row.denominator === null ? '' : A.number(Math.round(r.row.denominator)), A.t('status.' + r.row.status)];
    });
    tableRows.push([A.t('compare.albania'), C.cell(nationalRow, e.unit), nationalRow.numerator === null ? '' : A.number(nationalRow.numerator),
      nationalRow.denominator === null ? '' : A.number(Math.round(nationalRow.denominator)), A.t('status.' + nationalRow.status)]);
    C.fillTable(document.getElementById('county-table'), header, tableRows);
    C.csvLink(document.getElementById('county-csv'), id + '_by_county_' + range.replace('/', '_') + '.csv',
      ['county_code', 'county', 'value', 'numerator', 'denominator', 'status', 'snapshot'],
      rows.map(function (r) { return [r.code, r.name, C.value(r.row), r.row.numerator, r.row.denominator, r.row.status, byCounty.snapshot]; }));
    await drawMunicipalities(range, selected);
  }

  /** The chosen county's municipalities, ranked, for a count the catalogue breaks down by municipality. */
  async function drawMunicipalities(range, county) {
    const id = form.elements.indicator.value;
    const e = entry(id).dimensions.indexOf('municipality') >= 0 ? entry(id) : entry('new_cpu_cases');
    document.getElementById('municipality-title').textContent = A.t('compare.municipalities', { county: countyName(county) });
    document.getElementById('municipality-note').textContent = e.id === id ? '' : A.t('compare.municipalities.note', { indicator: name(e) });
    const result = await query(e.id, range, '&group_by=municipality&county=' + encodeURIComponent(county));
    const rows = result.rows.map(function (r) { return { name: municipalityName(r.group.municipality), row: r }; })
      .sort(function (a, b) { return (C.value(b.row) === null ? -1 : C.value(b.row)) - (C.value(a.row) === null ? -1 : C.value(a.row)); });
    municipalityChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) { const r = rows[rows.length - 1 - p[0].dataIndex]; return r.name + ': ' + C.cell(r.row, e.unit); } },
      grid: { left: 130, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.slice().reverse().map(function (r) { return r.name; }) },
      series: [{ type: 'bar', name: name(e), data: rows.slice().reverse().map(function (r) { return C.value(r.row); }) }]
    }, true);
    C.fillTable(document.getElementById('municipality-table'), [A.t('compare.municipality'), name(e), A.t('compare.status')],
      rows.map(function (r) { return [r.name, C.cell(r.row, e.unit), A.t('status.' + r.row.status)]; }));
    C.csvLink(document.getElementById('municipality-csv'), e.id + '_' + county + '_by_municipality.csv', ['municipality', 'value', 'status', 'snapshot'],
      rows.map(function (r) { return [r.name, C.value(r.row), r.row.status, result.snapshot]; }));
  }

  async function load() {
    const [cat, ref, snap, geo] = await Promise.all([A.call('GET', '/api/v1/indicators'), A.call('GET', '/api/v1/reference'),
      A.call('GET', '/api/v1/snapshot'), A.call('GET', '/geo/albania-counties.geojson')]);
    catalogue = cat.filter(function (e) { return e.dimensions.indexOf('county') >= 0; });
    reference = ref; snapshot = snap;
    echarts.registerMap('albania', geo);
    catalogue.forEach(function (e) { form.elements.indicator.appendChild(A.el('option', { value: e.id, text: name(e) })); });
    form.elements.indicator.value = A.query.get('indicator') || 'children_encountered_rate';
    C.spans(snapshot).forEach(function (p) { form.elements.period.appendChild(A.el('option', { value: p.value, text: p.text })); });
    reference.counties.forEach(function (c) { form.elements.county.appendChild(A.el('option', { value: c.code, text: c.name })); });
    form.elements.county.value = A.query.get('county') || 'AL-07';
    mapChart = C.init('chart-map');
    rankChart = C.init('chart-rank');
    municipalityChart = C.init('chart-municipality');
    mapChart.on('click', function (p) {
      if (p.name && form.elements.county.value !== p.name) { form.elements.county.value = p.name; draw().catch(A.fail); }
    });
    form.addEventListener('change', function () { draw().catch(A.fail); });
    await draw();
  }

  load().catch(A.fail);
})();
