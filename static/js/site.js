/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  if (navigator.share) root.classList.add("can-share");

  var menu = document.querySelector(".mobile-menu");
  if (menu) {
    // Escape closes the menu and returns focus to its button, as a native disclosure should.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    // A tap outside the open menu closes it.
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
    // Keyboard focus leaving the open menu closes it, so the menu never hides the focused element
    // (WCAG 2.4.11).
    menu.addEventListener("focusout", function (event) {
      if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
    });
  }

  // "Sao chép đường dẫn" buttons: copy data-copy, say so in the status next to the button.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    var value = button.getAttribute("data-copy");
    var status = button.parentElement.querySelector("[role=status]");
    var say = function (text) { if (status) status.textContent = text; };
    var fail = function () { say(button.getAttribute("data-fail")); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(function () { say(button.getAttribute("data-done")); }, fail);
    } else {
      fail();
    }
  });

  // Desktop menu groups: one open at a time; Escape, a click elsewhere or focus leaving closes them.
  var groups = Array.prototype.slice.call(document.querySelectorAll(".nav-group-menu"));
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (group.open) groups.forEach(function (other) { if (other !== group) other.open = false; });
    });
    group.addEventListener("focusout", function (event) {
      if (group.open && event.relatedTarget && !group.contains(event.relatedTarget)) group.open = false;
    });
  });
  document.addEventListener("click", function (event) {
    groups.forEach(function (group) { if (group.open && !group.contains(event.target)) group.open = false; });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    groups.forEach(function (group) {
      if (group.open) { group.open = false; group.querySelector("summary").focus(); }
    });
  });

  // Share bars (news, Q&A answers): copy the link, the phone's share sheet, print.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".share-bar [data-share]");
    if (!button) return;
    var bar = button.closest(".share-bar");
    var url = bar.getAttribute("data-share-url");
    var status = bar.querySelector(".share-status");
    var action = button.getAttribute("data-share");
    if (action === "copy") {
      var fail = function () { status.textContent = button.getAttribute("data-fail") + " " + url; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { status.textContent = button.getAttribute("data-done"); }, fail);
      } else {
        fail();
      }
    } else if (action === "native" && navigator.share) {
      navigator.share({ title: bar.getAttribute("data-share-title"), url: url }).catch(function () { /* closed */ });
    } else if (action === "print") {
      window.print();
    }
  });
})();
