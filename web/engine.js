// Thin JS face of the WebAssembly engine: loads the module once and turns its JSON strings into
// plain objects. Every function returns a value; none throws (errors are {error: {code, message}}).
import createBreachcheckCore from './breachcheck_core.mjs';

let corePromise = null;

function loadCore(options) {
  // The module is instantiated once per page; options (wasmBinary for Node) apply to the first call.
  if (!corePromise) corePromise = createBreachcheckCore(options && options.wasmBinary ? { wasmBinary: options.wasmBinary } : {});
  return corePromise;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { error: { code: 'internal', message: 'the engine returned unreadable output' } };
  }
}

function guarded(fn) {
  try {
    return fn();
  } catch (e) {
    // Only reachable on an engine bug (an abort inside WebAssembly): report it, never throw.
    return { error: { code: 'internal', message: String((e && e.message) || e) } };
  }
}

/**
 * Loads a dataset (JSON text) into a new engine, with an insurer's overlay merged over it when
 * `options.overlayText` is given. Error codes: invalid_dataset, invalid_overlay, module_load_failed.
 * @returns {Promise<{ok: true, engine: object} | {ok: false, error: {code: string, message: string, errors?: Array}}>}
 */
export async function createEngine(datasetText, options) {
  let core;
  try {
    core = await loadCore(options);
  } catch (e) {
    return { ok: false, error: { code: 'module_load_failed', message: String((e && e.message) || e) } };
  }
  if (typeof datasetText !== 'string') {
    return { ok: false, error: { code: 'invalid_dataset', message: 'the dataset must be text' } };
  }
  let native;
  try {
    const overlayText = options && typeof options.overlayText === 'string' ? options.overlayText : '';
    native = new core.Engine(datasetText, overlayText);
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: String((e && e.message) || e) } };
  }
  if (!native.ok()) {
    const err = parse(native.error());
    native.delete();
    return { ok: false, error: err.error };
  }
  // One engine lives as long as the page: it is never deleted.
  const engine = Object.freeze({
    search: (query, limit = 8) => guarded(() => parse(native.search(String(query ?? ''), Number.isInteger(limit) ? limit : 8))),
    list: () => guarded(() => parse(native.list())),
    info: () => guarded(() => parse(native.info())),
    // "Is this message a scam?": {risk: high|medium|low, flags: [{id, text, detail}], advice, truncated}
    scanMessage: (message, lang = 'fr') => guarded(() => parse(native.scanMessage(String(message ?? ''), String(lang)))),
    check: (answers) => guarded(() => {
      if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
        return { error: { code: 'invalid_answers', message: 'answers must be an object' } };
      }
      return parse(native.check(JSON.stringify(answers)));
    }),
  });
  return { ok: true, engine };
}

/** Validates a dataset text: {valid, errors: [{path, message}]}. */
export async function validateDataset(datasetText, options) {
  let core;
  try {
    core = await loadCore(options);
  } catch (e) {
    return { error: { code: 'module_load_failed', message: String((e && e.message) || e) } };
  }
  return guarded(() => parse(core.validate(String(datasetText ?? ''))));
}

/** Validates an insurer's overlay against a dataset: {valid, errors: [{path, message}], warnings}. */
export async function validateOverlay(datasetText, overlayText, options) {
  let core;
  try {
    core = await loadCore(options);
  } catch (e) {
    return { error: { code: 'module_load_failed', message: String((e && e.message) || e) } };
  }
  return guarded(() => parse(core.validateOverlay(String(datasetText ?? ''), String(overlayText ?? ''))));
}
