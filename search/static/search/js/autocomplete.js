// Suggestions for the site's search box: an ARIA 1.2 combobox with a listbox popup.
// Keyboard: ArrowDown/ArrowUp move, Enter opens the chosen page, Escape closes.
// The number of suggestions is announced in a polite live region. No inline code (CSP).
(function () {
  "use strict";
  var DELAY = 250;
  var MIN_LENGTH = 2;

  function setup(input) {
    var form = input.form;
    var lang = document.documentElement.lang || "en";
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;
    var suggestUrl = form.action.replace(/\/?$/, "/") + "suggest/";
    var label = form.querySelector("label[for='" + input.id + "']");

    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    if (label) list.setAttribute("aria-label", label.textContent.trim());
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(results, announcement) {
      items = results;
      list.textContent = "";
      results.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.textContent = item.title;
        if (item.language && item.language !== lang) {
          option.setAttribute("lang", item.language);
          var language = document.createElement("span");
          language.className = "search-suggestions__language";
          language.textContent = "(" + item.language_name + ")";
          option.appendChild(title);
          option.appendChild(language);
        } else {
          option.appendChild(title);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(item.url);
        });
        list.appendChild(option);
      });
      var count = results.length;
      status.textContent = announcement || "";
      if (count) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      highlight(-1);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        render([], "");
        return;
      }
      if (controller) controller.abort();
      controller = new AbortController();
      var url = suggestUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data.results || [], data.announcement); })
        .catch(function () { /* aborted or offline: keep the plain search box */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function init() {
    var stylesheet = document.querySelector("script[src*='search/js/autocomplete']");
    if (stylesheet && !document.querySelector("link[href*='search/css/search']")) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = stylesheet.src.replace(/js\/autocomplete(\.[0-9a-f]+)?\.js.*$/, "css/search.css");
      document.head.appendChild(link);
    }
    document.querySelectorAll("form.site-search input[type=search], form.search-form input[type=search]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
