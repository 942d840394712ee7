// The markdown report: every figure is a median / percentile over several runs (accuracy is
// deterministic and computed once).
import { median, quantile, fmtKB } from './stats.mjs';
import { pageGoals } from './page-report.mjs';

const ms = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const pct = (a, n) => `${((100 * a) / n).toFixed(1)} %`;
const MiB = (b) => (Number.isFinite(b) ? `${(b / 2 ** 20).toFixed(1)} MiB` : 'n/a');
const yes = (ok) => (ok ? '**met**' : '**NOT met**');
const esc = (s) => String(s).replace(/\|/g, '\\|');

export function report(r, { files } = {}) {
  const L = [];
  const acc = r.accuracy;
  const N = acc.n;
  const b = r.browser;
  const runs = b ? b.runs : [];
  const ready = runs.map((x) => x.result); // first result shown (data-verdict on #result)
  const frame = runs.map((x) => x.frame);
  const fullyReady = runs.map((x) => x.ready); // <html data-ready>, after the offline copy

  // What the page loads for a first check: the document plus every file the page fetched before
  // its first result was shown (later requests — the offline copy — are reported apart).
  let firstSet;
  if (runs.length) {
    const names = new Set(['index.html']);
    for (const res of runs[0].resources) if (res.end <= runs[0].result) names.add(decodeURIComponent(new URL(res.url).pathname.replace(/^\//, '')) || 'index.html');
    firstSet = r.files.filter((f) => names.has(f.file));
  } else {
    firstSet = r.files.filter((f) => !f.file.startsWith('bench') && !/\.(gz|br)$/.test(f.file));
  }
  const first = firstSet.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const nl = r.nodeLatency;
  const ip = b?.inPage;
  const tunedLabel = 'Fuse.js tuned';
  const m = r.memory;
  const same = (a, z) => Boolean(a && z && a.wasmBytes === z.wasmBytes && a.topAddress === z.topAddress);
  const memStable = same(m.afterSearch, m.after10k) && same(m.afterSearch, m.after20k) && (!ip || ip.wasmBytesAfterChecks === ip.wasmBytesAfterSearch);

  L.push('# breachcheck — performance report', '');
  L.push(`${r.when} · commit ${r.commit} · ${r.machine}${b ? ` · Chromium ${b.version}` : ''} · ${r.totalSeconds.toFixed(0)} s`, '');
  const la = (x) => (x ? x.map((v) => v.toFixed(1)).join(' / ') : '?');
  L.push(`Load average (1 / 5 / 15 min) before: ${la(r.loadBefore)}, after: ${la(r.loadAfter)}${Math.max(...(r.loadBefore || [0]), ...(r.loadAfter || [0])) > 2.5 ? ' — **the machine was busy with other work: timings are inflated**' : ''}.`, '');
  L.push(pageGoals(r), '');
  L.push('## Other goals (kept)', '');
  L.push('| goal | target | measured | |', '|---|---|---|---|');
  L.push(`| Search top-1 accuracy, ${N} labelled queries | ≥ 95 % | ${pct(acc.engine, N)} (${acc.engine}/${N}) | ${yes(acc.engine / N >= 0.95)} |`);
  L.push(`| … strictly better than Fuse.js default | > ${acc.fuseDefault} | engine ${acc.engine} vs ${acc.fuseDefault} (${pct(acc.fuseDefault, N)}) | ${yes(acc.engine > acc.fuseDefault)} |`);
  L.push(`| … strictly better than Fuse.js tuned (best of ${acc.gridSize} configurations, chosen on this set) | > ${acc.fuseTuned} | engine ${acc.engine} vs ${acc.fuseTuned} (${pct(acc.fuseTuned, N)}) | ${yes(acc.engine > acc.fuseTuned)} |`);
  const h = r.holdout;
  if (h) L.push(`| … on ${h.n} held-out queries (\`queries-holdout.json\`, written blind after the tuning) | ≥ 95 %, > Fuse.js | engine ${pct(h.engine, h.n)} (${h.engine}/${h.n}); Fuse.js default ${h.fuseDefault}, tuned on the main set ${h.fuseTuned}, best configuration chosen on this set ${h.fuseOracle} | ${yes(h.engine / h.n >= 0.95 && h.engine > h.fuseTuned && h.engine > h.fuseOracle)} |`);
  L.push(`| Search per keystroke, p95, Node via engine.js (${r.nodeLatency.keystrokes} keystrokes × ${nl.rounds}) | ≤ 0.2 ms | p95 ${ms(nl.engine.p95)} ms over all calls (p50 ${ms(nl.engine.p50)}); best round per keystroke: p95 ${ms(nl.engine.bestP95)} | ${yes(nl.engine.p95 <= 0.2)} |`);
  if (ip && ip.engine) L.push(`| Search per keystroke, p95, Chromium in page | ≤ 0.2 ms | p95 ${ms(ip.engine.p95)} ms (p50 ${ms(ip.engine.p50)}); best round per keystroke: p95 ${ms(ip.engine.bestP95)} | ${yes(ip.engine.p95 <= 0.2)} |`);
  L.push(`| No WebAssembly memory growth across 10,000 checks | 0 B | memory ${MiB(m.afterSearch?.wasmBytes)} → ${MiB(m.after10k?.wasmBytes)}, top of heap ${m.afterSearch?.topAddress} → ${m.after10k?.topAddress} (→ ${m.after20k?.topAddress} after 20,000) | ${yes(memStable)} |`);
  L.push('');

  L.push('## Payload per file (`build/site`)', '');
  L.push('| file | raw | gzip -9 | brotli 11 | share of gzip | first check |', '|---|---:|---:|---:|---:|:---:|');
  const site = r.files.filter((f) => !f.file.startsWith('bench') && !/\.(gz|br)$/.test(f.file));
  const siteTotal = site.reduce((t, f) => t + f.gzip, 0);
  for (const f of site) {
    L.push(`| ${f.file} | ${f.raw} | ${f.gzip} | ${f.brotli} | ${((100 * f.gzip) / siteTotal).toFixed(0)} % | ${firstSet.includes(f) ? 'yes' : ''} |`);
  }
  const st = site.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  L.push(`| **total** | ${st.raw} | ${st.gzip} | ${st.brotli} | | |`);
  L.push(`| dataset.json minified (JSON.stringify, same content) | ${r.datasetMinified.raw} | ${r.datasetMinified.gzip} | ${r.datasetMinified.brotli} | | |`);
  L.push(`| for scale: fuse.min.mjs (Fuse.js 7.5, search only) | ${r.fuseMinSize.raw} | ${r.fuseMinSize.gzip} | ${r.fuseMinSize.brotli} | | |`);
  L.push('');

  if (runs.length) {
    L.push(`## First result in Chromium, the page's own timings (${runs.length} cold loads, new context each, loopback, precompressed copies)`, '');
    if (b.loadBefore) L.push(`Load average during the Chromium runs: ${la(b.loadBefore)} at the start, ${la(b.loadAfter)} at the end.`, '');
    L.push('Times are `performance.now()` in the page, i.e. ms after `performance.timeOrigin` (navigation start), seen by a MutationObserver installed before the page\'s scripts. "first result shown" = `#result` visible with a `data-verdict`; "next frame" = the animation frame after it; `data-ready` comes later, once the service worker has cached the site for offline use.', '');
    L.push('| | median | p90 | min | max |', '|---|---:|---:|---:|---:|');
    const row = (label, v) => L.push(`| ${label} | ${ms(median(v), 1)} | ${ms(quantile(v, 0.9), 1)} | ${ms(Math.min(...v), 1)} | ${ms(Math.max(...v), 1)} |`);
    row('HTML response end', runs.map((x) => x.responseEnd));
    row('DOMContentLoaded end', runs.map((x) => x.domContentLoaded));
    for (const f of ['first/malakoff-humanis.verdict.json', 'breachcheck_core.wasm', 'first/malakoff-humanis.img', 'dataset.fr.img', 'app.js']) {
      const v = runs.map((x) => x.resources.find((res) => res.url.endsWith('/' + f))?.end).filter(Number.isFinite);
      if (v.length) row(`${f} received`, v);
    }
    const lastByte = runs.map((x) => Math.max(x.responseEnd, ...x.resources.filter((res) => res.end <= x.result).map((res) => res.end)));
    row('last byte needed for the result', lastByte);
    const inst = runs.filter((x) => x.instantiations && x.instantiations.length);
    if (inst.length) {
      row('WebAssembly instantiation started', inst.map((x) => x.instantiations[0][0]));
      row('WebAssembly instantiated (streaming compile done)', inst.map((x) => x.instantiations[0][1]));
    }
    row('**first result shown**', ready);
    row('result − last byte (compile, load dataset, check, render)', runs.map((x, i) => x.result - lastByte[i]));
    row('next frame after it', frame);
    row('`data-ready` (after the offline copy)', fullyReady);
    L.push('', 'Waterfall (median ms after navigation start; index.html preloads the first chunks and expect.js what the first result needs: for this link (?org=ID alone) its first verdict, first/ID.verdict.json, and no WebAssembly; the glue, the .wasm, first/ID.img, the details, the tools, the full dataset.img, offline.js and the service worker’s copy come after the result):', '');
    L.push('| file | requested | received |', '|---|---:|---:|');
    L.push(`| (document) | 0 | ${ms(median(runs.map((x) => x.responseEnd)), 0)} |`);
    const urls = [...new Set(runs.flatMap((x) => x.resources.map((res) => new URL(res.url).pathname)))];
    const wf = urls.map((u) => {
      const hits = runs.map((x) => x.resources.find((res) => new URL(res.url).pathname === u)).filter(Boolean);
      return { u, start: median(hits.map((h) => h.start)), end: median(hits.map((h) => h.end)) };
    }).sort((a, b) => a.start - b.start);
    for (const w of wf) L.push(`| ${w.u} | ${ms(w.start, 0)} | ${ms(w.end, 0)} |`);
    const lt = runs.map((x) => x.longTasks || []);
    const ltTotal = lt.map((t) => t.reduce((a, [, d]) => a + d, 0));
    const ltMax = lt.map((t) => Math.max(0, ...t.map(([, d]) => d)));
    L.push('', `Main-thread long tasks (> 50 ms) before the result: median ${lt.map((t) => t.length).sort((a, z) => a - z)[Math.floor(lt.length / 2)]} tasks, ${ms(median(ltTotal), 0)} ms in total, the longest ${ms(median(ltMax), 0)} ms (medians over the runs).`);
    const verdicts = [...new Set(runs.map((x) => x.verdict))].join(', ');
    const errors = runs.filter((x) => x.error).length;
    const offsite = runs.reduce((n, x) => n + x.offsite.length, 0);
    const cpu = (b.cpu || []).filter((c) => c.tasks > 0);
    if (cpu.length) {
      const kinds = {};
      for (const c of cpu) for (const [k, v] of Object.entries(c.kinds)) (kinds[k] = kinds[k] || []).push(v);
      const top = Object.entries(kinds).map(([k, v]) => [k, median(v)]).sort((a, z) => z[1] - a[1]).slice(0, 8);
      L.push('', `**CPU time of the page's main thread until the result** (thread time of its tasks in a Chromium trace, median of ${cpu.length} traced cold loads; hardly inflated by other processes, unlike the wall times above): **${ms(median(cpu.map((c) => c.mainCpu)), 0)} ms** in ${median(cpu.map((c) => c.tasks))} tasks (wall ${ms(median(cpu.map((c) => c.mainWall)), 0)} ms), the longest task ${ms(median(cpu.map((c) => c.longestCpu)), 0)} ms; meanwhile the browser process used ${ms(median(cpu.map((c) => c.browserCpu)), 0)} ms and all other threads ${ms(median(cpu.map((c) => c.otherCpu)), 0)} ms of the 2 cores. Main-thread work by kind (ms, nested, may overlap): ${top.map(([k, v]) => `${k} ${ms(v, 1)}`).join(', ')}.`);
    }
    const reqs = runs.map((x) => x.requests || []);
    const reqBytes = reqs.map((q) => q.reduce((t, x) => t + (x.bytes || 0), 0));
    const swReqs = reqs.map((q) => q.filter((x) => x.sw).length);
    L.push('', `Verdict shown: ${verdicts}; load errors: ${errors}; off-site requests: ${offsite}; WebAssembly memory of the page after load: ${MiB(runs[0].wasmBytes)}.`);
    L.push(`Requests until \`data-ready\` (page and service worker): median ${median(reqs.map((q) => q.length))}, of which ${median(swReqs)} by the service worker; ${fmtKB(median(reqBytes))} KB of response bodies (serve.mjs sends no compression and \`Cache-Control: no-store\`, so the service worker downloads the files a second time).`, '');
  }

  L.push(`## Search accuracy (\`bench/queries.json\`: ${N} hand-written queries, top-1)`, '');
  L.push('| searcher | top-1 | accuracy |', '|---|---:|---:|');
  L.push(`| **breachcheck engine** (WebAssembly via engine.js) | ${acc.engine} | ${pct(acc.engine, N)} |`);
  L.push(`| Fuse.js default (keys name + aliases, raw text) | ${acc.fuseDefault} | ${pct(acc.fuseDefault, N)} |`);
  L.push(`| Fuse.js default + the same accent/case folding | ${acc.fuseDefaultFolded} | ${pct(acc.fuseDefaultFolded, N)} |`);
  L.push(`| Fuse.js tuned on this very set (best of ${acc.gridSize}): ${acc.fuseTunedDescription} | ${acc.fuseTuned} | ${pct(acc.fuseTuned, N)} |`);
  L.push(`| Fuse.js tuned by 2-fold cross-validation (pick on half, score the other half) | ${acc.fuseTunedCV} | ${pct(acc.fuseTunedCV, N)} |`);
  L.push('');
  L.push('| kind | n | engine | Fuse default | Fuse tuned |', '|---|---:|---:|---:|---:|');
  for (const k of acc.byKind) L.push(`| ${k.kind} | ${k.n} | ${k.engine} | ${k.fuseDefault} | ${k.fuseTuned} |`);
  L.push('');
  L.push(`Right for the engine only: ${acc.engineOnly.length ? acc.engineOnly.map((q) => `\`${q}\``).join(', ') : 'none'}.  `);
  L.push(`Right for tuned Fuse.js only: ${acc.fuseOnly.length ? acc.fuseOnly.map((q) => `\`${q}\``).join(', ') : 'none'}.`, '');
  L.push(`Engine misses (${acc.misses.length}):`, '');
  L.push('| query | kind | expected | engine\'s top answer (score) | rank of expected |', '|---|---|---|---|---:|');
  for (const x of acc.misses) L.push(`| \`${esc(x.query)}\` | ${x.kind} | ${x.expected_id} | ${esc(x.top)} | ${x.expectedRank ?? 'absent'} |`);
  L.push('', `Tuned Fuse.js misses (${acc.fuseMisses.length}): ${acc.fuseMisses.map((x) => `\`${x.query}\` → ${x.top}`).join('; ')}.`, '');
  if (r.holdout) {
    const h = r.holdout;
    L.push(`Held-out set (${h.n} queries written blind, after the engine was tuned on the main set): engine misses ${h.misses.map((x) => `\`${esc(x.query)}\` (${x.expected_id}) → ${esc(x.top)}`).join('; ') || 'none'}; Fuse.js (tuned on the main set) misses ${h.fuseMisses.map((q) => `\`${esc(q)}\``).join(', ') || 'none'}.`, '');
  }

  L.push(`## Search latency per keystroke (real dataset, ${r.scaling[0]?.n ?? ''} organizations, limit 8)`, '');
  L.push(`Node: every prefix of every labelled query (${nl.keystrokes} keystrokes), each call timed alone, ${nl.rounds} rounds after a warm-up. Chromium: ${ip?.keystrokes ?? '–'} keystrokes × ${ip?.rounds ?? '–'} rounds, each timed as a batch of 10 identical calls (the page clock ticks every ${ip ? ms(ip.clockResolutionMs, 3) : '–'} ms).`, '');
  L.push('"best" = each keystroke\'s fastest round, i.e. without the pauses that other processes or a GC put on single calls.', '');
  L.push('| searcher | Node p50 | Node p95 | Node best p95 | Chromium p50 | Chromium p95 | Chromium best p95 | Node p50 ÷ engine |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  const eng = nl.engine;
  L.push(`| **engine** (engine.js → WebAssembly → JSON.parse) | ${ms(eng.p50)} | ${ms(eng.p95)} | ${ms(eng.bestP95)} | ${ms(ip?.engine?.p50)} | ${ms(ip?.engine?.p95)} | ${ms(ip?.engine?.bestP95)} | 1.0 |`);
  for (const label of ['Fuse.js default', 'Fuse.js default + folding', tunedLabel]) {
    const x = nl[label];
    const y = ip?.fuse?.[label];
    if (x) L.push(`| ${label} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.bestP95)} | ${ms(y?.p50)} | ${ms(y?.p95)} | ${ms(y?.bestP95)} | ${(x.p50 / eng.p50).toFixed(1)} |`);
  }
  L.push('', `Engine load (instantiate + parse + validate + index the dataset) in Node: median ${ms(r.nodeLoadMs.median, 1)} ms over ${r.nodeLoadMs.runs} fresh instances${ip ? `; in Chromium (second instance, module cached): ${ms(ip.loadMs, 1)} ms` : ''}.`, '');

  L.push('## Scaling with the number of organizations (synthetic datasets, `bench/lib/synth.mjs`)', '');
  L.push('| N | JSON bytes | `breachcheck validate` | engine load (ms) | Wasm memory | engine p50 (ms) | engine p95 | engine mean | p50 ÷ N (µs) | Fuse.js tuned p50 | Fuse.js tuned p95 | keystrokes |', '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.scaling) {
    const e = s.engine;
    L.push(`| ${s.n} | ${s.bytes} | ${s.valid ? 'valid' : `rejected: ${esc(s.validateError || '')}`} | ${ms(s.loadMs, 0)} | ${MiB(s.heapAfterSearch ?? s.heapAfterLoad)} | ${e ? ms(e.p50) : 'not loaded'} | ${e ? ms(e.p95) : ''} | ${e ? ms(e.mean) : ''} | ${e ? ms((1000 * e.p50) / s.n, 3) : ''} | ${s.fuse ? ms(s.fuse.p50) : ''} | ${s.fuse ? ms(s.fuse.p95) : ''} | ${s.keystrokes} |`);
  }
  const loadedPts = r.scaling.filter((s) => s.engine);
  if (loadedPts.length >= 2) {
    // Least-squares slope of log(p50) against log(N) over the points from 1,000 on (p50 is less
    // sensitive than the mean to pauses caused by other processes).
    const pts = loadedPts.filter((s) => s.n >= 1000);
    if (pts.length >= 2) {
      const xs = pts.map((s) => Math.log(s.n));
      const ys = pts.map((s) => Math.log(s.engine.p50));
      const mx = xs.reduce((a, z) => a + z, 0) / xs.length;
      const my = ys.reduce((a, z) => a + z, 0) / ys.length;
      const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      const a = pts[0];
      const z = pts[pts.length - 1];
      L.push('', `Growth of the engine's median time per keystroke from N=${a.n} to N=${z.n}: ×${(z.engine.p50 / a.engine.p50).toFixed(2)} for ×${(z.n / a.n).toFixed(1)} organizations; log-log slope over N ≥ 1,000: ${slope.toFixed(2)} (1.00 = linear).`);
    }
    const largest = loadedPts[loadedPts.length - 1].n;
    const refused = r.scaling.filter((s) => !s.engine).map((s) => s.n);
    if (refused.length) L.push(`Largest dataset the engine loads: N=${largest}; N=${refused.join(', ')} refused (${esc(r.scaling.find((s) => !s.engine).validateError || r.scaling.find((s) => !s.engine).engineError)}).`);
  }
  L.push('');

  L.push('## Memory', '');
  L.push('| moment | WebAssembly memory (= HEAP8.length) | top of malloc heap (probe) |', '|---|---:|---:|');
  L.push(`| Node, after load | ${m.afterLoad?.wasmBytes} | ${m.afterLoad?.topAddress} |`);
  L.push(`| Node, after all the keystroke searches | ${m.afterSearch?.wasmBytes} | ${m.afterSearch?.topAddress} |`);
  L.push(`| Node, after 10,000 checks | ${m.after10k?.wasmBytes} | ${m.after10k?.topAddress} |`);
  L.push(`| Node, after 20,000 checks | ${m.after20k?.wasmBytes} | ${m.after20k?.topAddress} |`);
  if (ip) {
    L.push(`| Chromium, page's own engine after load | ${ip.pageWasmBytes} | – |`);
    L.push(`| Chromium, bench engine after load / searches / 10,000 checks | ${ip.wasmBytesAfterLoad} / ${ip.wasmBytesAfterSearch} / ${ip.wasmBytesAfterChecks} | – |`);
  }
  L.push('', `The probe asks malloc for 4 MiB (more than any free block) and frees it: its address is the top of the heap. It moves once about ${fmtKB(m.probeDetectsBytes)} KB have leaked (measured by leaking 100-byte blocks on purpose in another instance), so an unchanged probe after 10,000 checks means less than ${(m.probeDetectsBytes / 10000).toFixed(0)} bytes per check, and after 20,000 less than ${(m.probeDetectsBytes / 20000).toFixed(0)}. Check latency in Node: p50 ${ms(m.checkP50)} ms, p95 ${ms(m.checkP95)} ms${ip ? `; in Chromium 10,000 checks took ${ms(ip.checksMs, 0)} ms` : ''}. JS heap of the Node process around the 10,000 checks (after GC${m.gc ? '' : ' — not available, run with --expose-gc'}): ${MiB(m.jsHeapBefore)} → ${MiB(m.jsHeapAfter)}.`, '');

  if (r.wasm) {
    L.push('## Inside breachcheck_core.wasm', '');
    L.push('| section | bytes |', '|---|---:|');
    for (const sec of r.wasm.sections) L.push(`| ${sec.name} | ${sec.size} |`);
    if (r.wasm.groups) {
      L.push('', `Code by origin (from a build linked with \`--profiling-funcs\`, same code section: ${r.wasm.namesCodeSize} bytes; LTO merges identical functions, so names — and this split — are approximate):`, '');
      L.push('| origin | functions | code bytes | share |', '|---|---:|---:|---:|');
      const tot = r.wasm.groups.reduce((t, g) => t + g.size, 0);
      for (const g of r.wasm.groups) L.push(`| ${g.group} | ${g.count} | ${g.size} | ${((100 * g.size) / tot).toFixed(0)} % |`);
      L.push('', 'Largest functions: ' + r.wasm.top.slice(0, 8).map((t) => `${t.size} B \`${esc(t.demangled.replace(/std::__2::/g, 'std::').replace(/nlohmann::json_abi_v3_11_2::/g, 'nlohmann::').slice(0, 70))}\``).join('; ') + '.');
    }
    L.push('');
  }

  // Facts for the cheap wins (the suggestions themselves are in bench/README.md).
  const top = site[0];
  const ds = site.find((f) => f.file === 'dataset.json');
  L.push('## Where the bytes are', '');
  L.push(`- Largest file: **${top.file}**, ${fmtKB(top.gzip)} KB gzip = ${((100 * top.gzip) / first.gzip).toFixed(0)} % of a first check.`);
  if (ds) L.push(`- dataset.json: ${fmtKB(ds.raw)} KB raw, ${fmtKB(ds.gzip)} KB gzip, ${fmtKB(ds.brotli)} KB brotli; minified it would be ${fmtKB(r.datasetMinified.raw)} KB raw, ${fmtKB(r.datasetMinified.gzip)} KB gzip (${(ds.gzip - r.datasetMinified.gzip >= 0 ? '−' : '+')}${fmtKB(Math.abs(ds.gzip - r.datasetMinified.gzip))} KB).`);
  const fr = site.find((f) => f.file === 'dataset.fr.json');
  if (fr && ds) L.push(`- A French page's first check loads the French-only copy dataset.fr.json (built by scripts/french-only.mjs): ${fmtKB(fr.gzip)} KB gzip instead of ${fmtKB(ds.gzip)} KB for the full dataset.json (−${fmtKB(ds.gzip - fr.gzip)} KB), which follows after the first result.`);
  L.push(`- Serving brotli instead of gzip: ${fmtKB(first.brotli)} KB instead of ${fmtKB(first.gzip)} KB for a first check (−${fmtKB(first.gzip - first.brotli)} KB).`);
  L.push('');
  return L.join('\n') + '\n';
}
