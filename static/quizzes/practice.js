// Practice quiz: after each "Kiểm tra" the running score, and the final score once every question
// was checked (each feedback fragment says whether it was right in data-correct).
(function () {
  var box = document.getElementById("ket-qua-luyen-tap");
  if (!box) return;
  var total = parseInt(box.getAttribute("data-total"), 10);
  function update() {
    var results = document.querySelectorAll(".quiz-feedback[data-correct]");
    if (!results.length) return;
    var correct = Array.prototype.filter.call(results, function (r) { return r.getAttribute("data-correct") === "1"; }).length;
    var template = results.length >= total ? box.getAttribute("data-template") : box.getAttribute("data-progress");
    box.textContent = template.replace("%(done)s", results.length).replace("%(correct)s", correct).replace("%(total)s", total);
    box.hidden = false;
  }
  document.addEventListener("htmx:afterSwap", update);
  update();
})();
