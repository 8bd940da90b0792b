// Staff answer form: citation chooser (document → its articles and clauses) and answer templates.
(function () {
  var form = document.getElementById("qa-answer-form");
  if (!form) { return; }
  var url = form.getAttribute("data-provisions-url");

  function loadProvisions(docSelect) {
    var eidSelect = docSelect.parentNode.querySelector(".qa-cite-eid");
    var selected = eidSelect.getAttribute("data-selected") || "";
    eidSelect.length = 1;
    if (!docSelect.value) { return; }
    fetch(url + "?document=" + encodeURIComponent(docSelect.value), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        data.options.forEach(function (o) {
          var opt = new Option(o.label, o.eid, false, o.eid === selected);
          eidSelect.add(opt);
        });
      });
  }
  form.addEventListener("change", function (e) {
    if (e.target.classList.contains("qa-cite-doc")) {
      e.target.parentNode.querySelector(".qa-cite-eid").setAttribute("data-selected", "");
      loadProvisions(e.target);
    }
  });
  form.querySelectorAll(".qa-cite-doc").forEach(function (s) { if (s.value) { loadProvisions(s); } });

  var add = document.getElementById("qa-add-citation");
  add.addEventListener("click", function () {
    var rows = document.getElementById("qa-citation-rows");
    var row = rows.querySelector(".qa-citation-row").cloneNode(true);
    row.querySelector(".qa-cite-doc").value = "";
    var eid = row.querySelector(".qa-cite-eid");
    eid.length = 1;
    eid.setAttribute("data-selected", "");
    rows.appendChild(row);
  });

  var insert = document.getElementById("qa-insert-template");
  if (insert) {
    insert.addEventListener("click", function () {
      var text = document.getElementById("qa-answer-text");
      var value = document.getElementById("qa-template").value;
      var at = text.selectionStart || text.value.length;
      text.value = text.value.slice(0, at) + value + "\n" + text.value.slice(at);
      text.focus();
    });
  }
})();
