/* "Nghe": reads a news article, a Q&A answer or one legal article aloud with the browser's own
   speech synthesis. The buttons exist only when the browser has a Vietnamese voice (lang "vi…");
   without one, or without JavaScript, nothing is shown. Containers opt in with
   data-read-aloud (one button before the container) or data-read-aloud-each="selector" (one button
   per matching element, placed in its .lg-art-bar when it has one). */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;
  var SKIP = "button, script, style, figure, nav, .lg-art-bar, .share-bar, [data-read-aloud-skip]";
  var current = null; // {controls, chunks, index}
  var started = false;

  function vietnameseVoice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().indexOf("vi") === 0) return voices[i];
    }
    return null;
  }

  function textOf(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(SKIP).forEach(function (node) { node.remove(); });
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  // Long texts are read sentence group by sentence group: some engines stop a long utterance.
  function chunksOf(text) {
    var sentences = text.match(/[^.!?;:]+[.!?;:]*/g) || [text];
    var chunks = [], chunk = "";
    sentences.forEach(function (s) {
      if ((chunk + s).length > 220 && chunk) { chunks.push(chunk); chunk = ""; }
      chunk += s;
    });
    if (chunk.trim()) chunks.push(chunk);
    return chunks;
  }

  function setState(controls, state) {
    controls.play.hidden = state !== "idle";
    controls.pause.hidden = state === "idle";
    controls.stop.hidden = state === "idle";
    controls.pause.textContent = state === "paused" ? "Tiếp tục" : "Tạm dừng";
    controls.status.textContent = state === "speaking" ? "Đang đọc" : state === "paused" ? "Đã tạm dừng" : "";
  }

  function stop() {
    if (!current) return;
    var controls = current.controls;
    current = null;
    synth.cancel();
    setState(controls, "idle");
  }

  function speakNext(voice) {
    if (!current) return;
    if (current.index >= current.chunks.length) { stop(); return; }
    var utterance = new SpeechSynthesisUtterance(current.chunks[current.index]);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    var mine = current;
    utterance.onend = function () { if (current === mine) { mine.index += 1; speakNext(voice); } };
    utterance.onerror = function () { if (current === mine) stop(); };
    synth.speak(utterance);
  }

  function button(label, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button button-small button-secondary " + className;
    b.textContent = label;
    return b;
  }

  function addControls(target, place, label) {
    var group = document.createElement("div");
    group.className = "read-aloud";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Nghe đọc " + label);
    var controls = { play: button("Nghe", "read-aloud-play"), pause: button("Tạm dừng", "read-aloud-pause"),
                     stop: button("Dừng", "read-aloud-stop"), status: document.createElement("span") };
    controls.status.className = "hint";
    controls.status.setAttribute("aria-live", "polite");
    controls.play.setAttribute("aria-label", "Nghe đọc " + label);
    [controls.play, controls.pause, controls.stop, controls.status].forEach(function (n) { group.appendChild(n); });
    setState(controls, "idle");
    controls.play.addEventListener("click", function () {
      var voice = vietnameseVoice();
      if (!voice) return;
      stop();
      current = { controls: controls, chunks: chunksOf(textOf(target)), index: 0 };
      setState(controls, "speaking");
      speakNext(voice);
    });
    controls.pause.addEventListener("click", function () {
      if (!current || current.controls !== controls) return;
      if (synth.paused) { synth.resume(); setState(controls, "speaking"); }
      else { synth.pause(); setState(controls, "paused"); }
    });
    controls.stop.addEventListener("click", stop);
    place(group);
  }

  function start() {
    if (started || !vietnameseVoice()) return;
    started = true;
    document.querySelectorAll("[data-read-aloud]").forEach(function (container) {
      addControls(container, function (group) { container.parentNode.insertBefore(group, container); },
                  container.getAttribute("data-read-aloud") || "nội dung");
    });
    document.querySelectorAll("[data-read-aloud-each]").forEach(function (container) { addEach(container, container); });
  }

  // One button per matching element of `root` (a container, or a page of a long text loaded later).
  function addEach(container, root) {
    root.querySelectorAll(container.getAttribute("data-read-aloud-each")).forEach(function (item) {
      if (item.querySelector(".read-aloud")) return;
      var heading = item.querySelector("h1, h2, h3, h4, h5, h6");
      var label = heading ? heading.textContent.replace(/\s+/g, " ").trim() : "đoạn này";
      var bar = item.querySelector(".lg-art-bar");
      addControls(item, function (group) {
        if (bar) { bar.appendChild(group); } else { item.insertBefore(group, item.firstChild); }
      }, label);
    });
  }

  // legal-pages.js announces each page of a long text it adds.
  document.addEventListener("lg:text-added", function (event) {
    var root = event.detail && event.detail.root;
    var container = root && root.closest("[data-read-aloud-each]");
    if (started && container) addEach(container, root);
  });

  start();
  if (!started && "onvoiceschanged" in synth) synth.addEventListener("voiceschanged", start);
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
