// The certification record per fiscal year as a chart: t-CO2 certified as stacked bars (removals, reductions, and
// totals recorded without a split by credit type) and sites (line).
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('statistics-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  fetch(canvas.dataset.source).then((response) => response.json()).then((years) => {
    const totals = new Map();
    years.forEach((y) => {
      const row = totals.get(Number(y.fiscalYear)) || { removals: 0, reductions: 0, unsplit: 0, sites: null };
      if (y.removalTonnes === null || y.reductionTonnes === null) {
        row.unsplit += Number(y.certifiedTonnes);
      } else {
        row.removals += Number(y.removalTonnes);
        row.reductions += Number(y.reductionTonnes);
      }
      // A programme's imported history records no sites: such a year is a gap in the line, not a zero.
      if (y.certifiedSites !== null) {
        row.sites = (row.sites || 0) + y.certifiedSites;
      }
      totals.set(Number(y.fiscalYear), row);
    });
    // Every year from the first to the last, so that the axis keeps time: a year without a record is a gap,
    // not a neighbour of the next year that has one.
    const known = Array.from(totals.keys()).map(Number).sort((a, b) => a - b);
    const labels = [];
    for (let year = known[0]; known.length > 0 && year <= known[known.length - 1]; year++) {
      labels.push(year);
    }
    const value = (year, field) => (totals.has(year) ? totals.get(year)[field] : null);
    new Chart(canvas, {
      data: {
        labels: labels.map(String),
        datasets: [
          { type: 'bar', label: canvas.dataset.removalsLabel, data: labels.map((l) => value(l, 'removals')), yAxisID: 'tonnes', stack: 'tonnes' },
          { type: 'bar', label: canvas.dataset.reductionsLabel, data: labels.map((l) => value(l, 'reductions')), yAxisID: 'tonnes', stack: 'tonnes' },
          { type: 'bar', label: canvas.dataset.unsplitLabel, data: labels.map((l) => value(l, 'unsplit')), yAxisID: 'tonnes', stack: 'tonnes' },
          { type: 'line', label: canvas.dataset.sitesLabel, data: labels.map((l) => value(l, 'sites')), spanGaps: false, yAxisID: 'sites' }
        ]
      },
      options: {
        // Wide and low on a desktop, taller on a phone, where the wide shape would leave no room for the bars.
        aspectRatio: canvas.parentNode.clientWidth < 600 ? 1.3 : 3,
        scales: {
          x: { stacked: true },
          tonnes: { position: 'left', beginAtZero: true, stacked: true, title: { display: true, text: canvas.dataset.tonnesLabel } },
          sites: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }
        }
      }
    });
  });
});
