// Headless Chromium (Debian's, never a downloaded one) through playwright-core, against the site
// served on loopback by scripts/serve.mjs (same headers and CSP as production, precompressed copies).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function serve(root, siteDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), siteDir, '--port', '0', '--host', '127.0.0.1'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`server did not start: ${err}`)); }, 10000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/\S+\/)\s*$/m.exec(out.split('\n')[0] + '\n');
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => new Promise((res) => { if (child.exitCode !== null) return res(); child.once('exit', res); child.kill('SIGTERM'); }) });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${err}`)); });
  });
}

// Runs in the page before any of its scripts. Notes, in performance.now() time (ms since
// performance.timeOrigin = navigation start):
//   result — the first moment #result carries a data-verdict and is shown (the person sees an
//            answer), and the animation frame after it;
//   ready  — <html data-ready="true">, which app.js sets only after the offline copy (service
//            worker) is installed;
// the main thread's long tasks, and each WebAssembly instantiation (start, end, instance: its
// memory is read later; Emscripten's Module is not reachable from outside engine.js).
function initScript() {
  window.__bench = { instances: [], longTasks: [], instantiations: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing */ }
  const keep = (p, t0) => p.then((r) => {
    window.__bench.instances.push(r instanceof WebAssembly.Instance ? r : r.instance);
    window.__bench.instantiations.push([t0, performance.now()]);
    return r;
  });
  const inst = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) { return keep(inst.apply(this, a), performance.now()); };
  if (WebAssembly.instantiateStreaming) {
    const st = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...a) { return keep(st.apply(this, a), performance.now()); };
  }
  const check = () => {
    const b = window.__bench;
    const now = performance.now();
    const html = document.documentElement;
    const result = document.getElementById('result');
    if (!b.result && result && result.dataset.verdict && !result.hidden) {
      b.result = now;
      b.verdict = result.dataset.verdict;
      requestAnimationFrame(() => { b.frame = performance.now(); });
    }
    if (!b.ready && html && html.dataset.ready) {
      b.ready = now;
      b.readyValue = html.dataset.ready;
      b.offline = html.dataset.offline || null;
    }
  };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-verdict', 'hidden'] });
}

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One cold navigation (fresh context = empty cache) to url; the page's own timings. */
export async function firstResult(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  // Requests are watched, not intercepted: routing would send each one through this process and
  // delay it. The site makes no off-site request (tests/browser proves it); any seen is reported.
  // Context-level events also show the service worker's own requests.
  const offsite = [];
  const requests = [];
  context.on('requestfinished', (req) => {
    requests.push(req.sizes().then((sz) => ({ url: req.url(), bytes: sz.responseBodySize, sw: Boolean(req.serviceWorker()) })).catch(() => ({ url: req.url(), bytes: 0 })));
  });
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.hostname !== '127.0.0.1' && u.protocol !== 'data:') offsite.push(u.href);
  });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.result && window.__bench.frame && window.__bench.ready, null, { timeout: 30000 });
    const r = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const mem = b.instances.map((i) => Object.values(i.exports).find((x) => x instanceof WebAssembly.Memory)).filter(Boolean);
      return {
        result: b.result,
        frame: b.frame,
        ready: b.ready,
        readyValue: b.readyValue,
        offline: b.offline,
        verdict: b.verdict,
        error: document.documentElement.dataset.error || null,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })),
        instantiations: b.instantiations,
        wasmBytes: mem.length ? mem[0].buffer.byteLength : null,
        longTasks: b.longTasks.filter(([start]) => start <= b.result),
      };
    });
    r.requests = await Promise.all(requests);
    r.offsite = offsite;
    return r;
  } finally {
    await context.close();
  }
}

/**
 * In-page search latency and memory. performance.now() is coarsened in a page that is not
 * cross-origin isolated, so each keystroke is timed as a batch of `reps` identical calls and
 * divided. The page loads a second engine (web/engine.js copied as bench-engine.js, a new module
 * record) over the same image, and Fuse.js from a copy placed beside the site for the benchmark only.
 */
export async function inPage(browser, url, { keystrokes, rounds, reps, fuseVariants, checks }) {
  const context = await browser.newContext();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench && window.__bench.ready, null, { timeout: 20000 });
    return await page.evaluate(async ({ keystrokes, rounds, reps, fuseVariants, checks }) => {
      const memOf = (i) => Object.values(i.exports).find((x) => x instanceof WebAssembly.Memory);
      const pageMemory = window.__bench.instances.length ? memOf(window.__bench.instances[0]) : null;
      const q = (a, p) => { const s = Float64Array.from(a).sort(); const i = (s.length - 1) * p; const lo = Math.floor(i); return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo); };
      // Clock resolution as this page sees it.
      let res = Infinity;
      for (let i = 0, ticks = 0, last = performance.now(); i < 2000000 && ticks < 50; i++) {
        const t = performance.now();
        if (t > last) { res = Math.min(res, t - last); ticks++; last = t; }
      }
      const before = window.__bench.instances.length;
      const mod = await import('./bench-engine.js?bench');
      const image = new Uint8Array(await (await fetch('./dataset.img')).arrayBuffer());
      const wasmBinary = new Uint8Array(await (await fetch('./breachcheck_core.wasm')).arrayBuffer());
      const t0 = performance.now();
      const loaded = await mod.createEngine(image, { wasmBinary });
      const loadMs = performance.now() - t0;
      if (!loaded.ok) return { error: JSON.stringify(loaded.error) };
      const engine = loaded.engine;
      const mem = memOf(window.__bench.instances[before]);
      const time = (fn) => {
        for (const k of keystrokes) fn(k); // warm-up
        const per = [];
        const best = keystrokes.map(() => Infinity);
        for (let r = 0; r < rounds; r++) {
          keystrokes.forEach((k, j) => {
            const a = performance.now();
            for (let i = 0; i < reps; i++) fn(k);
            const dt = (performance.now() - a) / reps;
            per.push(dt);
            if (dt < best[j]) best[j] = dt;
          });
        }
        return { p50: q(per, 0.5), p95: q(per, 0.95), mean: per.reduce((x, y) => x + y, 0) / per.length, samples: per.length, bestP50: q(best, 0.5), bestP95: q(best, 0.95) };
      };
      const out = { clockResolutionMs: res, loadMs, pageWasmBytes: pageMemory ? pageMemory.buffer.byteLength : null };
      out.wasmBytesAfterLoad = mem.buffer.byteLength;
      out.engine = time((k) => engine.search(k, 8));
      const { default: Fuse } = await import('./bench/fuse.mjs');
      const { fold } = await import('./bench/fold.mjs');
      const list = engine.list().organizations.map((o) => ({ id: o.id, name: o.name, aliases: o.aliases || [] }));
      out.fuse = {};
      for (const v of fuseVariants) {
        const recs = v.folded ? list.map((r) => ({ id: r.id, name: fold(r.name), aliases: r.aliases.map(fold) })) : list;
        const keys = v.nameWeight && v.nameWeight !== 1 ? [{ name: 'name', weight: v.nameWeight }, { name: 'aliases', weight: 1 }] : ['name', 'aliases'];
        const fuse = new Fuse(recs, { keys, ...v.options });
        const prep = v.folded ? fold : (s) => s;
        out.fuse[v.label] = time((k) => fuse.search(prep(k), { limit: 8 }));
      }
      out.wasmBytesAfterSearch = mem.buffer.byteLength;
      const c0 = performance.now();
      for (const a of checks) engine.check(a);
      out.checksMs = performance.now() - c0;
      out.checks = checks.length;
      out.wasmBytesAfterChecks = mem.buffer.byteLength;
      return out;
    }, { keystrokes, rounds, reps, fuseVariants, checks });
  } finally {
    await context.close();
  }
}

/**
 * CPU time of the page's renderer main thread until the first result, from a Chromium trace
 * (thread time `tdur` of its top-level tasks): unlike wall time, barely inflated by other
 * processes, so it says what an idle machine could at best achieve. Also the browser process's
 * and the other threads' CPU over the same span, and the heaviest kinds of work.
 */
export async function mainThreadCpu(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'v8'] });
    await page.goto(url);
    await page.waitForFunction(() => { const r = document.getElementById('result'); return Boolean(r && r.dataset.verdict && !r.hidden); }, null, { timeout: 30000 });
    const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const key = (e) => `${e.pid}:${e.tid}`;
    const names = new Map();
    for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(key(e), e.args.name);
    const host = new URL(url).host;
    const main = [...names.entries()].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k)
      .find((k) => ev.some((e) => key(e) === k && JSON.stringify(e.args || {}).includes(host)));
    const tasks = (k) => ev.filter((e) => key(e) === k && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
    const cpu = (list) => list.reduce((a, e) => a + (e.tdur || 0), 0) / 1000;
    const mainTasks = main ? tasks(main) : [];
    // The kinds of work inside the main thread's tasks (nested events, thread time).
    const kinds = new Map();
    // Most of the page's JavaScript runs in promise continuations (app.js after each await:
    // createEngine, the first check, the rendering), i.e. inside microtask checkpoints.
    const watch = {
      BlinkScheduler_PerformMicrotaskCheckpoint: 'JS in microtasks (app.js after await: createEngine, check, render)',
      'v8.evaluateModule': 'module evaluation', 'V8.CompileCode': 'JS compile', 'V8.ParseProgram': 'JS parse',
      Layout: 'layout', UpdateLayoutTree: 'style', Paint: 'paint', ParseHTML: 'HTML parse',
      'LocalWindowProxy::Initialize': 'JS context creation', 'wasm.OnBytesReceived': 'wasm streaming compile',
      'wasm.FinishStreaming': 'wasm finish', 'wasm.SyncInstantiate': 'wasm instantiate', MinorGC: 'GC (minor)', MajorGC: 'GC (major)',
    };
    for (const e of ev) if (main && key(e) === main && e.ph === 'X' && watch[e.name]) kinds.set(watch[e.name], (kinds.get(watch[e.name]) || 0) + (e.tdur || 0) / 1000);
    const otherThreads = [...names.entries()].filter(([k]) => k !== main).map(([k, n]) => ({ thread: n, cpu: cpu(tasks(k)) })).filter((t) => t.cpu > 1);
    return {
      mainCpu: cpu(mainTasks),
      mainWall: mainTasks.reduce((a, e) => a + (e.dur || 0), 0) / 1000,
      tasks: mainTasks.length,
      longestCpu: Math.max(0, ...mainTasks.map((e) => (e.tdur || 0) / 1000)),
      kinds: Object.fromEntries([...kinds.entries()].sort((a, b) => b[1] - a[1])),
      browserCpu: otherThreads.filter((t) => t.thread === 'CrBrowserMain').reduce((a, t) => a + t.cpu, 0),
      otherCpu: otherThreads.reduce((a, t) => a + t.cpu, 0),
    };
  } finally {
    await context.close();
  }
}
