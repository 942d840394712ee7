#!/usr/bin/env node
// breachcheck benchmark: payload, first result in Chromium, search accuracy and latency against
// Fuse.js, scaling, memory. Prints a markdown report and writes it to build/bench/report.md.
//
//   node --expose-gc bench/run.mjs [--site build/site] [--cli build/bench/native/cli/breachcheck]
//                                  [--runs 15] [--skip-browser] [--quick]
// Normally run through `bash bench/run.sh`, which builds what this needs first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteFiles, total, sizes, minifiedJson } from './lib/payload.mjs';
import { evaluate, evaluateHoldout } from './lib/accuracy.mjs';
import { loadEngine, wasmBytes, heapProbe } from './lib/engine.mjs';
import { timeEach, checkAnswers } from './lib/latency.mjs';
import { makeFuse, records, DEFAULT, DEFAULT_FOLDED } from './lib/fuse-baseline.mjs';
import { keystrokes, median, quantile, spread } from './lib/stats.mjs';
import { serve, launch, firstResult, inPage, mainThreadCpu } from './lib/browser.mjs';
import { writeTrivialSite, firstVerdict, bytesBeforeVerdict, installLighthouse, lighthouse, LIGHTHOUSE_VERSION } from './lib/page.mjs';
import { report } from './lib/report.mjs';
import { wasmSections, groupFunctions } from './lib/wasm-sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const quick = args.includes('--quick');
const siteSrc = path.resolve(root, opt('--site', 'build/site'));
const cli = path.resolve(root, opt('--cli', 'build/bench/native/cli/breachcheck'));
const runs = Number(opt('--runs', quick ? 5 : 15));
const namesWasm = opt('--names-wasm', null);
const baselineSite = opt('--baseline-site', null) ? path.resolve(root, opt('--baseline-site')) : null;
const url0 = (server) => `${server.url}?org=malakoff-humanis`;
const outDir = path.join(root, 'build/bench');
const snap = path.join(outDir, 'site');
const started = performance.now();
const log = (m) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);
const gc = () => { if (global.gc) { global.gc(); global.gc(); } };

