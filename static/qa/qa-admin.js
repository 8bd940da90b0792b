// Staff answer form: searchable citation chooser (document combobox → its articles and clauses)
// and answer templates. The combobox follows the WAI-ARIA "list autocomplete" pattern: type to
// search, ArrowDown/ArrowUp to move, Enter to choose, Escape to close. Without JavaScript the
// editor types a document number and the server looks it up.
(function () {
  var form = document.getElementById("qa-answer-form");
  if (!form) { return; }
  var provisionsUrl = form.getAttribute("data-provisions-url");
  var documentsUrl = form.getAttribute("data-documents-url");
  var status = document.getElementById("qa-cite-status");
  var rowCounter = 100;

  function loadProvisions(row) {
    var docInput = row.querySelector(".qa-cite-doc");
    var eidSelect = row.querySelector(".qa-cite-eid");
    var selected = eidSelect.getAttribute("data-selected") || "";
    eidSelect.length = 1;
    if (!docInput.value) { return; }
    fetch(provisionsUrl + "?document=" + encodeURIComponent(docInput.value), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        data.options.forEach(function (o) {
          eidSelect.add(new Option(o.label, o.eid, false, o.eid === selected));
        });
      });
  }

  function setupCombobox(row) {
    var input = row.querySelector(".qa-cite-query");
    var hidden = row.querySelector(".qa-cite-doc");
    var list = row.querySelector(".qa-combobox__list");
    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var li = options[index];
      if (!li) { return; }
      hidden.value = li.getAttribute("data-id");
      input.value = li.textContent;
      row.querySelector(".qa-cite-eid").setAttribute("data-selected", "");
      close();
      status.textContent = "Đã chọn: " + li.textContent;
      loadProvisions(row);
    }

    function render(data) {
      list.textContent = "";
      options = data.options.map(function (o, i) {
        var li = document.createElement("li");
        li.id = list.id + "-o" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-id", o.id);
        li.className = "qa-combobox__option";
        li.textContent = o.label;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
        return li;
      });
      if (!options.length) {
        var empty = document.createElement("li");
        empty.className = "qa-combobox__empty";
        empty.textContent = "Không tìm thấy văn bản phù hợp.";
        list.appendChild(empty);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      status.textContent = options.length ? options.length + " văn bản gợi ý; dùng phím mũi tên để chọn." : "Không tìm thấy văn bản phù hợp.";
    }

    function search() {
      var q = input.value.trim();
      if (q === lastQuery) { return; }
      lastQuery = q;
      if (q.length < 2) { close(); return; }
      fetch(documentsUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) { if (q === input.value.trim()) { render(data); } });
    }

    input.addEventListener("input", function () {
      hidden.value = "";  // typing again un-chooses the document
      row.querySelector(".qa-cite-eid").length = 1;
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (list.hidden) { lastQuery = null; search(); return; }
        highlight(Math.min(active + 1, options.length - 1));
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (e.key === "Enter" && !list.hidden && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    if (hidden.value) { loadProvisions(row); }
  }

  form.querySelectorAll(".qa-citation-row").forEach(setupCombobox);

  document.getElementById("qa-add-citation").addEventListener("click", function () {
    var rows = document.getElementById("qa-citation-rows");
    var row = rows.querySelector(".qa-citation-row").cloneNode(true);
    rowCounter += 1;
    row.querySelectorAll("[id]").forEach(function (el) { el.id = el.id.replace(/-\d+$/, "-" + rowCounter); });
    row.querySelectorAll("label[for]").forEach(function (el) {
      el.setAttribute("for", el.getAttribute("for").replace(/-\d+$/, "-" + rowCounter));
    });
    var input = row.querySelector(".qa-cite-query");
    input.value = "";
    input.setAttribute("aria-controls", row.querySelector(".qa-combobox__list").id);
    row.querySelector(".qa-cite-doc").value = "";
    row.querySelector(".qa-combobox__list").textContent = "";
    var eid = row.querySelector(".qa-cite-eid");
    eid.length = 1;
    eid.setAttribute("data-selected", "");
    rows.appendChild(row);
    setupCombobox(row);
    input.focus();
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
