// Accessibility (axe-core, WCAG 2.1 A/AA tags), small screens and zoom, print, screenshots,
// and the error page when the engine cannot start.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  skipUnlessSite, startServer, launchBrowser, openPage, gotoReady, cspViolations,
  pickOrgByKeyboard, verdict, tempSite, ensureArtifacts,
} from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(r.violations, [], describeViolations(r.violations));
  assert.ok(r.passes.length > 10, 'axe ran its rules');
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
    await page.locator('fieldset[data-question="network"]').getByLabel('Itelis', { exact: true }).check();
    await page.click('.lang-btn[data-lang="en"]');
    await axe(page);
    await context.close();
  });

  test('axe: every verdict colour scheme passes (contrast)', async () => {
    const { page, context } = await openPage(browser);
    const seen = new Set();
    for (const q of ['?org=helium&network=itelis', '?org=helium', '?org=unknown', '?org=unknown&card=viamedis', '?org=appa&card=none',
      '?org=mutame-plus&contract=ProtecTerritoriale', '?org=la-mutuelle-generale&covered=after2024']) {
      await gotoReady(page, server.url + q);
      const v = await verdict(page);
      if (seen.has(v)) continue;
      seen.add(v);
      await axe(page);
    }
    assert.ok(seen.size >= 4, `verdicts seen: ${[...seen]}`);
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
      await page.locator('#q-contract-text').fill('Un nom de contrat vraiment très très long pour voir');
      // Another contract is out of Mutame & Plus's scope: wait for the re-rendered questions.
      await page.waitForSelector('#result[data-verdict="not_affected"]');
      for (const s of await page.locator('details.help summary').all()) await s.click();
      assert.deepEqual(await horizontalOverflow(page), { scroll: 0, wide: [] }, `result at ${viewport.width}px`);
      await gotoReady(page, `${server.url}?org=helium&network=itelis&lang=en`);
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

  test('print: the result alone, with link addresses, on one page', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=helium&network=itelis`);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['#form-section', '.site-header', '#refine', '.about', '.print-button']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} hidden in print`);
    }
    assert.equal(await page.locator('#result').isVisible(), true);
    assert.equal(await page.locator('.print-answers').isVisible(), true);
    const after = await page.locator('#actions-list a[href^="https://"]').first()
      .evaluate((a) => ({ content: getComputedStyle(a, '::after').content, href: a.href }));
    assert.ok(after.content.includes(after.href), `${after.content} shows ${after.href}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(ensureArtifacts(), 'print-helium-itelis.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 2, `printed on ${pages} page(s)`);
    await context.close();
  });

  test('screenshots of a result at 375 px and 1280 px (tests/browser/artifacts/)', async () => {
    const dir = ensureArtifacts();
    for (const width of [375, 1280]) {
      const { page, context, rec } = await openPage(browser, { viewport: { width, height: 900 } });
      await gotoReady(page, server.url);
      await pickOrgByKeyboard(page, 'helium');
      await page.locator('fieldset[data-question="network"]').getByLabel('Itelis', { exact: true }).check();
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

  test('a broken dataset shows a clear error, never a blank page', async () => {
    const dir = tempSite((d) => {
      for (const f of ['dataset.json', 'dataset.fr.json']) fs.writeFileSync(path.join(d, f), '{"schema_version": 1, "organizations": [');
    });
    const bad = await startServer(dir);
    try {
      const { page, context, rec } = await openPage(browser);
      await page.goto(bad.url);
      await page.waitForSelector('#load-error:not([hidden])', { timeout: 15000 });
      const text = await page.locator('#load-error').textContent();
      assert.match(text, /n'a pas pu démarrer/);
      assert.match(text, /invalid_dataset/);
      assert.equal(await page.getAttribute('html', 'data-ready'), 'false');
      assert.equal(await page.locator('#form-section').isHidden(), true);
      assert.equal(await page.locator('#loading').isHidden(), true);
      assert.ok((await page.locator('h1').textContent()).length > 10);
      assert.deepEqual(rec.pageErrors, []);
      await axe(page);
      await context.close();
    } finally {
      await bad.stop();
      fs.rmSync(dir, { recursive: true, force: true });
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
