// Offline use: after a first visit the service worker has cached the site, so with the network
// cut a reload still completes a check. A new release (new manifest) gets a new cache.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessSite, startServer, launchBrowser, openPage, gotoReady, cspViolations, verdict } from './helpers.mjs';

describe('offline use', { skip: skipUnlessSite() }, () => {
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

  test('first visit caches the site; offline reload completes a check', async () => {
    const { context, page, rec } = await openPage(browser);
    await gotoReady(page, server.url);
    assert.equal(await page.getAttribute('html', 'data-offline'), 'ready');
    const caches = await page.evaluate(async () => {
      const names = await caches.keys();
      const keys = await (await caches.open(names[0])).keys();
      return { names, urls: keys.map((r) => new URL(r.url).pathname) };
    });
    assert.equal(caches.names.length, 1);
    assert.match(caches.names[0], /^breachcheck-[0-9a-f]{16}$/);
    for (const f of ['/', '/index.html', '/app.js', '/engine.js', '/breachcheck_core.wasm', '/dataset.json']) {
      assert.ok(caches.urls.includes(f), `${f} cached`);
    }

    await context.setOffline(true);
    await server.stop();  // and the server is gone too
    await page.goto(`${server.url}?org=helium&network=itelis`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    await page.waitForSelector('#result[data-verdict]');
    assert.equal(await verdict(page), 'affected');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(rec.pageErrors, []);
    server = await startServer();  // for the other tests
    await context.close();
  });

  test('a new release replaces the old cache', async () => {
    const { context, page } = await openPage(browser);
    await gotoReady(page, server.url);
    // Simulate an older release left behind by a previous dataset.
    await page.evaluate(async () => {
      const old = await caches.open('breachcheck-0000000000000000');
      await old.put('/old', new Response('old'));
    });
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const url = new URL(reg.active.scriptURL);
      url.searchParams.set('release', 'feedfacefeedface');
      const next = await navigator.serviceWorker.register(url.pathname + url.search, { scope: './' });
      await new Promise((resolve) => {
        const w = next.installing || next.waiting || next.active;
        if (w.state === 'activated') return resolve();
        w.addEventListener('statechange', () => w.state === 'activated' && resolve());
      });
    });
    const names = await page.evaluate(() => caches.keys());
    assert.deepEqual(names, ['breachcheck-feedfacefeedface']);
    await context.close();
  });
});
