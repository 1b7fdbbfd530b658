/* District councils: neighborhood combobox (ARIA 1.2 pattern), "use my location", and maps.
 * Everything here enhances server-rendered forms and lists that work without JavaScript. */
(function () {
  "use strict";

  function normalize(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setupCombobox(root, index) {
    var input = root.querySelector("input");
    var listbox = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-combobox-status]");
    var dataElement = document.getElementById(root.dataset.optionsId);
    if (!input || !listbox || !dataElement) return;
    var options = JSON.parse(dataElement.textContent);
    var active = -1;
    var shown = [];

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function announce(count) {
      status.textContent = count ? root.dataset.msgCount.replace("{count}", count) : root.dataset.msgNone;
    }

    function render() {
      var query = normalize(input.value);
      listbox.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query) { close(); status.textContent = ""; return; }
      var starts = [], contains = [];
      options.forEach(function (option) {
        var name = normalize(option.name);
        if (name.indexOf(query) === 0) starts.push(option);
        else if (name.indexOf(query) > 0) contains.push(option);
      });
      shown = starts.concat(contains).slice(0, 12);
      shown.forEach(function (option, i) {
        var item = document.createElement("li");
        item.id = listbox.id + "-option-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.appendChild(document.createTextNode(option.name));
        var council = document.createElement("span");
        council.className = "small";
        council.textContent = option.council;
        item.appendChild(council);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(i); });
        listbox.appendChild(item);
      });
      announce(shown.length);
      if (shown.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function highlight(i) {
      var items = listbox.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (i + items.length) % items.length;
      items.forEach(function (item, j) { item.setAttribute("aria-selected", j === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function choose(i) {
      var option = shown[i];
      if (!option) return;
      input.value = option.name;
      close();
      window.location.href = option.url;
    }

    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) render();
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (!open) render();
        highlight(active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); } else { input.value = ""; }
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  function setupGeolocation(root) {
    if (!("geolocation" in navigator)) return;
    var button = root.querySelector("button");
    var status = root.querySelector("[data-geolocate-status]");
    root.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = root.dataset.msgLocating;
      navigator.geolocation.getCurrentPosition(function (position) {
        window.location.href = root.dataset.indexUrl + "?lat=" + position.coords.latitude.toFixed(6) +
          "&lon=" + position.coords.longitude.toFixed(6) + "#find-result";
      }, function () {
        status.textContent = root.dataset.msgDenied;
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
    });
  }

  function setupMap(element) {
    if (typeof L === "undefined") return;
    var data = JSON.parse(document.getElementById(element.dataset.mapDataId).textContent);
    if (!data.features || !data.features.length) return;
    var tileUrl = element.dataset.tileUrl;
    var map = L.map(element, { zoomControl: false, attributionControl: Boolean(tileUrl), scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: element.dataset.msgZoomIn, zoomOutTitle: element.dataset.msgZoomOut }).addTo(map);
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: element.dataset.tileAttribution || "" }).addTo(map);
    }
    var layer = L.geoJSON(data, {
      style: function () { return { color: "#1d4ed8", weight: 2, fillOpacity: 0.12 }; },
      onEachFeature: function (feature, featureLayer) {
        // Leaflet treats a string as HTML: the name goes in as text, never as markup.
        var label = document.createElement("span");
        label.textContent = feature.properties.name;
        featureLayer.bindTooltip(label, { sticky: true });
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    if (element.dataset.clickUrl) {
      map.on("click", function (event) {
        window.location.href = element.dataset.clickUrl + "?lat=" + event.latlng.lat.toFixed(6) +
          "&lon=" + event.latlng.lng.toFixed(6) + "#find-result";
      });
    }
  }

  document.querySelectorAll("[data-combobox]").forEach(setupCombobox);
  document.querySelectorAll("[data-geolocate]").forEach(setupGeolocation);
  document.querySelectorAll("[data-council-map]").forEach(setupMap);
  var result = document.getElementById("find-result");
  if (result && window.location.hash === "#find-result") result.focus();
})();
