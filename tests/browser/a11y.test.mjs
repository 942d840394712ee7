// Accessibility (axe-core, WCAG 2.1 A/AA tags), small screens and zoom, print, screenshots,
// and the error page when the engine cannot start.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  skipUnlessSite, startServer, launchBrowser, openPage, gotoReady, cspViolations,
  pickOrgByKeyboard, verdict, tempSite, buildSite, ensureArtifacts,
  axeScan,
} from './helpers.mjs';


function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

async function axe(page) {
  const r = await axeScan(page);
  assert.deepEqual(r.violations, [], describeViolations(r.violations));
  assert.ok(r.passes.length > 10, 'axe ran its rules');
}

// After changing a file of a built site: its manifest entry and the SRI hashes in the pages.
function rehash(dir, file) {
  const bytes = fs.readFileSync(path.join(dir, file));
  for (const ext of ['.gz', '.br']) fs.rmSync(path.join(dir, file + ext), { force: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const old = m.files[file].integrity;
  m.files[file] = {
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
  fs.writeFileSync(manifestFile, JSON.stringify(m));
  for (const f of ['manifest.json.gz', 'manifest.json.br']) fs.rmSync(path.join(dir, f), { force: true });
  for (const page of fs.readdirSync(dir).filter((n) => n.endsWith('.html'))) {
    const p = path.join(dir, page);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(old, m.files[file].integrity));
    for (const ext of ['.gz', '.br']) fs.rmSync(p + ext, { force: true });
  }
  // expect.js carries the first image's hash and the first verdicts' (their first 22 characters);
  // then expect.js itself changed.
  const expect = path.join(dir, 'expect.js');
  const code = fs.readFileSync(expect, 'utf8');
  const cut = (sri) => sri.slice('sha384-'.length, 'sha384-'.length + 22);
  const again = code.replaceAll(old, m.files[file].integrity).replaceAll(`=${cut(old)}|`, `=${cut(m.files[file].integrity)}|`);
  if (file !== 'expect.js' && again !== code) {
    fs.writeFileSync(expect, again);
    rehash(dir, 'expect.js');
  }
}

async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && e.getClientRects().length)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`);
    return { scroll: doc.scrollWidth - doc.clientWidth, wide };
  });
}

describe('accessibility, layout, print and errors', { skip: skipUnlessSite() }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('axe: initial page has no WCAG 2.1 A/AA violation', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await axe(page);
    await context.close();
  });

  test('axe: open suggestion list, then a result with questions and help open', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    await input.click();
    await input.pressSequentially('mutu', { delay: 10 });
    await input.press('ArrowDown');
    await axe(page);
    await input.press('Escape');
    await pickOrgByKeyboard(page, 'helium');
    for (const s of await page.locator('details.help summary').all()) await s.click();
    await axe(page);
    await page.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    // Every disclosure of the result open: more steps, glosses, why, timeline, other leaks, report.
    await page.click('#more-actions-btn');
    await page.waitForSelector('#timeline'); // the full dataset (facts, other leaks) has arrived
    for (const d of await page.locator('#result details').all()) await d.evaluate((x) => { x.open = true; });
    await axe(page);
    await page.click('.lang-btn[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await axe(page);
    await context.close();
  });

  test('axe: a wider name with its candidates, an operator understood, a professional', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    await input.fill('mutuel generale');
    await input.press('Enter');
    await page.waitForSelector('#pick-note:not([hidden]) .pick-candidate');
    await axe(page);
    await input.fill('viamedis');
    await input.press('Enter');
    await page.waitForFunction(() => /opérateur/.test(document.querySelector('#pick-note').textContent));
    await axe(page);
    await page.check('#role-pro');
    await page.waitForSelector('#actions-list [data-action^="pro-"]');
    await axe(page);
    await context.close();
  });

  test('the accessibility statement and the privacy page, French and English: linked from the footer, axe clean', async () => {
    const { page, context, rec } = await openPage(browser);
    await gotoReady(page, server.url);
    for (const [link, file, lang, pattern] of [
      ['#link-accessibility', 'accessibilite.html', 'fr', /RGAA\)? (version )?4\.1/],
      ['#link-privacy', 'confidentialite.html', 'fr', /n’envoie|n'envoie/],
    ]) {
      assert.equal(await page.getAttribute(link, 'href'), file);
      const other = await context.newPage();
      await other.goto(server.url + file);
      assert.equal(await other.getAttribute('html', 'lang'), lang);
      assert.match(await other.locator('main').textContent(), pattern);
      await axe(other);
      await other.close();
    }
    for (const [file, pattern] of [['accessibility.html', /RGAA\)? (version )?4\.1/], ['privacy.html', /never sends|sends nothing/]]) {
      const other = await context.newPage();
      await other.goto(server.url + file);
      assert.equal(await other.getAttribute('html', 'lang'), 'en');
      assert.match(await other.locator('main').textContent(), pattern);
      await axe(other);
      await other.close();
    }
    await page.click('.lang-btn[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.getAttribute('#link-accessibility', 'href'), 'accessibility.html');
    assert.equal(await page.getAttribute('#link-privacy', 'href'), 'privacy.html');
    assert.deepEqual(rec.offsite, []);
    await context.close();
  });

  test('axe: every verdict colour scheme passes (contrast)', async () => {
    const { page, context } = await openPage(browser);
    const seen = new Set();
    for (const q of ['?org=helium&network=itelis', '?org=helium', '?org=unknown', '?org=unknown&card=viamedis', '?org=appa&network=none',
      '?org=mutame-plus&contract=ProtecTerritoriale', '?org=la-mutuelle-generale&covered=after2024&network=none']) {
      await gotoReady(page, server.url + q);
      await page.waitForSelector('#result[data-verdict]');
      const v = await verdict(page);
      if (seen.has(v)) continue;
      seen.add(v);
      await axe(page);
    }
    assert.ok(seen.size >= 5, `verdicts seen: ${[...seen]}`);
    await context.close();
  });

  test('keyboard: skip link first, focus visible, logical order', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.notEqual(outline.style, 'none');
    assert.ok(outline.width >= 2, `outline ${outline.width}px`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    const order = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
    }
    assert.deepEqual(order, ['org-input', 'org-unknown-btn', 'role-pro']);
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return parseFloat(s.outlineWidth);
    });
    assert.ok(ring >= 2);
    await context.close();
  });

  test('320 px wide and 200 % zoom: no horizontal scrolling', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 450 }]) {
      const { page, context } = await openPage(browser, { viewport });
      await gotoReady(page, server.url);
      assert.deepEqual(await horizontalOverflow(page), { scroll: 0, wide: [] }, `initial at ${viewport.width}px`);
      const input = page.locator('#org-input');
      await input.click();
      await input.pressSequentially('malakof', { delay: 10 });
      assert.deepEqual(await horizontalOverflow(page), { scroll: 0, wide: [] }, `list open at ${viewport.width}px`);
      await input.press('Escape');
      await gotoReady(page, `${server.url}?org=mutame-plus`);
      await page.locator('fieldset[data-question="contract"] .contract-text').fill('Un nom de contrat vraiment très très long pour voir');
      await page.waitForFunction(() => document.querySelector('.contract-understood').textContent !== '');
      for (const s of await page.locator('details.help summary').all()) await s.click();
      for (const d of await page.locator('#result details').all()) await d.evaluate((x) => { x.open = true; });
      assert.deepEqual(await horizontalOverflow(page), { scroll: 0, wide: [] }, `result at ${viewport.width}px`);
      await gotoReady(page, `${server.url}?org=helium&network=itelis&lang=en`);
      await page.waitForSelector('#result[data-verdict]');
      assert.deepEqual(await horizontalOverflow(page), { scroll: 0, wide: [] }, `English result at ${viewport.width}px`);
      await context.close();
    }
  });

  test('reduced motion is honoured', async () => {
    const { page, context } = await openPage(browser, { reducedMotion: 'reduce' });
    await gotoReady(page, server.url);
    const duration = await page.evaluate(() => getComputedStyle(document.querySelector('.lang-btn')).transitionDuration);
    assert.match(duration, /^0s/);
    await context.close();
  });

  test('print: one plan — insurer, verdict, date, dataset version, each step with its how, ticks as boxes, sources — on one A4 page', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=helium&network=itelis&covered=jan2024`);
    await page.waitForSelector('#result[data-verdict="affected"]');
    // The browser's own print command (Ctrl+P) prints the same plan as the button.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.equal(await page.getAttribute('html', 'data-bc-print'), 'plan');
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['#form-section', '.site-header', '#result', '.about', '.site-footer']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} hidden in print`);
    }
    const plan = page.locator('#print-plan');
    assert.equal(await plan.isVisible(), true);
    const text = await plan.textContent();
    assert.match(text, /Hélium/);
    assert.match(text, /Concerné/);
    assert.match(text, /2026\.12\.01/);
    assert.match(text, /\d{1,2}(er)? \p{L}+ 20\d\d/u, 'the date it was made');
    const steps = await plan.locator('.print-steps > li').count();
    assert.ok(steps >= 3);
    assert.equal(await plan.locator('.print-steps > li .print-box').count(), steps, 'a box per step');
    for (const li of await plan.locator('.print-steps > li').all()) assert.ok((await li.locator('p').count()) >= 1, 'each step says how');
    assert.ok(await plan.locator('.print-sources li').count() >= 1);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(ensureArtifacts(), 'print-helium-itelis.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 3, `printed on ${pages} page(s)`);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.getAttribute('html', 'data-bc-print'), null);
    await context.close();
  });

  test('screenshots of a result at 375 px and 1280 px (tests/browser/artifacts/)', async () => {
    const dir = ensureArtifacts();
    for (const width of [375, 1280]) {
      const { page, context, rec } = await openPage(browser, { viewport: { width, height: 900 } });
      await gotoReady(page, server.url);
      await pickOrgByKeyboard(page, 'helium');
      await page.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
      await page.waitForFunction(() => document.querySelector('#result').dataset.verdict !== 'possible');
      await page.locator('#org-input').blur();
      const file = path.join(dir, `result-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await page.locator('#result').screenshot({ path: path.join(dir, `result-panel-${width}.png`) });
      assert.ok(fs.statSync(file).size > 10000);
      assert.deepEqual(rec.consoleErrors, []);
      assert.deepEqual(await cspViolations(page), []);
      await context.close();
    }
  });

  test('a broken dataset image (a bad release, hashes consistent) shows a clear error, never a blank page', async () => {
    // The image is garbage but the manifest and index.html carry its own hashes: the engine,
    // not the integrity check, refuses it.
    const site = buildSite();
    const img = path.join(site.dir, 'dataset.fr.img');
    fs.writeFileSync(img, Buffer.from('BCIMAGE\0 not really an image'));
    rehash(site.dir, 'dataset.fr.img');
    const bad = await startServer(site.dir);
    try {
      const { page, context, rec } = await openPage(browser);
      await page.goto(bad.url);
      await page.waitForSelector('#load-error:not([hidden])', { timeout: 15000 });
      const text = await page.locator('#load-error').textContent();
      assert.match(text, /n’a pas pu démarrer|n'a pas pu démarrer/);
      assert.match(text, /invalid_image/);
      assert.equal(await page.getAttribute('html', 'data-ready'), 'false');
      assert.equal(await page.locator('#form-section').isHidden(), true);
      assert.equal(await page.locator('#loading').isHidden(), true);
      assert.ok((await page.locator('h1').textContent()).length > 10);
      assert.deepEqual(rec.pageErrors, []);
      await axe(page);
      await context.close();
    } finally {
      await bad.stop();
      site.cleanup();
    }
  });

  test('a tampered dataset (a hostile host): a warning and no verdict, for each first image and for the full one', async () => {
    // A link that names an organization alone starts from its first verdict, then its own image
    // (whose hash the verdict carries); other links, from dataset.fr.img.
    const cases = [['first/helium.verdict.json', '?org=helium'], ['first/helium.img', '?org=helium'], ['dataset.fr.img', '?network=itelis'],
      ['dataset.fr.img', '?org=helium&network=itelis'], ['dataset.img', '?org=helium']];
    for (const [file, query] of cases) {
      const dir = tempSite((d) => {
        const p = path.join(d, file);
        const bytes = fs.readFileSync(p);
        bytes[bytes.length - 40] ^= 0x20; // one bit of one text: still a valid image (or JSON)
        fs.writeFileSync(p, bytes);
        for (const ext of ['.gz', '.br']) fs.rmSync(p + ext, { force: true });
      });
      const bad = await startServer(dir);
      try {
        const { page, context } = await openPage(browser);
        await page.goto(`${bad.url}${query}`);
        await page.waitForSelector('#load-error:not([hidden])', { timeout: 20000 });
        assert.match(await page.locator('#load-error').textContent(), /integrity_mismatch/, file);
        assert.equal(await page.locator('#result[data-verdict]').count(), 0, `${file}: no verdict on tampered data`);
        assert.equal(await page.locator('#verdict-headline').count(), 0);
        await context.close();
      } finally {
        await bad.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('a missing WebAssembly file shows a clear error', async () => {
    const dir = tempSite((d) => fs.rmSync(path.join(d, 'breachcheck_core.wasm')));
    const bad = await startServer(dir);
    try {
      const { page, context } = await openPage(browser);
      await page.goto(`${bad.url}?lang=en`);
      await page.waitForSelector('#load-error:not([hidden])', { timeout: 15000 });
      assert.match(await page.locator('#load-error').textContent(), /could not start/);
      await context.close();
    } finally {
      await bad.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
