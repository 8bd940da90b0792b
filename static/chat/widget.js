/* "Hỏi trực tuyến": the live chat widget (no framework, no inline script, no eval).
 *
 * Delivery (docs/decisions/0016-chat-delivery.md): every message the citizen types gets a client id
 * and stays in an outbox (localStorage) until the server acknowledges it with its sequence number;
 * after a reconnect the outbox is sent again (the server stores a client id once) and the server
 * replays every message numbered above the highest one shown. Messages are drawn once per number.
 * WebSocket first; when it cannot open, the same frames go over HTTP with long-polling.
 */
(function () {
  "use strict";
  var launcher = document.getElementById("chat-launcher");
  if (!launcher || !window.JSON || !document.querySelector) return;
  var cfg = launcher.dataset;
  var KEY = "pbgdpl-chat";
  var store = load();
  var shown = {};          // seq -> true
  var lastSeq = 0;
  var syncTimer, fillPending = false, ws = null, mode = "ws", wsFailures = 0, opened = false, retry = 0, pollAbort = null, started = false;
  var panel, body, log, input, form, statusEl, alertEl, typingEl, awayEl, typingTimer, lastTypingSent = 0;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(store)); } catch (e) { /* private mode: memory only */ }
  }
  store.outbox = store.outbox || [];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  function newToken() {
    var a = new Uint8Array(24);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return btoa(String.fromCharCode.apply(null, a)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  // The conversation's secret, made here before the first message: a message resent after a lost
  // answer then lands in the same conversation.
  function token() {
    if (!store.token) { store.token = newToken(); save(); }
    return store.token;
  }
  function newId() {
    var a = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function build() {
    panel = el("section", "chat-panel");
    panel.id = "chat-panel";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "chat-title");
    panel.hidden = true;
    var head = el("div", "chat-head");
    var title = el("h2", "chat-title", "Hỏi trực tuyến");
    title.id = "chat-title";
    var close = el("button", "chat-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Đóng khung trò chuyện");
    close.addEventListener("click", hide);
    head.appendChild(title); head.appendChild(close);
    statusEl = el("p", "chat-status", "Đang kết nối…");
    statusEl.setAttribute("role", "status");
    log = el("ol", "chat-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", "Nội dung trò chuyện");
    // One scrolling area for the messages and the off-hours form below them: as a second scrolling
    // box of its own, the form was cut off under the message box on a phone (360 px wide).
    body = el("div", "chat-body");
    body.tabIndex = 0;  // scrollable by keyboard
    body.setAttribute("role", "region");
    body.setAttribute("aria-label", "Tin nhắn");
    typingEl = el("p", "chat-typing", "");
    typingEl.setAttribute("aria-live", "polite");
    alertEl = el("p", "chat-alert");
    alertEl.setAttribute("role", "alert");
    awayEl = el("div", "chat-away");
    awayEl.hidden = true;
    form = el("form", "chat-form");
    var label = el("label", "chat-label", "Nội dung câu hỏi (Enter để gửi, Shift+Enter để xuống dòng)");
    label.htmlFor = "chat-input";
    input = el("textarea", "chat-input");
    input.id = "chat-input";
    input.rows = 2;
    input.maxLength = parseInt(cfg.maxChars || "2000", 10);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
    });
    input.addEventListener("input", typing);
    var send = el("button", "chat-send", "Gửi");
    send.type = "submit";
    form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
    form.appendChild(label); form.appendChild(input); form.appendChild(send);
    var tools = el("div", "chat-tools");
    tools.appendChild(toolButton("Gửi nội dung qua thư điện tử", askTranscript));
    tools.appendChild(toolButton("Xóa cuộc trò chuyện", askDelete));
    var qa = el("a", "chat-qa", "Gửi câu hỏi bằng biểu mẫu");
    qa.href = cfg.qa || launcher.href;
    tools.appendChild(qa);
    [log, typingEl, awayEl].forEach(function (n) { body.appendChild(n); });
    [head, statusEl, body, alertEl, form, tools].forEach(function (n) { panel.appendChild(n); });
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") hide();
      else if (e.key === "Tab" && coversPage()) keepFocusInside(e);
    });
    document.body.appendChild(panel);
  }
  // On a phone the panel covers the page: Tab must not move focus to what is hidden behind it.
  function coversPage() {
    return panel.getBoundingClientRect().width >= window.innerWidth - 1;
  }
  function keepFocusInside(e) {
    var all = panel.querySelectorAll("a[href], button, input, textarea, select, [tabindex='0']");
    var usable = Array.prototype.filter.call(all, function (n) { return !n.disabled && n.offsetParent !== null; });
    if (!usable.length) return;
    var first = usable[0], last = usable[usable.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  }
  function toolButton(text, onClick) {
    var b = el("button", "chat-tool", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function show() {
    if (!panel) build();
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    input.focus();
    if (!started) { started = true; connect(); }
  }
  function hide() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  // Drawing ------------------------------------------------------------------------------------
  function draw(m) {
    if (shown[m.seq]) return;
    shown[m.seq] = true;
    // lastSeq: every message up to it is shown. A gap means one went by while this tab was not
    // listening yet: ask for what follows lastSeq again (drawn once, by number).
    while (shown[lastSeq + 1]) lastSeq++;
    if (m.seq > lastSeq + 1 && !fillPending) {
      fillPending = true;
      setTimeout(function () {
        fillPending = false;
        if (mode === "ws" && ws && ws.readyState === 1) ws.send(JSON.stringify({ type: "sync", after: lastSeq }));
      }, 300);
    }
    var pending = document.getElementById("chat-pending-" + m.client_id);
    if (pending && m.client_id) pending.parentNode.removeChild(pending);
    var item = el("li", "chat-msg chat-" + m.sender);
    item.dataset.seq = m.seq;
    var who = m.sender === "contact" ? "Bạn" : m.sender === "staff" ? (m.author || "Cán bộ") : "Hệ thống";
    item.appendChild(el("span", "chat-who", who + " · " + m.at));
    var text = el("p", "chat-text");
    if (m.sender === "contact") text.textContent = m.text; else withLinks(text, m.text);
    item.appendChild(text);
    if (m.links && m.links.length) {
      var list = el("ul", "chat-links");
      m.links.forEach(function (l) {
        var li = el("li"), a = el("a", "", l.title);
        if (/^\/(?!\/)/.test(l.url)) a.href = l.url;  // own pages only
        li.appendChild(a); list.appendChild(li);
      });
      item.appendChild(list);
    }
    insertInOrder(item, m.seq);
    if (m.sender === "staff") typingEl.textContent = "";
  }
  // Addresses in a reply (canned answers cite provisions as "/van-ban/…/#dieu-3") become links, made
  // as DOM nodes, never as HTML; punctuation after an address stays with the sentence (as
  // chat/channels/outgoing.py does for Zalo and Messenger).
  var ADDRESS = /https?:\/\/[^\s<>"']+|(^|\s)\/[a-z0-9][a-z0-9-]*\/[^\s<>"']*/g;
  function withLinks(node, text) {
    var done = 0, match;
    ADDRESS.lastIndex = 0;
    while ((match = ADDRESS.exec(text))) {
      var start = match.index + (match[1] || "").length;
      var url = text.slice(start, match.index + match[0].length).replace(/[.,;:!?)\u2026]+$/, "");
      node.appendChild(document.createTextNode(text.slice(done, start)));
      var a = el("a", "", url);
      a.href = url;
      if (url.charAt(0) !== "/") { a.target = "_blank"; a.rel = "noopener noreferrer"; }
      node.appendChild(a);
      done = start + url.length;
    }
    node.appendChild(document.createTextNode(text.slice(done)));
  }
  function insertInOrder(item, seq) {
    var nodes = log.querySelectorAll("li.chat-msg[data-seq]");
    for (var i = 0; i < nodes.length; i++) {
      if (parseInt(nodes[i].dataset.seq, 10) > seq) { log.insertBefore(item, nodes[i]); return scroll(); }
    }
    var firstPending = log.querySelector("li.chat-pending");
    log.insertBefore(item, firstPending);
    scroll();
  }
  function drawPending(m) {
    if (document.getElementById("chat-pending-" + m.client_id)) return;
    var item = el("li", "chat-msg chat-contact chat-pending");
    item.id = "chat-pending-" + m.client_id;
    item.appendChild(el("span", "chat-who", "Bạn · đang gửi…"));
    var text = el("p", "chat-text");
    if (m.sender === "contact") text.textContent = m.text; else withLinks(text, m.text);
    item.appendChild(text);
    log.appendChild(item);
    scroll();
  }
  function scroll() {
    // The newest message at the bottom of the scrolling area (the off-hours form, if any, below it).
    var last = log.lastElementChild;
    if (last) body.scrollTop = Math.max(body.scrollTop, last.offsetTop + last.offsetHeight + 8 - body.clientHeight);
  }
  function setStatus(text) { statusEl.textContent = text; }

  // Sending ------------------------------------------------------------------------------------
  function submit() {
    var text = input.value.trim();
    if (!text) return;
    alertEl.textContent = "";
    var m = { client_id: newId(), text: text };
    store.outbox.push(m);
    save();
    input.value = "";
    drawPending(m);
    sendFrame({ type: "message", client_id: m.client_id, text: m.text });
  }
  function typing() {
    var now = Date.now();
    if (now - lastTypingSent > 2500 && mode === "ws" && ws && ws.readyState === 1 && store.started) {
      lastTypingSent = now;
      ws.send(JSON.stringify({ type: "typing" }));
    }
  }
  function flushOutbox() {
    store.outbox.forEach(function (m) {
      drawPending(m);
      sendFrame({ type: "message", client_id: m.client_id, text: m.text });
    });
  }
  function sendFrame(frame) {
    if (mode === "ws") {
      if (ws && ws.readyState === 1) ws.send(JSON.stringify(frame));
      return;  // otherwise the outbox is sent again on (re)connect
    }
    frame.token = token();
    fetch(cfg.api, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(frame),
                     credentials: "omit" })
      .then(function (r) { return r.json(); })
      .then(function (data) { (data.frames || []).forEach(handle); if (store.started && !pollAbort) poll(); })
      .catch(function () { setStatus("Mất kết nối, đang thử lại…"); setTimeout(function () {
        if (frame.type === "message") sendFrame(frame); }, backoff()); });
  }

  // Receiving ----------------------------------------------------------------------------------
  function handle(f) {
    if (f.type === "welcome") {
      store.started = !!f.conversation; save();
      setStatus(f.open ? "Cán bộ đang trực, sẽ trả lời bạn sớm." : "Ngoài giờ trực.");
      if (!log.firstChild && f.greeting) log.appendChild(el("li", "chat-msg chat-system chat-greeting", f.greeting));
      showAway(!f.open && !f.qa_code);
    } else if (f.type === "token") {
      store.token = f.token; save();
    } else if (f.type === "ack") {
      store.started = true;
      store.outbox = store.outbox.filter(function (m) { return m.client_id !== f.client_id; });
      save();
    } else if (f.type === "message") {
      if (f.conversation && store.conversation !== f.conversation) { store.conversation = f.conversation; save(); }
      draw(f);
      if (f.client_id) { store.outbox = store.outbox.filter(function (m) { return m.client_id !== f.client_id; }); save(); }
    } else if (f.type === "typing") {
      typingEl.textContent = "Cán bộ đang soạn trả lời…";
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typingEl.textContent = ""; }, 4000);
    } else if (f.type === "error") {
      alertEl.textContent = f.text;
      if (f.client_id) giveBack(f.client_id);
    } else if (f.type === "handoff") {
      showHandoffDone(f);
    } else if (f.type === "deleted") {
      store = { outbox: [] }; save(); shown = {}; lastSeq = 0;
      while (log.firstChild) log.removeChild(log.firstChild);
      setStatus("Cuộc trò chuyện đã được xóa.");
    }
  }
  function giveBack(clientId) {
    // A refused message is not lost: its text goes back into the box.
    var m = store.outbox.filter(function (x) { return x.client_id === clientId; })[0];
    store.outbox = store.outbox.filter(function (x) { return x.client_id !== clientId; });
    save();
    var pending = document.getElementById("chat-pending-" + clientId);
    if (pending) pending.parentNode.removeChild(pending);
    if (m && !input.value) input.value = m.text;
  }

  // Transports ---------------------------------------------------------------------------------
  function backoff(code) {
    // The first retry at once: jittered up to 0.3 s (a server that went down drops every socket in
    // the same instant), not at all after 1012 (a reload: the server closes its sockets one by one
    // over seconds, and a warm replacement is listening; any wait here is added to every message
    // sent or answered meanwhile). Later ones back off: 0.5–1 s, 1–2 s, then 2–4 s (longer waits
    // kept people waiting for seconds after a server that had been down came back).
    var first = retry === 0;
    retry = Math.min(retry + 1, 4);
    if (first) return code === 1012 ? 0 : 300 * Math.random();
    return 250 * Math.pow(2, retry) * (0.5 + Math.random() / 2);
  }
  function connect() {
    if (mode !== "ws" || !window.WebSocket) { mode = "poll"; return startPolling(); }
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + cfg.ws;
    try { ws = new WebSocket(url); } catch (e) { ws = null; }
    if (!ws) { mode = "poll"; return startPolling(); }
    opened = false;
    ws.onopen = function () {
      opened = true; retry = 0; wsFailures = 0;
      // Its conversation, followed before the server reads it: nothing stored meanwhile is missed.
      ws.send(JSON.stringify({ type: "hello", token: token(), after: lastSeq, conversation: store.conversation || 0 }));
      flushOutbox();
    };
    // Now and then ask for anything numbered after the last message shown: a live announcement
    // can be lost when the server is overloaded; the database never loses it.
    clearInterval(syncTimer);
    syncTimer = setInterval(function () {
      if (ws && ws.readyState === 1 && store.started) ws.send(JSON.stringify({ type: "sync", after: lastSeq }));
    }, 15000);
    ws.onmessage = function (e) { try { handle(JSON.parse(e.data)); } catch (err) { /* ignore a bad frame */ } };
    ws.onclose = function (e) {
      ws = null;
      setStatus("Mất kết nối, đang kết nối lại…");
      if (!opened && ++wsFailures >= 2) return blockedOrDown();
      setTimeout(connect, backoff(e.code));
    };
  }
  // Two sockets in a row never opened: WebSockets blocked on the way (long-poll instead), or the
  // server restarting (keep retrying the socket)? Only a server that answers over HTTP says blocked.
  function blockedOrDown() {
    fetch(cfg.api, { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "omit",
                     body: JSON.stringify({ type: "sync", after: lastSeq, token: token() }) })
      .then(function (r) { if (!r.ok) throw new Error(); mode = "poll"; startPolling(); })
      .catch(function () { setTimeout(connect, backoff()); });
  }
  function startPolling() {
    sendFrame({ type: "hello", after: lastSeq });
    flushOutbox();
  }
  function poll() {
    if (!store.started) return;
    pollAbort = new AbortController();
    fetch(cfg.poll + "?after=" + lastSeq, { headers: { "X-Chat-Token": store.token }, credentials: "omit",
                                            signal: pollAbort.signal })
      .then(function (r) { return r.json(); })
      .then(function (data) { retry = 0; (data.frames || []).forEach(handle); pollAbort = null; poll(); })
      .catch(function () { pollAbort = null; setTimeout(poll, backoff()); });
  }

  // Off hours, transcript, deletion ------------------------------------------------------------
  function field(labelText, type, id, auto) {
    var wrap = el("p", "chat-field"), label = el("label", "", labelText), input = el("input");
    label.htmlFor = id; input.id = id; input.type = type; if (auto) input.autocomplete = auto;
    wrap.appendChild(label); wrap.appendChild(input);
    return wrap;
  }
  function showAway(on) {
    if (!awayEl) return;
    awayEl.hidden = !on;
    if (!on || awayEl.firstChild) return;
    var f = el("form", "chat-handoff");
    f.appendChild(el("p", "", "Ngoài giờ trực, bạn có thể để lại câu hỏi để chuyển vào mục Hỏi đáp pháp luật và nhận đường dẫn theo dõi."));
    f.appendChild(field("Họ và tên", "text", "chat-name", "name"));
    f.appendChild(field("Thư điện tử (không bắt buộc)", "email", "chat-email", "email"));
    f.appendChild(field("Số điện thoại (không bắt buộc)", "tel", "chat-phone", "tel"));
    var consent = el("p", "chat-consent"), box = el("input"), cl = el("label", "",
      "Tôi đồng ý để Sở Tư pháp dùng họ tên và thông tin liên hệ trên chỉ để trả lời câu hỏi này.");
    box.type = "checkbox"; box.id = "chat-consent"; cl.htmlFor = "chat-consent";
    consent.appendChild(box); consent.appendChild(cl); f.appendChild(consent);
    var b = el("button", "chat-send", "Chuyển thành câu hỏi"); b.type = "submit"; f.appendChild(b);
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!store.started) { alertEl.textContent = "Hãy viết câu hỏi vào ô bên dưới và gửi trước."; return; }
      sendAction({ type: "handoff", name: f.querySelector("#chat-name").value,
                   email: f.querySelector("#chat-email").value, phone: f.querySelector("#chat-phone").value,
                   consent: box.checked });
    });
    awayEl.appendChild(f);
  }
  function showHandoffDone(f) {
    while (awayEl.firstChild) awayEl.removeChild(awayEl.firstChild);
    awayEl.appendChild(el("p", "", "Đã chuyển thành câu hỏi, mã tra cứu " + f.code + "."));
    if (f.link) {
      var a = el("a", "", "Đường dẫn theo dõi câu trả lời (hãy lưu lại, không chia sẻ cho người khác)");
      a.href = f.link; awayEl.appendChild(a);
    }
    awayEl.hidden = false;
  }
  function sendAction(frame) {
    if (mode === "ws" && !(ws && ws.readyState === 1)) { alertEl.textContent = "Đang mất kết nối, vui lòng thử lại sau giây lát."; return; }
    sendFrame(frame);
  }
  function askTranscript() {
    if (!store.started) { alertEl.textContent = "Chưa có nội dung để gửi."; return; }
    var email = window.prompt("Địa chỉ thư điện tử nhận nội dung cuộc trò chuyện:");
    if (email) sendAction({ type: "transcript", email: email });
  }
  function askDelete() {
    if (store.started && window.confirm("Xóa vĩnh viễn cuộc trò chuyện này và mọi tin nhắn của bạn?")) {
      sendAction({ type: "delete" });
    }
  }

  launcher.setAttribute("role", "button");
  launcher.setAttribute("aria-controls", "chat-panel");
  launcher.setAttribute("aria-expanded", "false");
  launcher.addEventListener("click", function (e) {
    e.preventDefault();
    if (panel && !panel.hidden) hide(); else show();
  });
  launcher.addEventListener("keydown", function (e) { if (e.key === " ") { e.preventDefault(); launcher.click(); } });
  if (store.started && store.open) show();
  window.addEventListener("beforeunload", function () { store.open = !!(panel && !panel.hidden); save(); });
})();
