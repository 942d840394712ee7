// Loads the WebAssembly engine exactly as the page does (web/engine.js next to the site's glue,
// over a compact dataset image), in Node. Each call imports a fresh copy of engine.js (a query
// string makes a new module record), so each dataset gets its own WebAssembly instance and memory.
//
// engine.js does not expose Emscripten's Module, so the instance is caught on its way out of
// WebAssembly.instantiate: its exported WebAssembly.Memory gives what HEAP8.length would say, and
// malloc/free (found by their minified export names, read from the 3.1.6 glue) give the probe of
// heapProbe() below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const moduleDirs = new Map();
// web/engine.js beside the site's glue (the bundle has it in app.js's chunks).
function moduleDir(siteDir) {
  if (!moduleDirs.has(siteDir)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-bench-'));
    fs.copyFileSync(path.join(root, 'web/engine.js'), path.join(dir, 'engine.js'));
    fs.copyFileSync(path.join(siteDir, 'breachcheck_core.mjs'), path.join(dir, 'breachcheck_core.mjs'));
    moduleDirs.set(siteDir, dir);
  }
  return moduleDirs.get(siteDir);
}

let counter = 0;
const caught = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const r = await instantiate.apply(this, args);
  const inst = r instanceof WebAssembly.Instance ? r : r.instance;
  if (inst) caught.push(inst);
  return r;
};

/** Minified export names of malloc and free, read from the glue. */
function allocatorExports(siteDir) {
  const glue = fs.readFileSync(path.join(siteDir, 'breachcheck_core.mjs'), 'utf8');
  // As written by Emscripten (Module["_malloc"]=…Module["asm"]["x"]) or minified by the site build
  // (u._malloc=…u.asm.x).
  const prop = (p) => `(?:\\["${p}"\\]|\\.${p})`;
  const find = (name) => {
    const m = new RegExp(`${prop(name)}=function\\(\\)\\{return\\([\\w$]+=[\\w$]+${prop(name)}=[\\w$]+${prop('asm')}(?:\\["(\\w+)"\\]|\\.(\\w+))`).exec(glue);
    return m ? m[1] ?? m[2] : undefined;
  };
  return { malloc: find('_malloc'), free: find('_free') };
}

/** An engine over `image` (the bytes of a compact dataset image). */
export async function loadEngine(siteDir, image) {
  const wasmBinary = fs.readFileSync(path.join(siteDir, 'breachcheck_core.wasm'));
  const url = `${pathToFileURL(path.join(moduleDir(siteDir), 'engine.js')).href}?instance=${++counter}`;
  const mod = await import(url);
  const before = caught.length;
  const t0 = performance.now();
  const r = await mod.createEngine(new Uint8Array(image), { wasmBinary });
  const loadMs = performance.now() - t0;
  if (!r.ok) throw new Error(`createEngine failed: ${JSON.stringify(r.error).slice(0, 500)}`);
  const inst = caught.length > before ? caught[caught.length - 1] : null;
  const memory = inst ? Object.values(inst.exports).find((x) => x instanceof WebAssembly.Memory) : null;
  const names = allocatorExports(siteDir);
  const malloc = inst && names.malloc ? inst.exports[names.malloc] : null;
  const free = inst && names.free ? inst.exports[names.free] : null;
  const probe = typeof malloc === 'function' && typeof free === 'function' ? { malloc, free, memory } : null;
  return { engine: r.engine, memory, probe, loadMs };
}

/** Bytes of WebAssembly linear memory (= HEAP8.length), or NaN when it could not be caught. */
export const wasmBytes = (memory) => (memory ? memory.buffer.byteLength : NaN);

/**
 * The top of the malloc heap, seen by asking for a block larger than any free one (4 MiB) and
 * freeing it at once: if allocations leak, later probes land higher (dlmalloc takes a block that
 * large from the top of the heap).
 */
export function heapProbe(probe) {
  if (!probe) return null;
  const p = probe.malloc(4 * 1024 * 1024);
  probe.free(p);
  return { wasmBytes: probe.memory.buffer.byteLength, topAddress: p >>> 0 };
}
