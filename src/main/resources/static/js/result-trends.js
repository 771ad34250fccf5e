// Repeated tests on a patient's profile (Chart.js): one line per test over time, the reference range as dashed lines,
// abnormal and critical points coloured. Points come from data-* attributes (no inline script under the CSP).
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  const arabic = document.documentElement.lang === 'ar';
  const colour = { NORMAL: '#0b5d6b', ABNORMAL: '#b7791f', CRITICAL: '#a4161a' };
  document.querySelectorAll('canvas.result-trend').forEach(canvas => {
    // "yyyy-MM-dd,value,flag;…"
    const points = (canvas.dataset.points || '').split(';').filter(Boolean).map(p => {
      const [at, value, flag] = p.split(',');
      return { x: at, y: Number(value), flag };
    });
    if (points.length < 2) {
      return;
    }
    const datasets = [{
      label: canvas.dataset.label, data: points, borderColor: colour.NORMAL, tension: 0.2,
      pointBackgroundColor: points.map(p => colour[p.flag] || colour.NORMAL),
      pointRadius: points.map(p => (p.flag === 'NORMAL' ? 3 : 5))
    }];
    for (const bound of ['low', 'high']) {
      if (canvas.dataset[bound]) {
        datasets.push({ label: bound, data: points.map(p => ({ x: p.x, y: Number(canvas.dataset[bound]) })),
          borderColor: '#9aa5b1', borderDash: [4, 4], pointRadius: 0, fill: false });
      }
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: points.map(p => p.x), datasets },
      options: {
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { type: 'category', reverse: arabic }, y: { title: { display: true, text: canvas.dataset.label } } },
        locale: arabic ? 'ar-u-nu-latn' : 'en'
      }
    });
  });
})();
