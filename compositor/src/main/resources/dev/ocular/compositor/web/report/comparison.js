// Draws comparison.html's tuning-curve scatter plots from #report-data with Apache ECharts (inlined before this
// script). Each point is one sweep configuration for one eye; the line per eye is its tuning curve (Pareto front).
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const eyes = ['left', 'right'];
  const symbols = {left: 'circle', right: 'triangle'};
  const charts = [];

  function byIndex(points) {
    const map = new Map();
    points.forEach(p => map.set(p.index, p));
    return map;
  }

  // The series already names the eye and method; the point's label says the rest (preset, sharpening…).
  function shortLabel(p) {
    const rest = p.label.split(' ').filter(part => !part.startsWith('method'));
    return rest.length ? rest.join(' ').replace(/preset(\.\w+)?=/g, '') : p.preset;
  }

  function scatter(id, metric, axisName) {
    const element = document.getElementById(id);
    const series = [];
    let measured = 0;
    eyes.forEach(eye => {
      const points = data.eyes[eye].points.filter(p => p.gpu_ms !== null && p[metric] !== null);
      measured += points.length;
      const methods = [...new Set(points.map(p => p.method))];
      methods.forEach(method => series.push({
        name: eye + ' · ' + method, type: 'scatter', symbol: symbols[eye], symbolSize: 11,
        data: points.filter(p => p.method === method).map(p => [p.gpu_ms, p[metric], p.label, shortLabel(p)]),
        label: {show: true, position: 'right', formatter: params => params.value[3], fontSize: 10}
      }));
      if (metric === 'psnr_db') {
        const lookup = byIndex(points);
        series.push({
          name: eye + ' tuning curve', type: 'line', symbol: 'none', lineStyle: {type: 'dashed'},
          data: data.eyes[eye].curve.filter(i => lookup.has(i)).map(i => [lookup.get(i).gpu_ms, lookup.get(i)[metric]])
        });
      }
    });
    if (measured === 0) {
      element.textContent = axisName + ' was not measured in this sweep.';
      element.style.height = 'auto';
      return;
    }
    const chart = echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'item', formatter: p => p.seriesName + '<br>' + (p.value[2] || '') + '<br>'
        + p.value[0].toFixed(3) + ' ms, ' + p.value[1].toFixed(3)},
      legend: {type: 'scroll'},
      grid: {left: 70, right: 120, top: 60, bottom: 50},
      xAxis: {type: 'value', name: 'GPU ms per eye', nameLocation: 'middle', nameGap: 28, scale: true},
      yAxis: {type: 'value', name: axisName, scale: true},
      series: series
    });
    charts.push(chart);
  }

  scatter('chart-psnr', 'psnr_db', 'PSNR (dB)');
  scatter('chart-flip', 'flip_mean', 'FLIP mean');
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
  document.body.dataset.chartsDrawn = String(charts.length);
})();
