// Offline use and updates: registers the service worker (web/sw.js, whose bytes carry the release
// id), waits until it has cached this release, and tells the page when a newer release is ready
// for the next load. Never throws; resolves a status: ready | installing | updated | unsupported
// | failed.
import { t } from './i18n/index.js';

const INSTALL_TIMEOUT_MS = 8000;

function settled(worker) {
  return new Promise((resolve) => {
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

// "Une version plus récente des données est prête : elle sera utilisée au prochain chargement."
function announceUpdate() {
  const box = document.getElementById('update-note') ?? document.createElement('p');
  box.id = 'update-note';
  box.className = 'notice update-note';
  box.setAttribute('role', 'status');
  box.textContent = t('updateReady');
  document.getElementById('dataset-info')?.after(box);
  document.documentElement.dataset.update = 'ready';
}

/** @param {object|null} manifest the fresh manifest.json (its release) */
export async function enableOffline(manifest) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return 'unsupported';
  try {
    const before = navigator.serviceWorker.controller;
    const registration = await navigator.serviceWorker.register('./sw.js', { scope: './', updateViaCache: 'none' });
    // A page served by an older release's worker: the new release installs now, for next time.
    const worker = registration.installing || registration.waiting || registration.active;
    const ok = await settled(worker);
    if (before && registration.active && before !== registration.active) {
      announceUpdate();
      return 'updated';
    }
    registration.addEventListener('updatefound', async () => {
      if (await settled(registration.installing)) announceUpdate();
    });
    if (manifest?.release) document.documentElement.dataset.release = manifest.release;
    return ok ? 'ready' : 'installing';
  } catch {
    return 'failed'; // e.g. storage disabled, or a third-party frame: the checker works online
  }
}
