// The service worker: the UI opens with no network. Every file of the UI (never /api, /healthz or
// /metrics) is asked of the network first, so a new UI deployed is seen at once (the server's ETags make
// that a 304 when nothing changed), and kept in a cache that answers when the network does not, or not
// within a few seconds. VERSION names the cache: a new worker fills its own and deletes the others.
const VERSION = "samaki-ui-1";
const PATIENCE_MS = 4000;

// index.html names every module, the stylesheet and the icon; both languages' texts come too, so the
// language switch works offline. Screens loaded on first use (screens/trade/) are kept when first fetched.
async function fill() {
  const cache = await caches.open(VERSION);
  const index = await fetch("/");
  if (!index.ok) throw new Error(`/: ${index.status}`);
  const html = await index.clone().text();
  const files = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
  await cache.put("/", index);
  await cache.addAll([...new Set([...files, "/i18n/km.json", "/i18n/en.json"])]);
}

self.addEventListener("install", (event) => event.waitUntil(fill().then(() => self.skipWaiting())));

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name !== VERSION) await caches.delete(name);
  await self.clients.claim();
})()));

const isUi = (url) => url.origin === location.origin && !/^\/(api\/|healthz$|metrics$)/.test(url.pathname);

async function answer(request) {
  const cache = await caches.open(VERSION);
  // Every page is the one index.html: the screens live after the '#'.
  const key = request.mode === "navigate" ? "/" : request;
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(key, response.clone()).catch(() => {});  // a full disk only costs the offline copy
    return response;
  });
  const kept = await cache.match(key, { ignoreSearch: request.mode === "navigate" });
  if (!kept) return network;
  // A network that neither answers nor fails (a weak signal) gets a few seconds, then the kept copy.
  const late = new Promise((resolve) => setTimeout(() => resolve(kept), PATIENCE_MS));
  return Promise.race([network.catch(() => kept), late]);
}

self.addEventListener("fetch", (event) => {
  if (event.request.method === "GET" && isUi(new URL(event.request.url))) event.respondWith(answer(event.request));
});
