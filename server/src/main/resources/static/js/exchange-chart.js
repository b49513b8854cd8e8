// An instrument's auction results as a chart: the execution price (line, left axis) and the volume in t-CO2 (bars,
// right axis) per auction, oldest first. An auction that executed nothing is a gap in the line and a zero bar.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('exchange-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  fetch(canvas.dataset.source).then((response) => response.json()).then((results) => {
    if (!Array.isArray(results) || results.length === 0) {
      return;
    }
    const auctions = results.slice().reverse();
    const tokyo = new Intl.DateTimeFormat(canvas.dataset.lang === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone: 'Asia/Tokyo', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
    });
    new Chart(canvas, {
      data: {
        labels: auctions.map((a) => tokyo.format(new Date(a.auctionAt))),
        datasets: [
          { type: 'line', label: canvas.dataset.priceLabel, data: auctions.map((a) => a.executionPriceJpy), spanGaps: false, yAxisID: 'price' },
          { type: 'bar', label: canvas.dataset.volumeLabel, data: auctions.map((a) => a.executedTradingUnits), yAxisID: 'volume' }
        ]
      },
      options: {
        // Wide and low on a desktop, taller on a phone, where the wide shape would leave no room for the bars.
        aspectRatio: canvas.parentNode.clientWidth < 600 ? 1.3 : 3,
        scales: {
          price: { position: 'left', title: { display: true, text: canvas.dataset.priceLabel } },
          volume: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: canvas.dataset.volumeLabel } }
        }
      }
    });
  });
});
