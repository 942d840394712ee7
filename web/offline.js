// Offline use: registers the service worker (web/sw.js) for this release and waits until it has
// cached the site, so that the next visit works without network. Never throws; returns a status.
const INSTALL_TIMEOUT_MS = 5000;

function activated(registration) {
  return new Promise((resolve) => {
    const worker = registration.installing || registration.waiting || registration.active;
    if (!worker || worker.state === 'activated') return resolve(true);
    const timer = setTimeout(() => resolve(false), INSTALL_TIMEOUT_MS);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated' || worker.state === 'redundant') {
        clearTimeout(timer);
        resolve(worker.state === 'activated');
      }
    });
  });
}

export async function enableOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return 'unsupported';
  try {
    const res = await fetch('./manifest.json', { cache: 'no-cache' });
    if (!res.ok) return 'no-manifest';
    const { release } = await res.json();
    if (!/^[0-9a-f]{8,64}$/.test(String(release))) return 'no-manifest';
    const registration = await navigator.serviceWorker.register(`./sw.js?release=${release}`, { scope: './' });
    return (await activated(registration)) ? 'ready' : 'installing';
  } catch {
    return 'failed';  // e.g. storage disabled, or a third-party frame: the checker works online
  }
}
