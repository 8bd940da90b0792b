// Countdown to the server's deadline; at zero the form is submitted (the server enforces the deadline anyway).
(function () {
  var timer = document.querySelector(".quiz-timer");
  var form = document.getElementById("quiz-form");
  if (!timer || !form) return;
  var end = Date.now() + parseInt(timer.dataset.remaining, 10) * 1000;
  var out = timer.querySelector(".quiz-countdown");
  var sent = false;
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    out.textContent = "(còn " + Math.floor(left / 60) + " phút " + ("0" + (left % 60)).slice(-2) + " giây)";
    if (left === 0 && !sent) { sent = true; form.submit(); return; }
    setTimeout(tick, 1000);
  }
  tick();
  form.addEventListener("submit", function () { sent = true; });
})();
