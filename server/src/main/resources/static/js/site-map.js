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

    const load = () => {
      drawn.clearLayers();
      if (!field.value) {
        return;
      }
      try {
        L.geoJSON(JSON.parse(field.value)).eachLayer((layer) => {
          // A MultiPolygon arrives as one layer; split it so each polygon can be edited on its own.
          const latLngs = layer.getLatLngs();
          const parts = layer.feature.geometry.type === 'MultiPolygon' ? latLngs : [latLngs];
          parts.forEach((rings) => drawn.addLayer(L.polygon(rings)));
        });
        if (drawn.getLayers().length > 0) {
          map.fitBounds(drawn.getBounds(), { maxZoom: 16 });
        }
      } catch (error) {
        element.dataset.error = 'unreadable';
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
    // Tests and power users may set the field directly; the map follows.
    field.addEventListener('amamo:reload', load);
    element.amamoMap = map;
  });
});
