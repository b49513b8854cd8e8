// Offset usage as charts, drawn from the tables the page already shows (so labels come in the page's language):
// a table marked data-chart="stacked" becomes a stacked bar chart with one series per column marked data-series;
// data-chart="bar" a plain bar chart. The label of a row is the text of its cells before the first series column.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('table[data-chart]').forEach((table) => {
    const headers = Array.from(table.tHead.rows[0].cells);
    const series = headers.map((cell, index) => ({ cell, index })).filter((h) => h.cell.dataset.series);
    const rows = Array.from(table.tBodies[0].rows);
    if (series.length === 0 || rows.length === 0) {
      return;
    }
    const first = series[0].index;
    const labels = rows.map((row) => Array.from(row.cells).slice(0, first).map((c) => c.textContent.trim()).join(' '));
    const stacked = table.dataset.chart === 'stacked';
    const canvas = document.createElement('canvas');
    canvas.id = table.id + '-chart';
    table.parentNode.insertBefore(canvas, table);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: series.map((s) => ({
          label: s.cell.textContent.trim(),
          data: rows.map((row) => Number(row.cells[s.index].textContent.trim()))
        }))
      },
      options: {
        // Wide and low on a desktop, taller on a phone, where the wide shape would leave no room for the bars.
        aspectRatio: table.parentNode.clientWidth < 600 ? 1.3 : 3.5,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } }
      }
    });
  });
});
