// End-to-end flows against the real WebAssembly engine, served by scripts/serve.mjs on loopback.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  skipUnlessSite, startServer, launchBrowser, openPage, gotoReady, cspViolations,
  pickOrgByKeyboard, verdict, listIds, tempSite, SITE_DIR,
} from './helpers.mjs';

const VERDICTS = ['affected', 'likely', 'possible', 'unknown', 'not_affected'];

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

  test('initial page: French, one h1, landmarks, dataset fingerprint in the footer', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('h1').count(), 1);
    for (const sel of ['header', 'main', 'footer', 'a.skip-link[href="#main"]']) {
      assert.equal(await page.locator(sel).count(), 1, sel);
    }
    assert.equal(await page.locator('#result[data-verdict]').count(), 0, 'no result before a choice');
    assert.equal(await page.locator('#result-title').isVisible(), false);
    const footer = await page.locator('#dataset-info').textContent();
    assert.match(footer, /version \S+/);
    assert.match(await page.locator('#dataset-info code').textContent(), /^[0-9a-f]{64}$/);
    // Never asks for an identifier.
    const fields = await page.locator('input').evaluateAll((els) => els.map((e) => `${e.id} ${e.name} ${e.type}`).join('\n'));
    assert.doesNotMatch(fields, /nir|secu|birth|naiss|iban|member|adherent|name|nom/i);
    await context.close();
  });

  test('misspelled "malakof humanis": pick by keyboard, verdict and both lists', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 375, height: 800 } });
    await gotoReady(page, server.url);
    await pickOrgByKeyboard(page, 'malakof humanis');
    assert.equal(await page.inputValue('#org-input'), 'Malakoff Humanis');
    assert.equal(await page.getAttribute('#org-input', 'aria-expanded'), 'false');
    assert.ok(VERDICTS.includes(await verdict(page)));
    assert.notEqual(await verdict(page), 'not_affected');
    const exposed = await listIds(page, 'exposed-list');
    const notExposed = await listIds(page, 'not-exposed-list');
    assert.ok(exposed.includes('nir'), `NIR exposed: ${exposed}`);
    assert.ok(notExposed.includes('bank_details'), `bank details not exposed: ${notExposed}`);
    for (const id of exposed) assert.ok(!notExposed.includes(id), `${id} in both lists`);
    // Headline in words, with an icon, in the live region.
    const live = page.locator('#verdict');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    assert.ok((await page.locator('#verdict-headline').textContent()).length > 5);
    assert.equal(await page.locator('#verdict svg.verdict-icon[aria-hidden="true"]').count(), 1);
    // Sources are dated links; actions are listed.
    assert.ok(await page.locator('#why a[href^="https://"]').count() >= 1);
    assert.ok(await page.locator('#actions-list > li').count() >= 1);
    assert.match(await page.locator('.confirm-note').textContent(), /Seule votre complémentaire/);
    // Long checklists: the first actions are shown, the rest behind a disclosure button.
    const more = page.locator('#more-actions-btn');
    if (await more.count()) {
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('#more-actions').isVisible(), false);
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.locator('#more-actions').isVisible(), true);
      assert.ok(await page.locator('#more-actions > li').count() >= 1);
    }
    await context.close();
  });

  test('"helium" without accent → network question → Itelis raises the verdict; the answer stays visible', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await pickOrgByKeyboard(page, 'helium');
    assert.equal(await page.inputValue('#org-input'), 'Hélium');
    const before = await verdict(page);
    assert.equal(await page.getAttribute('#result', 'data-provisional'), 'true');
    assert.equal(await page.locator('#provisional').count(), 1);
    const network = page.locator('fieldset[data-question="network"]');
    await network.waitFor();
    assert.match(await network.locator('legend').textContent(), /réseau/);
    assert.equal(await network.locator('details.help summary').textContent(), 'Où trouver cette information ?');
    await network.getByLabel('Itelis', { exact: true }).check();
    await page.waitForFunction((b) => document.querySelector('#result').dataset.verdict !== b, before);
    const after = await verdict(page);
    assert.ok(VERDICTS.indexOf(after) < VERDICTS.indexOf(before), `${before} → ${after}`);
    assert.ok(['affected', 'likely'].includes(after));
    // Still shown (so it can be changed), still checked.
    assert.equal(await network.isVisible(), true);
    assert.equal(await network.getByLabel('Itelis', { exact: true }).isChecked(), true);
    assert.ok((await listIds(page, 'exposed-list')).includes('nir'));
    // The URL holds ids only.
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('org'), 'helium');
    assert.equal(url.searchParams.get('network'), 'itelis');
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
    const n = await options.count();
    assert.ok(n >= 2);
    assert.match(await options.last().textContent(), /Je ne sais pas/);
    await input.press('ArrowDown');
    const first = await input.getAttribute('aria-activedescendant');
    assert.equal(first, await options.first().getAttribute('id'));
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await input.press('ArrowUp'); // wraps to the last
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.last().getAttribute('id'));
    await input.press('Home');
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'org-input');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 0);
    await input.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 4);
    await input.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#org-listbox').isHidden(), true);
    assert.equal(await page.locator('#result[data-verdict]').count(), 0, 'Escape chooses nothing');
    // No match: only "je ne sais pas", and a visible message.
    await input.fill('zzzzqqq');
    assert.equal(await options.count(), 1);
    assert.match(await options.first().textContent(), /Je ne sais pas/);
    assert.match(await page.locator('#org-message').textContent(), /Aucune complémentaire/);
    await context.close();
  });

  test('"je ne sais pas" + card Viamedis gives "likely"', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    const input = page.locator('#org-input');
    await input.click();
    await input.fill('je sais pas');
    await input.press('ArrowUp'); // the last option is "je ne sais pas"
    await input.press('Enter');
    await page.waitForSelector('#result[data-verdict]');
    assert.match(await input.inputValue(), /Je ne sais pas/);
    const card = page.locator('fieldset[data-question="card"]');
    await card.waitFor();
    await card.getByLabel('Viamedis', { exact: true }).check();
    await page.waitForFunction(() => document.querySelector('#result').dataset.verdict === 'likely');
    assert.equal(await verdict(page), 'likely');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('org'), 'unknown');
    assert.equal(url.searchParams.get('card'), 'viamedis');
    await context.close();
  });

  test('the "je ne sais pas" button below the field also gives a result', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await page.click('#org-unknown-btn');
    await page.waitForSelector('#result[data-verdict]');
    assert.ok(VERDICTS.includes(await verdict(page)));
    assert.equal(await page.locator('fieldset[data-question="card"]').count(), 1);
    await context.close();
  });

  test('English switch: lang attribute, UI strings and engine texts', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, server.url);
    await pickOrgByKeyboard(page, 'helium');
    const frHeadline = await page.locator('#verdict-headline').textContent();
    // The dataset line names the file in use: the French-only copy first, the full file in English.
    const sha = (f) => createHash('sha256').update(fs.readFileSync(path.join(SITE_DIR, f))).digest('hex');
    assert.match(await page.locator('#dataset-info').textContent(), new RegExp(sha('dataset.fr.json')));
    assert.equal(await page.locator('#dataset-info a').getAttribute('href'), 'dataset.fr.json');
    const en = page.locator('.lang-btn[data-lang="en"]');
    assert.equal(await en.getAttribute('aria-pressed'), 'false');
    await en.click();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await en.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getAttribute('.lang-btn[data-lang="fr"]', 'aria-pressed'), 'false');
    assert.match(await page.locator('h1').textContent(), /are you affected/i);
    assert.notEqual(await page.locator('#verdict-headline').textContent(), frHeadline);
    assert.match(await page.locator('fieldset[data-question="network"] legend').textContent(), /network/i);
    assert.match(await page.locator('#exposed-list').textContent(), /Social security number/);
    assert.equal(await page.inputValue('#org-input'), 'Hélium');
    assert.match(await page.locator('#dataset-info').textContent(), new RegExp(sha('dataset.json')));
    assert.equal(await page.locator('#dataset-info a').getAttribute('href'), 'dataset.json');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
    await page.click('.lang-btn[data-lang="fr"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('#verdict-headline').textContent(), frHeadline);
    assert.equal(new URL(page.url()).searchParams.get('lang'), null);
    await context.close();
  });

  test('URL pre-fill: ?org=mutame-plus&contract=ProtecTerritoriale&lang=en', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=mutame-plus&contract=ProtecTerritoriale&lang=en`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.inputValue('#org-input'), 'Mutame & Plus');
    assert.equal(await verdict(page), 'affected');
    assert.match(await page.locator('#verdict-headline').textContent(), /^Affected/);
    const contract = page.locator('fieldset[data-question="contract"]');
    assert.equal(await contract.isVisible(), true, 'the pre-filled answer stays visible');
    assert.equal(await contract.getByLabel('ProtecTerritoriale', { exact: true }).isChecked(), true);
    await context.close();
  });

  test('URL pre-fill: invalid values are ignored, an unknown insurer is reported', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=no-such-insurer&network=<b>x</b>&card=viamedis&lang=xx`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await page.locator('#org-message').textContent(), /complémentaire que nous ne connaissons pas/);
    assert.equal(await page.inputValue('#org-input'), '');
    // Not chosen: no result until the person picks an insurer (or "je ne sais pas").
    assert.equal(await page.locator('#result[data-verdict]').count(), 0);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('network'), null);
    assert.equal(url.searchParams.get('org'), null);
    assert.equal(url.searchParams.get('card'), 'viamedis');
    await page.click('#org-unknown-btn');
    await page.waitForSelector('#result[data-verdict]');
    assert.equal(await verdict(page), 'likely', 'the valid card answer from the link was kept');
    await context.close();
  });

  test('free text never reaches the URL; choosing another insurer clears it', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=mutame-plus`);
    const text = page.locator('#q-contract-text');
    await text.fill('Mon contrat secret 42');
    await page.waitForFunction(() => document.querySelector('#result').dataset.verdict !== 'possible');
    const v = await verdict(page);
    assert.ok(VERDICTS.includes(v));
    assert.doesNotMatch(new URL(page.url()).search, /secret|contrat|42/i);
    assert.equal(new URL(page.url()).searchParams.get('contract'), null);
    await pickOrgByKeyboard(page, 'helium');
    assert.doesNotMatch(new URL(page.url()).search, /contract/);
    await context.close();
  });

  test('reset clears the answers and the URL; the health-professional profile', async () => {
    const { page, context } = await openPage(browser);
    await gotoReady(page, `${server.url}?org=helium&network=itelis&card=viamedis`);
    assert.equal(await page.locator('#reset-line').isVisible(), true);
    await page.click('#reset-btn');
    assert.equal(await page.locator('#result[data-verdict]').count(), 0);
    assert.equal(await page.inputValue('#org-input'), '');
    assert.equal(await page.locator('fieldset.question').count(), 0);
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'org-input');
    assert.equal(await page.locator('#reset-line').isVisible(), false);
    await page.check('#role-pro');
    await page.waitForSelector('#result[data-verdict]');
    assert.match(await page.locator('.verdict-org').textContent(), /professionnel/);
    assert.equal(new URL(page.url()).searchParams.get('role'), 'pro');
    await context.close();
  });

  test('dataset strings with markup are shown as text, never parsed (XSS)', async () => {
    const dir = tempSite((d) => {
      for (const f of ['dataset.json', 'dataset.fr.json']) { // the full file and the French-only copy
        const file = path.join(d, f);
        const ds = JSON.parse(fs.readFileSync(file, 'utf8'));
        for (const o of ds.organizations) o.name = `${o.name} <img src=x onerror="window.__xss=1"><b>!</b>`;
        for (const src of ds.sources) src.title = `${src.title} <script>window.__xss=2</script>`;
        fs.writeFileSync(file, JSON.stringify(ds));
      }
    });
    const evil = await startServer(dir);
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
      assert.match(await page.locator('#why').textContent(), /<script>window.__xss=2<\/script>/);
      // A query with markup is shown as typed text only.
      await input.fill('<img src=y onerror=alert(1)>');
      const elements = await page.locator('main img, main b, main script, main iframe').count();
      assert.equal(elements, 0, 'no element created from dataset or typed strings');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(rec.requests.filter((r) => /\/(x|y)$/.test(r.url)).length, 0);
      assert.deepEqual(await cspViolations(page), []);
      await context.close();
    } finally {
      await evil.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('privacy: no request after load, nothing off-site, no errors, no CSP violation, no storage', async () => {
    const { page, context, rec } = await openPage(browser, { viewport: { width: 375, height: 800 } });
    await gotoReady(page, server.url);
    const readyAt = rec.requests.length;
    // A complete flow: type, pick, answer, switch language, change answers, free text.
    await pickOrgByKeyboard(page, 'malakof');
    await pickOrgByKeyboard(page, 'helium');
    await page.locator('fieldset[data-question="network"]').getByLabel('Kalixia', { exact: true }).check();
    await page.locator('fieldset[data-question="card"] summary').click();
    await page.click('.lang-btn[data-lang="en"]');
    await page.locator('fieldset[data-question="network"]').getByLabel('Itelis', { exact: true }).check();
    await page.click('.lang-btn[data-lang="fr"]');
    await pickOrgByKeyboard(page, 'mutame');
    await page.locator('#q-contract-text').fill('Contrat de test');
    await page.click('#org-unknown-btn');
    await page.locator('fieldset[data-question="card"]').getByLabel('Almerys', { exact: true }).check();
    await page.check('#role-pro');
    await page.uncheck('#role-pro');
    await page.waitForTimeout(500);

    const after = rec.requests.slice(readyAt);
    assert.deepEqual(after.map((r) => r.url), [], 'requests after the page reported ready');
    assert.deepEqual(rec.offsite, [], 'off-site requests');
    for (const r of rec.requests) assert.equal(new URL(r.url).hostname, '127.0.0.1');
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
