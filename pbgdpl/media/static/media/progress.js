// Lecture progress kept on this device only (localStorage), no account: "Đã học 3/5 bài".
(function () {
  var KEY = "pbgdpl-bai-giang";
  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(data) {
    try { window.localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode: no memory */ }
  }
  function done(data, course) { return data[course] || []; }
  function render() {
    var data = load();
    document.querySelectorAll(".md-progress[data-course]").forEach(function (node) {
      var count = done(data, node.dataset.course).length;
      node.textContent = "Đã học " + Math.min(count, +node.dataset.total) + "/" + node.dataset.total + " bài";
    });
    document.querySelectorAll(".md-done[data-course]").forEach(function (node) {
      node.hidden = done(data, node.dataset.course).indexOf(+node.dataset.lesson) < 0;
    });
    document.querySelectorAll("form.md-mark").forEach(function (form) {
      form.hidden = false;
      var learnt = done(data, form.dataset.course).indexOf(+form.dataset.lesson) >= 0;
      form.querySelector("button").textContent = learnt ? "Đã học bài này ✓" : "Đánh dấu đã học bài này";
    });
  }
  document.querySelectorAll("form.md-mark").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = load();
      var list = done(data, form.dataset.course);
      var lesson = +form.dataset.lesson;
      if (list.indexOf(lesson) < 0) list.push(lesson);
      data[form.dataset.course] = list;
      save(data);
      render();
    });
  });
  render();
})();
