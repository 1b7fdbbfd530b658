// Filter-as-you-type for the list of service topics. Without this script the form filters
// on the server (?q=) and the page is a plain list by category. The same matching as the
// server: every typed word must appear, ignoring case and accents. The count of topics
// shown is announced in the form's polite live region. No inline code (CSP).
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function setup(form) {
    var input = form.querySelector("input[name='q']");
    var section = form.parentNode;
    var count = section.querySelector(".service-filter__count");
    var none = section.querySelector(".service-filter__none");
    var items = Array.prototype.slice.call(section.querySelectorAll("li[data-terms]"));
    var categories = section.querySelectorAll("[data-category]");
    var timer = null;
    items.forEach(function (item) { item.dataset.folded = fold(item.dataset.terms); });

    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var match = words.every(function (word) { return item.dataset.folded.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(categories, function (category) {
        category.hidden = !category.querySelector("li[data-terms]:not([hidden])");
      });
      none.hidden = shown !== 0;
      count.textContent = count.dataset.countTemplate.replace("{count}", shown);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, 150);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-service-filter]"), setup);
})();
