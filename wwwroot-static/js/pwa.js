// Makes the app installable and gives it an offline page: registers the service worker (/sw.js, see
// Pwa/service-worker.js), which caches only the static assets and that page, never a page or an API answer.
(function () {
  "use strict";

  if (!("serviceWorker" in navigator) || !window.isSecureContext) {
    return;
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () {
      // Without a worker the app works as before, only not offline: nothing to tell the person.
    });
  });
})();
