// One point of the scaling curve, in its own process (own heap, own WebAssembly memory):
//   node bench/scale.mjs N SITE_DIR CLI OUT_DIR  → prints one JSON object
// Builds a synthetic dataset of N organizations (lib/synth.mjs), validates and compiles it with
// the native CLI (as the site build does), loads the image in the WebAssembly engine and times a
// sample of keystrokes against it and against the tuned Fuse.js baseline (same names and aliases).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadEngine, wasmBytes } from './lib/engine.mjs';
import { synthesizeText } from './lib/synth.mjs';
import { keystrokes, spread, median } from './lib/stats.mjs';
import { timeEach } from './lib/latency.mjs';
import { makeFuse, records } from './lib/fuse-baseline.mjs';

const [n, siteDir, cli, outDir, fuseVariantJson] = [Number(process.argv[2]), ...process.argv.slice(3)];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = JSON.parse(fs.readFileSync(path.join(siteDir, 'dataset.json'), 'utf8'));
const queries = JSON.parse(fs.readFileSync(path.join(root, 'bench/queries.json'), 'utf8')).map((q) => q.query);
const text = n === base.organizations.length ? fs.readFileSync(path.join(siteDir, 'dataset.json'), 'utf8') : synthesizeText(base, n);
const file = path.join(outDir, `synthetic-${n}.json`);
fs.writeFileSync(file, text);

const out = { n, bytes: Buffer.byteLength(text) };
// The native validator's verdict.
try {
  const v = JSON.parse(execFileSync(cli, ['validate', file, '--json'], { encoding: 'utf8' }));
  out.valid = v.valid;
} catch (e) {
  const v = JSON.parse(e.stdout || '{}');
  out.valid = false;
  out.validateError = v.files?.[0]?.errors?.[0] ? `${v.files[0].errors[0].path}: ${v.files[0].errors[0].message}` : String(e.message).slice(0, 200);
}
const imageFile = path.join(outDir, `synthetic-${n}.img`);
if (out.valid) execFileSync(cli, ['compile', '--data', file, '--out', imageFile], { stdio: 'ignore' });
out.imageBytes = out.valid ? fs.statSync(imageFile).size : null;

// Fewer keystrokes at large N so that each point stays within seconds: [keystrokes, rounds].
const plan = n <= 100 ? [800, 3] : n <= 1000 ? [400, 2] : n <= 2500 ? [300, 1] : n <= 5000 ? [200, 1] : n <= 10000 ? [100, 1] : [30, 1];
const sample = spread(keystrokes(queries), plan[0]);
const rounds = plan[1];
const warmup = Math.min(sample.length, 50);
out.keystrokes = sample.length * rounds;

// Engine: load time is the median of 3 fresh instances.
try {
  const loads = [];
  let loaded;
  for (let i = 0; i < 3; i++) {
    loaded = await loadEngine(siteDir, fs.readFileSync(imageFile));
    loads.push(loaded.loadMs);
  }
  out.loadMs = median(loads);
  out.heapAfterLoad = wasmBytes(loaded.memory);
  const t = timeEach((q) => loaded.engine.search(q, 8), sample, { rounds, warmup });
  out.engine = { p50: t.p50, p95: t.p95, mean: t.mean };
  out.heapAfterSearch = wasmBytes(loaded.memory);
} catch (e) {
  out.engineError = String(e.message).slice(0, 300);
}

// Fuse.js, tuned configuration from the accuracy run (index build time included in load).
if (fuseVariantJson) {
  const variant = JSON.parse(fuseVariantJson);
  const ds = JSON.parse(text);
  const t0 = performance.now();
  const fuse = makeFuse(records(ds), variant);
  out.fuseBuildMs = performance.now() - t0;
  const t = timeEach((q) => fuse.search(q, 8), sample, { rounds, warmup: n <= 10000 ? warmup : 5 });
  out.fuse = { p50: t.p50, p95: t.p95, mean: t.mean };
}
process.stdout.write(JSON.stringify(out) + '\n');
