/* Live classroom: the class's WebSocket says "changed"; this page then fetches its live part again
   (the server decides what this screen may see). Reconnects with a growing delay; without
   JavaScript the page still works with the "reload" link and the forms.
   Another pupil's answer also says "changed", so a pupil may be in the middle of choosing when the
   part is replaced: the choices ticked on the same question are carried over to the new form. */
(function () {
  "use strict";
  var live = document.getElementById("classroom-live");
  if (!live || !window.WebSocket || !window.fetch) return;
  var url = live.getAttribute("data-live-url");
  var code = live.getAttribute("data-code");
  var delay = 1000;
  var pending = false;
  var again = false;

  function ticked() {
    var question = live.querySelector("input[name=cau]");
    if (!question) return null;
    var values = [];
    live.querySelectorAll("input[name=chon]:checked").forEach(function (box) { values.push(box.value); });
    return { question: question.value, values: values };
  }

  function tickAgain(before) {
    var question = live.querySelector("input[name=cau]");
    if (!before || !question || question.value !== before.question) return;
    live.querySelectorAll("input[name=chon]").forEach(function (box) {
      if (before.values.indexOf(box.value) !== -1) box.checked = true;
    });
  }

  function refresh() {
    if (pending) { again = true; return; }
    pending = true;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        pending = false;
        if (html !== null) {
          var focused = document.activeElement && live.contains(document.activeElement);
          var focusedValue = focused && document.activeElement.name === "chon" ? document.activeElement.value : "";
          var before = ticked();
          live.innerHTML = html;
          tickAgain(before);
          if (focused) {
            var same = focusedValue && live.querySelector("input[name=chon][value='" + focusedValue + "']");
            var target = same || live.querySelector("input, button");
            if (target) target.focus();
          }
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
