/* Search enhancements, loaded without inline scripts (strict CSP):
 * - as-you-type suggestions (ARIA combobox + listbox) on every box that searches /tim-kiem/;
 * - on /tim-kiem/: busy state while htmx loads results, filter panel open on wide screens. */
(function () {
  "use strict";

  var DEFAULT_URL = "/tim-kiem/goi-y/";
  var WIDE = window.matchMedia ? window.matchMedia("(min-width: 900px)") : null;
  var counter = 0;
  var script = document.currentScript;
  var cssUrl = script ? script.getAttribute("data-suggest-css") : null;

  // The suggestion list's styles live in search.css, which only the search page links:
  // elsewhere load it when a search box is first used.
  function ensureStyles() {
    if (!cssUrl || document.querySelector('link[href="' + cssUrl + '"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = cssUrl;
    document.head.appendChild(link);
  }

  function setupSuggest(input) {
    if (input.getAttribute("data-suggest-ready")) return;
    input.setAttribute("data-suggest-ready", "1");
    var url = input.getAttribute("data-suggest-url") || DEFAULT_URL;
    var id = "suggest-list-" + (++counter);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Gợi ý văn bản");
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    var host = input.parentNode;
    host.classList.add("suggest-host");
    host.appendChild(list);
    host.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";
    var controller = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      if (items[index] && items[index].url) window.location.href = items[index].url;
    }

    function render(suggestions) {
      close();
      items = suggestions || [];
      status.textContent = items.length ? items.length + " gợi ý, dùng phím mũi tên để chọn." : "";
      if (!items.length) return;
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        if (item.doc_number) {
          var number = document.createElement("span");
          number.className = "suggest-number";
          number.textContent = item.doc_number + " ";
          option.appendChild(number);
        }
        option.appendChild(document.createTextNode(item.title));
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { go(index); });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function load() {
      var query = input.value.trim();
      if (query.length < 2) { lastQuery = ""; close(); return; }
      if (query === lastQuery) return;
      lastQuery = query;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data.suggestions); })
        .catch(function () { /* offline or aborted: the box still works as a plain form */ });
    }

    input.addEventListener("input", function () {
      ensureStyles();
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(active + 1 < items.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active > 0 ? active - 1 : items.length - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    // A new search (htmx or not) closes the list.
    if (input.form) input.form.addEventListener("submit", close);
  }

  function openWideFilters(root) {
    if (!WIDE || !WIDE.matches) return;
    var panels = (root || document).querySelectorAll("details[data-open-wide]");
    for (var i = 0; i < panels.length; i++) panels[i].open = true;
  }

  function init() {
    var boxes = document.querySelectorAll('input[data-suggest-url], form[action="/tim-kiem/"] input[type="search"][name="q"]');
    for (var i = 0; i < boxes.length; i++) setupSuggest(boxes[i]);

    var region = document.getElementById("search-results");
    if (!region) return;
    openWideFilters(region);
    if (!window.htmx) return;
    // With htmx, ticking a filter or choosing a sort updates the results at once.
    document.documentElement.classList.add("search-enhanced");
    var filtersOpen = null;
    var focusedId = null;
    document.body.addEventListener("htmx:beforeRequest", function () { region.setAttribute("aria-busy", "true"); });
    document.body.addEventListener("htmx:afterRequest", function () { region.removeAttribute("aria-busy"); });
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      if (event.detail.target !== region) return;
      var panel = region.querySelector(".facet-panel");
      filtersOpen = panel ? panel.open : null;
      var active = document.activeElement;
      focusedId = active && active.id && region.contains(active) ? active.id : null;
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.detail.target !== region) return;
      var panel = region.querySelector(".facet-panel");
      if (panel && filtersOpen !== null) panel.open = filtersOpen;
      openWideFilters(region);
      // htmx cannot give focus back to a box that was inside the (then closed) panel:
      // do it now that the panel is open again, so keyboard users stay where they were.
      var again = focusedId && document.getElementById(focusedId);
      if (again && document.activeElement !== again) again.focus({ preventScroll: true });
    });
  }

  // Deferred scripts run before DOMContentLoaded; waiting for it lets htmx (loaded after
  // this file on the search page) be ready.
  if (document.readyState === "complete") {
    init();
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
