/* A searchable list over a <select data-combobox> (ARIA 1.2 combobox with a listbox popup).
   Without this file the native <select> works as it is. Typing without diacritics finds names
   with them ("pho hien" → "Phường Phố Hiến"); the <select> stays in the form and carries the value. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function enhance(select, index) {
    var id = select.id;
    var listId = id + "-list";
    var statusId = id + "-status";
    var input = document.createElement("input");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var wrap = document.createElement("div");
    var options = Array.prototype.slice.call(select.options).filter(function (o) { return o.value !== ""; })
      .map(function (o, i) { return { value: o.value, label: o.textContent, folded: fold(o.textContent), id: id + "-opt-" + i }; });
    var shown = [];
    var active = -1;

    wrap.className = "combobox";
    input.type = "text";
    input.id = id;  // the <label for> now names the text box
    input.className = "combobox-input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    var described = [select.getAttribute("aria-describedby"), statusId].filter(Boolean).join(" ");
    input.setAttribute("aria-describedby", described);
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
    input.placeholder = select.getAttribute("data-combobox") || "";
    var selected = select.options[select.selectedIndex];
    input.value = selected && selected.value ? selected.textContent : "";
    list.id = listId;
    list.className = "combobox-list";
    list.setAttribute("role", "listbox");
    var label = document.querySelector("label[for='" + id + "']");
    if (label) { label.id = label.id || id + "-label"; list.setAttribute("aria-labelledby", label.id); }
    list.hidden = true;
    status.id = statusId;
    status.className = "combobox-status visually-hidden";
    status.setAttribute("aria-live", "polite");

    select.id = id + "-select";
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.parentNode.insertBefore(wrap, select);
    wrap.appendChild(input);
    wrap.appendChild(list);
    wrap.appendChild(status);
    wrap.appendChild(select);

    function render() {
      var words = fold(input.value).split(" ").filter(Boolean);
      shown = options.filter(function (o) { return words.every(function (w) { return o.folded.indexOf(w) >= 0; }); });
      list.innerHTML = "";
      shown.forEach(function (o, i) {
        var li = document.createElement("li");
        li.id = o.id;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        li.textContent = o.label;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(o); });
        list.appendChild(li);
      });
      if (!shown.length) {
        var none = document.createElement("li");
        none.className = "combobox-empty";
        none.textContent = "Không có xã, phường nào khớp";
        list.appendChild(none);
      }
      status.textContent = shown.length + " kết quả";
    }
    function open() { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    function close() {
      list.hidden = true; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, n) { li.setAttribute("aria-selected", n === i ? "true" : "false"); });
      var li = list.children[i];
      if (li && li.id) { input.setAttribute("aria-activedescendant", li.id); li.scrollIntoView({ block: "nearest" }); }
    }
    function choose(o) {
      select.value = o.value;
      input.value = o.label;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    }
    function settle() {
      // Leaving the box: an exact (folded) name is taken, an empty box clears, anything else is undone.
      var typed = fold(input.value);
      if (!typed) { select.value = ""; return; }
      var exact = options.filter(function (o) { return o.folded === typed || fold(o.label.replace(/^(Xã|Phường|Đặc khu) /, "")) === typed; });
      if (exact.length === 1) { choose(exact[0]); return; }
      var current = select.options[select.selectedIndex];
      input.value = current && current.value ? current.textContent : "";
    }

    input.addEventListener("input", function () { active = -1; render(); open(); });
    input.addEventListener("focus", function () { render(); });
    input.addEventListener("click", function () { render(); open(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) { render(); open(); }
        var step = event.key === "ArrowDown" ? 1 : -1;
        if (shown.length) highlight((active + step + shown.length) % shown.length);
      } else if (event.key === "Enter" && !list.hidden) {
        // Enter picks the highlighted name (or the only one left); it never submits the form from the open list.
        event.preventDefault();
        if (active >= 0) choose(shown[active]);
        else if (shown.length === 1) choose(shown[0]);
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
        else { input.value = ""; select.value = ""; }
      }
    });
    input.addEventListener("blur", function () { close(); settle(); });
  }

  document.querySelectorAll("select[data-combobox]").forEach(enhance);
})();
