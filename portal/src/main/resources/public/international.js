// International returns: the UNODC GLOTIP, Eurostat and SDG 16.2.2 tables for a year of the release (every figure a
// cell of it, withheld ones with its one mark), their downloads in each body's layout, and for the ministry
// statistician the internal, unsuppressed files with a stated reason. Then UNODC's published series: Albania beside its
// neighbours and the Western Balkans, and the reconciliation of Albania's series with the warehouse for the years both
// cover. The chosen return and year are kept in the URL; only the latest answer draws.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('international');
  const form = document.getElementById('returns-form');
  const views = A.latest();
  let listing = null;

  function label(l) { return l[A.lang()] || l.en || l.code; }
  function shown(v) { return /^[0-9]+$/.test(v) ? A.number(Number(v), 0) : v; }

  function tableSection(t) {
    const section = A.el('section', { 'data-return-table': t.id });
    section.appendChild(A.el('h3', { text: t.rowLabels.map(label).length ? A.t('dim.' + dimension(t.rows)) + ' × ' + A.t('dim.' + dimension(t.columns)) : t.id }));
    const table = A.el('table', { class: 'data' });
    const header = [''].concat(t.columnLabels.map(label)).concat([A.t('statistics.total')]);
    const rows = t.cells.map(function (line, r) {
      return [r < t.rowLabels.length ? label(t.rowLabels[r]) : A.t('statistics.total')].concat(line.map(shown));
    });
    C.fillTable(table, header, rows);
    section.appendChild(A.el('div', { class: 'scroll' }, [table]));
    return section;
  }

  function dimension(breakdown) {
    return { sex: 'sex', age: 'age_band', form: 'exploitation_form', status: 'status' }[breakdown] || 'citizenship';
  }

  function links(box, base, extra, body) {
    box.textContent = '';
    box.appendChild(document.createTextNode(A.t('int.download', { body: body }) + ': '));
    ['xlsx', 'csv'].forEach(function (f, i) {
      if (i > 0) { box.appendChild(document.createTextNode(' · ')); }
      box.appendChild(A.el('a', { href: base + '/export.' + f + '?year=' + form.elements.year.value + '&lang=' + A.lang() + extra, text: f.toUpperCase() }));
    });
  }

  /** The internal files' links carry the reason typed; shown only to a role that may have them. */
  function internalLinks() {
    if (document.getElementById('internal').hidden) { return; }
    const id = form.elements['return'].value;
    const entry = listing.returns.find(function (r) { return r.id === id; });
    document.getElementById('internal-banner').textContent = A.t('int.internal', { body: entry.body });
    const reason = document.getElementById('reason').value.trim();
    links(document.getElementById('internal-downloads'), '/api/v1/internal/returns/' + id, '&reason=' + encodeURIComponent(reason), entry.body);
  }

  async function draw() {
    const ticket = views.start();
    const id = form.elements['return'].value;
    const year = form.elements.year.value;
    const entry = listing.returns.find(function (r) { return r.id === id; });
    const box = document.getElementById('tables');
    box.setAttribute('aria-busy', 'true');
    const partial = document.getElementById('partial-note');
    partial.hidden = listing.partial.indexOf(Number(year)) < 0;
    partial.textContent = A.t('int.partialNote', { year: year });
    links(document.getElementById('downloads'), '/api/v1/returns/' + id, '', entry.body);
    internalLinks();
    const view = await views.only(ticket, A.call('GET', '/api/v1/returns/' + id + '?year=' + year));
    box.textContent = '';
    box.removeAttribute('aria-busy');
    box.appendChild(A.el('p', { class: 'note', text: label(view.title) + ', ' + (view.partial ? A.t('int.partial', { year: view.year }) : view.year) }));
    view.tables.forEach(function (t) { box.appendChild(tableSection(t)); });
    document.getElementById('disclosure').textContent = (view.legend[A.lang()] || view.legend.en) + ' ' + A.t('common.release', { id: view.snapshot });
  }

  async function series() {
    const note = document.getElementById('series-note');
    let ref;
    try {
      ref = await A.call('GET', '/api/v1/reference/glotip');
    } catch (e) {
      if (e.status === 404) { note.textContent = A.t('int.noSeries'); document.getElementById('series-chart').hidden = true; return null; }
      throw e;
    }
    note.textContent = A.t('int.seriesNote', { file: ref.file, stamp: ref.stamp ? A.date(ref.stamp) : '' })
      + (ref.westernBalkans.missing.length ? ' ' + A.t('int.missing', { countries: ref.westernBalkans.missing.join(', ') }) : '');
    const years = [];
    for (let y = ref.firstYear; y <= ref.lastYear; y++) { years.push(String(y)); }
    const num = function (text) { return text && /^[0-9]+$/.test(text) ? Number(text) : null; };
    const lines = ref.countries.filter(function (c) { return Object.keys(c.totals).length; }).map(function (c, i) {
      return { name: c.name, type: 'line', connectNulls: false, color: C.PALETTE[i % C.PALETTE.length],
        data: years.map(function (y) { return num(c.totals[y]); }) };
    });
    const wb = ref.westernBalkans.range;
    lines.push({ name: A.t('int.wbLow'), type: 'line', lineStyle: { type: 'dashed' }, color: '#555555', data: years.map(function (y) { return wb[y] ? wb[y][0] : null; }) });
    lines.push({ name: A.t('int.wbHigh'), type: 'line', lineStyle: { type: 'dotted' }, color: '#555555', data: years.map(function (y) { return wb[y] ? wb[y][1] : null; }) });
    const chart = C.init('series-chart');
    chart.setOption({ tooltip: { trigger: 'axis' }, legend: { type: 'scroll', bottom: 0 }, grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: years }, yAxis: { type: 'value' }, series: lines });
    const header = [A.t('int.country')].concat(years);
    const rows = ref.countries.map(function (c) { return [c.name].concat(years.map(function (y) { return c.totals[y] ? shown(c.totals[y]) : '–'; })); });
    rows.push([A.t('int.wb')].concat(years.map(function (y) { return wb[y] ? (wb[y][0] === wb[y][1] ? shown(String(wb[y][0])) : shown(String(wb[y][0])) + '–' + shown(String(wb[y][1]))) : '–'; })));
    C.fillTable(document.getElementById('series-table'), header, rows);
    return ref;
  }

  async function reconcile(ref) {
    const note = document.getElementById('reconcile-note');
    const table = document.getElementById('reconcile-table');
    if (!ref) { note.textContent = A.t('int.noSeries'); return; }
    if (!ref.commonYears.length) {
      note.textContent = A.t('int.noCommon', { first: ref.firstYear, last: ref.lastYear, from: A.month(ref.releaseFirstMonth), to: A.month(ref.releaseLastMonth) });
      return;
    }
    const year = ref.commonYears[ref.commonYears.length - 1];
    const r = await A.call('GET', '/api/v1/reference/glotip/reconciliation?year=' + year);
    note.textContent = year + ': ' + Object.keys(r.flags).map(function (f) { return A.t('flag.' + f) + ' ' + r.flags[f]; }).join(', ');
    C.fillTable(table, [A.t('int.dimension'), A.t('int.category'), A.t('int.sex'), A.t('int.age'), A.t('int.published'), A.t('int.warehouse'), A.t('int.flag')],
      r.lines.map(function (l) { return [l.dimension, l.category, l.sex, l.age, l.published || '', l.warehouse ? shown(l.warehouse) : '', A.t('flag.' + l.flag)]; }));
  }

  async function start() {
    listing = await A.call('GET', '/api/v1/returns');
    C.options(form.elements['return'], listing.returns.map(function (r) { return { value: r.id, text: label(r.title) }; }), A.query.get('return'));
    C.options(form.elements.year, listing.years.map(function (y) {
      return { value: String(y), text: listing.partial.indexOf(y) >= 0 ? A.t('int.partial', { year: y }) : String(y) };
    }), A.query.get('year') || (listing.defaultYear ? String(listing.defaultYear) : null));
    A.keepInUrl(form, ['return', 'year']);
    const s = await A.session();
    document.getElementById('internal').hidden = !A.can(s, 'submit_international_returns');
    form.addEventListener('change', function () { draw().catch(A.fail); });
    document.getElementById('reason').addEventListener('input', internalLinks);
    await draw();
    await reconcile(await series());
  }

  start().catch(A.fail);
})();
