// The WebAssembly module as the page uses it (site/engine.js): same answers as the native CLI
// for a table of cases, and every bad input comes back as a value, after which it still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { answersFromArgs, repo, runJson } from '../cli/run.mjs';

const site = process.env.BREACHCHECK_SITE_DIR || path.join(repo, 'build/site');
// Emscripten 3.1.6 would fetch() the .wasm by path under Node: hand it the bytes instead.
const wasmBinary = fs.readFileSync(path.join(site, 'breachcheck_core.wasm'));
const { createEngine, validateDataset } = await import(pathToFileURL(path.join(site, 'engine.js')).href);
const datasetText = fs.readFileSync(path.join(site, 'dataset.json'), 'utf8');
const loaded = await createEngine(datasetText, { wasmBinary });
assert.ok(loaded.ok, JSON.stringify(loaded.error));
const engine = loaded.engine;

const { cases } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/real_cases.json'), 'utf8'));
const extra = [
  ['--org', 'helium', '--lang', 'en'],
  ['--query', 'malakof humanis'],
  ['--query', 'qqqqzzzz'],
  ['--card', 'almerys', '--covered', 'jan2024'],
  ['--role', 'pro', '--card', 'viamedis', '--lang', 'en'],
  ['--query', '<script>alert(1)</script>', '--contract', '"><img src=x>'],
];

test('the site ships the same dataset as the repository', () => {
  assert.equal(datasetText, fs.readFileSync(path.join(repo, 'data/dataset.json'), 'utf8'));
});

test('check() in WebAssembly returns exactly what `breachcheck check --json` prints', () => {
  const table = [...cases.map((c) => c.args), ...extra];
  assert.ok(table.length >= 20);
  for (const args of table) {
    assert.deepEqual(engine.check(answersFromArgs(args)), runJson(['check', ...args]), args.join(' '));
  }
});

test('the French-only copy the page loads first gives the same French answers as the full dataset', async () => {
  const frText = fs.readFileSync(path.join(site, 'dataset.fr.json'), 'utf8');
  assert.ok(frText.length < datasetText.length * 0.75, `${frText.length} vs ${datasetText.length} bytes`);
  const fr = await createEngine(frText, { wasmBinary });
  assert.ok(fr.ok, JSON.stringify(fr.error));
  assert.deepEqual(fr.engine.info().languages, ['fr']);
  assert.deepEqual(engine.info().languages, ['fr', 'en']);
  const table = [...cases.map((c) => c.args), ...extra].filter((args) => !args.includes('en'));
  assert.ok(table.length >= 20);
  // Everything but the SHA-256 of the file, which names the copy that answered.
  const bare = (r) => ({ ...r, dataset: { ...r.dataset, sha256: undefined } });
  for (const args of table) {
    assert.deepEqual(bare(fr.engine.check(answersFromArgs(args))), bare(engine.check(answersFromArgs(args))), args.join(' '));
  }
  for (const q of ['malakof humanis', 'heluim', 'mgp']) assert.deepEqual(fr.engine.search(q, 8), engine.search(q, 8), q);
  // An English check on the copy falls back to the French texts, never to empty ones.
  const en = fr.engine.check({ org: 'helium', lang: 'en' });
  assert.ok(en.actions.length > 0 && en.actions.every((a) => a.title && a.text), JSON.stringify(en.actions[0]));
});

test('search() and list() match the CLI too', () => {
  for (const q of ['malakof humanis', 'mutuel generale', 'harmoni', 'heluim', 'mgp', 'zzzz']) {
    assert.deepEqual(engine.search(q, 10), runJson(['search', q]), q);
  }
  assert.deepEqual(engine.list(), runJson(['list']));
});

test('info() gives the dataset version and its SHA-256', async () => {
  const info = engine.info();
  assert.match(info.sha256, /^[0-9a-f]{64}$/);
  const { createHash } = await import('node:crypto');
  assert.equal(info.sha256, createHash('sha256').update(datasetText).digest('hex'));
});

test('bad answers are errors as values, and the engine keeps working afterwards', () => {
  const bad = [
    [null, 'invalid_answers'],
    ['helium', 'invalid_answers'],
    [[], 'invalid_answers'],
    [{ org: 42 }, 'invalid_answers'],
    [{ org: 'nope' }, 'unknown_org'],
    [{ card: 'VIAMEDIS' }, 'invalid_answers'],
    [{ nir: '184127512345678' }, 'invalid_answers'],
    [{ contract: 'x'.repeat(70 * 1024) }, 'input_too_large'],
  ];
  for (const [answers, code] of bad) {
    const r = engine.check(answers);
    assert.equal(r.error && r.error.code, code, JSON.stringify(answers).slice(0, 40));
  }
  assert.equal(engine.check({ org: 'helium' }).org.id, 'helium');
});

