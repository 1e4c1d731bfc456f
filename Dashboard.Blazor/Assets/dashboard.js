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
  Blazor.start({
    ssr: { disableDomPreservation: true },
    circuit: { reconnectionOptions: { maxRetries: 600, retryIntervalMilliseconds: 1000 } }
  });
})();
