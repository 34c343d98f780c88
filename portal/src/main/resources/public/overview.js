// The national overview: each chart is fed by one JSON endpoint under /api/v1/overview.
// Suppressed and not-reported values arrive as null with a status; lines show them as gaps.
(function () {
  'use strict';
  const A = window.App;
  A.header('overview');
  // Okabe-Ito: distinguishable with the common forms of colour blindness.
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
  const charts = [];

  function getJson(url) {
    return A.call('GET', url);
  }

  function makeChart(id) {
    const chart = echarts.init(document.getElementById(id));
    charts.push(chart);
    return chart;
  }

  function tooltipFormatter(seriesList) {
    return function (params) {
      const items = Array.isArray(params) ? params : [params];
      const lines = [items[0].axisValueLabel || items[0].name];
      items.forEach(function (p) {
        const point = seriesList[p.seriesIndex].points[p.dataIndex];
        const text = point.status === 'PUBLISHED' ? A.number(point.value) : A.t('status.' + point.status);
        lines.push(p.marker + ' ' + p.seriesName + ': ' + text);
      });
      return lines.join('<br>');
    };
  }

  function lineOption(trend) {
    const months = trend.series.length ? trend.series[0].points.map(function (p) { return p.period; }) : [];
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', formatter: tooltipFormatter(trend.series) },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: trend.series.map(function (s) {
        return {
          name: A.t('series.' + s.key), type: 'line', connectNulls: false, showSymbol: true,
          data: s.points.map(function (p) { return p.value; })
        };
      })
    };
  }

  function countyOption(breakdown) {
    const counties = breakdown.counties;
    return {
      color: PALETTE,
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (params) {
          const c = counties[params[0].dataIndex];
          return c.countyName + ': ' + (c.status === 'PUBLISHED' ? A.number(c.value) : A.t('status.' + c.status));
        }
      },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: counties.map(function (c) { return c.countyName; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{
        name: A.t('series.all'), type: 'bar',
        data: counties.map(function (c) { return c.value; }),
        label: {
          show: true, position: 'top',
          formatter: function (p) { return counties[p.dataIndex].status === 'PUBLISHED' ? '' : '–'; }
        }
      }]
    };
  }

  async function load() {
    const snapshot = await getJson('/api/v1/snapshot');
    document.getElementById('snapshot').textContent = A.t('overview.snapshot', { id: snapshot.id, first: snapshot.firstMonth,
      last: snapshot.lastMonth, loaded: A.number(snapshot.filesLoaded), rejected: A.number(snapshot.filesRejected) });
    const encountered = await getJson('/api/v1/overview/children-encountered/monthly');
    makeChart('chart-encountered').setOption(lineOption(encountered));
    const victims = await getJson('/api/v1/overview/child-victims/monthly');
    makeChart('chart-victims').setOption(lineOption(victims));
    const byCounty = await getJson('/api/v1/overview/children-encountered/by-county');
    document.getElementById('county-period').textContent = A.t('overview.months', { from: byCounty.from, to: byCounty.to });
    makeChart('chart-county').setOption(countyOption(byCounty));
    document.getElementById('disclosure').textContent = A.t('overview.disclosure', { max: encountered.suppressionThreshold - 1 });
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  load().catch(A.fail);
})();
