// Dispatch dashboard: starts Blazor (blazor.web.js, served by the silo; no CDN). The working pages are interactive on
// the server and update themselves from the silo's live events; the remaining static pages (sign-in) load in full on
// every navigation because DOM preservation is off. A lost circuit shows #components-reconnect-modal (App.razor) while
// Blazor retries; when the silo answers again but no longer knows the circuit (it restarted), the page loads afresh and
// is live again.
(function () {
  "use strict";
  var modal = document.getElementById("components-reconnect-modal");
  if (modal) {
    modal.addEventListener("components-reconnect-state-changed", function (event) {
      if (event.detail && event.detail.state === "rejected") location.reload();
    });
  }
  // A searchable picker (sign-in's department list): an <input data-filter-select="select id"> hides the options whose
  // text (or group label) does not contain what is typed, hides groups left empty, and selects the first match.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input || !input.getAttribute || !input.getAttribute("data-filter-select")) return;
    var select = document.getElementById(input.getAttribute("data-filter-select"));
    if (!select) return;
    var query = input.value.trim().toLowerCase();
    var first = null;
    Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
      var inGroup = query === "" || (group.label || "").toLowerCase().indexOf(query) >= 0;
      var shown = 0;
      Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
        var match = inGroup || option.textContent.toLowerCase().indexOf(query) >= 0;
        option.hidden = !match;
        option.disabled = !match;
        if (match) { shown++; if (!first) first = option; }
      });
      group.hidden = shown === 0;
    });
    if (first && (select.selectedIndex < 0 || select.options[select.selectedIndex].hidden)) first.selected = true;
    var none = document.getElementById(input.id + "-empty");
    if (none) none.hidden = first !== null;
  });
  // The inbox's alerts for summonses arriving live (ArrivalAlert.razor): a short tone from the Web Audio API (no sound
  // file) and, when the user allowed it from the button, a desktop notification. Permission is asked only from that
  // button, never on load. alerts counts what was raised (the tests read it).
  window.dispatchAlerts = {
    alerts: 0,
    supported: function () { return typeof Notification !== "undefined"; },
    show: function (id) {
      var button = document.getElementById(id);
      if (!button) return;
      if (!this.supported()) { button.hidden = true; return; }
      if (Notification.permission === "granted") { button.textContent = button.getAttribute("data-granted"); button.disabled = true; }
      else if (Notification.permission === "denied") { button.textContent = button.getAttribute("data-denied"); button.disabled = true; }
    },
    ask: function (button) {
      if (!this.supported()) return;
      var self = this;
      Promise.resolve(Notification.requestPermission()).then(function () { self.show(button.id); });
    },
    tone: function () {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      try {
        var audio = this.audio || (this.audio = new Context());
        var oscillator = audio.createOscillator(), gain = audio.createGain(), now = audio.currentTime;
        oscillator.type = "sine";
        oscillator.frequency.setValueAtTime(880, now);
        oscillator.frequency.setValueAtTime(1320, now + 0.18);
        gain.gain.setValueAtTime(0.0001, now);
        gain.gain.exponentialRampToValueAtTime(0.3, now + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.5);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(now);
        oscillator.stop(now + 0.5);
      } catch (e) { /* no audio device: the highlight and the notification still show */ }
    },
    arrived: function (title, body) {
      this.alerts++;
      this.tone();
      if (this.supported() && Notification.permission === "granted") {
        try { new Notification(title, { body: body, tag: "dispatch-summons", renotify: true }); } catch (e) { /* e.g. a page in the background on mobile */ }
      }
    }
  };
  Blazor.start({
    ssr: { disableDomPreservation: true },
    circuit: { reconnectionOptions: { maxRetries: 600, retryIntervalMilliseconds: 1000 } }
  });
})();
