// Live answers: re-fetch the questions fragment every few seconds while the session page is open.
// Without JavaScript a reload shows the same content.
(function () {
  "use strict";
  var box = document.getElementById("dl-questions");
  if (!box || !window.fetch) return;
  var seconds = parseInt(box.getAttribute("data-seconds"), 10);
  if (!seconds) return;
  var last = box.innerHTML;
  function refresh() {
    if (document.hidden) return;
    fetch(box.getAttribute("data-url"), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        // Skip identical content so focus and screen readers are not disturbed for nothing.
        if (html !== null && html !== last) { box.innerHTML = html; last = html; }
      })
      .catch(function () { /* offline for a moment: the next tick retries */ });
  }
  window.setInterval(refresh, seconds * 1000);
})();
