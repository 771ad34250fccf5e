// The manager dashboard: fetches /api/v1/dashboard for the chosen range and draws the charts (Chart.js).
// Labels come from the page (data-* attributes), so the charts speak the page's language.
(function () {
  const root = document.getElementById('dashboard');
  if (!root || typeof Chart === 'undefined') {
    return;
  }
  const t = root.dataset;
  const arabic = document.documentElement.lang === 'ar';
  const percent = v => v == null ? null : Math.round(v * 1000) / 10;
  const name = item => arabic ? item.nameAr : item.nameEn;
  const charts = [];
  const methods = {};
  document.querySelectorAll('#method-names li').forEach(li => { methods[li.dataset.method] = li.textContent; });

  function bar(id, labels, values, label, max) {
    const canvas = document.getElementById(id);
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#0b5d6b' }] },
      options: {
        indexAxis: labels.length > 6 ? 'y' : 'x',
        scales: { x: { reverse: arabic && labels.length <= 6, max }, y: { max: labels.length > 6 ? undefined : max } },
        animation: false,
        plugins: { legend: { display: false } },
        locale: arabic ? 'ar-u-nu-latn' : 'en'
      }
    }));
  }

  fetch(t.api, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(f => {
      const a = f.appointments;
      document.getElementById('n-appointments').textContent = a.appointments;
      document.getElementById('n-completed').textContent = a.completed;
      document.getElementById('n-new-patients').textContent = f.newPatients;
      document.getElementById('n-referrals').textContent = f.referrals.referrals;
      document.getElementById('n-time-to-accept').textContent =
        f.referrals.medianHoursToAccept == null ? '—' : f.referrals.medianHoursToAccept;
      bar('rates', [t.confirmedEarly, t.noShow, t.cancelled, t.referralAcceptance], [
        percent(a.confirmedBeforeVisitDayRate), percent(a.noShowRate), percent(a.cancellationRate),
        percent(f.referrals.acceptanceRate)
      ], t.percent, 100);
      bar('providers', a.providers.map(name), a.providers.map(p => percent(p.rate)), t.percent, 100);
      bar('rooms', a.rooms.map(name), a.rooms.map(r => percent(r.rate)), t.percent, 100);
      bar('revenue', f.revenueByClinic.map(name), f.revenueByClinic.map(r => Number(r.net)), t.sar);
      bar('collections', f.collections.map(c => methods[c.method] || c.method),
        f.collections.map(c => Number(c.net)), t.sar);
      root.dataset.loaded = 'true';
    })
    .catch(() => {
      document.getElementById('dashboard-error').hidden = false;
    });
})();
