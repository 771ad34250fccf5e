// The growth chart on a patient's profile: weight, height and head circumference over age in months (Chart.js).
// Points come from the page (data-* attributes), so no inline script is needed (CSP) and labels speak its language.
// Weight and height are drawn over the WHO percentile lines (P3, P15, P50, P85, P97) of the child's sex, read from
// /js/growth/who-<sex>.json (WHO Child Growth Standards 0-5 years, WHO Growth Reference 5-19 years); head
// circumference has no bundled table and is drawn alone.
(async function () {
  const root = document.getElementById('growth');
  if (!root || typeof Chart === 'undefined') {
    return;
  }
  const birth = root.dataset.birth ? new Date(root.dataset.birth + 'T00:00:00Z') : null;
  const arabic = document.documentElement.lang === 'ar';
  const months = at => {
    const d = new Date(at + 'T00:00:00Z');
    return birth ? Math.round(((d - birth) / (1000 * 60 * 60 * 24 * 30.4375)) * 10) / 10 : null;
  };
  const points = { weight: [], height: [], head: [] };
  const kinds = ['weight', 'height', 'head'];
  // "date,weight,height,head;…", an absent value empty
  (root.dataset.points || '').split(';').filter(Boolean).forEach(point => {
    const [at, ...values] = point.split(',');
    const x = months(at);
    if (x === null || x < 0) {
      return;
    }
    values.forEach((v, i) => {
      if (v !== '') {
        points[kinds[i]].push({ x, y: Number(v) });
      }
    });
  });
  let reference = null;
  if (root.dataset.reference) {
    try {
      const answer = await fetch(root.dataset.reference, { credentials: 'same-origin' });
      reference = answer.ok ? await answer.json() : null;
    } catch (e) {
      reference = null; // the child's own points are drawn all the same
    }
  }
  // the percentile lines over the child's ages, a few months either side
  const percentileLines = kind => {
    const table = reference && reference[kind];
    if (!table || points[kind].length === 0) {
      return [];
    }
    const xs = points[kind].map(p => p.x);
    const from = Math.max(0, Math.floor(Math.min(...xs)) - 3);
    const to = Math.ceil(Math.max(...xs)) + 3;
    const rows = table.filter(row => row[0] >= from && row[0] <= to);
    return reference.percentiles.map((name, i) => ({
      label: (root.dataset.source || 'WHO') + ' ' + name,
      data: rows.map(row => ({ x: row[0], y: row[i + 1] })),
      borderColor: name === 'P50' ? '#6b7280' : '#c4c9d1',
      borderDash: name === 'P50' ? [] : [4, 4],
      borderWidth: 1,
      pointRadius: 0,
      fill: false,
      order: 1
    }));
  };
  const colours = { weight: '#0b5d6b', height: '#8a4b08', head: '#5b3a8c' };
  for (const kind of Object.keys(points)) {
    const canvas = document.getElementById('growth-' + kind);
    if (!canvas || points[kind].length === 0) {
      if (canvas) { canvas.hidden = true; }
      continue;
    }
    canvas.dataset.percentileLines = String(percentileLines(kind).length);
    new Chart(canvas, {
      type: 'line',
      data: { datasets: [{ label: root.dataset[kind], data: points[kind], borderColor: colours[kind],
        backgroundColor: colours[kind], tension: 0.2, order: 0 }].concat(percentileLines(kind)) },
      options: {
        animation: false,
        parsing: false,
        scales: {
          x: { type: 'linear', reverse: arabic, title: { display: true, text: root.dataset.age } },
          y: { title: { display: true, text: root.dataset[kind] } }
        },
        locale: arabic ? 'ar-u-nu-latn' : 'en'
      }
    });
  }
})();