// 0. A private copy of the site: others may rebuild build/site while this runs.
fs.rmSync(snap, { recursive: true, force: true });
fs.mkdirSync(path.join(outDir, 'data'), { recursive: true });
fs.cpSync(siteSrc, snap, { recursive: true });
const results = {
  when: new Date().toISOString(),
  loadBefore: os.loadavg(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  commit: (() => { try { return execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { return '?'; } })(),
};

// 1. Payload of every file of the site.
log('payload');
results.files = siteFiles(snap);
results.filesTotal = total(results.files);
const datasetBuf = fs.readFileSync(path.join(snap, 'dataset.json'));
results.datasetMinified = minifiedJson(datasetBuf);
const fuseMin = path.join(root, 'node_modules/fuse.js/dist/fuse.min.mjs');
results.fuseMinSize = sizes(fs.readFileSync(fuseMin));
const wasm = wasmSections(fs.readFileSync(path.join(snap, 'breachcheck_core.wasm')));
results.wasm = { sections: wasm.sections };
if (namesWasm && fs.existsSync(namesWasm)) {
  const named = wasmSections(fs.readFileSync(namesWasm));
  const code = (w) => w.sections.find((x) => x.name === 'code')?.size;
  results.wasm.namesCodeSize = code(named);
  if (named.hasNames) Object.assign(results.wasm, groupFunctions(named.functions));
  if (code(named) !== code(wasm)) results.wasm.namesNote = `code section differs: ${code(named)} vs ${code(wasm)}`;
}
// Files the browser benchmark needs beside the site (never counted in the payload).
fs.mkdirSync(path.join(snap, 'bench'));
fs.copyFileSync(path.join(root, 'node_modules/fuse.js/dist/fuse.mjs'), path.join(snap, 'bench/fuse.mjs'));
fs.copyFileSync(path.join(root, 'bench/lib/fold.mjs'), path.join(snap, 'bench/fold.mjs'));
fs.copyFileSync(path.join(root, 'web/engine.js'), path.join(snap, 'bench-engine.js')); // beside the glue it imports
const image = fs.readFileSync(path.join(snap, 'dataset.img'));

// 2. Accuracy on the labelled set (deterministic: one pass is the figure).
log('accuracy (engine, Fuse.js default, Fuse.js grid)');
const datasetText = datasetBuf.toString('utf8');
const dataset = JSON.parse(datasetText);
const queries = JSON.parse(fs.readFileSync(path.join(root, 'bench/queries.json'), 'utf8'));
const loaded = await loadEngine(snap, image);
results.accuracy = evaluate(loaded.engine, dataset, queries);
const tuned = results.accuracy.fuseTunedVariant;
const holdout = JSON.parse(fs.readFileSync(path.join(root, 'bench/queries-holdout.json'), 'utf8'));
results.holdout = evaluateHoldout(loaded.engine, dataset, holdout, tuned);

// 3. Engine load time in Node: median over fresh instances.
log('load time');
const loads = [];
for (let i = 0; i < (quick ? 3 : 7); i++) loads.push((await loadEngine(snap, image)).loadMs);
results.nodeLoadMs = { median: median(loads), runs: loads.length };

// 4. Latency per keystroke in Node, every prefix of every labelled query.
log('latency per keystroke (Node)');
const keys = keystrokes(queries.map((q) => q.query));
const rounds = quick ? 2 : 5;
const probe0 = heapProbe(loaded.probe);
results.nodeLatency = { keystrokes: keys.length, rounds };
results.nodeLatency.engine = timeEach((k) => loaded.engine.search(k, 8), keys, { rounds });
const recs = records(dataset);
for (const v of [DEFAULT, DEFAULT_FOLDED, tuned]) {
  const f = makeFuse(recs, v);
  results.nodeLatency[v.label] = timeEach((k) => f.search(k, 8), keys, { rounds: Math.min(rounds, 3) });
}

// 5. Memory: the same engine instance after load, after all the searches, after 10,000 checks.
log('memory (10,000 checks)');
const probe1 = heapProbe(loaded.probe);
const answers = checkAnswers(dataset, 10000);
gc();
const rss0 = process.memoryUsage();
const checkTimes = [];
for (const a of answers) {
  const t0 = performance.now();
  const r = loaded.engine.check(a);
  checkTimes.push(performance.now() - t0);
  if (r.error) throw new Error(`check failed for ${JSON.stringify(a)}: ${JSON.stringify(r.error)}`);
}
gc();
const rss1 = process.memoryUsage();
const probe2 = heapProbe(loaded.probe);
// A second batch of 10,000: steady state must not move at all.
for (const a of answers) loaded.engine.check(a);
const probe3 = heapProbe(loaded.probe);
// Sensitivity of the probe, in a throw-away instance: leak 100-byte blocks on purpose, 100 KB at
// a time, until the probe moves (small leaks first fill the free holes below the top of the heap).
const leaky = await loadEngine(snap, image);
const l0 = heapProbe(leaky.probe);
let leaked = 0;
while (leaky.probe && leaked < 8 * 2 ** 20) {
  for (let i = 0; i < 1000; i++) leaky.probe.malloc(100);
  leaked += 100 * 1000;
  if (heapProbe(leaky.probe).topAddress !== l0.topAddress) break;
}
results.memory = {
  afterLoad: probe0, afterSearch: probe1, after10k: probe2, after20k: probe3,
  probeDetectsBytes: leaked,
  checkP50: median(checkTimes), checkP95: quantile(checkTimes, 0.95),
  jsHeapBefore: rss0.heapUsed, jsHeapAfter: rss1.heapUsed, rssBefore: rss0.rss, rssAfter: rss1.rss, gc: Boolean(global.gc),
};

// 6. Scaling: one child process per size (own heap and WebAssembly memory).
const sizesN = quick ? [dataset.organizations.length, 1000, 5000, 10000] : [dataset.organizations.length, 1000, 2500, 5000, 10000, 100000];
results.scaling = [];
for (const n of sizesN) {
  log(`scaling N=${n}`);
  const outText = execFileSync(process.execPath, [path.join(root, 'bench/scale.mjs'), String(n), snap, cli, path.join(outDir, 'data'), JSON.stringify(tuned)],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  results.scaling.push(JSON.parse(outText.trim().split('\n').pop()));
}

// 7. Chromium: cold first result (pre-filled URL), then in-page latency and memory.
if (!args.includes('--skip-browser')) {
  // On a shared machine, give other jobs a chance to finish first (bounded wait; the report
  // prints the load average during the Chromium runs either way).
  const quietWait = Number(opt('--quiet-wait', quick ? 0 : 45));
  const waitStart = performance.now();
  while (os.loadavg()[0] > 1.5 && performance.now() - waitStart < quietWait * 1000) {
    if (Math.round((performance.now() - waitStart) / 1000) % 30 === 0) log(`waiting for a quieter machine (load ${os.loadavg()[0].toFixed(1)}, up to ${quietWait} s)`);
    await new Promise((res) => setTimeout(res, 5000));
  }
  const server = await serve(root, snap);
  const trivialDir = writeTrivialSite(path.join(outDir, 'trivial'));
  const trivial = await serve(root, trivialDir);
  const baseline = baselineSite ? await serve(root, baselineSite) : null;
  const browser = await launch();
  try {
    results.browser = { version: browser.version(), runs: [], loadBefore: os.loadavg() };
    const url = `${server.url}?org=malakoff-humanis`;
    // The goals: the page, the trivial page (and the baseline's page), interleaved run by run,
    // unthrottled at 1280×900 and at 375×812 with the CPU throttled 4×.
    const phone = { viewport: { width: 375, height: 812 }, throttle: 4 };
    const pages = { page: url, trivial: trivial.url, ...(baseline ? { baseline: `${baseline.url}?org=malakoff-humanis` } : {}) };
    results.page = { runs: Object.fromEntries(Object.keys(pages).map((k) => [k, []])), phone: Object.fromEntries(Object.keys(pages).map((k) => [k, []])) };
    for (let i = 0; i < runs; i++) {
      log(`Chromium cold loads ${i + 1}/${runs}: ${Object.keys(pages).join(', ')}, unthrottled and 4× throttled at 375 px`);
      // Only this site's page is waited on for its engine (the baseline has no engine-create mark).
      for (const [k, u] of Object.entries(pages)) results.page.runs[k].push(await firstVerdict(browser, u, { engine: k === 'page' }));
      for (const [k, u] of Object.entries(pages)) results.page.phone[k].push(await firstVerdict(browser, u, { ...phone, engine: k === 'page' }));
    }
    results.page.bytes = bytesBeforeVerdict(snap, results.page.runs.page[0]);
    if (baseline) results.page.baselineBytes = bytesBeforeVerdict(baselineSite, results.page.runs.baseline[0]);
    // The detailed waterfall of the real page (its own timings), as before.
    for (let i = 0; i < Math.min(runs, 5); i++) results.browser.runs.push(await firstResult(browser, url));
    log('Chromium main-thread CPU time (traced loads)');
    results.browser.cpu = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) results.browser.cpu.push(await mainThreadCpu(browser, url));
    log('Chromium in-page latency and memory');
    const sample = spread(keys, quick ? 300 : 1000);
    results.browser.inPage = await inPage(browser, server.url, {
      keystrokes: sample, rounds: quick ? 1 : 3, reps: 10,
      fuseVariants: [DEFAULT, DEFAULT_FOLDED, tuned], checks: checkAnswers(dataset, 10000),
    });
    results.browser.inPage.keystrokes = sample.length;
    results.browser.inPage.rounds = quick ? 1 : 3;
    results.browser.loadAfter = os.loadavg();
  } finally {
    await browser.close();
  }
  // Lighthouse (its own Chromium, default simulated throttling), mobile and desktop.
  if (!args.includes('--skip-lighthouse')) {
    const lh = installLighthouse(path.join(outDir, 'lighthouse'));
    results.lighthouse = {};
    const targets = { page: url0(server), ...(baseline ? { baseline: url0(baseline) } : {}) };
    // One Lighthouse run varies by ±100 ms of TBT here: several runs, page and baseline in turn;
    // the medians are reported, with the range and the worst CLS. A run that fails (Lighthouse's
    // NO_NAVSTART now and then) is tried again, twice at most.
    const runs = Math.max(1, Number(opt('--lighthouse-runs', quick ? 1 : 3)));
    const all = {};
    for (let i = 0; i < runs; i++) {
      for (const form of ['mobile', 'desktop']) {
        for (const [k, u] of Object.entries(targets)) {
          log(`Lighthouse ${LIGHTHOUSE_VERSION} ${form}: ${k} (${i + 1}/${runs})`);
          const list = ((all[k] ??= {})[form] ??= []);
          if (!lh) { list.push({ error: 'npm install failed' }); continue; }
          let last = null;
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              last = lighthouse(lh, u, form, path.join(outDir, `lighthouse-${k}-${form}-${i + 1}.json`));
              break;
            } catch (e) {
              last = { error: String(e.message).slice(0, 200) };
            }
          }
          list.push(last);
        }
      }
    }
    for (const [k, forms] of Object.entries(all)) {
      for (const [form, list] of Object.entries(forms)) (results.lighthouse[k] ??= {})[form] = summarizeLighthouse(list);
    }
  }
  await server.stop();
  await trivial.stop();
  if (baseline) await baseline.stop();
}

