// Loading the engine, with integrity checked at run time (docs/security.md):
//  - the first image (dataset.fr.img for a French page, dataset.img in English, or the insurer's
//    overlays/ID[.fr].img when embedded) is fetched with the SRI hash that index.html carries for
//    it (or that manifest.json gives): a tampered file is refused by the browser, and the page
//    shows a warning and no verdict;
//  - after the first result, the SHA-256 the engine computes of what it loaded is compared with
//    the manifest's entry for that file: a mismatch also withdraws the verdict;
//  - the full dataset (English texts, the incidents' facts) follows, checked the same way.
import { createEngine } from './engine.js';

export const FILES = { fr: 'dataset.fr.img', en: 'dataset.img' };

let manifestPromise = null;

/** manifest.json, fetched once, revalidated with the server (network first, the worker's copy offline). */
export function manifest() {
  manifestPromise ??= fetch('./manifest.json', { cache: 'no-cache', credentials: 'same-origin' })
    .then((res) => (res.ok ? res.json() : null))
    .catch(() => null);
  return manifestPromise;
}

// The SRI hash for a file: the preload link of index.html when it is that file, else the manifest.
async function integrityOf(file) {
  const link = document.getElementById('preload-dataset');
  if (link && link.getAttribute('href') === file && link.integrity) return link.integrity;
  const m = await manifest();
  return m?.files?.[file]?.integrity ?? null;
}

async function fetchBytes(file) {
  const integrity = await integrityOf(file);
  let res;
  try {
    res = await fetch(`./${file}`, { credentials: 'same-origin', integrity: integrity ?? undefined });
  } catch (e) {
    // A failed integrity check is a network error in the Fetch standard: say which.
    const code = integrity ? 'integrity_mismatch' : 'load_failed';
    return { error: { code, message: `${file}: ${(e && e.message) || e}` } };
  }
  if (!res.ok) return { error: { code: 'load_failed', message: `${file}: HTTP ${res.status}` } };
  return { bytes: new Uint8Array(await res.arrayBuffer()), integrity };
}

/**
 * Loads an engine from `file`. {ok, engine, file} or {ok: false, error}.
 */
export async function loadEngine(file) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return { ok: false, error: { code: 'no_webassembly', message: 'WebAssembly' } };
  }
  const got = await fetchBytes(file);
  if (got.error) return { ok: false, error: got.error };
  performance.mark('engine-create-start');
  const r = await createEngine(got.bytes);
  performance.mark('engine-create-end');
  performance.measure('engine-create', 'engine-create-start', 'engine-create-end');
  if (!r.ok) return r;
  return { ok: true, engine: r.engine, file };
}

/**
 * After the first result: does the engine's SHA-256 of `file` match the manifest? Resolves
 * 'match', 'mismatch' (warn and withdraw the verdict), or 'unchecked' (no manifest reachable).
 */
export async function verify(engine, file) {
  const m = await manifest();
  const expected = m?.files?.[file]?.sha256;
  if (!expected) return { status: 'unchecked', expected: null };
  const info = engine.info('fr');
  return { status: info.sha256 === expected ? 'match' : 'mismatch', expected, actual: info.sha256 };
}
