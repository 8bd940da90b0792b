// Page editor: the slug Wagtail fills in from the title loses Vietnamese letters ("Đất đai" →
// "djt-djai": "đ" becomes "dj", vowels with two marks vanish). Whenever Wagtail has just rewritten
// the slug from the title, write the Vietnamese spelling instead ("dat-dai"). A slug the editor
// typed is left alone. The server applies the same rule on save (pbgdpl/core/page_forms.py).
(function () {
  function slugify(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().replace(/\//g, "-").replace(/[^a-z0-9\s-]/g, "").trim()
      .replace(/[\s-]+/g, "-").replace(/^-+|-+$/g, "");
  }
  // Wagtail's w-sync controller asks the slug field to follow the title with this event; its own
  // handler writes its rendering, ours runs right after and writes the Vietnamese one.
  document.addEventListener("w-sync:apply", function (e) {
    var slug = e.target;
    var title = document.getElementById("id_title");
    if (!slug || slug.id !== "id_slug" || !title) { return; }
    window.setTimeout(function () { slug.value = slugify(title.value); }, 0);
  }, true);  // capture: Wagtail dispatches this event without bubbling
  // Before following the title again, Wagtail checks that the slug is still its own rendering and
  // stops syncing if not; a slug that is our rendering counts as untouched too.
  document.addEventListener("w-sync:check", function (e) {
    var slug = e.target;
    var title = document.getElementById("id_title");
    if (slug && slug.id === "id_slug" && title && slug.value === slugify(title.value)) { e.stopPropagation(); }
  }, true);
})();
