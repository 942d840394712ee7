// Service worker: after a first visit the checker works with the network cut, and a new release
// reaches returning visitors (docs/security.md, "Updates").
// - Its release id is written into these bytes at build time (scripts/build-site.mjs), so that a
//   new release is a new worker for the browser.
// - Install: every file of manifest.json is fetched, hashed (SHA-256) and compared with the
//   manifest before anything is cached; one mismatch and the install fails, leaving the previous
//   release's cache (and worker) in place. The new cache replaces the old one only once complete.
// - Pages and manifest.json: network first, the cached copy offline. Other files: the cached copy
//   of this release, unless the page asks for another version (a request whose SRI hash is not
//   this release's, or one marked X-Breachcheck-Fetch: network by web/boot.js, goes to the network).
// It caches only the public files listed in the manifest: never an answer, never a response
// fetched later.
const RELEASE = '__RELEASE__';
const CACHE = `breachcheck-${RELEASE}`;
const PREFIX = 'breachcheck-';

let manifestOfRelease = null;

async function digestHex(buffer) {
  const d = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const res = await fetch('manifest.json', { cache: 'no-store' });
    if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
    const manifestText = await res.text();
    const manifest = JSON.parse(manifestText);
    if (manifest.release !== RELEASE) throw new Error(`manifest.json is release ${manifest.release}, this worker ${RELEASE}`);
    // Not the demo, nor each organization's first image (a pre-filled link's quicker start,
    // ~45 KB each): offline, the page starts from dataset.fr.img instead.
    const files = Object.keys(manifest.files || {}).filter((f) => !f.startsWith('demo/') && !f.startsWith('first/'));
    // Fetch and check everything first; write the cache only when every file matches.
    const checked = [];
    for (const f of files) {
      const r = await fetch(`./${f}`, { cache: 'no-store' });
      if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
      const body = await r.arrayBuffer();
      if ((await digestHex(body)) !== manifest.files[f].sha256) throw new Error(`${f}: SHA-256 differs from the manifest`);
      checked.push([f, body, r.headers.get('Content-Type') || 'application/octet-stream']);
    }
    await caches.delete(CACHE); // a half-written cache of this release from an earlier attempt
    const cache = await caches.open(CACHE);
    const typed = (body, type) => new Response(body, { headers: { 'Content-Type': type } });
    for (const [f, body, type] of checked) await cache.put(`./${f}`, typed(body, type));
    const index = checked.find(([f]) => f === 'index.html');
    if (index) await cache.put('./', typed(index[1], index[2]));
    await cache.put('./manifest.json', typed(manifestText, 'application/json; charset=utf-8'));
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

async function releaseManifest(cache) {
  if (!manifestOfRelease) {
    const m = await cache.match('./manifest.json');
    manifestOfRelease = m ? await m.json() : { files: {} };
  }
  return manifestOfRelease;
}

async function networkFirst(req, cache, fallback) {
  try {
    return await fetch(req);
  } catch {
    return (await cache.match(req, { ignoreSearch: true })) || (fallback ? await cache.match(fallback) : undefined) || Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
    if (req.mode === 'navigate') return networkFirst(req, cache, './');
    if (path === 'manifest.json' || path === 'sw.js') return networkFirst(req, cache, null);
    // The page asks the network itself (its copy did not match what it expects; web/boot.js).
    if (req.headers.get('X-Breachcheck-Fetch') === 'network') return fetch(req);
    const entry = (await releaseManifest(cache)).files[path];
    // The page asks for another version of this file than this release's: not ours to answer.
    if (req.integrity && entry && req.integrity !== entry.integrity) return fetch(req);
    return (await cache.match(req, { ignoreSearch: true })) || fetch(req);
  })());
});
