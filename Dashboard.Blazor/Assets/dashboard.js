// Dispatch dashboard: starts Blazor (blazor.web.js, served by the silo; no CDN). The working pages are interactive on
// the server and update themselves from the silo's live events; the remaining static pages (sign-in) load in full on
// every navigation because DOM preservation is off. A lost circuit shows #components-reconnect-modal (App.razor).
(function () {
  "use strict";
  Blazor.start({
    ssr: { disableDomPreservation: true },
    circuit: { reconnectionOptions: { maxRetries: 120, retryIntervalMilliseconds: 1000 } }
  });
})();
