/* Legal pages: small enhancements only; every page works without this file. */
(function () {
  "use strict";

  document.documentElement.classList.add("lg-js");

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

  // The bar under every article: copy its link, share it, print it alone, back to the contents.
  var text = document.querySelector(".lg-text[data-doc-url]");
  var artStatus = document.querySelector(".lg-art-status");
  var statusTimer = null;
  function say(template, value) {
    if (!artStatus) return;
    artStatus.textContent = template.replace("%s", value);
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { artStatus.textContent = ""; }, 6000);
  }
  function articleUrl(article) {
    return text.getAttribute("data-doc-url") + "#" + article.id;
  }
  function articleName(article) {
    var self = article.querySelector(".lg-self");
    return self ? self.textContent.replace(/\.$/, "") : "";
  }
  function copyLink(article) {
    var url = articleUrl(article);
    // The address bar shows the article too, for whoever copies from there.
    if (history.replaceState) history.replaceState(null, "", "#" + article.id);
    var done = function () { say(artStatus.getAttribute("data-copied"), articleName(article)); };
    var failed = function () { say(artStatus.getAttribute("data-failed"), url); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, failed);
    else failed();
  }
  function sharePanel(article, bar) {
    // Without the phone's share sheet: the usual destinations for this article's link, and a copy.
    var existing = article.querySelector(".lg-art-share-panel");
    if (existing) { existing.remove(); return; }
    var url = encodeURIComponent(articleUrl(article));
    var title = text.getAttribute("data-doc-title") + " – " + articleName(article);
    var panel = document.createElement("div");
    panel.className = "lg-art-share-panel";
    [["Zalo", "https://sp.zalo.me/plugins/share?url=" + url, true],
     ["Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url, true],
     ["Thư điện tử", "mailto:?subject=" + encodeURIComponent(title) + "&body=" + url, false]].forEach(function (item) {
      var link = document.createElement("a");
      link.className = "lg-art-btn";
      link.href = item[1];
      link.textContent = item[0];
      if (item[2]) { link.target = "_blank"; link.rel = "noopener noreferrer"; }
      panel.appendChild(link);
    });
    bar.after(panel);
    copyLink(article);
    panel.querySelector("a").focus();
  }
  function printOne(article) {
    var root = document.documentElement;
    var marked = [];
    for (var el = article; el && el !== text; el = el.parentElement) {
      el.classList.add("lg-print-path");
      marked.push(el);
    }
    article.classList.add("lg-print-target");
    root.classList.add("lg-printing-one");
    var source = document.querySelector("[data-print-source]");
    if (source) source.textContent = source.getAttribute("data-print-source").replace("%s", articleUrl(article));
    var cleanUp = function () {
      root.classList.remove("lg-printing-one");
      article.classList.remove("lg-print-target");
      marked.forEach(function (node) { node.classList.remove("lg-print-path"); });
      window.removeEventListener("afterprint", cleanUp);
    };
    window.addEventListener("afterprint", cleanUp);
    window.print();
  }
  if (text) {
    text.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".lg-art-btn[data-art]");
      if (!button) return;
      var article = button.closest(".lg-article");
      var action = button.getAttribute("data-art");
      if (!article) return;
      if (action === "copy") {
        copyLink(article);
      } else if (action === "share") {
        if (navigator.share) {
          navigator.share({ title: text.getAttribute("data-doc-title") + " – " + articleName(article), url: articleUrl(article) })
            .catch(function () { /* closed by the visitor */ });
        } else {
          sharePanel(article, button.parentElement);
        }
      } else if (action === "print") {
        event.preventDefault();
        printOne(article);
      }
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lg-pinned-toc");
    var toc = document.getElementById("muc-luc");
    if (link && toc) toc.open = true;
  });

  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
