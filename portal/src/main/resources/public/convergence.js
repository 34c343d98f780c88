// Convergence (the national coordinator's gap): children first met by one mechanism, and which later ones reached
// them, as a Sankey diagram with the share lost at each step, and the delay to NRM identification. Flows the release
// withholds are not drawn (their size is unknown to the page) and are listed instead; what the release does not
// publish for the place and span (the outcomes, the delays, the median, or the whole path) is said in the page.
(function () {
  'use strict';
  const A = window.App;
  const C = window.Charts;
  A.header('convergence');
  const form = document.getElementById('convergence-form');
  let reference = null;
  let flowChart = null;
  let delayChart = null;
  const views = A.latest();

  function node(id) {
    return id.indexOf('after:') === 0 ? A.t('convergence.after', { mechanism: A.t('source.' + id.slice(6)) }) : A.t('source.' + id);
  }

  /** A chart's area only when it has something to draw (the note says why it has not). */
  function showChart(chart, shown) {
    const box = chart.getDom();
    const was = !box.hidden;
    box.hidden = !shown;
    if (shown && !was) { chart.resize(); }
  }

  function children(item) { return item.status === 'PUBLISHED' ? A.number(item.children) : C.mark(item.status); }

  function drawFlow(flow, start, label) {
    document.getElementById('flow-total').textContent = A.t('convergence.total', {
      children: flow.status === 'PUBLISHED' ? A.number(flow.children) : A.t('status.' + flow.status) });
    const note = document.getElementById('flow-note');
    note.hidden = !flow.note;
    note.textContent = flow.note ? A.t('convergence.shownNot', { note: flow.note }) : '';
    // A withheld flow is drawn too, as a grey placeholder of one fixed width (a fiftieth of the largest published flow)
    // marked with the release's mark: it says the flow exists and is withheld, never how large it is; without it a
    // withheld flow looked like no flow at all.
    const largest = flow.links.reduce(function (m, l) { return l.status === 'PUBLISHED' ? Math.max(m, l.children || 0) : m; }, 0);
    const placeholder = Math.max(1, largest / 50);
    showChart(flowChart, flow.links.length > 0);
    const names = [];
    flow.links.forEach(function (l) { [l.source, l.target].forEach(function (n) { if (names.indexOf(n) < 0) { names.push(n); } }); });
    // The share lost at each step: children who went no further, of those who reached the step; withheld when any
    // figure it needs is.
    const inflow = {}; const lost = {};
    flow.links.forEach(function (l) {
      if (l.target.indexOf('after:') === 0) { lost[l.source] = l; } else { inflow[l.target] = (inflow[l.target] || []).concat([l]); }
    });
    const shareLost = {};
    Object.keys(lost).forEach(function (m) {
      const ins = m === start ? [{ children: flow.children, status: flow.status }] : (inflow[m] || []);
      const known = lost[m].status === 'PUBLISHED' && ins.every(function (l) { return l.status === 'PUBLISHED'; });
      const total = ins.reduce(function (sum, l) { return sum + (l.children || 0); }, 0);
      shareLost[m] = known && total ? C.cell({ status: 'PUBLISHED', value: 100 * lost[m].children / total }, 'percent') : C.mark('WITHHELD');
    });
    flowChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'item', formatter: function (p) {
        if (p.dataType !== 'edge') { return node(p.name) + (shareLost[p.name] ? ': ' + A.t('convergence.lostShort', { share: shareLost[p.name] }) : ''); }
        return node(p.data.source) + ' → ' + node(p.data.target) + ': '
          + (p.data.status === 'PUBLISHED' ? A.number(p.data.value) : C.mark(p.data.status) + ' (' + A.t('status.' + p.data.status) + ')');
      } },
      // Room on the right for the last column's labels, which wrap rather than being cut.
      series: [{ type: 'sankey', left: 10, right: 190, nodeAlign: 'left', emphasis: { focus: 'adjacency' },
        label: { width: 180, overflow: 'break', formatter: function (p) {
          return node(p.name) + (shareLost[p.name] ? '\n' + A.t('convergence.lostShort', { share: shareLost[p.name] }) : '');
        } },
        data: names.map(function (n, i) { return { name: n, itemStyle: { color: n.indexOf('after:') === 0 ? '#BBBBBB' : C.colour('first_mechanism', n, i) } }; }),
        links: flow.links.map(function (l) {
          return l.status === 'PUBLISHED' ? { source: l.source, target: l.target, value: l.children, status: l.status }
            : { source: l.source, target: l.target, value: placeholder, status: l.status, lineStyle: { color: '#888888', opacity: 0.3 },
              edgeLabel: { show: true, formatter: C.mark(l.status) } };
        }) }]
    }, true);
    flowChart.getDom().setAttribute('data-share-lost', Object.keys(shareLost).map(function (m) { return m + '=' + shareLost[m]; }).join(';'));
    const withheld = flow.links.filter(function (l) { return l.status !== 'PUBLISHED'; });
    document.getElementById('withheld').textContent = withheld.length ? A.t('convergence.withheld', {
      flows: withheld.map(function (l) { return node(l.source) + ' → ' + node(l.target); }).join('; ') }) : '';
    const rows = flow.links.map(function (l) { return [node(l.source) + ' → ' + node(l.target), children(l), '']; });
    Object.keys(lost).forEach(function (m) {
      rows.push([A.t('convergence.lostAt', { mechanism: A.t('source.' + m) }), '', shareLost[m]]);
    });
    C.fillTable(document.getElementById('flow-table'), [A.t('convergence.flowColumn'), A.t('convergence.children'), A.t('convergence.shareLost')], rows);
    C.csvLink(document.getElementById('flow-csv'), 'convergence_' + label + '.csv',
      ['source', 'target', 'children', 'status', 'release'], flow.links.map(function (l) { return [l.source, l.target, l.children, l.status, flow.snapshot]; }));
  }

  function drawDelays(flow, label, start) {
    // From the NRM there is no delay to the NRM: the section says so instead of drawing nothing.
    document.getElementById('delay-from-nrm').hidden = start !== 'nrm';
    showChart(delayChart, flow.delays.length > 0 && start !== 'nrm');
    delayChart.setOption({
      color: C.PALETTE,
      tooltip: { trigger: 'axis', formatter: function (p) { const d = flow.delays[p[0].dataIndex]; return d.reached[0] + ': ' + (d.status === 'PUBLISHED' ? A.number(d.children) : A.t('status.' + d.status)); } },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', name: A.t('convergence.days'), nameLocation: 'middle', nameGap: 28, data: flow.delays.map(function (d) { return d.reached[0]; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: A.t('convergence.children'), data: C.bars(flow.delays.map(function (d) { return { status: d.status, value: d.children }; })) }]
    }, true);
    C.fillTable(document.getElementById('delay-table'), [A.t('convergence.days'), A.t('convergence.children')],
      flow.delays.map(function (d) { return [d.reached[0], children(d)]; }));
    C.csvLink(document.getElementById('delay-csv'), 'days_to_nrm_' + label + '.csv',
      ['days', 'children', 'status', 'release'], flow.delays.map(function (d) { return [d.reached[0], d.children, d.status, flow.snapshot]; }));
  }

  /** The catalogue's median for the start and span: a figure, withheld, or not published there (the release's reason). */
  async function median(query, start, ticket) {
    const box = document.getElementById('median');
    try {
      const answer = await views.only(ticket, A.call('GET', '/api/v1/indicators/median_days_first_contact_to_nrm?period=range&' + query + '&first_mechanism=' + start));
      const row = answer.rows[0];
      box.textContent = row.status === 'PUBLISHED' && row.value !== null ? A.t('convergence.median', { days: C.cell(row, 'median_days') })
        : A.t('convergence.medianStatus', { status: A.t(row.status === 'PUBLISHED' ? 'flag.NO_VALUE' : 'status.' + row.status) });
    } catch (e) {
      if (e.status !== 400) { throw e; }
      box.textContent = A.t('convergence.medianRefused', { message: e.message });
    }
  }

  async function draw() {
    const [from, to] = form.elements.period.value.split('/');
    const county = form.elements.county.value;
    const start = form.elements.start.value;
    const query = 'from=' + from + '&to=' + to + (county ? '&county=' + county : '');
    const label = start + '_' + from + '_' + to + (county ? '_' + county : '');
    const ticket = views.start();
    const flow = await C.ask(views.only(ticket, A.call('GET', '/api/v1/convergence?start=' + start + '&' + query)), document.getElementById('convergence-refusal'));
    const empty = { children: null, status: 'WITHHELD', outcomes: [], links: [], delays: [], note: null, snapshot: '' };
    document.querySelectorAll('#convergence-form ~ section').forEach(function (s) { s.hidden = !flow; });
    drawFlow(flow || empty, start, label);
    drawDelays(flow || empty, label, start);
    if (flow) { await median(query, start, ticket); }
  }

  let catalogue = [];
  let snapshot = null;
  let trendChart = null;
  const trends = A.latest();

  /** The catalogue's indicators of the child's path across mechanisms that the release publishes by county. */
  function convergenceIndicators() {
    return catalogue.filter(function (e) {
      return e.source.indexOf('Child pathway') === 0 && e.published && e.published.county && e.published.county.total && e.unit !== 'median_days';
    });
  }

  /**
   * Convergence over time: the chosen indicator for every county (each in its own colour; the chosen county drawn thick)
   * and for Albania (a dashed black line), by the finest period the release publishes it at by county, over the release.
   */
  async function drawTrend() {
    const id = document.getElementById('trend-indicator').value;
    const e = catalogue.filter(function (x) { return x.id === id; })[0];
    if (!e) { return; }
    const ticket = trends.start();
    const period = e.published.county.total;
    const query = 'period=' + period + '&from=' + snapshot.firstMonth + '&to=' + snapshot.lastMonth;
    const refusal = document.getElementById('trend-refusal');
    const [byCounty, national] = await trends.only(ticket, Promise.all([
      C.ask(A.call('GET', '/api/v1/indicators/' + encodeURIComponent(id) + '?' + query + '&group_by=county'), refusal),
      C.ask(A.call('GET', '/api/v1/indicators/' + encodeURIComponent(id) + '?' + query), refusal)]));
    const rows = (byCounty ? byCounty.rows : []);
    const periods = [];
    const groups = {};
    rows.concat(national ? national.rows : []).forEach(function (r) { if (periods.indexOf(r.period) < 0) { periods.push(r.period); } });
    periods.sort();
    rows.forEach(function (r) { (groups[r.group.county] = groups[r.group.county] || {})[r.period] = r; });
    const nationalRows = {};
    (national ? national.rows : []).forEach(function (r) { nationalRows[r.period] = r; });
    const chosen = form.elements.county.value;
    const keys = reference.counties.map(function (c) { return c.code; }).filter(function (c) { return groups[c]; });
    const name = e.name[A.lang()] || e.name.en;
    document.getElementById('trend-title').textContent = A.t('convergence.overTime') + ': ' + name;
    const series = keys.map(function (k, i) {
      const colour = C.colour('county', k, i);
      return { name: countyName(k), type: 'line', connectNulls: false, color: colour, itemStyle: { color: colour },
        lineStyle: { color: colour, width: k === chosen ? 4 : 1.5 }, z: k === chosen ? 5 : 2,
        data: periods.map(function (p) { return C.value(groups[k][p]); }) };
    });
    series.push({ name: A.t('compare.albania'), type: 'line', connectNulls: false, color: '#000000', itemStyle: { color: '#000000' },
      lineStyle: { color: '#000000', type: 'dashed', width: 2.5 }, z: 6, data: periods.map(function (p) { return C.value(nationalRows[p]); }) });
    const rowAt = function (k, i) { return k < keys.length ? groups[keys[k]][periods[i]] : nationalRows[periods[i]]; };
    trendChart.setOption({
      tooltip: { trigger: 'axis', formatter: function (params) {
        return [params[0].axisValueLabel].concat(params.filter(function (p) { return p.seriesIndex <= keys.length; }).map(function (p) {
          return p.marker + ' ' + p.seriesName + ': ' + C.said(rowAt(p.seriesIndex, p.dataIndex), e.unit);
        })).join('<br>');
      } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series: C.partial(series, rowAt)
    }, true);
    trendChart.getDom().setAttribute('data-period-type', period);
    C.fillTable(document.getElementById('trend-table'), [A.t('compare.county')].concat(periods.map(function (p) {
      return C.period(nationalRows[p] || { period: p });
    })), keys.map(function (k) {
      return [countyName(k)].concat(periods.map(function (p) { return C.cell(groups[k][p], e.unit); }));
    }).concat([[A.t('compare.albania')].concat(periods.map(function (p) { return C.cell(nationalRows[p], e.unit); }))]));
  }

  function countyName(code) {
    const c = reference.counties.filter(function (x) { return x.code === code; })[0];
    return c ? c.name : code;
  }

  async function load() {
    const [ref, snap, cat] = await Promise.all([A.call('GET', '/api/v1/reference'), A.call('GET', '/api/v1/snapshot'),
      A.call('GET', '/api/v1/indicators')]);
    catalogue = cat;
    snapshot = snap;
    reference = ref;
    C.legend(document.getElementById('disclosure'), snap);
    C.options(form.elements.period, C.spans(snap, true), A.query.get('period'));
    form.elements.county.appendChild(A.el('option', { value: '', text: A.t('compare.albania') }));
    reference.counties.forEach(function (c) { form.elements.county.appendChild(A.el('option', { value: c.code, text: c.name })); });
    form.elements.county.value = A.query.get('county') || '';
    form.elements.start.value = A.query.get('start') || 'border';
    flowChart = C.init('chart-flow');
    delayChart = C.init('chart-delay');
    const trendSelect = document.getElementById('trend-indicator');
    convergenceIndicators().forEach(function (e) { trendSelect.appendChild(A.el('option', { value: e.id, text: e.name[A.lang()] || e.name.en })); });
    document.getElementById('trend-section').hidden = trendSelect.options.length === 0;
    if (A.query.get('trend') && convergenceIndicators().some(function (e) { return e.id === A.query.get('trend'); })) {
      trendSelect.value = A.query.get('trend');
    }
    trendChart = C.init('chart-trend');
    const trendForm = document.getElementById('trend-form');
    A.keepInUrl(form, ['start', 'period', 'county']);
    // The trend's indicator goes in the address too (the copy-link button of the main form copies it).
    const keepTrend = function () {
      const params = new URLSearchParams(window.location.search);
      params.set('trend', trendSelect.value);
      window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    };
    trendForm.addEventListener('change', function () { keepTrend(); drawTrend().catch(A.fail); });
    form.addEventListener('change', function () { draw().catch(A.fail); drawTrend().catch(A.fail); });
    if (trendSelect.options.length) { keepTrend(); }
    await Promise.all([draw(), trendSelect.options.length ? drawTrend() : Promise.resolve()]);
  }

  load().catch(A.fail);
})();
