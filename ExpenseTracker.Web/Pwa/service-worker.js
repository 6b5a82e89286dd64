// The service worker of the installable app. Its settings (self.workerSettings: the cache's name, the asset prefix, the
// offline page, the files to fetch at install) come on the first line, written by PwaExtensions.
//
// What it caches, and what never: only the static assets (CSS, JavaScript, icons, under the asset prefix) and the
// offline page, which holds no data. Pages and /api answers are a person's finances: they always go to the network and
// are never stored, and when the network is gone a page request is answered with the offline page instead.
"use strict";

var settings = self.workerSettings;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(settings.cache)
      .then(function (cache) { return cache.addAll(settings.precache.concat([settings.offlinePage])); })
      .then(function () { return self.skipWaiting(); })
  );
});

// Caches of earlier builds are deleted, and open pages are taken over at once.
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) { return name !== settings.cache; }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function isStaticAsset(request) {
  return request.method === "GET" && request.url.indexOf(new URL(settings.assetPrefix, self.location.origin).href) === 0;
}

// Answers from the cache at once and refreshes the copy from the network behind it; a file never fetched yet comes from
// the network and is kept.
function staleWhileRevalidate(event) {
  return caches.open(settings.cache).then(function (cache) {
    return cache.match(event.request).then(function (cached) {
      var fresh = fetch(event.request).then(function (response) {
        if (response.ok) {
          cache.put(event.request, response.clone());
        }
        return response;
      });
      if (cached) {
        event.waitUntil(fresh.catch(function () { return undefined; }));
        return cached;
      }
      return fresh;
    });
  });
}

function networkOrOfflinePage(event) {
  return fetch(event.request).catch(function () {
    return caches.open(settings.cache).then(function (cache) { return cache.match(settings.offlinePage); });
  });
}

self.addEventListener("fetch", function (event) {
  if (isStaticAsset(event.request)) {
    event.respondWith(staleWhileRevalidate(event));
  } else if (event.request.mode === "navigate" && event.request.method === "GET") {
    event.respondWith(networkOrOfflinePage(event));
  }
  // Everything else (htmx fragments, /api, posts) is left to the browser: never cached, never answered from here.
});
