// The public map of certified projects: every site from the open GeoJSON, with a popup linking to the
// project's page and its calculation sheet.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('public-map');
  if (!element) {
    return;
  }
  const map = L.map(element).setView([35.0, 137.0], 5);
  window.amamoBaseMap(map, element);
  fetch(element.dataset.source).then((response) => response.json()).then((collection) => {
    const layer = L.geoJSON(collection, {
      onEachFeature: (feature, shape) => {
        const p = feature.properties;
        const popup = document.createElement('div');
        const link = document.createElement('a');
        link.href = p.url;
        link.textContent = p.projectCode + ' ' + p.name;
        popup.appendChild(link);
        popup.appendChild(document.createElement('br'));
        popup.appendChild(document.createTextNode(element.dataset.tonnesLabel + ': ' + p.certifiedTonnes + ' t-CO2 ('
          + p.certifiedFiscalYear + ')'));
        shape.bindPopup(popup);
      }
    }).addTo(map);
    element.dataset.features = String(collection.features.length);
    if (collection.features.length > 0) {
      map.fitBounds(layer.getBounds(), { maxZoom: 13 });
    }
  });
});
