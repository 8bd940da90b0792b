/* Audio players: ±15 s and speed buttons (keyboard-usable native controls), and the listening
   position of each file remembered on this device (localStorage) so a listener resumes there. */
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (e) { store = null; }
  document.querySelectorAll("[data-player]").forEach(function (player) {
    var audio = player.querySelector("audio");
    if (!audio) return;
    var key = "bookshelf:audio:" + player.getAttribute("data-position-key");
    player.querySelectorAll("[data-skip]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseFloat(button.getAttribute("data-skip"));
        var end = isFinite(audio.duration) ? audio.duration : audio.currentTime + step;
        audio.currentTime = Math.min(Math.max(0, audio.currentTime + step), end);
      });
    });
    var speed = player.querySelector("[data-speed]");
    if (speed) {
      speed.addEventListener("change", function () { audio.playbackRate = parseFloat(speed.value) || 1; });
    }
    if (!store) return;
    var saved = parseFloat(store.getItem(key) || "0");
    if (saved > 0) {
      audio.addEventListener("loadedmetadata", function () {
        if (saved < audio.duration - 2) audio.currentTime = saved;
      }, { once: true });
    }
    var last = 0;
    audio.addEventListener("timeupdate", function () {
      if (Math.abs(audio.currentTime - last) < 5) return;
      last = audio.currentTime;
      try { store.setItem(key, String(Math.floor(audio.currentTime))); } catch (e) { /* ignore */ }
    });
    audio.addEventListener("ended", function () { try { store.removeItem(key); } catch (e) { /* ignore */ } });
  });
})();
