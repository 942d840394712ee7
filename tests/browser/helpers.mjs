// Shared helpers for the browser tests: a loopback static server, the system Chromium, and a page
// instrumented to record every request, console error, page error and CSP violation.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE_DIR = path.resolve(ROOT, process.env.BREACHCHECK_SITE_DIR || 'build/site');
export const ARTIFACTS = path.join(ROOT, 'tests', 'browser', 'artifacts');
const SERVE = path.join(ROOT, 'scripts', 'serve.mjs');

export const CHROMIUM = process.env.BREACHCHECK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export function siteMissing() {
  const need = ['index.html', 'app.js', 'style.css', 'manifest.json', 'sw.js', 'breachcheck_core.mjs', 'breachcheck_core.wasm', 'dataset.img', 'dataset.fr.img', 'dataset.json'];
  return need.filter((f) => !fs.existsSync(path.join(SITE_DIR, f)));
}

// The describe() skip option: skipped when the site is not built, unless BREACHCHECK_REQUIRE_SITE=1
// (set by CTest), where a missing site fails the suite.
export function skipUnlessSite() {
  const missing = siteMissing();
  if (!missing.length) return false;
  const why = `site not built in ${SITE_DIR} (missing ${missing.join(', ')}); `
    + 'build it with: cmake --preset native && cmake --build --preset native --target site';
  if (process.env.BREACHCHECK_REQUIRE_SITE === '1') throw new Error(why);
  return why;
}

// Starts scripts/serve.mjs on a free loopback port; resolves with {url, stop}.
export function startServer(dir = SITE_DIR) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE, dir, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start: ${err}`));
    }, 10000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      const m = /^Serving .* on (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stop: () => new Promise((res) => {
            if (child.exitCode !== null) return res();
            child.once('exit', () => res());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// A new context + page. Every request is routed: loopback requests go through, anything else is
// aborted and counted. Console errors, page errors and CSP violations are recorded.
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, ...ctxOpts } = {}) {
  const context = await browser.newContext({ viewport, ...ctxOpts }); // never bypassCSP
  const rec = { requests: [], offsite: [], consoleErrors: [], pageErrors: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' && (url.protocol === 'http:' || url.protocol === 'https:')) {
      return route.continue();
    }
    rec.offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  const page = await context.newPage();
  page.on('request', (r) => rec.requests.push({ url: r.url(), method: r.method(), at: Date.now() }));
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => rec.pageErrors.push(String(e)));
  return { context, page, rec };
}

export async function gotoReady(page, url) {
  await page.goto(url);
  // data-ready is "true" once the engine answers, "false" when the page shows a load error.
  await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 30000 });
  const ready = await page.getAttribute('html', 'data-ready');
  if (ready !== 'true') {
    throw new Error(`the page did not start: ${await page.locator('#load-error').textContent()}`);
  }
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

// Types a query in the insurer combobox, then picks the first suggestion with ArrowDown + Enter.
export async function pickOrgByKeyboard(page, query) {
  const input = page.locator('#org-input');
  await input.click();
  await input.fill('');
  await input.pressSequentially(query, { delay: 15 });
  await page.waitForSelector('#org-listbox:not([hidden]) [role="option"]');
  await input.press('ArrowDown');
  await input.press('Enter');
  await page.waitForSelector('#result[data-verdict]');
}

export async function verdict(page) {
  return page.locator('#result').getAttribute('data-verdict');
}

export async function listIds(page, listId) {
  return page.locator(`#${listId} li[data-class]`).evaluateAll((els) => els.map((e) => e.dataset.class));
}

// Where an element is in the viewport: {top, bottom, height} of its box and the viewport height.
export async function boxInView(page, selector) {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, vh: window.innerHeight };
  });
}

// The verdict heading is on screen: its top inside the viewport and its line fully visible.
export async function assertVerdictInView(assert, page, what) {
  const b = await boxInView(page, '#verdict-headline');
  assert.ok(b.top >= 0 && b.bottom <= b.vh, `${what}: verdict headline at ${Math.round(b.top)}–${Math.round(b.bottom)} px, viewport ${b.vh} px`);
}

export const CLI = process.env.BREACHCHECK_CLI || path.join(ROOT, 'build', 'native', 'cli', 'breachcheck');

// A whole site built from a modified copy of data/ (scripts/build-site.mjs, the same wasm modules
// as the site under test): for hostile datasets, a second release, an overlay. mutate(dataset,
// dir) changes the parsed dataset.json in place (and may write files under dir, the data copy).
export function buildSite(mutate = () => {}, { web = path.join(ROOT, 'web') } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-build-'));
  const data = path.join(tmp, 'data');
  fs.cpSync(path.join(ROOT, 'data'), data, { recursive: true });
  const file = path.join(data, 'dataset.json');
  const ds = JSON.parse(fs.readFileSync(file, 'utf8'));
  mutate(ds, data);
  fs.writeFileSync(file, JSON.stringify(ds));
  const wasm = path.join(tmp, 'wasm');
  fs.mkdirSync(wasm);
  for (const f of ['breachcheck_core.mjs', 'breachcheck_core.wasm', 'breachcheck_validate.mjs', 'breachcheck_validate.wasm']) {
    fs.copyFileSync(path.join(SITE_DIR, f), path.join(wasm, f));
  }
  const out = path.join(tmp, 'site');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.mjs'), '--web', web, '--data', data,
    '--wasm-dir', wasm, '--cli', CLI, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-site failed: ${r.stderr}`);
  return { dir: out, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

export function tempSite(mutate) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-site-'));
  fs.cpSync(SITE_DIR, dir, { recursive: true });
  mutate(dir);
  return dir;
}

export function ensureArtifacts() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** The WCAG 2.1 A/AA rules of axe-core that every page and frame must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is once its CSS transitions have ended (a
 * button's background fades in 0.15 s: mid-fade, its contrast is neither colour's).
 */
export async function axeScan(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
  return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
}
