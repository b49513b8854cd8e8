// The certification record per fiscal year as a chart: t-CO2 certified (bars) and sites (line).
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('statistics-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  fetch(canvas.dataset.source).then((response) => response.json()).then((years) => {
    const totals = new Map();
    years.forEach((y) => {
      const row = totals.get(y.fiscalYear) || { tonnes: 0, sites: 0 };
      row.tonnes += Number(y.certifiedTonnes);
      row.sites += y.certifiedSites;
      totals.set(y.fiscalYear, row);
    });
    const labels = Array.from(totals.keys()).sort();
    new Chart(canvas, {
      data: {
        labels: labels,
        datasets: [
          { type: 'bar', label: canvas.dataset.tonnesLabel, data: labels.map((l) => totals.get(l).tonnes), yAxisID: 'tonnes' },
          { type: 'line', label: canvas.dataset.sitesLabel, data: labels.map((l) => totals.get(l).sites), yAxisID: 'sites' }
        ]
      },
      options: { scales: { tonnes: { position: 'left' }, sites: { position: 'right', grid: { drawOnChartArea: false } } } }
    });
  });
});
