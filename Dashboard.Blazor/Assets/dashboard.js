// Dispatch dashboard: live updates and countdowns for server-rendered pages. No framework, no CDN.
//
// Live: the page names the scopes it shows in data-watch attributes. The script opens the silo's live hub (SignalR's
// JSON protocol over a WebSocket, signed in by the dashboard cookie), calls Watch(scope) for each, and when the hub
// calls caseChanged, summonsChanged or escalated it fetches the page again and swaps every [data-live-region] in place.
// Items that appear (data-fresh-key) are marked .fresh, and a region's data-new-banner element is shown. When every
// Watch succeeded, <body data-live="on">; it is "off" while disconnected, and the script reconnects.
//
// Countdowns: every .countdown[data-due] is re-written each second from the silo's clock at render time
// (body[data-server-now]) plus the time elapsed since, with the page language's templates (body data-left/late/days).
(function () {
  "use strict";
  var RS = "\u001e";
  var body = document.body;
  var serverNow = Date.parse(body.dataset.serverNow);
  var renderedAt = Date.now();
  var refreshTimer = null;
  // Keys marked new since the page loaded: they stay marked when a later refresh redraws their region.
  var arrivedKeys = new Set();
  var refreshing = false;
  var pending = false;

  function now() { return serverNow + (Date.now() - renderedAt); }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function span(ms) {
    var total = Math.floor(Math.abs(ms) / 1000);
    if (total >= 86400) return format(body.dataset.days, [Math.floor(total / 86400), Math.floor(total % 86400 / 3600)]);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    if (total >= 3600) return Math.floor(total / 3600) + ":" + pad(Math.floor(total % 3600 / 60)) + ":" + pad(total % 60);
    return Math.floor(total / 60) + ":" + pad(total % 60);
  }

  function tick() {
    var t = now();
    document.querySelectorAll(".countdown[data-due]").forEach(function (el) {
      var due = Date.parse(el.dataset.due);
      var start = el.dataset.start ? Date.parse(el.dataset.start) : NaN;
      var left = due - t;
      var threshold = isNaN(start) || due <= start ? 5 * 60 * 1000 : (due - start) / 4;
      var urgency = left <= 0 ? "late" : (left <= threshold ? "warn" : "ok");
      el.textContent = format(left > 0 ? body.dataset.left : body.dataset.late, [span(left)]);
      el.className = "countdown countdown-" + urgency;
    });
  }

  function freshKeys(root) {
    var keys = new Set();
    root.querySelectorAll("[data-fresh-key]").forEach(function (el) { keys.add(el.dataset.freshKey); });
    return keys;
  }

  function editing(region) {
    var active = document.activeElement;
    return active && region.contains(active) && /^(TEXTAREA|INPUT|SELECT)$/.test(active.tagName);
  }

  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () { refreshTimer = null; refresh(); }, 150);
  }

  function refresh() {
    if (refreshing) { pending = true; return; }
    refreshing = true;
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var retry = false;
        document.querySelectorAll("[data-live-region]").forEach(function (region) {
          var replacement = next.querySelector('[data-live-region="' + region.dataset.liveRegion + '"]');
          if (!replacement) return;
          if (editing(region)) { retry = true; return; }
          var before = freshKeys(region);
          var open = Array.from(region.querySelectorAll("details[open][id]")).map(function (d) { return d.id; });
          region.innerHTML = replacement.innerHTML;
          open.forEach(function (id) { var d = document.getElementById(id); if (d) d.open = true; });
          var arrived = 0;
          region.querySelectorAll("[data-fresh-key]").forEach(function (el) {
            if (!before.has(el.dataset.freshKey)) { arrivedKeys.add(el.dataset.freshKey); arrived++; }
            if (arrivedKeys.has(el.dataset.freshKey)) el.classList.add("fresh");
          });
          if (arrived > 0 && region.dataset.newBanner) {
            var banner = document.getElementById(region.dataset.newBanner);
            if (banner) banner.hidden = false;
          }
        });
        var stamp = Date.parse(next.body.dataset.serverNow);
        if (!isNaN(stamp)) { serverNow = stamp; renderedAt = Date.now(); }
        tick();
        if (retry) setTimeout(scheduleRefresh, 1000);
      })
      .catch(function (error) { console.warn("dashboard: refresh failed", error); })
      .then(function () {
        refreshing = false;
        if (pending) { pending = false; scheduleRefresh(); }
      });
  }

  var scopes = [];
  document.querySelectorAll("[data-watch]").forEach(function (el) {
    el.dataset.watch.split(/\s+/).forEach(function (s) { if (s && scopes.indexOf(s) < 0) scopes.push(s); });
  });

  var backoff = 500;
  function connect() {
    if (scopes.length === 0) return;
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + body.dataset.hub;
    var socket = new WebSocket(url);
    var buffer = "";
    var handshaken = false;
    var waiting = {};
    var nextId = 1;
    var ping = null;

    socket.onopen = function () { socket.send(JSON.stringify({ protocol: "json", version: 1 }) + RS); };
    socket.onmessage = function (event) {
      buffer += event.data;
      var end;
      while ((end = buffer.indexOf(RS)) >= 0) {
        var frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (frame) handle(JSON.parse(frame));
      }
    };
    socket.onclose = function () {
      body.dataset.live = "off";
      if (ping) clearInterval(ping);
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };

    function handle(message) {
      if (!handshaken) {
        if (message.error) { console.warn("dashboard: hub refused", message.error); socket.close(); return; }
        handshaken = true;
        ping = setInterval(function () { socket.send(JSON.stringify({ type: 6 }) + RS); }, 15000);
        scopes.forEach(function (scope) {
          var id = String(nextId++);
          waiting[id] = scope;
          socket.send(JSON.stringify({ type: 1, invocationId: id, target: "Watch", arguments: [scope] }) + RS);
        });
        return;
      }
      switch (message.type) {
        case 1:
          if (message.target === "caseChanged" || message.target === "summonsChanged" || message.target === "escalated") scheduleRefresh();
          break;
        case 3:
          if (message.error) console.warn("dashboard: watch failed", waiting[message.invocationId], message.error);
          delete waiting[message.invocationId];
          if (Object.keys(waiting).length === 0) {
            backoff = 500;
            body.dataset.live = "on";
            scheduleRefresh();
          }
          break;
        case 7:
          socket.close();
          break;
      }
    }
  }

  tick();
  setInterval(tick, 1000);
  connect();
})();
