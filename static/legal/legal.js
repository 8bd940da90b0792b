/* Legal pages: small enhancements only; every page works without this file. */
(function () {
  "use strict";

  // With htmx, filters apply as soon as they change: the "Áp dụng" buttons are not needed.
  if (window.htmx) document.documentElement.classList.add("lg-enhanced");

  // Filters and the table of contents are open beside the text on wide screens,
  // and a "Mục lục" / "Bộ lọc" button on phones.
  var wide = window.matchMedia("(min-width: 60rem)");
  function syncOpen() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (el) {
      if (wide.matches) el.open = true;
    });
  }
  syncOpen();
  if (wide.addEventListener) wide.addEventListener("change", syncOpen);
  document.addEventListener("htmx:afterSwap", syncOpen);

  // Shorter shareable addresses: drop empty fields and the default sort from htmx requests.
  document.addEventListener("htmx:configRequest", function (event) {
    var data = event.detail.formData;
    if (!data || !data.keys) return;
    Array.from(new Set(Array.from(data.keys()))).forEach(function (key) {
      var values = data.getAll(key);
      var isDefault = key === "sap_xep" && values.length === 1 && values[0] === "moi-nhat";
      if (isDefault || values.every(function (v) { return v === ""; })) data.delete(key);
    });
  });

  // The results region is replaced after each filter change: keep keyboard focus on the
  // checkbox or field the visitor was using (same id in the new markup).
  var focusedId = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    focusedId = active && active.id && active.closest(".lg-region") ? active.id : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (!focusedId) return;
    var again = document.getElementById(focusedId);
    if (again && document.activeElement !== again) again.focus({ preventScroll: true });
    focusedId = null;
  });

  // On a phone, following a link of the table of contents closes it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lg-toc a");
    if (link && !wide.matches) link.closest("details").open = false;
  });

  // "Sao chép liên kết": copies the page address or the article being read.
  var copy = document.querySelector(".lg-copy");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var url = copy.getAttribute("data-copy") + (location.hash || "");
      var status = document.querySelector(".lg-copied");
      navigator.clipboard.writeText(url).then(function () {
        if (status) status.textContent = copy.getAttribute("data-done");
      }, function () {
        if (status) status.textContent = copy.getAttribute("data-fail");
      });
    });
  }

  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
