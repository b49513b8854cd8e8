// The base maps of every map on the site, from the list the page renders (fragments :: map-layers, configured as
// amamo.map.layers): the first is shown, a switch offers the others. Without network access (or when the tile
// server is down) the map still draws its sites, and a notice under it says the base map could not be loaded.
window.amamoBaseMap = (map, element) => {
  const list = document.getElementById('map-layers');
  if (!list) {
    return;
  }
  const layers = {};
  let first = null;
  let warned = false;
  const warn = () => {
    if (warned) {
      return;
    }
    warned = true;
    const notice = document.createElement('p');
    notice.className = 'map-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = list.dataset.unavailable;
    element.insertAdjacentElement('afterend', notice);
  };
  list.querySelectorAll('li').forEach((item) => {
    const layer = L.tileLayer(item.dataset.url, {
      maxZoom: Number(item.dataset.maxZoom),
      attribution: item.dataset.attribution
    });
    layer.once('tileerror', warn);
    layers[item.textContent.trim()] = layer;
    first = first || layer;
  });
  if (first) {
    first.addTo(map);
  }
  if (Object.keys(layers).length > 1) {
    L.control.layers(layers, null, { collapsed: true }).addTo(map);
  }
};
