// Taking a round: countdown to the server's deadline (at zero the form is submitted; the server
// enforces the deadline anyway), the "Đã trả lời x/N" counter, and one question before submitting
// with questions or the prediction left blank (the server asks the same without JavaScript).
(function () {
  var timer = document.querySelector(".quiz-timer");
  var form = document.getElementById("quiz-form");
  if (!timer || !form) return;
  var confirmField = form.querySelector("input[name=confirm]");
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset.quiz-question[id^='cau-']"));
  var prediction = document.getElementById("id_prediction");
  var progress = document.querySelector(".quiz-answered");
  var dialog = document.querySelector("dialog.quiz-confirm");

  // A page restored by Back after the test was submitted would look live: ask the server again.
  window.addEventListener("pageshow", function (event) { if (event.persisted) location.reload(); });

  // htmx swaps nothing on an error status, so a refused or lost save would pass unnoticed: the
  // contestant must see that the answer was not saved (the server's reason when it gave one).
  function saveFailed(target, text) {
    if (!target) return;
    var note = document.createElement("span");
    note.className = "quiz-save-error";
    note.setAttribute("role", "alert");
    note.textContent = text;
    target.replaceChildren(note);
  }
  form.addEventListener("htmx:responseError", function (event) {
    var page = new DOMParser().parseFromString(event.detail.xhr.responseText || "", "text/html");
    var reason = page.querySelector(".quiz-save-error");
    saveFailed(event.detail.target, reason ? reason.textContent :
      "Chưa lưu được câu trả lời này. Hãy tải lại trang để xem bài thi còn mở không.");
  });
  form.addEventListener("htmx:sendError", function (event) {
    saveFailed(event.detail.target,
      "Chưa lưu được vì mất kết nối. Khi có mạng, hãy chọn lại đáp án; khi nộp bài mọi đáp án đang chọn đều được gửi.");
  });

  function answered() {
    return questions.filter(function (q) { return q.querySelector("input:checked"); }).length;
  }
  function showProgress() { if (progress) progress.textContent = answered(); }
  form.addEventListener("change", showProgress);
  showProgress();

  var end = Date.now() + parseInt(timer.dataset.remaining, 10) * 1000;
  var out = timer.querySelector(".quiz-countdown");
  var sent = false;
  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    out.textContent = "(còn " + Math.floor(left / 60) + " phút " + ("0" + (left % 60)).slice(-2) + " giây)";
    if (left === 0 && !sent) {
      sent = true;
      if (confirmField) confirmField.value = "1";  // time is up: nothing to ask
      form.submit();
      return;
    }
    setTimeout(tick, 1000);
  }
  tick();

  form.addEventListener("submit", function (event) {
    if (sent || !dialog || typeof dialog.showModal !== "function") { sent = true; return; }
    var missing = questions.length - answered();
    var noPrediction = prediction && prediction.value.trim() === "";
    // Checked here: the server need not check again (it asks itself only when JavaScript is off).
    if (!missing && !noPrediction) { sent = true; if (confirmField) confirmField.value = "1"; return; }
    event.preventDefault();
    var lines = [];
    if (missing) lines.push(dialog.getAttribute("data-unanswered").replace("%(n)s", missing).replace("%(total)s", questions.length));
    if (noPrediction) lines.push(dialog.getAttribute("data-no-prediction"));
    dialog.querySelector(".quiz-confirm-what").textContent = lines.join(" ");
    dialog.showModal();
    dialog.querySelector("[data-confirm=back]").focus();
  });
  if (dialog) {
    dialog.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-confirm");
      if (action === "back") {
        dialog.close();
        var first = questions.filter(function (q) { return !q.querySelector("input:checked"); })[0];
        var target = first ? first.querySelector("input") : prediction;
        if (target) target.focus();
      } else if (action === "submit") {
        sent = true;
        if (confirmField) confirmField.value = "1";
        dialog.close();
        form.submit();
      }
    });
  }
})();
