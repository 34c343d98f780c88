// The ministry's statistics: the standard tables for a chosen year or quarter, each with its downloads (XLSX, CSV,
// PDF), and all of them in one file. A period the release covers only in part says so; a table the release cannot
// make for a period (its cells are published only by year, say) says why and what to ask instead. Every figure is a
// cell of the release; the marks are explained by its legend. A whole export can take a few seconds: the page says
// so while it runs.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('statistics');
  const form = document.getElementById('statistics-form');
  const views = A.latest();

  /** The period asked for, and the language files and names are written in. */
  function param() {
    const v = form.elements.period.value;
    return (v.indexOf('Q') >= 0 ? 'quarter=' : 'year=') + encodeURIComponent(v) + '&lang=' + (A.lang() === 'en' ? 'en' : 'sq');
  }

  function title(t) { return t.title[A.lang()] || t.title.en; }

  /** A table as the page shows it: its cells (figures, or the release's marks) with row and column totals. */
  function tableSection(t) {
    const section = A.el('section', { 'aria-label': title(t), 'data-table': t.id });
    section.appendChild(A.el('h2', { text: title(t) + ', ' + t.period }));
    const table = A.el('table', { class: 'data' });
    const share = t.columnLabels.length === 0;
    const header = [A.t('dim.' + t.rows)].concat(share ? [A.t('compare.unit.' + t.unit)]
      : t.columnLabels.map(function (c) { return A.value(t.columns, c); }).concat([A.t('statistics.total')]));
    const shown = function (v) { return /^[0-9]+(\.[0-9]+)?$/.test(v) ? A.number(Number(v), v.indexOf('.') < 0 ? 0 : v.split('.')[1].length) : v; };
    const rows = t.cells.map(function (line, r) {
      return [r < t.rowLabels.length ? A.value(t.rows, t.rowLabels[r]) : (share ? A.t('compare.albania') : A.t('statistics.total'))].concat(line.map(shown));
    });
    C.fillTable(table, header, rows);
    section.appendChild(A.el('div', { class: 'scroll' }, [table]));
    const links = A.el('p', { class: 'exports' }, [A.t('actions.export') + ': ']);
    ['xlsx', 'csv', 'pdf'].forEach(function (f, i) {
      if (i > 0) { links.appendChild(document.createTextNode(' · ')); }
      links.appendChild(A.el('a', { href: '/api/v1/statistics/' + t.id + '/export.' + f + '?' + param(), text: f.toUpperCase() }));
    });
    section.appendChild(links);
    section.appendChild(A.el('p', { class: 'note', text: A.t('statistics.stamp', { snapshot: t.snapshot, indicator: t.indicator }) }));
    return section;
  }

  async function draw(listing) {
    const box = document.getElementById('tables');
    const ticket = views.start();
    box.setAttribute('aria-busy', 'true');
    const period = form.elements.period.value;
    const partial = document.getElementById('partial-note');
    partial.hidden = listing.partial.indexOf(period) < 0;
    partial.textContent = A.t('statistics.partialNote', { first: listing.firstMonth, last: listing.lastMonth });
    document.querySelectorAll('.export-all').forEach(function (a) {
      a.href = '/api/v1/statistics/all/export.' + a.getAttribute('data-format') + '?' + param();
    });
    // The six tables asked together; drawn once all are in, and only if no other period was chosen meanwhile.
    const answers = await views.only(ticket, Promise.all(listing.tables.map(function (entry) {
      const refusal = A.el('p', { class: 'refusal', role: 'status' });
      return C.ask(A.call('GET', '/api/v1/statistics/' + entry.id + '?' + param()), refusal)
        .then(function (t) { return { entry: entry, t: t, refusal: refusal }; });
    })));
    box.textContent = '';
    box.removeAttribute('aria-busy');
    for (const answer of answers) {
      const entry = answer.entry;
      const t = answer.t;
      const refusal = answer.refusal;
      if (t) {
        box.appendChild(tableSection(t));
      } else {
        box.appendChild(A.el('section', { 'aria-label': title(entry), 'data-table': entry.id, 'data-refused': 'true' }, [
          A.el('h2', { text: title(entry) + ', ' + period }), refusal]));
      }
    }
  }

  /** The all-tables files are made on request: fetched here so the page can say it is working. */
  function progress() {
    document.querySelectorAll('.export-all').forEach(function (a) {
      a.addEventListener('click', async function (ev) {
        ev.preventDefault();
        const status = document.getElementById('export-progress');
        status.textContent = A.t('statistics.preparing');
        try {
          const response = await fetch(a.href);
          if (!response.ok) { throw new Error((await response.json()).error || ('HTTP ' + response.status)); }
          const name = (response.headers.get('Content-Disposition') || '').replace(/.*filename="([^"]+)".*/, '$1') || 'statistics';
          const link = A.el('a', { href: URL.createObjectURL(await response.blob()), download: name });
          document.body.appendChild(link);
          link.click();
          link.remove();
          status.textContent = A.t('statistics.ready', { file: name });
        } catch (e) {
          status.textContent = A.t('error.load') + e.message;
        }
      });
    });
  }

  async function load() {
    const listing = await A.call('GET', '/api/v1/statistics');
    const label = function (p) { return listing.partial.indexOf(p) >= 0 ? A.t('statistics.partial', { period: p }) : p; };
    C.options(form.elements.period, listing.years.concat(listing.quarters).map(function (p) { return { value: p, text: label(p) }; }),
      A.query.get('period') || listing.defaultPeriod);
    document.getElementById('disclosure').textContent = listing.legend[A.lang()] || listing.legend.en;
    A.keepInUrl(form, ['period']);
    form.addEventListener('change', function () { draw(listing).catch(A.fail); });
    progress();
    await draw(listing);
  }

  load().catch(A.fail);
})();
