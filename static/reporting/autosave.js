// Autosave of a return's draft: a few seconds after the officer stops typing, the figures are
// posted as action=autosave. Figures that break a rule are not saved (the server answers with the
// errors, shown when the officer presses "Lưu nháp" or "Nộp báo cáo"). Without JavaScript the
// form's buttons do the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) { return; }
  var status = form.querySelector(".rp-autosave");
  var timer = null;
  function save() {
    var data = new FormData(form);
    data.set("action", "autosave");
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (!status) { return; }
        status.textContent = result.saved ? "Đã tự động lưu nháp lúc " + result.at + "."
          : "Chưa tự động lưu: có ô chưa đúng (bấm «Lưu nháp» để xem).";
      })
      .catch(function () { if (status) { status.textContent = "Chưa tự động lưu được (mất kết nối?)."; } });
  }
  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2500);
  });
}());
