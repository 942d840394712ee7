// scripts/serve.mjs: MIME types, security headers, traversal, 404 (no browser needed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startServer } from './helpers.mjs';

let dir;
let server;

// Raw GET that keeps "/../" as written (fetch would normalise it away).
function rawGet(url, rawPath, method = 'GET') {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-serve-'));
  dir = path.join(parent, 'site');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'a.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'a.mjs'), 'export {};');
  fs.writeFileSync(path.join(dir, 'a.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'a.json'), '{}');
  fs.writeFileSync(path.join(dir, 'a.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'sub', 'index.html'), 'sub');
  fs.writeFileSync(path.join(dir, '.hidden'), 'hidden');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(parent, 'secret.txt'), path.join(dir, 'link.txt'));
  server = await startServer(dir);
});

after(async () => {
  await server?.stop();
});

test('prints its URL as the first line and serves index.html for /', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await fetch(server.url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(await res.text(), /<title>t<\/title>/);
});

test('sends the right MIME types', async () => {
  const expect = {
    'a.js': 'text/javascript',
    'a.mjs': 'text/javascript',
    'a.wasm': 'application/wasm',
    'a.json': 'application/json',
    'a.css': 'text/css',
    'a.svg': 'image/svg+xml',
  };
  for (const [file, type] of Object.entries(expect)) {
    const res = await fetch(server.url + file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-type').split(';')[0], type, file);
  }
});

test('sends the security headers on every response, 404 included', async () => {
  for (const p of ['', 'a.wasm', 'does-not-exist']) {
    const res = await fetch(server.url + p);
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp, `CSP on /${p}`);
    for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
      "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'"]) {
      assert.ok(csp.includes(d), `${d} in CSP of /${p}`);
    }
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('permissions-policy'), /interest-cohort=\(\)/);
  }
});

test('answers 404 for unknown files and 301 for a folder without slash', async () => {
  assert.equal((await fetch(server.url + 'nope.html')).status, 404);
  const res = await fetch(server.url + 'sub', { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/sub/');
  assert.equal(await (await fetch(server.url + 'sub/')).text(), 'sub');
});

test('refuses path traversal, dot-files and symlinks out of the folder', async () => {
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/../../secret.txt', '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt', '/.hidden', '/a.json%00', '/..\\secret.txt']) {
    const res = await rawGet(server.url, p);
    assert.ok([400, 403, 404].includes(res.status), `${p} → ${res.status}`);
    assert.ok(!res.body.includes('secret') || res.body === 'Forbidden\n', p);
  }
  const link = await rawGet(server.url, '/link.txt');
  assert.equal(link.status, 403);
});

test('answers only GET and HEAD', async () => {
  const head = await rawGet(server.url, '/a.json', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  const post = await rawGet(server.url, '/a.json', 'POST');
  assert.equal(post.status, 405);
});
