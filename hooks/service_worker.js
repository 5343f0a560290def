// The site's service worker: after one visit to a tool page the whole site and every tool work
// with the network off. hooks/offline.py writes this file to the site's root as sw.js, with
// BUILD filled in: the build's version, the pages and assets to keep from the first visit, and
// the runtime files (Pyodide, the wheel, the snapshot) to keep once a tool page has started them.
//
// Every address in the scope is answered from this build's cache first (query ignored, so links
// like ?opgaver=… work offline), then from the network. A new build is a new sw.js: it installs
// beside the old one and waits; the page shows a banner and the reader chooses when to switch.
// The old build's cache is deleted when the new one takes over.

const BUILD = "__BUILD__";
const CACHE = `${BUILD.cachePrefix}${BUILD.version}`;
const SCOPE = new URL("./", self.location.href);
const address = (path) => new URL(path, SCOPE).href;
const PAGES = BUILD.pages.map(address);
const RUNTIME = new Set(BUILD.runtime.map(address));
const OFFLINE_PAGE = address("404.html");

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(BUILD.cachePrefix) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") self.skipWaiting();
  // A tool page's runtime has started: keep its files (mostly from the HTTP cache, just filled),
  // and tell the page when this kept them now, so that it has their scripts compiled once (offline.js).
  if (event.data?.type === "keep-runtime") {
    event.waitUntil(keepRuntime().then((kept) => kept && event.source?.postMessage({ type: "runtime-kept" })));
  }
});

// Whether any file was missing and is now kept.
async function keepRuntime() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const url of RUNTIME) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
  return missing.length > 0;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  event.respondWith(respond(event.request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;
  const kept = await cache.match(key);
  if (kept) return kept;
  try {
    const response = await fetch(request);
    if (response.ok && RUNTIME.has(key)) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    if (request.mode === "navigate") {
      const page = await cache.match(OFFLINE_PAGE);
      if (page) return page;
    }
    throw error;
  }
}
