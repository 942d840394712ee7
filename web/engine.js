// Thin JS face of the WebAssembly engine (wasm/breachcheck.d.ts describes it): loads a module
// once, turns its JSON strings into plain objects. Nothing throws: every function returns a value,
// a failure is {ok: false, error: {code, message, path?, errors?}} (docs/api.md).
//
// Two modules: breachcheck_core (the page's: reads the compact image) and breachcheck_validate
// (adds the strict JSON loader), imported only when a dataset or an overlay is validated.

const factories = new Map(); // name → promise of the module's factory (its glue, imported)
const modules = new Map(); // name → promise of the instantiated module

function factoryOf(name) {
  if (!factories.has(name)) {
    factories.set(name, name === 'validate'
      ? import('./breachcheck_validate.mjs').then((m) => m.default)
      : import('./breachcheck_core.mjs').then((m) => m.default));
  }
  return factories.get(name);
}

/**
 * Starts importing a module's glue (JavaScript only; nothing is compiled or run), so that it is
 * ready when its code arrives. A failure is reported by the createEngine call that follows.
 */
export function prepareModule(name = 'core') {
  factoryOf(name).catch(() => {});
}

function loadModule(name, options) {
  if (!modules.has(name)) {
    const binary = options && options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
    modules.set(name, factoryOf(name).then((create) => create(binary)));
  }
  return modules.get(name);
}

/**
 * The error codes only the page can see; the engine's own come from the core (core/vocab.cpp).
 * Both lists are in docs/api.md and wasm/breachcheck.d.ts (tests/node/api.test.mjs checks it);
 * no other file mints a code.
 */
export const PAGE_ERRORS = Object.freeze({
  module_load_failed: 'module_load_failed', // a WebAssembly module could not be fetched or compiled
  load_failed: 'load_failed',               // a file of the site could not be fetched, or is not in the release
  integrity_mismatch: 'integrity_mismatch', // a file does not match its published hash
  no_webassembly: 'no_webassembly',         // the browser has no WebAssembly
  invalid_overlay_id: 'invalid_overlay_id', // ?overlay= is not an overlay id
  unexpected: 'unexpected',                 // a bug of the page itself
});

/** The one error shape: {ok: false, error: {code, message}}. */
export function failure(code, message) {
  return { ok: false, error: { code, message: String(message) } };
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return failure('internal', 'the engine returned unreadable output');
  }
}

function guarded(fn) {
  try {
    return fn();
  } catch (e) {
    // Only reachable on an engine bug (an abort inside WebAssembly): report it, never throw.
    return failure('internal', (e && e.message) || e);
  }
}

function wrap(native) {
  // One engine lives as long as the page: it is never deleted.
  return Object.freeze({
    search: (query, limit = 8) => guarded(() => parse(native.search(String(query ?? ''), Number.isInteger(limit) ? limit : 8))),
    list: () => guarded(() => parse(native.list())),
    info: (lang = 'fr', { sha256 = true } = {}) => guarded(() => parse(native.info(String(lang), Boolean(sha256)))),
    questions: (lang = 'fr', org = '') => guarded(() => parse(native.questions(String(lang), String(org ?? '')))),
    incidents: (lang = 'fr') => guarded(() => parse(native.incidents(String(lang)))),
    scanMessage: (message, lang = 'fr') => guarded(() => parse(native.scanMessage(String(message ?? ''), String(lang)))),
    check: (answers) => guarded(() => {
      if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return failure('invalid_answers', 'answers must be an object');
      return parse(native.check(JSON.stringify(answers)));
    }),
  });
}

/**
 * An engine over a compact dataset image (dataset.fr.img, dataset.img, overlays/ID.img).
 * Error codes: invalid_image, module_load_failed (and internal).
 * @param {Uint8Array|ArrayBuffer} image
 * @param {{wasmBinary?: Uint8Array}} [options]
 * @returns {Promise<{ok: true, engine: object} | {ok: false, error: object}>}
 */
export async function createEngine(image, options) {
  let core;
  try {
    core = await loadModule('core', options);
  } catch (e) {
    return failure(PAGE_ERRORS.module_load_failed, (e && e.message) || e);
  }
  const bytes = image instanceof ArrayBuffer ? new Uint8Array(image) : image;
  if (!(bytes instanceof Uint8Array)) return failure('invalid_image', 'the dataset image must be bytes');
  return adopt(() => new core.Engine(bytes));
}

// A native engine made by `make`: wrapped when it loaded, else its load error (and freed).
function adopt(make) {
  let native;
  try {
    native = make();
  } catch (e) {
    return failure('internal', (e && e.message) || e);
  }
  if (!native.ok()) {
    const err = parse(native.error());
    native.delete();
    return { ok: false, error: err.error };
  }
  return { ok: true, engine: wrap(native) };
}

/**
 * An engine from dataset JSON and an insurer's overlay JSON (the validating module): for an
 * insurer previewing its overlay, and for the tests that compare it with the image.
 */
export async function createEngineFromJson(datasetText, overlayText = '', options) {
  let mod;
  try {
    mod = await loadModule('validate', options);
  } catch (e) {
    return failure(PAGE_ERRORS.module_load_failed, (e && e.message) || e);
  }
  return adopt(() => new mod.JsonEngine(String(datasetText ?? ''), String(overlayText ?? '')));
}

/** Validates a dataset (JSON text or image bytes): {ok, valid, errors: [{path, message}], warnings}. */
export async function validateDataset(dataset, options) {
  try {
    const mod = await loadModule('validate', options);
    return guarded(() => parse(mod.validate(dataset instanceof Uint8Array ? dataset : String(dataset ?? ''))));
  } catch (e) {
    return failure(PAGE_ERRORS.module_load_failed, (e && e.message) || e);
  }
}

/** Validates an insurer's overlay against a dataset: {ok, valid, errors: [{path, message}], warnings}. */
export async function validateOverlay(datasetText, overlayText, options) {
  try {
    const mod = await loadModule('validate', options);
    return guarded(() => parse(mod.validateOverlay(String(datasetText ?? ''), String(overlayText ?? ''))));
  } catch (e) {
    return failure(PAGE_ERRORS.module_load_failed, (e && e.message) || e);
  }
}
