// Embedding (web/embed.js, web/embed-frame.js, docs/embedding.md): the demo insurer page on one
// origin (http://localhost:HOST) frames the tool served from another (http://127.0.0.1:TOOL).
// Two scripts/serve.mjs instances: the tool with --frame-ancestors naming the host, the host page
// with --embed-tool naming the tool.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { AXE_TAGS, axeScan, ROOT, SITE_DIR, skipUnlessSite, launchBrowser, ensureArtifacts, buildSite } from './helpers.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SERVE = path.join(ROOT, 'scripts', 'serve.mjs');
const FRAME = '#breachcheck-widget iframe';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function serve(dir, port, extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE, dir, '--port', String(port), '--host', '127.0.0.1', ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start: ${err}`));
    }, 10000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.once('data', () => {
      clearTimeout(timer);
      resolve(() => new Promise((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

// A site built with an extra overlay whose colours fail WCAG contrast (it compiles: the engine
// keeps the default theme), plus overlays/broken.img, a garbage image listed in the manifest
// (a bad release; a broken overlay JSON is refused by the build itself, tests/cli).
function siteWithTestOverlays() {
  const site = buildSite((ds, data) => {
    const helium = JSON.parse(fs.readFileSync(path.join(data, 'overlays', 'helium.json'), 'utf8'));
    const low = structuredClone(helium);
    low.id = 'lowcontrast';
    low.theme = { accent: '#f0f0f0', accent_text: '#ffffff' };
    fs.writeFileSync(path.join(data, 'overlays', 'lowcontrast.json'), JSON.stringify(low));
  });
  const bytes = Buffer.from('BCIMAGE\0 broken');
  const m = JSON.parse(fs.readFileSync(path.join(site.dir, 'manifest.json'), 'utf8'));
  for (const f of ['overlays/broken.img', 'overlays/broken.fr.img']) {
    fs.writeFileSync(path.join(site.dir, f), bytes);
    m.files[f] = {
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
    };
  }
  fs.writeFileSync(path.join(site.dir, 'manifest.json'), JSON.stringify(m));
  for (const f of ['manifest.json.gz', 'manifest.json.br']) fs.rmSync(path.join(site.dir, f), { force: true });
  return site;
}

function embedMissing() {
  const need = ['embed.js', 'demo/index.html', 'overlays/helium.json', 'overlays/helium.img', 'overlays/helium.fr.img'];
  const missing = need.filter((f) => !fs.existsSync(path.join(SITE_DIR, f)));
  if (!missing.length) return false;
  const why = `embedding files missing in ${SITE_DIR} (${missing.join(', ')}); rebuild the site`;
  if (process.env.BREACHCHECK_REQUIRE_SITE === '1') throw new Error(why);
  return why;
}

describe('embedding in an insurer page (two origins)', { skip: skipUnlessSite() || embedMissing() }, () => {
  let browser;
  let dir;
  let tool;   // http://127.0.0.1:PORT
  let host;   // http://localhost:PORT
  const stops = [];

  let site;
  before(async () => {
    site = siteWithTestOverlays();
    dir = site.dir;
    const [toolPort, hostPort] = [await freePort(), await freePort()];
    tool = `http://127.0.0.1:${toolPort}`;
    host = `http://localhost:${hostPort}`;
    stops.push(await serve(dir, toolPort, ['--frame-ancestors', `'self' ${host}`]));
    stops.push(await serve(dir, hostPort, ['--embed-tool', tool]));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    for (const stop of stops) await stop();
    site?.cleanup();
  });

  // Every request is recorded with its frame; loopback (both origins) goes through, anything
  // else is aborted and counted. CSP violations are collected in every frame.
  async function open({ viewport = { width: 1280, height: 900 }, overlay, height } = {}) {
    const context = await browser.newContext({ viewport });
    const rec = { requests: [], offsite: [], consoleErrors: [], pageErrors: [] };
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol === 'http:') return route.continue();
      rec.offsite.push(url.href);
      return route.abort('blockedbyclient');
    });
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI });
      });
    });
    const page = await context.newPage();
    page.on('request', (r) => rec.requests.push({ url: r.url(), main: r.frame() === page.mainFrame() }));
    page.on('console', (m) => {
      if (m.type() === 'error') rec.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => rec.pageErrors.push(String(e)));
    // Every message the host window receives, as any script of the host page could see it.
    await context.addInitScript(() => {
      if (window.top !== window) return;
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
    });
    const q = new URLSearchParams({ tool });
    if (overlay) q.set('overlay', overlay);
    if (height) q.set('height', height);
    await page.goto(`${host}/demo/?${q}`);
    const frameEl = page.locator(FRAME);
    await frameEl.waitFor({ state: 'attached' });
    const widget = page.frameLocator(FRAME);
    await widget.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 30000 });
    assert.equal(await widget.locator('html').getAttribute('data-ready'), 'true', 'the widget started');
    const frame = page.frames().find((f) => f.url().startsWith(`${tool}/index.html`));
    assert.ok(frame, 'the widget frame is the tool origin');
    return { context, page, rec, widget, frame, frameEl };
  }

  const frameHeight = (frameEl) => frameEl.evaluate((e) => Math.round(e.getBoundingClientRect().height));
  const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

  // The iframe's height has caught up with its content (in steps of 800 px, never below it).
  async function settled(page, frameEl, frame) {
    const deadline = Date.now() + 10000;
    for (;;) {
      const [h, c] = [await frameHeight(frameEl), await contentHeight(frame)];
      if (h >= c && h - c < 800) return h;
      if (Date.now() > deadline) assert.fail(`iframe height ${h} never caught up with its content (${c})`);
      await page.waitForTimeout(100);
    }
  }

  async function assertClean(page, frame, rec) {
    assert.deepEqual(rec.pageErrors, [], 'page errors');
    assert.deepEqual(rec.consoleErrors, [], 'console errors');
    assert.deepEqual(rec.offsite, [], 'requests leaving loopback');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations (host)');
    assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], 'CSP violations (widget)');
  }

  test('headers: the tool names its framers, embed.js is loadable cross-origin, the host allows only the tool', async () => {
    const page = await fetch(`${tool}/index.html`);
    const csp = page.headers.get('content-security-policy');
    assert.ok(csp.includes(`frame-ancestors 'self' ${host}`), csp);
    assert.equal(page.headers.get('x-frame-options'), null, 'no X-Frame-Options next to frame-ancestors');
    assert.equal(page.headers.get('cross-origin-resource-policy'), 'same-origin');
    const embed = await fetch(`${tool}/embed.js`);
    assert.equal(embed.headers.get('access-control-allow-origin'), '*');
    assert.equal(embed.headers.get('cross-origin-resource-policy'), 'cross-origin');
    const manifest = await (await fetch(`${tool}/manifest.json`)).json();
    assert.match(manifest.files['embed.js'].integrity, /^sha384-[A-Za-z0-9+/]+=*$/);
    const demo = await fetch(`${host}/demo/`);
    const hostCsp = demo.headers.get('content-security-policy');
    assert.ok(hostCsp.includes(`script-src 'self' 'wasm-unsafe-eval' ${tool}/embed.js`), hostCsp);
    assert.ok(hostCsp.includes(`frame-src ${tool}`), hostCsp);
    assert.ok(hostCsp.includes("style-src 'self';"), hostCsp);
  });

  test('the host page shows the widget set for Hélium (locked); the flow works inside the frame', async () => {
    const { context, page, rec, widget, frame, frameEl } = await open();
    // Sandboxed, titled, no referrer; the frame URL carries only ids and the host origin.
    const attrs = await frameEl.evaluate((e) => ({
      sandbox: e.getAttribute('sandbox'), title: e.title, referrer: e.getAttribute('referrerpolicy'), loading: e.getAttribute('loading'),
    }));
    assert.match(attrs.sandbox, /\ballow-scripts\b/);
    assert.match(attrs.sandbox, /\ballow-same-origin\b/);
    assert.doesNotMatch(attrs.sandbox, /allow-top-navigation|allow-forms/);
    assert.match(attrs.title, /Viamedis/);
    assert.match(attrs.title, /Itélis/);
    assert.equal(attrs.referrer, 'no-referrer');
    assert.ok(['lazy', 'eager'].includes(attrs.loading));
    const src = new URL(frame.url());
    assert.equal(src.searchParams.get('embed'), '1');
    assert.equal(src.searchParams.get('overlay'), 'helium');
    assert.equal(src.searchParams.get('parent'), host);

    // Compact layout, insurer locked: no repeated title or privacy note, no empty situation box.
    assert.equal(await widget.locator('html').getAttribute('data-embed'), 'true');
    for (const sel of ['.lead', 'h1', '.privacy-note', '.about', '#form-title', '.role-field', '#reset-line']) {
      assert.equal(await widget.locator(sel).first().isVisible(), false, `${sel} hidden when embedded`);
    }
    await widget.locator('#org-locked').waitFor({ state: 'attached' });
    assert.match(await widget.locator('#org-locked').textContent(), /Vérification pour les adhérents de\s+Hélium/);
    assert.equal(await widget.locator('#org-input').isVisible(), false, 'the insurer field is hidden when locked');
    await widget.locator('#result[data-verdict]').waitFor();
    // Nothing answered yet: no situation box at all, the verdict box names the insurer.
    assert.equal(await widget.locator('#form-section').isVisible(), false);
    assert.match(await widget.locator('.verdict-org').textContent(), /Hélium/);

    // Network question → Itelis → affected.
    await widget.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    await widget.locator('#result[data-verdict="affected"]').waitFor();
    assert.match(await widget.locator('#verdict').textContent(), /Hélium/);

    // The insurer's information, labelled apart from the public sources.
    const info = widget.locator('#insurer-info');
    assert.equal(await info.locator('.provenance').textContent(), 'Information de votre complémentaire');
    assert.match(await info.textContent(), /février 2024/);
    assert.equal(await info.locator('a[href^="https://www.helium.fr/"]').count(), 1);
    // Each reason once: the insurer's ones marked as such, none repeated.
    for (const d of await widget.locator('#why details.incident').all()) await d.evaluate((x) => { x.open = true; });
    assert.ok(await widget.locator('#why .provenance-insurer').count() >= 1);
    const reasons = await widget.locator('#why .reasons > li > p:not(.provenance)').allTextContents();
    assert.equal(new Set(reasons).size, reasons.length, 'no reason shown twice');

    // The frame URL keeps the embedding parameters, and never an answer.
    const after = new URL(await frame.evaluate(() => location.href));
    assert.equal(after.searchParams.get('overlay'), 'helium');
    assert.equal(after.searchParams.get('network'), null);

    // Requests: the host loads embed.js and the frame from the tool origin, nothing else from it;
    // everything the frame loads comes from the tool origin.
    const fromHostToTool = rec.requests.filter((r) => r.main && r.url.startsWith(tool)).map((r) => new URL(r.url).pathname);
    assert.deepEqual(fromHostToTool, ['/embed.js']);
    const frameOther = rec.requests.filter((r) => !r.main && !r.url.startsWith(`${tool}/`));
    assert.deepEqual(frameOther, [], 'the widget only talks to its own origin');
    assert.ok(rec.requests.some((r) => !r.main && r.url.startsWith(`${tool}/index.html?embed=1`)), 'the frame document');
    await assertClean(page, frame, rec);
    await context.close();
  });

  test('the host page cannot read the widget: cross-origin, and the tracker says so', async () => {
    const { context, page, rec, widget, frame } = await open();
    await widget.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    await widget.locator('#result[data-verdict="affected"]').waitFor();
    const seen = await page.evaluate((sel) => {
      const f = document.querySelector(sel);
      const out = { contentDocument: f.contentDocument === null };
      try {
        out.inputs = f.contentWindow.document.querySelectorAll('input').length;
      } catch (e) {
        out.error = e.name;
      }
      try {
        out.href = f.contentWindow.location.href;
      } catch (e) {
        out.hrefError = e.name;
      }
      return out;
    }, FRAME);
    assert.equal(seen.contentDocument, true, 'iframe.contentDocument is null for the host');
    assert.equal(seen.error, 'SecurityError');
    assert.equal(seen.inputs, undefined);
    assert.equal(seen.hrefError, 'SecurityError');
    // The demo's "marketing script" reports the same, and saw only resize messages.
    await page.locator('#tracker-retry').click();
    assert.equal(await page.locator('#tracker-report').getAttribute('data-can-read'), 'false');
    const report = await page.locator('#tracker-report').textContent();
    assert.match(report, /refusée par le navigateur \(SecurityError\)/);
    assert.match(report, /\{height, type, version\} breachcheck:resize/);
    // What the host could see: only resize messages, heights in steps of 800 px.
    const messages = await page.evaluate(() => window.__messages.filter((m) => m.origin !== location.origin));
    assert.ok(messages.length >= 1);
    for (const m of messages) {
      assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type', 'version']);
      assert.equal(m.data.height % 800, 0, `height ${m.data.height}`);
    }
    assert.doesNotMatch(report, /itelis/i);
    await assertClean(page, frame, rec);
    await context.close();
  });

  // The heights the frame posted to the host (what a host script can observe).
  const posted = (page) => page.evaluate((origin) => window.__messages.filter((m) => m.origin === origin).map((m) => m.data.height), tool);

  test('coarse heights: steps of 800 px, only when the layout state changes, never while typing; no inner scrollbar', async () => {
    for (const width of [375, 1280]) {
      const { context, page, widget, frame, frameEl } = await open({ viewport: { width, height: 812 } });
      await widget.locator('#result[data-verdict]').waitFor();
      await page.waitForFunction((o) => window.__messages.some((m) => m.origin === o), tool);
      await page.waitForTimeout(300);
      const h0 = await frameHeight(frameEl);
      assert.equal(h0 % 800, 0, `${width}px: ${h0}`);
      // The first result of an insurer's members: at most two screens at 375 px.
      if (width === 375) assert.ok(h0 <= 2 * 812, `embedded first result ${h0} px tall at 375 px`);
      const content = await contentHeight(frame);
      assert.ok(h0 >= content, `${width}px: frame ${h0} ≥ content ${content}: no scrollbar inside`);
      // Answering and typing: no message per keystroke.
      const before = (await posted(page)).length;
      const itelis = widget.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true });
      await itelis.focus();
      await itelis.press('Space');
      await widget.locator('#result[data-verdict="affected"]').waitFor();
      await widget.locator('#tool-scam-toggle').focus();
      await widget.locator('#tool-scam-toggle').press('Enter');
      // The frame reports the opened tool after the next layout: let that message arrive before
      // counting, so that only what typing sends is counted below.
      await page.waitForTimeout(300);
      const afterOpen = (await posted(page)).length;
      await widget.locator('#scam-text').pressSequentially('Bonjour, votre carte Vitale expire', { delay: 5 });
      await page.waitForTimeout(300);
      assert.equal((await posted(page)).length, afterOpen, `${width}px: typing sends nothing`);
      assert.ok(afterOpen - before <= 2, `${width}px: ${afterOpen - before} messages for an answer and a tool`);
      for (const h of await posted(page)) assert.equal(h % 800, 0);
      assert.ok((await frameHeight(frameEl)) >= (await contentHeight(frame)), 'still no scrollbar inside');
      const dir = ensureArtifacts();
      await page.screenshot({ path: path.join(dir, `embed-demo-${width}.png`) });
      await context.close();
    }
  });

  test('every insurer of the dataset, at 375 and 1280 px: the heights posted fall into at most 4 values', async () => {
    const list = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'dataset.json'), 'utf8')).organizations.map((o) => o.name);
    for (const width of [375, 1280]) {
      const { context, page, widget } = await open({ viewport: { width, height: 812 }, overlay: 'none' });
      const heights = new Map();
      const input = widget.locator('#org-input');
      for (const name of list) {
        await input.fill(name);
        await input.press('Enter');
        await widget.locator('#org-input').evaluate((e, n) => e.value === n, name);
        await widget.locator('#result[data-verdict]').waitFor();
        await page.waitForTimeout(120);
        const p = await posted(page);
        heights.set(name, p[p.length - 1]);
      }
      const values = new Set(heights.values());
      console.log(`${width}px: ${list.length} insurers → heights ${[...values].sort((a, b) => a - b).join(', ')}`);
      assert.ok(values.size <= 4, `${width}px: ${values.size} distinct heights`);
      await context.close();
    }
  });

  test('fixed height: the frame never posts anything, and scrolls inside', async () => {
    const { context, page, widget, frameEl } = await open({ height: 'fixed' });
    await widget.locator('#result[data-verdict]').waitFor();
    await widget.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    await widget.locator('#result[data-verdict="affected"]').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await posted(page), []);
    assert.equal(await frameHeight(frameEl), 1600);
    await context.close();
  });

  test('forged resize messages are ignored: from the host, from another frame, or off-schema', async () => {
    const { context, page, frame, frameEl } = await open();
    const h = await settled(page, frameEl, frame);
    const unchanged = async (what) => {
      await page.waitForTimeout(300);
      assert.equal(await frameHeight(frameEl), h, what);
    };
    // 1. The host page itself (right schema, wrong source and origin).
    await page.evaluate(() => window.postMessage({ type: 'breachcheck:resize', version: 1, height: 300 }, '*'));
    await unchanged('message from the host window');
    // 2. Another frame of the tool origin (right origin, wrong source).
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'intruder';
      f.title = 'intruder';
      f.src = src;
      document.body.append(f);
      return new Promise((r) => f.addEventListener('load', r));
    }, `${tool}/manifest.json`);
    const intruder = page.frames().find((f) => f.url() === `${tool}/manifest.json`);
    assert.ok(intruder);
    await intruder.evaluate(() => window.parent.postMessage({ type: 'breachcheck:resize', version: 1, height: 333 }, '*'));
    await unchanged('message from another frame of the tool origin');
    // 3. The widget frame itself, off-schema.
    for (const bad of [
      { type: 'breachcheck:resize', version: 1, height: 400, answers: 'itelis' },
      { type: 'breachcheck:resize', version: 2, height: 400 },
      { type: 'breachcheck:resize', version: 1, height: '400' },
      { type: 'breachcheck:resize', version: 1, height: 400.5 },
      { type: 'other', version: 1, height: 400 },
      [400],
      'breachcheck:resize 400',
    ]) {
      await frame.evaluate((m) => window.parent.postMessage(m, '*'), bad);
      await unchanged(`off-schema message ${JSON.stringify(bad)}`);
    }
    // The channel itself works, and clamps.
    await frame.evaluate(() => window.parent.postMessage({ type: 'breachcheck:resize', version: 1, height: 1e9 }, '*'));
    await page.waitForFunction((sel) => document.querySelector(sel).style.height === '20000px', FRAME);
    await frame.evaluate(() => window.parent.postMessage({ type: 'breachcheck:resize', version: 1, height: 3 }, '*'));
    await page.waitForFunction((sel) => document.querySelector(sel).style.height === '240px', FRAME);
    await context.close();
  });

  test('theme: overlay tokens become CSS custom properties; a low-contrast theme falls back', async () => {
    {
      const { context, page, rec, frame } = await open();
      const css = await frame.evaluate(() => {
        const s = getComputedStyle(document.documentElement);
        return {
          accent: s.getPropertyValue('--accent').trim(),
          radius: s.getPropertyValue('--radius').trim(),
          font: getComputedStyle(document.body).fontFamily,
          header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
          theme: document.documentElement.dataset.theme,
          styleElements: document.querySelectorAll('style').length,
          styled: [...document.querySelectorAll('[style]')].map((e) => e.tagName),
        };
      });
      assert.equal(css.accent, '#1d3f8f');
      assert.equal(css.radius, '12px');
      assert.match(css.font, /Helvetica/);
      assert.equal(css.header, 'rgb(29, 63, 143)');
      assert.equal(css.theme, 'overlay');
      assert.equal(css.styleElements, 0, 'no injected stylesheet');
      assert.deepEqual(css.styled, ['HTML'], 'custom properties on <html> only, through the CSSOM');
      await assertClean(page, frame, rec);
      await context.close();
    }
    {
      const { context, page, rec, widget, frame } = await open({ overlay: 'lowcontrast' });
      assert.equal(await widget.locator('html').getAttribute('data-theme-fallback'), 'contrast');
      const accent = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
      assert.equal(accent, '#1d4f91', 'the default accent is kept');
      // Still Hélium's configuration (locked), only the colours are not used.
      await widget.locator('#org-locked').waitFor({ state: 'attached' });
      await assertClean(page, frame, rec);
      await context.close();
    }
  });

  test('a missing or invalid overlay gives a clear message, never a blank frame', async () => {
    for (const [overlay, expect] of [['nope', /overlays\/nope\.fr\.img: not part of this release/], ['broken', /invalid_image/]]) {
      const { context, page, rec, widget, frame } = await open({ overlay });
      const box = widget.locator('#overlay-error');
      await box.waitFor();
      assert.match(await box.textContent(), /La configuration de votre complémentaire n’a pas pu être chargée/);
      assert.match(await box.textContent(), /seules sources publiques/);
      const details = box.locator('details');
      assert.equal(await details.getAttribute('open'), null, 'details closed by default');
      await details.locator('summary').click();
      assert.match(await details.textContent(), expect);
      // The public tool still works: the insurer field is there.
      assert.equal(await widget.locator('#org-input').isVisible(), true);
      assert.equal(await widget.locator('#org-locked').count(), 0);
      await widget.locator('#org-input').fill('helium');
      await widget.locator('#org-listbox [role="option"]').first().waitFor();
      assert.deepEqual(rec.consoleErrors, []);
      assert.deepEqual(rec.offsite, []);
      assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
      await context.close();
    }
  });

  test('axe (WCAG 2.1 A/AA): the demo page and the widget inside it', async () => {
    const { context, page, widget, frame } = await open();
    await widget.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    await widget.locator('#result[data-verdict="affected"]').waitFor();
    await widget.locator('#more-actions-btn').click();
    await widget.locator('fieldset[data-question="network"] details.help summary').click();
    const explain = (violations) => violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
    const hostAxe = await axeScan(page);
    assert.deepEqual(hostAxe.violations, [], explain(hostAxe.violations));
    // Inside the frame, axe runs in the widget's own document (injected by the test harness).
    await frame.evaluate(AXE_SOURCE);
    const inner = await frame.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
      .then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })), passes: r.passes.length })), AXE_TAGS);
    assert.deepEqual(inner.violations, [], explain(inner.violations));
    assert.ok(inner.passes > 10, 'axe ran its rules inside the frame');
    await context.close();
  });
});
