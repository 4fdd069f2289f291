// Progressive enhancement of the map page: a pannable, zoomable Leaflet map
// drawn from /api/map (the same country shapes, counts and cities as the
// server's SVG).  No tile layer, nothing fetched from elsewhere.  Without
// JavaScript, Leaflet or the data, the SVG map simply stays.
(function () {
  "use strict";

  function label(text) {
    // Names come from documents: always text, never markup.
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function follow(layer, href) {
    if (href) {
      layer.on("click", function () { window.location.href = href; });
    }
  }

  function draw(box, data) {
    var el = document.createElement("div");
    el.className = "leaflet-map";
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", box.getAttribute("data-label") || "");
    box.insertBefore(el, box.firstChild);
    var map = L.map(el, { attributionControl: false, zoomSnap: 0.25, minZoom: 2, maxZoom: 10 });
    var top = 1;
    data.countries.features.forEach(function (f) { top = Math.max(top, f.properties.count); });
    L.geoJSON(data.countries, {
      style: function (f) {
        var n = f.properties.count;
        return { color: "#b9b2a3", weight: 0.6, fillColor: n ? "#1c5aa6" : "#f4f1ea",
                 fillOpacity: n ? 0.25 + 0.75 * n / top : 1 };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(label(f.properties.name + ": " + f.properties.count), { sticky: true });
        follow(layer, f.properties.href);
      }
    }).addTo(map);
    L.geoJSON(data.cities, {
      pointToLayer: function (f, latlng) {
        var r = 4 + Math.min(8, 2 * Math.log2(1 + f.properties.count));
        return L.circleMarker(latlng, { radius: r, color: "#fff", weight: 1.5, fillColor: "#d9480f", fillOpacity: 1 });
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(label(f.properties.label + ": " + f.properties.count));
        follow(layer, f.properties.href);
      }
    }).addTo(map);
    map.fitBounds([[34, -25], [71.5, 45]]);
    box.classList.add("enhanced");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-leaflet]");
    if (!box || !window.L || !window.fetch) {
      return;
    }
    fetch(box.getAttribute("data-leaflet"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { draw(box, data); })
      .catch(function () { /* the SVG map stays */ });
  });
}());
