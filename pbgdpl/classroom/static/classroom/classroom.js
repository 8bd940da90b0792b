/* Live classroom: the class's WebSocket says "changed"; this page then fetches its live part again
   (the server decides what this screen may see). Reconnects with a growing delay; without
   JavaScript the page still works with the "reload" link and the forms. */
(function () {
  "use strict";
  var live = document.getElementById("classroom-live");
  if (!live || !window.WebSocket || !window.fetch) return;
  var url = live.getAttribute("data-live-url");
  var code = live.getAttribute("data-code");
  var delay = 1000;
  var pending = false;
  var again = false;

  function refresh() {
    if (pending) { again = true; return; }
    pending = true;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        pending = false;
        if (html !== null) {
          var focused = document.activeElement && live.contains(document.activeElement);
          live.innerHTML = html;
          if (focused) { var first = live.querySelector("input, button"); if (first) first.focus(); }
        }
        if (again) { again = false; refresh(); }
      })
      .catch(function () { pending = false; });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/lop-hoc/" + code + "/");
    socket.onopen = function () { delay = 1000; refresh(); };
    socket.onmessage = refresh;
    socket.onclose = function () {
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
