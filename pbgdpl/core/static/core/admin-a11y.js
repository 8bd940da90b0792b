// Accessible names Wagtail's page editor leaves out (axe: "label", "aria-input-field-name"):
// the tag field's text input (tag-it) and the rich-text editors (Draftail) get the label of the
// field they belong to. Runs again whenever the editor adds fields (StreamField blocks).
(function () {
  function fieldLabel(element) {
    var wrapper = element.closest(".w-field__wrapper, .w-field, [data-field-wrapper]");
    while (wrapper) {
      var label = wrapper.querySelector("label.w-field__label, .w-field__label");
      if (label && label.textContent.trim()) { return label.textContent.replace(/\*/g, "").trim(); }
      wrapper = wrapper.parentElement && wrapper.parentElement.closest(".w-field__wrapper, .w-field, [data-field-wrapper]");
    }
    return "";
  }

  function name(element, fallback) {
    if (element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby")) { return; }
    element.setAttribute("aria-label", fieldLabel(element) || fallback);
  }

  function fix() {
    document.querySelectorAll("input.ui-autocomplete-input").forEach(function (el) { name(el, "Từ khóa"); });
    document.querySelectorAll(".public-DraftEditor-content[role='textbox']").forEach(function (el) { name(el, "Nội dung"); });
  }

  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () { scheduled = false; fix(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", fix);
})();
