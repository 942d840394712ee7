// Loading the engine, with integrity checked at run time (docs/security.md):
//  - the first image (dataset.fr.img for a French page, dataset.img in English, or the insurer's
//    overlays/ID[.fr].img when embedded) is fetched with the SRI hash that expect.js carries for
//    it (or that manifest.json gives): a tampered file is refused, and the page shows a warning
//    and no verdict;
//  - a French link that names an organization alone (?org=ID) is first answered from
//    first/ID.verdict.json, checked against the part of its hash that expect.js carries; it
//    vouches for the hash of first/ID.img, the engine's image that follows the verdict;
//  - after the first result, the SHA-256 the engine computes of what it loaded is compared with
//    the manifest's entry for that file: a mismatch also withdraws the verdict;
//  - the full dataset (English texts, the incidents' facts) follows, checked the same way.
import { createEngine, failure, prepareModule, PAGE_ERRORS as E } from './engine.js';

export const FILES = { fr: 'dataset.fr.img', en: 'dataset.img' };

let manifestPromise = null;

/** manifest.json, fetched once, revalidated with the server (network first, the worker's copy offline). */
export function manifest() {
  manifestPromise ??= fetch('./manifest.json', { cache: 'no-cache', credentials: 'same-origin' })
    .then((res) => (res.ok ? res.json() : null))
    .catch(() => null);
  return manifestPromise;
}

// Hashes vouched for by a checked file (a first verdict names its image's): file → SRI hash.
const vouched = new Map();

const FIRST_VERDICT = 'breachcheck-first-verdict-1';

// What expect.js noted of a link's first verdict (<meta id="first-verdict">: data-file, data-org,
// data-integrity-prefix, and the promise of its bytes as .early), or null.
const firstVerdictNote = () => document.getElementById('first-verdict');

/**
 * The first verdict web/expect.js preloaded for a French link that names an organization and
 * nothing else (?org=ID): null when there is none, else {ok: true, verdict} (what the page's
 * module said from first/ID.img: answers, info, list, questions, result; scripts/build-site.mjs)
 * or {ok: false, error} (integrity_mismatch: tampered; load_failed: missing or unreadable).
 */
export async function loadFirstVerdict() {
  const first = firstVerdictNote();
  const org = first?.dataset.org;
  if (!org || !first.dataset.integrityPrefix) return null;
  const file = first.dataset.file;
  const got = await fetchBytes(file, first.early);
  if (!got.ok) return got;
  let v;
  try {
    v = JSON.parse(new TextDecoder().decode(got.bytes));
  } catch {
    return failure(E.load_failed, `${file}: not JSON`);
  }
  const parts = ['info', 'list', 'questions', 'result'];
  if (v?.format !== FIRST_VERDICT || v.org !== org || v.image?.file !== `first/${org}.img` || typeof v.image.integrity !== 'string' ||
      parts.some((k) => v[k]?.ok !== true)) {
    return failure(E.load_failed, `${file}: not a first verdict for ${org} (${FIRST_VERDICT})`);
  }
  vouched.set(v.image.file, v.image.integrity);
  return { ok: true, verdict: v };
}

/**
 * The organization's own first image (first/ID.img) of a link that expect.js gave a first
 * verdict, or null. It holds that organization only; the page switches to the full dataset after
 * the first result.
 */
export function orgImage(l) {
  const org = firstVerdictNote()?.dataset.org;
  return l === 'fr' && org ? `first/${org}.img` : null;
}

// The expected SRI hash of a file: its preload's (data-integrity: Chromium ignores integrity on
// fetch preloads), an organization's first verdict's first 22 characters of it (data-integrity-
// prefix of expect.js's <meta id="first-verdict">), the one a checked file vouches for, or the
// manifest's entry. A file the manifest does not list is not part of this release: refused.
async function integrityOf(file) {
  if (vouched.has(file)) return { integrity: vouched.get(file) };
  const link = [...document.querySelectorAll('link[rel="preload"]')].find((l) => l.getAttribute('href') === file);
  if (link?.dataset.integrity) return { integrity: link.dataset.integrity };
  const first = firstVerdictNote();
  if (first?.dataset.file === file) return { integrity: first.dataset.integrityPrefix, prefix: true };
  const m = await manifest();
  if (!m) return { integrity: null }; // no manifest reachable (offline without a worker): unchecked
  const entry = m.files?.[file];
  return entry ? { integrity: entry.integrity } : { missing: true };
}

async function sri384(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  return `sha384-${btoa(bin)}`;
}

// `early`: a promise of the file's bytes already asked for (expect.js), or of null to fetch it here.
async function fetchBytes(file, early = null) {
  const { integrity, missing, prefix } = await integrityOf(file);
  if (missing) return failure(E.load_failed, `${file}: not part of this release (manifest.json)`);
  // Without crypto.subtle (a plain-http host), the browser checks the hash itself (a prefix it
  // cannot check: expect.js never asks for such a file there).
  const native = Boolean(integrity) && !globalThis.crypto?.subtle;
  if (native && prefix) return failure(E.load_failed, `${file}: no way to check its hash here`);
  const matches = (got) => (prefix ? got.startsWith(integrity) : got === integrity);
  const already = early && !native ? await early : null;
  let bytes;
  if (already instanceof ArrayBuffer) {
    bytes = new Uint8Array(already);
  } else {
    let res;
    try {
      res = await fetch(`./${file}`, { credentials: 'same-origin', integrity: native ? integrity : undefined });
    } catch (e) {
      return failure(native ? E.integrity_mismatch : E.load_failed, `${file}: ${(e && e.message) || e}`);
    }
    if (!res.ok) return failure(E.load_failed, `${file}: HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  }
  if (integrity && !native && !matches(await sri384(bytes))) {
    // The offline copy may be the previous release's (the page is newer than the worker's cache):
    // ask the network itself once (web/sw.js lets this marked request through), then judge.
    try {
      const again = await fetch(`./${file}`, { credentials: 'same-origin', cache: 'no-store', headers: { 'X-Breachcheck-Fetch': 'network' } });
      if (again.ok) bytes = new Uint8Array(await again.arrayBuffer());
    } catch {
      // offline: the cached copy is all there is, and it does not match
    }
    const got = await sri384(bytes);
    if (!matches(got)) return failure(E.integrity_mismatch, `${file}: ${got} ≠ ${integrity}${prefix ? '…' : ''}`);
  }
  return { ok: true, bytes, integrity };
}

let wasmPromise = null;
const wasmBytes = () => (wasmPromise ??= fetchBytes('breachcheck_core.wasm'));

/**
 * Loads an engine from `file`. {ok, engine, file} or {ok: false, error}.
 */
export async function loadEngine(file) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return failure(E.no_webassembly, 'WebAssembly');
  }
  // The module's code is checked like the data: fetched here against its published hash and
  // handed to the module (which then fetches nothing itself). Both requests go out together,
  // and the module's glue is imported while they arrive.
  prepareModule('core');
  const [wasm, got] = await Promise.all([wasmBytes(), fetchBytes(file)]);
  if (!wasm.ok) return wasm;
  if (!got.ok) return got;
  performance.mark('engine-create-start');
  const r = await createEngine(got.bytes, { wasmBinary: wasm.bytes });
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
