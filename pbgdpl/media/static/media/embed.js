// Click-to-load for YouTube/Facebook videos: nothing is requested from them until the visitor asks.
// The script may be included once per video on a page, so each placeholder is set up only once.
(function () {
  document.querySelectorAll(".md-embed[data-embed]:not([data-ready])").forEach(function (box) {
    var button = box.querySelector(".md-embed-button");
    if (!button) return;
    box.setAttribute("data-ready", "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-embed");
      frame.title = box.getAttribute("data-title") || "Video";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.setAttribute("allowfullscreen", "");
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      box.replaceChildren(frame);
      frame.focus();
    });
  });
})();
