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
  Blazor.start({
    ssr: { disableDomPreservation: true },
    circuit: { reconnectionOptions: { maxRetries: 600, retryIntervalMilliseconds: 1000 } }
  });
})();
