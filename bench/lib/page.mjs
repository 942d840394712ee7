// The page goals of bench/run.sh: what a first check costs in bytes and time, measured against a
// floor. Every measurement runs a trivial page the same way, interleaved (same server, same
// headers, same browser, same moment), so that (page − trivial) holds on a noisy machine:
//  - bytes before the verdict: the requests the page actually made before #result showed a
//    verdict, by their files' gzip -9 and brotli sizes, and by what the server sent (it serves
//    the build's precompressed copies, as a production host would);
//  - first result: ms from navigation start to the verdict, cold (new context = empty cache),
//    at 1280×900 unthrottled and at 375×812 with Chromium's CPU throttling at 4×;
//  - engine creation: the page's own performance measure "engine-create" (web/boot.js);
//  - Lighthouse (npm, pinned), mobile and desktop, against the system Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const LIGHTHOUSE_VERSION = '12.2.3';

/** A page that shows a "verdict" as soon as its one module runs: the floor of a first result. */
export function writeTrivialSite(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page minimale</title><script type="module" src="t.js"></script></head>
<body><main><h1>Page minimale</h1><section id="result"><h2>Résultat</h2><p id="verdict"></p></section></main></body></html>
`);
  fs.writeFileSync(path.join(dir, 't.js'), `const r = document.getElementById('result');
document.getElementById('verdict').textContent = 'Inconnu';
r.dataset.verdict = 'unknown';
performance.mark('first-result');
`);
  return dir;
}

// Before any script of the page: when #result first carries a verdict (and the frame after it),
// and when the page's engine-create measure is made (or the page reports an error). Each is told
// to the harness by a console message: waiting with page.waitForFunction instead made Playwright
// inject its own script into the page during the load (Chromium compiled it in the middle of the
// page's critical path: 40–55 ms of main thread at 4× CPU, after the trivial page's verdict, so
// the difference did not cancel it).
function initScript() {
  window.__first = {};
  const tell = (what) => setTimeout(() => console.debug(`__bench:${what}`), 0);
  const check = () => {
    const r = document.getElementById('result');
    if (!window.__first.result && r && r.dataset.verdict && !r.hidden) {
      window.__first.result = performance.now();
      requestAnimationFrame(() => { window.__first.frame = performance.now(); tell('frame'); });
    }
    if (!window.__first.error && document.documentElement.dataset.error) {
      window.__first.error = true;
      tell('engine');
    }
  };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-verdict', 'hidden', 'data-error'] });
  try {
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'engine-create')) tell('engine');
    }).observe({ type: 'measure', buffered: true });
  } catch { /* no measure timing: the harness's timeout says so */ }
}

/**
 * One cold load of url: {result, frame, engineCreate, requests: [{path, start, end, transferred}]}.
 * throttle: CPU slowdown factor (Emulation.setCPUThrottlingRate), 1 = none; engine: also wait
 * for the page's engine-create measure (made after the verdict when a first verdict answered).
 */
export async function firstVerdict(browser, url, { viewport = { width: 1280, height: 900 }, throttle = 1, engine = false } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  try {
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    const told = (what) => page.waitForEvent('console', { predicate: (m) => m.text() === `__bench:${what}`, timeout: 60000 });
    const frame = told('frame');
    // A first verdict (first/ID.verdict.json) needs no engine: the page creates it after the
    // verdict. With `engine`, wait for it too.
    const created = engine ? told('engine') : null;
    await page.goto(url, { waitUntil: 'commit' });
    await frame;
    if (created) await created;
    return await page.evaluate(() => {
      const f = window.__first;
      const nav = performance.getEntriesByType('navigation')[0];
      const create = performance.getEntriesByName('engine-create')[0];
      const requests = [{ path: new URL(nav.name).pathname, start: 0, end: nav.responseEnd, transferred: nav.transferSize }];
      for (const e of performance.getEntriesByType('resource')) {
        requests.push({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, transferred: e.transferSize });
      }
      return { result: f.result, frame: f.frame, engineCreate: create ? create.duration : null, engineAfterVerdict: create ? create.startTime > f.result : null, requests };
    });
  } finally {
    await context.close();
  }
}

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The files requested before the verdict, with their sizes: {files, raw, gzip, brotli, transferred}. */
export function bytesBeforeVerdict(siteDir, run) {
  const files = [];
  let transferred = 0;
  for (const r of run.requests) {
    if (r.end > run.result) continue;
    const rel = decodeURIComponent(r.path.replace(/^\//, '')) || 'index.html';
    const file = path.join(siteDir, rel);
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) continue;
    const bytes = fs.readFileSync(file);
    files.push({ file: rel, raw: bytes.length, gzip: gz(bytes), brotli: br(bytes) });
    transferred += r.transferred || 0;
  }
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), transferred };
}

/** Installs the pinned Lighthouse into dir (npm, once); returns its CLI path or null. */
export function installLighthouse(dir) {
  const cli = path.join(dir, 'node_modules/lighthouse/cli/index.js');
  if (fs.existsSync(cli)) return cli;
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: 'inherit' });
  return r.status === 0 && fs.existsSync(cli) ? cli : null;
}

/** One Lighthouse run (performance only): {score, tbt, cls, lcp, fcp, si, transferred}. */
export function lighthouse(cli, url, formFactor, outFile) {
  const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';
  const args = [cli, url, '--only-categories=performance', '--output=json', `--output-path=${outFile}`, '--quiet',
    `--chrome-flags=${flags}`, ...(formFactor === 'desktop' ? ['--preset=desktop'] : [])];
  execFileSync(process.execPath, args, { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180000 });
  const j = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  const a = (id) => j.audits[id]?.numericValue;
  return {
    score: Math.round((j.categories.performance.score ?? 0) * 100),
    tbt: a('total-blocking-time'), cls: a('cumulative-layout-shift'), lcp: a('largest-contentful-paint'),
    fcp: a('first-contentful-paint'), si: a('speed-index'), transferred: a('total-byte-weight'),
  };
}
