// Service worker: after the first visit the checker works with the network cut. It caches only
// the public files listed in manifest.json (never an answer), in a cache named after the
// release id, so a new dataset or module (new release) gets a fresh cache and the old one is
// deleted. Registered as sw.js?release=<id> by offline.js: a new release is a new worker.
const release = new URL(self.location.href).searchParams.get('release') || 'unversioned';
const CACHE = `breachcheck-${release}`;
const PREFIX = 'breachcheck-';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const res = await fetch('manifest.json', { cache: 'no-store' });
    if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
    const manifest = await res.json();
    const files = Object.keys(manifest.files || {})
      // The demo host page is not part of the checker.
      .filter((f) => !f.startsWith('demo/'))
      .map((f) => `./${f}`);
    const cache = await caches.open(CACHE);
    await cache.addAll(['./', './manifest.json', ...files]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages are cached without their query string (?org=…&lang=… are read by the page itself).
    const hit = req.mode === 'navigate'
      ? (await cache.match(req, { ignoreSearch: true })) || (await cache.match('./'))
      : await cache.match(req);
    if (hit) return hit;
    return fetch(req);
  })());
});
