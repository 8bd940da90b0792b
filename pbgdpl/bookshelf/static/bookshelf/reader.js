/* The book reader on this device: remembers the chapter and scroll position of each book
   (localStorage, never sent anywhere) and brings the reader back there when the book is opened
   again; font size buttons. Without JavaScript the reader is plain pages. */
(function () {
  "use strict";
  var reader = document.getElementById("reader");
  if (!reader) return;
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (e) { store = null; }
  var book = reader.getAttribute("data-book");
  var here = reader.getAttribute("data-chapter-url");
  var key = "bookshelf:" + book;
  var sizeKey = "bookshelf:font-size";
  var sizes = [0, 1, 2, 3, 4];

  function read(k) { try { return JSON.parse(store.getItem(k) || "null"); } catch (e) { return null; } }
  function write(k, v) { try { store.setItem(k, JSON.stringify(v)); } catch (e) { /* storage full or off */ } }

  function applySize(size) {
    sizes.forEach(function (s) { reader.classList.remove("reader-size-" + s); });
    reader.classList.add("reader-size-" + size);
  }
  var size = store ? (read(sizeKey) || 1) : 1;
  if (sizes.indexOf(size) < 0) size = 1;
  applySize(size);
  reader.querySelectorAll("[data-font]").forEach(function (button) {
    button.addEventListener("click", function () {
      size = Math.min(4, Math.max(0, size + parseInt(button.getAttribute("data-font"), 10)));
      applySize(size);
      if (store) write(sizeKey, size);
    });
  });
  if (!store) return;

  var saved = read(key);
  // Opening the book (its own address, no anchor) continues where this device stopped.
  if (reader.getAttribute("data-start") === "1" && !location.hash && saved && saved.url && saved.url !== here) {
    location.replace(saved.url);
    return;
  }
  if (saved && saved.url === here && !location.hash && saved.ratio > 0) {
    var target = saved.ratio * (document.documentElement.scrollHeight - window.innerHeight);
    window.scrollTo(0, target);
  }
  var timer = null;
  function remember() {
    var height = document.documentElement.scrollHeight - window.innerHeight;
    write(key, { url: here, ratio: height > 0 ? window.scrollY / height : 0 });
  }
  remember();
  window.addEventListener("scroll", function () {
    if (timer) return;
    timer = window.setTimeout(function () { timer = null; remember(); }, 300);
  }, { passive: true });
  window.addEventListener("pagehide", remember);
})();
