// End-to-end flows against the real WebAssembly engine, served by scripts/serve.mjs on loopback,
// as a worried person would follow them: type a name (misspelled, an operator's, "je ne sais
// pas", a wider name), see the verdict where they are, answer what decides, read the first steps.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  skipUnlessSite, startServer, launchBrowser, openPage, gotoReady, cspViolations,
  pickOrgByKeyboard, verdict, listIds, assertVerdictInView, boxInView, buildSite, tempSite,
} from './helpers.mjs';

const VERDICTS = ['affected', 'likely', 'possible', 'unknown', 'not_affected'];
const SIZES = [{ width: 375, height: 812 }, { width: 1280, height: 900 }];

describe('breachcheck page flows', { skip: skipUnlessSite() }, () => {
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

  test('initial page: French, one h1, landmarks, the page text filled from the catalogue, dataset fingerprint', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('h1').count(), 1);
    for (const sel of ['header', 'main', 'footer', 'a.skip-link[href="#main"]']) {
      assert.equal(await page.locator(sel).count(), 1, sel);
    }
    assert.equal(await page.locator('#result[data-verdict]').count(), 0, 'no result before a choice');
    // Room for the result from the first paint (nothing moves when it comes), with what to do.
    assert.match(await page.locator('#result-placeholder').textContent(), /Choisissez votre complémentaire/);
    assert.equal(await page.locator('#org-input').isEnabled(), true, 'usable once ready');
    assert.match(await page.title(), /concerné/);
    // Every marked element has its words (none left empty).
    const empty = await page.locator('[data-i18n]').evaluateAll((els) => els.filter((e) => !e.textContent.trim() && !e.closest('template')).map((e) => e.dataset.i18n));
    assert.deepEqual(empty, []);
    assert.match(await page.locator('#dataset-info').textContent(), /version \S+/);
    assert.match(await page.locator('#dataset-info code').textContent(), /^[0-9a-f]{64}$/);
    // Never asks for an identifier.
    const fields = await page.locator('input').evaluateAll((els) => els.map((e) => `${e.id} ${e.name} ${e.type}`).join('\n'));
    assert.doesNotMatch(fields, /nir|secu|birth|naiss|iban|member|adherent|name|nom/i);
    await context.close();
  });

  for (const size of SIZES) {
    test(`${size.width} px: "malakof humanis" picked by keyboard → the verdict in view, focused, both lists`, async () => {
      const { page, context } = await openPage(browser, { viewport: size });
      await gotoReady(page, server.url);
      await pickOrgByKeyboard(page, 'malakof humanis');
      assert.equal(await page.inputValue('#org-input'), 'Malakoff Humanis');
      assert.equal(await page.getAttribute('#org-input', 'aria-expanded'), 'false');
      assert.ok(VERDICTS.includes(await verdict(page)));
      assert.notEqual(await verdict(page), 'not_affected');
      await assertVerdictInView(assert, page, 'after a keyboard pick');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'verdict-headline', 'focus moves to the verdict');
      const exposed = await listIds(page, 'exposed-list');
      const notExposed = await listIds(page, 'not-exposed-list');
      assert.ok(exposed.includes('nir'), `NIR exposed: ${exposed}`);
      assert.ok(notExposed.includes('bank_details'), `bank details not exposed: ${notExposed}`);
      for (const id of exposed) assert.ok(!notExposed.includes(id), `${id} in both lists`);
      assert.equal(await page.locator('#verdict svg.verdict-icon[aria-hidden="true"]').count(), 1);
      assert.match(await page.locator('.confirm-note').textContent(), /Seule votre complémentaire/);
      await page.screenshot({ path: `tests/browser/artifacts/flow-malakoff-${size.width}.png` });
      await context.close();
    });

    test(`${size.width} px: a pre-filled link opens with the verdict in the first screen, nothing moving (no layout shift at all), and leaves the address`, async () => {
      const { page, context } = await openPage(browser, { viewport: size });
      // Layout shifts from the first paint on (Cumulative Layout Shift): the room kept for the
      // result means nothing moves when the verdict arrives, nor when the rest of the result
      // follows it. Every shift counts: nobody typed, yet Chromium marks the ones after the
      // verdict is focused "hadRecentInput" (Lighthouse counts them: 0.018 once).
      await context.addInitScript(() => {
        window.__cls = { total: 0, shifts: [] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            window.__cls.total += e.value;
            window.__cls.shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.id || s.node?.nodeName || '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await gotoReady(page, `${server.url}?org=malakoff-humanis`);
      await page.waitForSelector('#result[data-verdict]');
      await assertVerdictInView(assert, page, 'pre-filled link');
      // The room is there before any module runs (the first paint may come before app.js).
      const early = await browser.newPage({ viewport: size });
      await early.route('**/app.js', (route) => route.abort());
      await early.goto(`${server.url}?org=malakoff-humanis`);
      assert.equal(await early.evaluate(() => getComputedStyle(document.getElementById('result')).minHeight), `${size.height}px`,
        'a pre-filled link keeps a whole screen for the result from the first paint');
      await early.close();
      assert.equal(new URL(page.url()).search, '', 'the answers left the address');
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => window.__cls);
      assert.equal(cls.total, 0, `layout shift ${cls.total.toFixed(4)} (Lighthouse goal ≤ 0.02): ${JSON.stringify(cls.shifts)}`);
      await context.close();
    });
  }

  test('a pre-filled link: the page is first painted with its verdict, in a frame of its own, the rest of the result after it, in the room kept for it; the address is written once, after that frame', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    await context.addInitScript(() => {
      window.__first = null;
      window.__writes = [];
      const replace = history.replaceState.bind(history);
      history.replaceState = (st, title, url) => {
        window.__writes.push({ url: String(url), answers: Boolean(st && st.v === 1 && st.choice), afterVerdict: Boolean(window.__first && window.__first.atFrame) });
        return replace(st, title, url);
      };
      // Each frame until the verdict's: is the page shown, and with a verdict?
      window.__frames = [];
      const frame = () => {
        const r = document.getElementById('result');
        const shown = Boolean(document.body) && getComputedStyle(document.body).display !== 'none';
        window.__frames.push({ shown, verdict: Boolean(r && r.dataset.verdict) });
        if (!(r && r.dataset.verdict)) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      new MutationObserver(() => {
        const r = document.getElementById('result');
        if (window.__first || !r || !r.dataset.verdict) return;
        const parts = () => ({ steps: document.querySelectorAll('#steps > *').length, questions: document.querySelectorAll('#questions > *').length });
        // The fonts the verdict's frame lays out: each size and weight a lookup (theme.css).
        const fonts = new Set();
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let t = walk.nextNode(); t; t = walk.nextNode()) {
          if (!t.data.trim() || !t.parentElement.getClientRects().length) continue;
          const cs = getComputedStyle(t.parentElement);
          fonts.add(`${cs.fontSize} ${cs.fontWeight} ${cs.fontStyle}`);
        }
        window.__first = { ...parts(), filling: r.classList.contains('is-filling'), minHeight: getComputedStyle(r).minHeight,
          fonts: [...fonts], below: ['#about', '.site-footer'].map((q) => getComputedStyle(document.querySelector(q)).display) };
        // What the frame that paints the verdict holds (its callbacks run just before it is
        // painted: a write in a later task comes after that frame).
        requestAnimationFrame(() => { window.__first.atFrame = parts(); });
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verdict'] });
    });
    const asked = [];
    page.on('request', (r) => asked.push({ file: new URL(r.url()).pathname.replace(/^\//, ''), referer: r.headers().referer ?? null }));
    await gotoReady(page, `${server.url}?org=malakoff-humanis`);
    // expect.js is the page's first file (it asks for the verdict), and its request names no
    // address (it comes after the referrer policy).
    assert.deepEqual(asked.slice(0, 2), [{ file: '', referer: null }, { file: 'expect.js', referer: null }], JSON.stringify(asked.slice(0, 6)));
    assert.ok(asked.every((r) => r.referer === null), 'no request carries a referrer');
    const frames = await page.evaluate(() => window.__frames);
    assert.deepEqual(frames.filter((x) => x.shown).slice(0, 1), [{ shown: true, verdict: true }],
      `the first frame that shows the page shows its verdict (expect.js holds the paint): ${JSON.stringify(frames)}`);
    const f = await page.evaluate(() => window.__first);
    assert.deepEqual(f.atFrame, { steps: 0, questions: 0 }, 'the frame that paints the verdict holds the verdict only');
    assert.equal(f.filling, true, 'the result keeps its room while the rest comes');
    assert.equal(f.minHeight, '812px', 'a whole screen');
    assert.deepEqual(f.below, ['none', 'none'], 'what follows the result is laid out with the rest, not with the verdict');
    assert.ok(f.fonts.length <= 6, `the verdict's frame shows few font sizes and weights (was 14): ${f.fonts.join(', ')}`);
    assert.ok(await page.locator('#steps > *').count() > 0, 'then the steps');
    assert.ok(await page.locator('#questions > *').count() > 0, 'then the questions');
    assert.equal(await page.locator('#result.is-filling').count(), 0, 'and the room is let go');
    assert.equal(await page.locator('#about').isVisible(), true, 'what follows the result is back');
    await assertVerdictInView(assert, page, 'two-frame first result');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'verdict-headline');
    const writes = await page.evaluate(() => window.__writes);
    assert.ok(writes.length >= 1, 'the address was written');
    assert.deepEqual(writes[0], { url: writes[0].url, answers: true, afterVerdict: true },
      `one write cleans the address and keeps the answers, after the verdict is painted: ${JSON.stringify(writes)}`);
    assert.equal(new URL(writes[0].url, server.url).search, '', 'the answers left the address');
    await context.close();
    // Without app.js, the held page is shown all the same, after 3 s (a new context: this one's
    // offline copy would serve app.js).
    const { page: lost, context: other } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    await lost.route('**/app.js', (route) => route.abort());
    const t0 = Date.now();
    await lost.goto(`${server.url}?org=malakoff-humanis`);
    assert.equal(await lost.evaluate(() => getComputedStyle(document.body).display), 'none', 'held while the verdict is on its way');
    await lost.waitForFunction(() => getComputedStyle(document.body).display !== 'none', null, { timeout: 6000 });
    assert.ok(Date.now() - t0 >= 2500, 'not before its 3 s');
    assert.equal(await lost.locator('h1').isVisible(), true);
    await other.close();
  });

  // Holds the page's .wasm back until the returned function is called: the first verdict is
  // shown, the engine not yet here.
  async function holdModule(page) {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/breachcheck_core.wasm', async (route) => { await held; await route.continue(); });
    return release;
  }

  test("a pre-filled link is answered from its first verdict, before any WebAssembly; then its own image, and the insurer field waits for the whole dataset", async () => {
    const { page, context, rec } = await openPage(browser);
    // The field's state when the verdict is first shown, before anything else runs.
    await context.addInitScript(() => {
      new MutationObserver((_, obs) => {
        const r = document.getElementById('result');
        if (r?.dataset.verdict && !window.__atVerdict) {
          window.__atVerdict = { disabled: document.getElementById('org-input').disabled, at: performance.now(), verdict: r.dataset.verdict,
            headline: document.getElementById('verdict-headline')?.textContent };
          obs.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-verdict'] });
    });
    await gotoReady(page, `${server.url}?org=malakoff-humanis`);
    const at = await page.evaluate(() => window.__atVerdict);
    // Requests as the page saw them (performance entries: the same clock as the verdict's).
    const asked = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ f: new URL(e.name).pathname, at: e.startTime })));
    const before = asked.filter((r) => r.at <= at.at).map((r) => r.f);
    const after = asked.filter((r) => r.at > at.at).map((r) => r.f);
    assert.ok(before.includes('/first/malakoff-humanis.verdict.json'), before.join(' '));
    // Asked for once: the bytes expect.js read are the ones the page checked and showed.
    assert.equal(asked.filter((r) => r.f === '/first/malakoff-humanis.verdict.json').length, 1, asked.map((r) => r.f).join(' '));
    for (const f of before) assert.ok(!/\.(wasm|img|mjs)$/.test(f), `${f} asked for before the first verdict`);
    assert.deepEqual(after.filter((f) => /\.(wasm|img)$/.test(f)).sort(), ['/breachcheck_core.wasm', '/dataset.img', '/first/malakoff-humanis.img']);
    assert.equal(at.disabled, true, 'the insurer field waits while the page knows one organization');
    assert.equal(at.verdict, 'affected');
    // The engine, once here, says the same.
    assert.equal(await verdict(page), 'affected');
    assert.equal(await page.locator('#verdict-headline').textContent(), at.headline);
    assert.equal(await page.getAttribute('#result', 'aria-busy'), 'false');
    assert.equal(await page.locator('#org-input').isDisabled(), false);
    assert.match(await page.locator('#dataset-info').textContent(), /dataset\.img/);
    await page.locator('#org-input').fill('harmoni');
    await page.waitForSelector('#org-listbox [role="option"]');
    assert.match(await page.locator('#org-listbox [role="option"]').first().textContent(), /^Harmonie/, 'the search knows every insurer again');
    assert.deepEqual(rec.pageErrors, []);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  test('an answer given before the engine is here: the first verdict stays, marked busy, and the engine answers it', async () => {
    const { page, context, rec } = await openPage(browser);
    const release = await holdModule(page);
    await page.goto(`${server.url}?org=helium`);
    await page.waitForSelector('#result[data-verdict]');
    assert.equal(await verdict(page), 'possible');
    await page.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    assert.equal(await page.getAttribute('#result', 'aria-busy'), 'true');
    assert.equal(await verdict(page), 'possible', 'nothing decided without the engine');
    release();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
    assert.equal(await verdict(page), 'affected', 'Hélium through Itélis, as ?org=helium&network=itelis says');
    assert.equal(await page.getAttribute('#result', 'aria-busy'), 'false');
    assert.equal(await page.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).isChecked(), true);
    assert.deepEqual(rec.pageErrors, []);
    await context.close();
  });

  test('English asked for before the engine is here: the whole dataset answers, in English, and stays', async () => {
    const { page, context, rec } = await openPage(browser);
    const release = await holdModule(page);
    await page.goto(`${server.url}?org=malakoff-humanis`);
    await page.waitForSelector('#result[data-verdict]');
    const frHeadline = await page.locator('#verdict-headline').textContent();
    await page.click('.lang-btn[data-lang="en"]');
    release();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await verdict(page), 'affected');
    assert.notEqual(await page.locator('#verdict-headline').textContent(), frHeadline);
    assert.match(await page.locator('#exposed-list').textContent(), /Social security number/);
    assert.match(await page.locator('#dataset-info').textContent(), /dataset\.img/);
    assert.equal(await page.getAttribute('#result', 'aria-busy'), 'false');
    assert.deepEqual(rec.pageErrors, []);
    await context.close();
  });

  for (const [missing, attr] of [['helium.img', 'data-org-image-error'], ['helium.verdict.json', 'data-first-verdict-error']]) {
    test(`first/${missing} missing (a partial upload): the page goes on from what it has, same verdict`, async () => {
      const dir = tempSite((d) => {
        for (const ext of ['', '.gz', '.br']) fs.rmSync(path.join(d, 'first', `${missing}${ext}`));
      });
      const partial = await startServer(dir);
      try {
        const { page, context, rec } = await openPage(browser);
        await gotoReady(page, `${partial.url}?org=helium`);
        assert.equal(await verdict(page), 'possible');
        assert.equal(await page.getAttribute('html', attr), 'load_failed');
        const imgs = rec.requests.map((r) => new URL(r.url).pathname).filter((f) => f.endsWith('.img'));
        // Without the verdict, the organization's image is the first; without the image, dataset.fr.img.
        assert.deepEqual(imgs.slice(0, 2), missing.endsWith('.img') ? ['/first/helium.img', '/dataset.fr.img'] : ['/first/helium.img', '/dataset.img']);
        assert.equal(await page.locator('#org-input').isDisabled(), false);
        assert.deepEqual(rec.pageErrors, []);
        await context.close();
      } finally {
        await partial.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('Hélium: the deciding question (network) first; the answer updates the summary next to it, announced once', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    await gotoReady(page, server.url);
    await pickOrgByKeyboard(page, 'helium');
    assert.equal(await page.inputValue('#org-input'), 'Hélium');
    assert.equal(await page.getAttribute('#result', 'data-provisional'), 'true');
    const first = page.locator('#questions fieldset.question').first();
    assert.equal(await first.getAttribute('data-question'), 'network', 'the question that decides comes first');
    const before = await verdict(page);
    const itelis = first.getByLabel('Itélis', { exact: true });
    await itelis.scrollIntoViewIfNeeded();
    await itelis.check();
    await page.waitForFunction((b) => document.querySelector('#result').dataset.verdict !== b, before);
    assert.equal(await verdict(page), 'affected');
    // The compact summary beside the questions shows the new verdict, on screen.
    const bar = await boxInView(page, '#verdict-bar');
    assert.ok(bar.top >= 0 && bar.bottom <= bar.vh, `summary at ${bar.top}–${bar.bottom}, viewport ${bar.vh}`);
    assert.match(await page.locator('#verdict-bar').textContent(), /Concerné/);
    assert.match(await page.locator('#verdict-live').textContent(), /Concerné/);
    // Still shown (so it can be changed), still checked; the order did not jump under the finger.
    assert.equal(await itelis.isChecked(), true);
    assert.equal(await page.locator('#questions fieldset.question').first().getAttribute('data-question'), 'network');
    // The period answered: nothing left can change the verdict, so it is no longer provisional.
    await page.locator('fieldset[data-question="covered"]').getByLabel(/Déjà avant 2024/).check();
    await page.waitForFunction(() => document.querySelector('#result').dataset.provisional === 'false');
    assert.equal(await page.locator('#provisional').count(), 0);
    assert.ok((await listIds(page, 'exposed-list')).includes('nir'));
    await context.close();
  });

  test('the first steps: at most three, the emergency box apart and visible, the rest one click away', async () => {
    for (const query of ['mgen', 'helium', 'malakof']) {
      const { page, context } = await openPage(browser, { viewport: { width: 375, height: 812 } });
      await gotoReady(page, server.url);
      await pickOrgByKeyboard(page, query);
      const steps = await page.locator('#actions-list > li').count();
      assert.ok(steps >= 1 && steps <= 3, `${query}: ${steps} first steps`);
      assert.equal(await page.locator('#emergency').isVisible(), true, `${query}: emergency box`);
      assert.match(await page.locator('#emergency').textContent(), /cliqué|payé|code/);
      assert.equal(await page.locator('#actions-list [data-action="already-clicked"]').count(), 0, 'not a step');
      // For an unknown or possible verdict, asking the insurer is among the first steps.
      if (['unknown', 'possible'].includes(await verdict(page))) {
        assert.ok(await page.locator('#actions-list > li[data-action^="ask"]').count() >= 1, `${query}: ask the insurer first`);
      }
      const more = page.locator('#more-actions-btn');
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('#more-actions').isVisible(), false);
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      assert.ok(await page.locator('#more-actions > li').count() >= 1);
      // One print button.
      assert.equal(await page.locator('button:visible:has-text("Imprimer")').count(), 1, `${query}: one print button`);
      await context.close();
    }
  });

  test('what leaked: the glossary terms open by keyboard; a card naming Viamedis leaves no Almerys-only item', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await page.click('#org-unknown-btn');
    await page.waitForSelector('#result[data-verdict]');
    await page.locator('fieldset[data-question="card"]').getByLabel('Viamedis', { exact: true }).check();
    await page.waitForFunction(() => document.querySelector('#result').dataset.verdict === 'likely');
    assert.equal(await page.locator('#exposed-list .incident-tag').count(), 0, 'one operator: no per-operator labels');
    const gloss = page.locator('#exposed-list li[data-class="nir"] details.gloss');
    assert.equal(await gloss.count(), 1, 'NIR has its gloss');
    const summary = gloss.locator('summary');
    await summary.focus();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('gloss-summary')), true);
    await page.keyboard.press('Enter');
    assert.equal(await gloss.evaluate((d) => d.open), true);
    assert.match(await gloss.locator('p').textContent(), /carte Vitale/);
    // The glossary as a whole, also a disclosure.
    assert.equal(await page.locator('details#glossary').count(), 1);
    await context.close();
  });

  test('names that must not be guessed: a wider name offers candidates; an operator and a network are understood as such', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    await input.fill('mutuel generale');
    await input.press('Enter');
    await page.waitForSelector('#pick-note:not([hidden]) .pick-candidate');
    const candidates = await page.locator('.pick-candidate').evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.ok(candidates.includes('la-mutuelle-generale') && candidates.includes('mgen'), candidates.join(','));
    assert.equal(await verdict(page), 'unknown', 'no insurer chosen for the person');
    await page.click('.pick-candidate[data-id="la-mutuelle-generale"]');
    await page.waitForFunction(() => document.querySelector('#org-input').value === 'La Mutuelle Générale');
    assert.ok(['affected', 'likely', 'possible'].includes(await verdict(page)));

    await input.fill('viamedis');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('#result').dataset.verdict === 'likely');
    assert.match(await page.locator('#pick-note').textContent(), /opérateur/);
    await input.fill('itelis');
    await input.press('Enter');
    await page.waitForFunction(() => /réseau/.test(document.querySelector('#pick-note').textContent));
    await context.close();
  });

  test('combobox keyboard pattern: ArrowDown/Up, Home/End, Escape, "je ne sais pas" always offered', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-controls'), 'org-listbox');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    await input.click();
    await input.pressSequentially('mutu', { delay: 10 });
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    const options = page.locator('#org-listbox [role="option"]');
    assert.ok(await options.count() >= 2);
    assert.match(await options.last().textContent(), /Je ne sais pas/);
    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await input.press('ArrowUp'); // wraps to the last
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.last().getAttribute('id'));
    await input.press('Home');
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 0);
    await input.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 4);
    await input.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#result[data-verdict]').count(), 0, 'Escape chooses nothing');
    await input.fill('zzzzqqq');
    assert.equal(await options.count(), 1);
    assert.match(await options.first().textContent(), /Je ne sais pas/);
    assert.match(await page.locator('#org-message').textContent(), /Aucun nom de notre liste/);
    await context.close();
  });

  test('"je ne sais pas" typed, then the card: Viamedis gives "likely"; the card is drawn', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    await input.fill('je ne sais pas');
    await input.press('Enter');
    await page.waitForSelector('#result[data-verdict]');
    const card = page.locator('fieldset[data-question="card"]');
    await card.waitFor();
    await card.locator('details.help summary').click();
    const svg = card.locator('svg[role="img"]');
    assert.equal(await svg.count(), 1, 'the drawn card');
    assert.ok((await svg.getAttribute('aria-labelledby')).length > 0);
    assert.match(await card.locator('figcaption').textContent(), /opérateur/);
    await card.getByLabel('Viamedis', { exact: true }).check();
    await page.waitForFunction(() => document.querySelector('#result').dataset.verdict === 'likely');
    assert.equal(new URL(page.url()).search, '', 'answers never go in the address');
    await context.close();
  });

  test('English switch: lang attribute, UI strings and engine texts, and back', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await pickOrgByKeyboard(page, 'helium');
    const frHeadline = await page.locator('#verdict-headline').textContent();
    const en = page.locator('.lang-btn[data-lang="en"]');
    assert.equal(await en.getAttribute('aria-pressed'), 'false');
    await en.click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await en.getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('h1').textContent(), /affected/i);
    await page.waitForFunction((fr) => document.querySelector('#verdict-headline').textContent !== fr, frHeadline);
    assert.match(await page.locator('fieldset[data-question="network"] legend').textContent(), /network/i);
    assert.match(await page.locator('#exposed-list').textContent(), /Social security number/);
    assert.equal(await page.inputValue('#org-input'), 'Hélium');
    assert.match(await page.locator('#dataset-info').textContent(), /dataset\.img/);
    await page.click('.lang-btn[data-lang="fr"]');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.locator('#verdict-headline').textContent(), frHeadline);
    await context.close();
  });

  test('pre-fill: ?org=mutame-plus&contract=ProtecTerritoriale&lang=en checks the named contract', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=mutame-plus&contract=ProtecTerritoriale&lang=en`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.inputValue('#org-input'), 'Mutame & Plus');
    assert.equal(await verdict(page), 'affected');
    assert.match(await page.locator('#verdict-headline').textContent(), /^Affected/);
    const contract = page.locator('fieldset[data-question="contract"]');
    assert.equal(await contract.getByLabel('ProtecTerritoriale', { exact: true }).isChecked(), true);
    await context.close();
  });

  test('pre-fill: invalid values are ignored, an unknown insurer is reported, the valid card kept', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=no-such-insurer&network=<b>x</b>&card=viamedis&lang=xx`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await page.locator('#org-message').textContent(), /complémentaire que nous ne connaissons pas/);
    assert.equal(await page.inputValue('#org-input'), '');
    assert.equal(await page.locator('#result[data-verdict]').count(), 0);
    assert.equal(new URL(page.url()).search, '');
    await page.click('#org-unknown-btn');
    await page.waitForSelector('#result[data-verdict]');
    assert.equal(await verdict(page), 'likely', 'the valid card answer from the link was kept');
    await context.close();
  });

  test('the address never holds an answer; history.state does; a copied link holds ids only, never typed text', async () => {
    const { page, context } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await gotoReady(page, `${server.url}?org=mutame-plus`);
    const text = page.locator('fieldset[data-question="contract"] .contract-text');
    await text.fill('Mon contrat secret 42');
    await page.waitForFunction(() => document.querySelector('.contract-understood')?.textContent !== '' || true);
    await page.waitForTimeout(500);
    assert.equal(new URL(page.url()).search, '');
    const st = await page.evaluate(() => history.state);
    assert.equal(st.choice.id, 'mutame-plus');
    await page.click('#copy-link-btn');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const u = new URL(link);
    assert.equal(u.searchParams.get('org'), 'mutame-plus');
    // What follows the origin (the test server's random port may itself contain 42).
    assert.doesNotMatch(link.slice(u.origin.length), /secret|42/i);
    // Reload: the tab comes back to the same answers (history.state), still nothing in the address.
    await page.reload();
    await page.waitForSelector('#result[data-verdict]');
    assert.equal(await page.inputValue('#org-input'), 'Mutame & Plus');
    await context.close();
  });

  test('reset clears the answers; the health-professional profile', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=helium&network=itelis&card=viamedis`);
    assert.equal(await page.locator('#reset-line').isVisible(), true);
    await page.click('#reset-btn');
    assert.equal(await page.locator('#result[data-verdict]').count(), 0);
    assert.equal(await page.inputValue('#org-input'), '');
    assert.equal(await page.locator('fieldset.question').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'org-input');
    assert.equal(await page.locator('#reset-line').isVisible(), false);
    await page.check('#role-pro');
    await page.waitForSelector('#result[data-verdict]');
    assert.match(await page.locator('.verdict-org').textContent(), /professionnel/i);
    assert.ok(await page.locator('#actions-list > li[data-action^="pro-"]').count() >= 1);
    await context.close();
  });

  test('dataset strings with markup are shown as text, never parsed (XSS), on a site built from such a dataset', async () => {
    const site = buildSite((ds) => {
      for (const o of ds.organizations) o.name = `${o.name} <img src=x onerror="window.__xss=1"><b>!</b>`;
      for (const src of ds.sources) src.title = `${src.title} <script>window.__xss=2</script>`;
    });
    const evil = await startServer(site.dir);
    try {
      const { page, context, rec } = await openPage(browser);
      await gotoReady(page, evil.url);
      const input = page.locator('#org-input');
      await input.click();
      await input.pressSequentially('helium', { delay: 10 });
      assert.match(await page.locator('#org-listbox [role="option"]').first().textContent(), /<img src=x/);
      await input.press('ArrowDown');
      await input.press('Enter');
      await page.waitForSelector('#result[data-verdict]');
      assert.match(await input.inputValue(), /<b>!<\/b>/);
      assert.match(await page.locator('.verdict-org').textContent(), /<img src=x/);
      await page.locator('#why details.incident').first().locator('summary').click();
      assert.match(await page.locator('#why').textContent(), /<script>window.__xss=2<\/script>/);
      await input.fill('<img src=y onerror=alert(1)>');
      assert.equal(await page.locator('main img, main b, main script, main iframe').count(), 0, 'no element from dataset or typed strings');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(rec.requests.filter((r) => /\/(x|y)$/.test(r.url)).length, 0);
      assert.deepEqual(await cspViolations(page), []);
      await context.close();
    } finally {
      await evil.stop();
      site.cleanup();
    }
  });

  test('hostile typing: 200 characters, right-to-left override, invalid surrogates — shown inert, answered', async () => {
    const { page, context, rec } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    for (const q of ['x'.repeat(500), '\u202eneilah', 'a\ud800b', '😀 alan', '<svg onload=alert(1)>']) {
      await input.fill(q);
      await input.press('Enter');
      await page.waitForSelector('#result[data-verdict]');
      assert.ok((await input.inputValue()).length <= 200);
    }
    assert.equal(await page.locator('main svg[onload]').count(), 0);
    assert.deepEqual(rec.pageErrors, []);
    await context.close();
  });

  test('privacy: no request after load, nothing off-site, no errors, no CSP violation, no storage', async () => {
    const { page, context, rec } = await openPage(browser, { viewport: { width: 375, height: 800 } });
    await gotoReady(page, server.url);
    const readyAt = rec.requests.length;
    await pickOrgByKeyboard(page, 'malakof');
    await pickOrgByKeyboard(page, 'helium');
    await page.locator('fieldset[data-question="network"]').getByLabel('Kalixia', { exact: true }).check();
    await page.locator('fieldset[data-question="card"] summary').click();
    await page.click('.lang-btn[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('fieldset[data-question="network"]').getByLabel('Itélis', { exact: true }).check();
    await page.click('.lang-btn[data-lang="fr"]');
    await pickOrgByKeyboard(page, 'mutame');
    await page.locator('fieldset[data-question="contract"] .contract-text').fill('Contrat de test');
    await page.click('#org-unknown-btn');
    await page.locator('fieldset[data-question="card"]').getByLabel('Almerys', { exact: true }).check();
    await page.check('#role-pro');
    await page.uncheck('#role-pro');
    await page.waitForTimeout(500);
    // After load, only the page's own files (the English texts, when asked for): GET, listed in
    // the manifest, no query string. No request carries an answer.
    const files = await (await fetch(`${server.url}manifest.json`)).json();
    for (const r of rec.requests.slice(readyAt)) {
      const u = new URL(r.url);
      assert.equal(r.method, 'GET', r.url);
      assert.equal(u.search, '', r.url);
      assert.ok(u.pathname.slice(1) in files.files, `${r.url} is one of the site's files`);
    }
    assert.deepEqual(rec.offsite, [], 'off-site requests');
    assert.deepEqual(rec.consoleErrors, []);
    assert.deepEqual(rec.pageErrors, []);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(await context.cookies(), []);
    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    }));
    assert.deepEqual(storage, { local: 0, session: 0, idb: 0 });
    await context.close();
  });
});
