/* Staff inbox (Wagtail admin): live messages, typing indicator, canned answers, replies over the
 * staff WebSocket with a client id (the form still posts normally when the socket is down). */
(function () {
  "use strict";
  var log = document.getElementById("chat-admin-log");
  var list = document.getElementById("chat-inbox");
  var live = document.getElementById("chat-inbox-live");
  var source = log || live;
  if (!source) return;
  var conversation = log ? parseInt(log.dataset.conversation, 10) : 0;
  var replies = {}, since = "", syncTimer, ws = null, retry = 0, typingTimer, lastTyping = 0, refreshTimer;
  var form = document.getElementById("chat-admin-reply");
  var text = document.getElementById("chat-admin-text");
  var typingEl = document.getElementById("chat-admin-typing");
  var canned = document.getElementById("chat-admin-canned");
  var WHO = { contact: "Người hỏi", system: "Hệ thống", note: "Ghi chú nội bộ" };

  function el(tag, cls, content) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (content) n.textContent = content;
    return n;
  }
  function draw(m) {
    if (log.querySelector('li[data-seq="' + m.seq + '"]')) return;
    var li = el("li", "chat-admin-msg chat-admin-" + m.sender);
    li.dataset.seq = m.seq;
    var who = m.sender === "staff" ? (m.author || "Cán bộ") : WHO[m.sender] || "";
    li.appendChild(el("span", "chat-admin-who", who + " · " + m.at + (m.flags ? " · ⚠ " + m.flags : "")));
    var body = el("p", "chat-admin-text");
    withLinks(body, m.text);
    li.appendChild(body);
    (m.links || []).forEach(function (l) { var a = el("a", "", l.title); a.href = l.url; li.appendChild(a); });
    var after = null;
    Array.prototype.forEach.call(log.children, function (c) {
      if (!after && parseInt(c.dataset.seq, 10) > m.seq) after = c;
    });
    log.insertBefore(li, after);
    li.scrollIntoView({ block: "nearest" });
    if (m.sender === "contact") typingEl.textContent = "";
  }
  // Addresses become links as DOM nodes, never HTML (as the widget does, and the page's first
  // messages through the chat_text filter).
  var ADDRESS = /https?:\/\/[^\s<>"']+|(^|\s)\/[a-z0-9][a-z0-9-]*\/[^\s<>"']*/g;
  function withLinks(node, value) {
    var done = 0, match;
    ADDRESS.lastIndex = 0;
    while ((match = ADDRESS.exec(value))) {
      var start = match.index + (match[1] || "").length;
      var url = value.slice(start, match.index + match[0].length).replace(/[.,;:!?)\u2026]+$/, "");
      node.appendChild(document.createTextNode(value.slice(done, start)));
      var a = el("a", "", url);
      a.href = url;
      if (url.charAt(0) !== "/") { a.target = "_blank"; a.rel = "noopener noreferrer"; }
      node.appendChild(a);
      done = start + url.length;
    }
    node.appendChild(document.createTextNode(value.slice(done)));
  }
  // A reply assigns an unassigned conversation to whoever sent it (services.post_message): once
  // ours is acknowledged, "Nhận xử lý" has nothing left to do here.
  function assignedToMe() {
    var take = document.getElementById("chat-admin-take");
    if (!take || take.dataset.assignee) return;
    take.parentNode.removeChild(take);
    var who = document.getElementById("chat-admin-assignee-now");
    if (who) { who.textContent = "· Cán bộ: " + who.dataset.me; who.hidden = false; }
  }
  function refreshList() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      fetch(location.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("#chat-inbox tbody");
        if (fresh) list.replaceChild(fresh, list.querySelector("tbody"));
      });
    }, 400);
  }
  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + source.dataset.ws;
    ws = new WebSocket(url);
    ws.onopen = function () {
      retry = 0;
      if (live) live.textContent = "Đang cập nhật trực tiếp.";
      // Catch up on what arrived while disconnected, and now and then in case an announcement was lost.
      var catchup = function () { if (since && ws && ws.readyState === 1) ws.send(JSON.stringify({ type: "catchup", since: since })); };
      catchup();
      clearInterval(syncTimer);
      syncTimer = setInterval(catchup, 15000);
    };
    ws.onmessage = function (e) { receive(JSON.parse(e.data)); };
    function receive(f) {
      if (f.type === "batch") { f.frames.forEach(receive); return; }  // a catch-up
      if (f.ts && f.ts > since) since = f.ts;
      if (f.type === "message" && log && f.conversation === conversation) draw(f);
      else if (f.type === "typing" && typingEl && f.conversation === conversation) {
        typingEl.textContent = "Người hỏi đang soạn tin…";
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typingEl.textContent = ""; }, 4000);
      } else if (f.type === "ack" && form) {
        form.querySelector("[name=client_id]").value = newId();
        if (replies[f.client_id]) { delete replies[f.client_id]; assignedToMe(); }
      } else if (f.type === "error" && typingEl) {
        typingEl.textContent = f.text;
      }
      if (list && (f.type === "message" || f.type === "conversation")) refreshList();
    }
    ws.onclose = function (e) {
      ws = null;
      if (live) live.textContent = "Mất kết nối trực tiếp, đang thử lại…";
      // A worker restarting (1012) has a replacement listening: reconnect now, every citizen's
      // message reaches staff through this socket. Otherwise the first retry comes at once, later
      // ones back off, jittered so every inbox does not reconnect in the same instant.
      var wait = e.code === 1012 && !retry ? 0 : retry ? Math.min(4000, 500 * Math.pow(2, retry)) * (0.5 + Math.random() / 2) : 300 * Math.random();
      setTimeout(connect, wait);
      retry = Math.min(retry + 1, 6);
    };
  }
  function newId() {
    var a = new Uint8Array(12);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  if (form) {
    form.addEventListener("submit", function (e) {
      var action = e.submitter ? e.submitter.value : "reply";
      if (!ws || ws.readyState !== 1 || !text.value.trim()) return;  // plain POST
      e.preventDefault();
      var clientId = form.querySelector("[name=client_id]").value;
      if (action === "reply") replies[clientId] = true;
      ws.send(JSON.stringify({ type: action, conversation: conversation, text: text.value.trim(),
                               client_id: clientId }));
      text.value = "";
      text.focus();
    });
    text.addEventListener("input", function () {
      var m = /(?:^|\s)\/([\w-]+)$/.exec(text.value);
      if (m) {
        var option = canned.querySelector('option[data-shortcut="' + m[1] + '"]');
        if (option) text.value = text.value.slice(0, text.value.length - m[1].length - 1) + option.dataset.text;
      }
      var now = Date.now();
      if (ws && ws.readyState === 1 && now - lastTyping > 2500) {
        lastTyping = now;
        ws.send(JSON.stringify({ type: "typing", conversation: conversation }));
      }
    });
    canned.addEventListener("change", function () {
      var option = canned.options[canned.selectedIndex];
      if (option.dataset.text) { text.value = (text.value ? text.value + "\n" : "") + option.dataset.text; text.focus(); }
      canned.selectedIndex = 0;
    });
  }
  if (window.WebSocket) connect();
})();
