#!/usr/bin/env node
// Search only, quickly, against any built site: top-1 accuracy on bench/queries.json (engine and
// tuned Fuse.js, with the misses) and Node latency per keystroke of search(q, 8) through engine.js.
//   node bench/search.mjs [--site build/site] [--rounds 5] [--no-fuse]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from './lib/accuracy.mjs';
import { loadEngine } from './lib/engine.mjs';
import { timeEach } from './lib/latency.mjs';
import { keystrokes } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const site = path.resolve(root, opt('--site', 'build/site'));
const rounds = Number(opt('--rounds', 5));
const datasetText = fs.readFileSync(path.join(site, 'dataset.json'), 'utf8');
const dataset = JSON.parse(datasetText);
const queries = JSON.parse(fs.readFileSync(path.join(root, 'bench/queries.json'), 'utf8'));
const { engine, loadMs } = await loadEngine(site, fs.readFileSync(path.join(site, 'dataset.img')));
const ms = (x) => x.toFixed(3);

if (args.includes('--no-fuse')) {
  let hits = 0;
  for (const q of queries) {
    const r = engine.search(q.query, 8).results || [];
    if (r[0]?.id === q.expected_id) hits++;
    else console.log(`miss  ${q.query}  → ${r[0] ? `${r[0].id} (${r[0].score})` : '(no result)'}`);
  }
  console.log(`engine top-1 ${hits}/${queries.length}`);
} else {
  const a = evaluate(engine, dataset, queries);
  for (const m of a.misses) console.log(`miss  ${m.query}  → ${m.top}, expected at rank ${m.expectedRank ?? '-'}`);
  console.log(`engine top-1 ${a.engine}/${a.n}; Fuse.js tuned ${a.fuseTuned}/${a.n} (2-fold CV ${a.fuseTunedCV}), default ${a.fuseDefault}`);
  console.log(`Fuse.js tuned misses: ${a.fuseMisses.map((m) => m.query).join(', ')}`);
}
const keys = keystrokes(queries.map((q) => q.query));
const t = timeEach((k) => engine.search(k, 8), keys, { rounds });
console.log(`load ${ms(loadMs)} ms; ${keys.length} keystrokes × ${rounds} rounds: p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms, mean ${ms(t.mean)} ms; best round p50 ${ms(t.bestP50)}, p95 ${ms(t.bestP95)}`);
