/* A long legal text in pages (decision 0029): the other pages load into their placeholders as the
   reader scrolls on, follows a link of the contents or arrives with #dieu-N. Without this file
   every placeholder and contents entry is a plain link to its page. */
(function () {
  "use strict";

  var text = document.querySelector(".lg-text.lg-paged");
  if (!text || !window.fetch) return;
  var base = location.pathname;
  var loading = {};

  // The contents name each provision's page; their ids move aside so the text's are unique.
  var pageOf = {};
  document.querySelectorAll(".lg-toc li[data-trang]").forEach(function (entry) {
    var link = entry.querySelector("a");
    var eid = entry.id || (link && link.hash.slice(1));
    if (eid) pageOf[decodeURIComponent(eid)] = entry.getAttribute("data-trang");
    entry.removeAttribute("id");
  });

  function slot(number) {
    return text.querySelector('.lg-page[data-trang="' + number + '"]');
  }

  function say(slotElement, template) {
    var line = slotElement.querySelector(".lg-page-link");
    if (!line) return;
    var status = line.querySelector(".lg-page-status") || document.createElement("span");
    status.className = "lg-page-status";
    status.textContent = " " + text.getAttribute(template).replace("%s", slotElement.getAttribute("data-trang"));
    line.appendChild(status);
  }

  // Loads page `number` into its placeholder once; resolves when its text is in the document.
  function load(number) {
    var target = slot(number);
    if (!target || !target.classList.contains("lg-page-slot")) return Promise.resolve(target);
    if (loading[number]) return loading[number];
    target.setAttribute("aria-busy", "true");
    say(target, "data-loading");
    loading[number] = fetch(target.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        target.innerHTML = html;
        target.classList.remove("lg-page-slot");
        target.removeAttribute("aria-busy");
        document.dispatchEvent(new CustomEvent("lg:text-added", { detail: { root: target } }));
        return target;
      }, function () {
        delete loading[number];
        target.removeAttribute("aria-busy");
        say(target, "data-load-failed");
        return null;
      });
    return loading[number];
  }

  // "#dieu-400-khoan-2" on a page that does not hold it: the page of its article.
  function pageFor(eid) {
    for (var id = eid; id; id = id.replace(/-?[^-]+-[^-]+$/, "")) {
      if (pageOf[id]) return pageOf[id];
      if (id.indexOf("-") < 0) break;
    }
    return null;
  }

  function reveal(eid, thenNavigate) {
    var found = document.getElementById(eid);
    if (found && text.contains(found)) return;
    var number = pageFor(eid);
    if (!number) return;
    load(number).then(function (page) {
      if (!page) return;
      var target = document.getElementById(eid);
      if (!target) return;
      // A same-document navigation: the browser scrolls to it and :target marks it.
      if (thenNavigate || location.hash.slice(1) === eid) location.replace("#" + encodeURIComponent(eid));
      else target.scrollIntoView();
    });
  }

  function currentHash() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return ""; }
  }

  if (location.hash) reveal(currentHash(), false);
  window.addEventListener("hashchange", function () { reveal(currentHash(), false); });

  // Links of the contents, the placeholders and the pager open their page in place.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var link = event.target.closest && event.target.closest(".lg-toc a, .lg-page-link a, .lg-pager a[rel]");
    if (!link || link.pathname !== base) return;
    var number = new URLSearchParams(link.search).get("trang") || "1";
    if (!slot(number)) return;
    event.preventDefault();
    var eid = link.hash ? decodeURIComponent(link.hash.slice(1)) : "";
    load(number).then(function (page) {
      if (!page) return;
      if (eid) { location.hash = eid; return; }
      var heading = page.querySelector("h3, h4, h5, h6");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
      page.scrollIntoView();
    });
  });

  // Reading on: the next pages load before the reader reaches them.
  if ("IntersectionObserver" in window) {
    var shown = text.querySelector(".lg-page:not(.lg-page-slot)");
    var after = shown ? Number(shown.getAttribute("data-trang")) : 0;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        load(entry.target.getAttribute("data-trang"));
      });
    }, { rootMargin: "0px 0px 1500px 0px" });
    text.querySelectorAll(".lg-page-slot").forEach(function (placeholder) {
      if (Number(placeholder.getAttribute("data-trang")) > after) observer.observe(placeholder);
    });
  }
})();
