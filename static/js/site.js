/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  var menu = document.querySelector(".mobile-menu");
  if (!menu) return;
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
})();
