// Offline use and updates (web/sw.js, web/offline.js, web/boot.js; docs/security.md "Updates"):
// after a first visit the site is cached and a check completes with the network cut; a second
// release reaches a returning visitor within two reloads; a tampered file is never cached.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  skipUnlessSite, startServer, launchBrowser, openPage, gotoReady, cspViolations, verdict, tempSite, buildSite,
} from './helpers.mjs';

const cacheState = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((n) => n.startsWith('breachcheck-'));
  const urls = names.length ? (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname) : [];
  return { names, urls };
});

// Replaces the files of a served folder by those of another build (the server reads from disk).
function publish(from, to) {
  for (const f of fs.readdirSync(to)) fs.rmSync(path.join(to, f), { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

describe('offline use and updates', { skip: skipUnlessSite() }, () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('first visit caches the release; with the network cut, a reload completes a check', async () => {
    let server = await startServer();
    const { context, page, rec } = await openPage(browser);
    await gotoReady(page, server.url);
    assert.equal(await page.getAttribute('html', 'data-offline'), 'ready');
    const { names, urls } = await cacheState(page);
    assert.equal(names.length, 1);
    const manifest = await (await fetch(`${server.url}manifest.json`)).json();
    assert.equal(names[0], `breachcheck-${manifest.release}`);
    for (const f of ['/', '/index.html', '/app.js', '/breachcheck_core.wasm', '/dataset.fr.img', '/dataset.img', '/manifest.json']) {
      assert.ok(urls.includes(f), `${f} cached`);
    }
    // Not each organization's own first image: offline, a pre-filled link starts from dataset.fr.img.
    assert.equal(urls.filter((u) => u.startsWith('/first/')).length, 0);
    await context.setOffline(true);
    await server.stop();
    // Neither its first verdict nor its image are kept: a link naming an organization alone
    // starts from dataset.fr.img, as does a link with answers.
    await page.goto(`${server.url}?org=helium`);
    await page.waitForSelector('#result[data-verdict]', { timeout: 15000 });
    assert.equal(await verdict(page), 'possible');
    assert.equal(await page.getAttribute('html', 'data-first-verdict-error'), 'load_failed');
    assert.equal(await page.getAttribute('html', 'data-org-image-error'), 'load_failed');
    await page.goto(`${server.url}?org=helium&network=itelis`);
    await page.waitForSelector('#result[data-verdict]', { timeout: 15000 });
    assert.equal(await verdict(page), 'affected');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(rec.pageErrors, []);
    server = null;
    await context.close();
  });

  test('a second release reaches a returning visitor within two reloads, and replaces the old cache', async () => {
    const dir = tempSite(() => {});
    const next = buildSite((ds) => {
      ds.dataset_version = '2026.12.31';
      ds.date = '2026-12-31';
      const alan = ds.organizations.find((o) => o.id === 'alan');
      alan.name = 'Alan (nom corrigé)';
    });
    const server = await startServer(dir);
    try {
      const { context, page } = await openPage(browser);
      await gotoReady(page, server.url);
      assert.equal(await page.getAttribute('html', 'data-offline'), 'ready');
      const oldRelease = (await cacheState(page)).names[0];
      assert.match(await page.locator('#dataset-info').textContent(), /2026\.12\.01/);
      publish(next.dir, dir);
      const newRelease = `breachcheck-${JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).release}`;
      assert.notEqual(newRelease, oldRelease);
      let seenAt = 0;
      for (let reload = 1; reload <= 2 && !seenAt; reload++) {
        await page.reload();
        await page.waitForSelector('html[data-first-result]', { timeout: 20000 });
        if (/2026\.12\.31/.test(await page.locator('#dataset-info').textContent())) seenAt = reload;
      }
      assert.ok(seenAt >= 1, 'the new dataset version is shown within two reloads');
      console.log(`new release seen at reload ${seenAt}`);
      // The corrected name is what the engine answers with; no integrity warning on the way.
      await page.waitForSelector('html[data-ready]');
      assert.equal(await page.getAttribute('html', 'data-ready'), 'true');
      const input = page.locator('#org-input');
      await input.fill('alan');
      await page.waitForSelector('#org-listbox [role="option"]');
      assert.match(await page.locator('#org-listbox').textContent(), /Alan \(nom corrigé\)/);
      // The new worker took over and the old cache is gone once the new one is complete.
      await page.waitForFunction(async (name) => (await caches.keys()).filter((n) => n.startsWith('breachcheck-')).join() === name, newRelease, { timeout: 15000 });
      await context.close();
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      next.cleanup();
    }
  });

  test('a tampered file is never cached: the install fails and no copy of the release is kept', async () => {
    // dataset.json is listed in the manifest (and downloadable) but not read by the page: the
    // page works, the worker refuses the release.
    const dir = tempSite((d) => {
      const p = path.join(d, 'dataset.json');
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('"Alan"', '"Alan (falsifié)"'));
      for (const ext of ['.gz', '.br']) fs.rmSync(p + ext, { force: true });
    });
    const server = await startServer(dir);
    try {
      const { context, page } = await openPage(browser);
      await gotoReady(page, server.url);
      assert.notEqual(await page.getAttribute('html', 'data-offline'), 'ready');
      assert.deepEqual((await cacheState(page)).names, [], 'nothing cached');
      await context.close();
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
