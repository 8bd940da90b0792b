// Ask form: move focus to the error summary so screen-reader users hear what to fix.
(function () {
  var summary = document.getElementById("qa-errors");
  if (summary) { summary.focus(); }
})();