test('hostile text through the JS API: lone surrogates, bidi, markup, a megabyte', () => {
  for (const q of ['\ud800abc', '\u202eneilah', '<b>alan</b>', 'e\u0301', '😀'.repeat(1000), 'a'.repeat(1 << 20)]) {
    const s = engine.search(q, 5);
    assert.ok(Array.isArray(s.results), q.slice(0, 10));
  }
  assert.equal(engine.search('<b>alan</b>', 1).results[0].id, 'alan');
  assert.equal(engine.search(undefined).results.length, 0);
});

test('an invalid dataset is an error with JSON paths; validateDataset agrees', async () => {
  const broken = JSON.parse(datasetText);
  broken.organizations[0].scopes[0].sources = ['no-such-source'];
  const r = await createEngine(JSON.stringify(broken), { wasmBinary });
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'invalid_dataset');
  assert.ok(r.error.errors.some((e) => e.path === '/organizations/0/scopes/0/sources/0'));
  const v = await validateDataset(JSON.stringify(broken));
  assert.equal(v.valid, false);
  assert.deepEqual(v.errors, r.error.errors);
  for (const text of ['', '[]', '{', 'x'.repeat(17 * 1024 * 1024), '['.repeat(100000)]) {
    const e = await createEngine(text, { wasmBinary });
    assert.equal(e.ok, false);
  }
  assert.equal((await createEngine(42, { wasmBinary })).ok, false);
  assert.equal((await validateDataset(datasetText)).valid, true);
  assert.equal(engine.check({ org: 'alan' }).org.id, 'alan');  // the first engine is unaffected
});

test('the glue has no eval or new Function (the page runs without unsafe-eval)', () => {
  const glue = fs.readFileSync(path.join(site, 'breachcheck_core.mjs'), 'utf8');
  assert.equal(glue.includes('new Function'), false);
  assert.equal(/\beval\(/.test(glue), false);
});

test('an insurer overlay merges in WebAssembly exactly as in the CLI; a broken one is a clear error', async () => {
  const overlayFile = path.join(repo, 'data/overlays/helium.json');
  const overlayText = fs.readFileSync(overlayFile, 'utf8');
  const r = await createEngine(datasetText, { wasmBinary, overlayText });
  assert.ok(r.ok, JSON.stringify(r.error));
  for (const args of [['--network', 'itelis'], ['--lang', 'en'], ['--card', 'almerys', '--network', 'none']]) {
    assert.deepEqual(r.engine.check(answersFromArgs(args)), runJson(['check', '--overlay', overlayFile, ...args]), args.join(' '));
  }
  assert.equal(r.engine.check({ org: 'alan' }).error.code, 'org_locked');
  const broken = JSON.parse(overlayText);
  broken.theme.accent = 'red;background:url(//evil.example)';
  broken.organization = 'nope';
  const b = await createEngine(datasetText, { wasmBinary, overlayText: JSON.stringify(broken) });
  assert.equal(b.ok, false);
  assert.equal(b.error.code, 'invalid_overlay');
  assert.deepEqual(b.error.errors.map((e) => e.path).sort(), ['/organization', '/theme/accent']);
  const { validateOverlay } = await import(pathToFileURL(path.join(site, 'engine.js')).href);
  const v = await validateOverlay(datasetText, JSON.stringify(broken));
  assert.equal(v.valid, false);
  assert.equal((await validateOverlay(datasetText, overlayText)).valid, true);
});

test('scanMessage() in WebAssembly matches `breachcheck scan-message --json`', async () => {
  const { messages } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/scam_messages.json'), 'utf8'));
  const { run } = await import('../cli/run.mjs');
  for (const m of messages) {
    const cli = JSON.parse(run(['scan-message', '-', '--json'], { input: m.text }).stdout);
    assert.deepEqual(engine.scanMessage(m.text, 'fr'), cli);
  }
  assert.equal(engine.scanMessage('x', 'de').error.code, 'invalid_answers');
});

test('the site manifest lists every served file with its SHA-256 and SRI hash', async () => {
  const { createHash } = await import('node:crypto');
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'manifest.json'), 'utf8'));
  const served = fs.readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(site, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((f) => f !== 'manifest.json')
    .sort();
  assert.deepEqual(Object.keys(manifest.files).sort(), served);
  for (const [file, entry] of Object.entries(manifest.files)) {
    const bytes = fs.readFileSync(path.join(site, file));
    assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'), file);
    assert.equal(entry.integrity, 'sha384-' + createHash('sha384').update(bytes).digest('base64'), file);
  }
  assert.equal(manifest.dataset.sha256, engine.info().sha256);
  assert.match(manifest.release, /^[0-9a-f]{16}$/);
});
