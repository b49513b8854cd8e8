// The project site on a map (seed 003: プロジェクト実施場所はマップ上で作成). Draws the polygons held in a
// hidden GeoJSON field and, where the map is editable, lets the applicant draw, edit and delete polygons;
// every change is written back to the field as a GeoJSON MultiPolygon (WGS84, [longitude, latitude]).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-site-map]').forEach((element) => {
    const field = document.getElementById(element.dataset.siteMap);
    const editable = element.dataset.editable === 'true';
    const map = L.map(element).setView([35.45, 139.64], 11);
    window.amamoBaseMap(map, element);
    const drawn = new L.FeatureGroup().addTo(map);

    // Draws the field's polygons; text that is not (yet) readable GeoJSON leaves the map as it was (the server's
    // check beside the field says what is wrong with it).
    const load = () => {
      if (!field.value.trim()) {
        drawn.clearLayers();
        return;
      }
      let polygons;
      try {
        polygons = [];
        L.geoJSON(JSON.parse(field.value)).eachLayer((layer) => {
          // A MultiPolygon arrives as one layer; split it so each polygon can be edited on its own.
          const latLngs = layer.getLatLngs();
          const parts = layer.feature.geometry.type === 'MultiPolygon' ? latLngs : [latLngs];
          parts.forEach((rings) => polygons.push(L.polygon(rings)));
        });
      } catch (error) {
        element.dataset.error = 'unreadable';
        return;
      }
      delete element.dataset.error;
      drawn.clearLayers();
      polygons.forEach((polygon) => drawn.addLayer(polygon));
      if (polygons.length > 0) {
        map.fitBounds(drawn.getBounds(), { maxZoom: 16 });
      }
    };

    const save = () => {
      const polygons = drawn.getLayers().map((layer) => layer.toGeoJSON().geometry.coordinates);
      field.value = polygons.length === 0 ? '' : JSON.stringify({ type: 'MultiPolygon', coordinates: polygons });
      field.dispatchEvent(new Event('change', { bubbles: true }));
    };

    load();
    // The areas this site shares with other claims (the double-issuance check), drawn in red over the site.
    const overlaps = element.dataset.overlaps && document.getElementById(element.dataset.overlaps);
    if (overlaps && overlaps.value) {
      try {
        L.geoJSON(JSON.parse(overlaps.value), { style: { color: '#c0392b', weight: 2, fillOpacity: 0.5 } }).addTo(map);
      } catch (error) {
        element.dataset.error = 'unreadable overlaps';
      }
    }
    if (editable) {
      map.addControl(new L.Control.Draw({
        draw: { polygon: { allowIntersection: false, showArea: true }, polyline: false, rectangle: false,
                circle: false, marker: false, circlemarker: false },
        edit: { featureGroup: drawn }
      }));
      map.on(L.Draw.Event.CREATED, (event) => { drawn.addLayer(event.layer); save(); });
      map.on(L.Draw.Event.EDITED, save);
      map.on(L.Draw.Event.DELETED, save);
    }
    // Tests and power users may set the field directly; the map follows, and draws pasted or typed GeoJSON at once.
    field.addEventListener('amamo:reload', load);
    let typing;
    field.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(load, 400);
    });
    element.amamoMap = map;
  });
});