results.totalSeconds = (performance.now() - started) / 1000;
results.loadAfter = os.loadavg();
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
const md = report(results, { files: (f) => fs.readFileSync(path.join(snap, f)) });
fs.writeFileSync(path.join(outDir, 'report.md'), md);
process.stdout.write(md);
log(`done: ${path.relative(root, path.join(outDir, 'report.md'))}, ${path.relative(root, path.join(outDir, 'results.json'))}`);

// Several Lighthouse runs of one page and form: medians, ranges, the worst CLS, every run kept.
function summarizeLighthouse(list) {
  const ok = list.filter((x) => x && !x.error);
  if (!ok.length) return { error: list.find((x) => x?.error)?.error ?? 'not run', runs: list };
  const mid = (key) => median(ok.map((x) => x[key]));
  const range = (key) => [Math.min(...ok.map((x) => x[key])), Math.max(...ok.map((x) => x[key]))];
  return {
    score: mid('score'), tbt: mid('tbt'), lcp: mid('lcp'), fcp: mid('fcp'), si: mid('si'), transferred: mid('transferred'),
    cls: Math.max(...ok.map((x) => x.cls)), scoreRange: range('score'), tbtRange: range('tbt'),
    n: ok.length, failed: list.length - ok.length, runs: list,
  };
}
