// The WebAssembly modules as the page uses them (web/engine.js): the same answers as the native
// CLI on every case of the parity table, from the compact image and from the JSON; the French
// first image gives the same verdicts as the full one for every organisation and every answer;
// every bad input (answers, images, datasets, overlays) comes back as a value, and the engine
// keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { answersFromArgs, repo, run, runJson } from '../cli/run.mjs';

const site = process.env.BREACHCHECK_SITE_DIR || path.join(repo, 'build/site');
// web/engine.js next to the site's two modules, as the bundle has it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-node-'));
fs.copyFileSync(path.join(repo, 'web/engine.js'), path.join(dir, 'engine.js'));
for (const f of ['breachcheck_core.mjs', 'breachcheck_validate.mjs']) fs.copyFileSync(path.join(site, f), path.join(dir, f));
const api = await import(pathToFileURL(path.join(dir, 'engine.js')).href);
// Emscripten 3.1.6 would fetch() the .wasm by path under Node: hand it the bytes instead.
const core = { wasmBinary: fs.readFileSync(path.join(site, 'breachcheck_core.wasm')) };
const validate = { wasmBinary: fs.readFileSync(path.join(site, 'breachcheck_validate.wasm')) };

const read = (f) => fs.readFileSync(path.join(site, f));
const datasetText = read('dataset.json').toString('utf8');
const full = await api.createEngine(read('dataset.img'), core);
assert.ok(full.ok, JSON.stringify(full.error));
const engine = full.engine;
const first = await api.createEngine(read('dataset.fr.img'), core);
assert.ok(first.ok, JSON.stringify(first.error));

const { cases } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/real_cases.json'), 'utf8'));
const extra = [
  ['--org', 'helium', '--lang', 'en'],
  ['--query', 'malakof humanis'],
  ['--query', 'qqqqzzzz'],
  ['--query', 'je ne sais pas'],
  ['--query', 'viamedis'],
  ['--query', 'mercer'],
  ['--card', 'almerys', '--covered', 'jan2024'],
  ['--network', 'itelis', '--answer', 'care_window=optical_2020_2021'],
  ['--network', 'itelis', '--answer', 'care_window=no_optical'],
  ['--role', 'pro', '--card', 'viamedis', '--lang', 'en'],
  ['--query', '<script>alert(1)</script>', '--contract', '"><img src=x>'],
];
const table = [...cases.map((c) => c.args), ...extra];

test('the site ships the repository dataset, and its images are what the CLI compiles from it', () => {
  assert.equal(datasetText, fs.readFileSync(path.join(repo, 'data/dataset.json'), 'utf8'));
  const out = path.join(dir, 'again.img');
  assert.equal(run(['compile', '--data', path.join(repo, 'data/dataset.json'), '--out', out]).status, 0);
  assert.ok(fs.readFileSync(out).equals(read('dataset.img')), 'the image is reproducible');
});

test('check() from the image returns exactly what `breachcheck check --json` prints (from the JSON)', () => {
  assert.ok(table.length >= 60);
  for (const args of table) {
    assert.deepEqual(engine.check(answersFromArgs(args)), runJson(['check', ...args]), args.join(' '));
  }
});

test('the JSON engine (validating module) and the image engine answer alike', async () => {
  const json = await api.createEngineFromJson(datasetText, '', validate);
  assert.ok(json.ok, JSON.stringify(json.error));
  for (const args of table) assert.deepEqual(json.engine.check(answersFromArgs(args)), engine.check(answersFromArgs(args)), args.join(' '));
  for (const q of ['malakof humanis', 'mutuel generale', 'harmoni', 'mgp']) assert.deepEqual(json.engine.search(q, 8), engine.search(q, 8), q);
});

test('the French first image: every organisation × every single answer gives the verdicts of the full image', () => {
  assert.ok(read('dataset.fr.img').length < read('dataset.img').length * 0.6);
  const info = engine.info('fr');
  assert.deepEqual(first.engine.info('fr').languages, ['fr']);
  const verdicts = (r) => ({
    overall: r.overall, provisional: r.provisional, words: r.words, match: r.match, exposure: r.exposure, questions: r.questions,
    plan: r.plan, incidents: r.incidents.map((i) => ({ id: i.id, verdict: i.verdict, applies: i.applies, reasons: i.reasons })),
  });
  const orgs = [null, ...engine.list().organizations.map((o) => o.id)];
  let n = 0;
  for (const org of orgs) {
    const base = org ? { org, lang: 'fr' } : { lang: 'fr' };
    const sets = [base];
    for (const [q, ids] of Object.entries(info.answers)) for (const id of ids) sets.push({ ...base, [q]: id });
    for (const answers of sets) {
      assert.deepEqual(verdicts(first.engine.check(answers)), verdicts(engine.check(answers)), JSON.stringify(answers));
      n += 1;
    }
  }
  assert.ok(n > 1000, `${n} checks compared`);
  // The search answers alike too.
  for (const q of ['malakof humanis', 'heluim', 'mgp', 'itelis']) assert.deepEqual(first.engine.search(q, 8), engine.search(q, 8), q);
  // What the first image leaves out (other leaks, the timeline) comes with the full one.
  assert.equal(first.engine.check({ org: 'helium' }).related.length, 0);
  assert.ok(engine.check({ org: 'helium' }).related.length >= 4);
});

test("each organization's first image (first/ID.img) answers its checks exactly as the French first image does", async () => {
  const info = first.engine.info('fr');
  const ids = first.engine.list().organizations.map((o) => o.id);
  assert.deepEqual(fs.readdirSync(path.join(site, 'first')).filter((f) => f.endsWith('.img')).sort(), ids.map((id) => `${id}.img`).sort());
  // No answer and every answer alone, as an insured person and as a professional. (Every two
  // answers to different questions as well — 53,244 checks, all identical — takes 140 s: run
  // once by hand, not on every test run.)
  const sets = [{}, ...Object.entries(info.answers).flatMap(([q, values]) => values.map((v) => ({ [q]: v })))];
  let n = 0;
  let bytes = 0;
  for (const id of ids) {
    const file = read(`first/${id}.img`);
    bytes += file.length;
    const own = await api.createEngine(file, core);
    assert.ok(own.ok, `${id}: ${JSON.stringify(own.error)}`);
    assert.deepEqual(own.engine.list().organizations.map((o) => o.id), [id]);
    for (const set of sets) {
      for (const role of ['insured', 'pro']) {
        const answers = { org: id, lang: 'fr', role, ...set };
        const [mine, whole] = [own.engine.check(answers), first.engine.check(answers)];
        // Compared as text (the same keys in the same order), then in detail if they differ.
        if (JSON.stringify(mine) !== JSON.stringify(whole)) assert.deepEqual(mine, whole, JSON.stringify(answers));
        n += 1;
      }
    }
    for (const answers of [{ lang: 'fr', org: id, contract: 'mon contrat' }]) {
      assert.deepEqual(own.engine.check(answers), first.engine.check(answers), JSON.stringify(answers));
    }
    // Without an insurer ("je ne sais pas", then the card or the network), as the page allows
    // while the whole dataset is on its way.
    if (id === ids[0]) {
      for (const set of sets) {
        for (const role of ['insured', 'pro']) {
          const answers = { lang: 'fr', role, ...set };
          assert.deepEqual(own.engine.check(answers), first.engine.check(answers), JSON.stringify(answers));
        }
      }
    }
    assert.deepEqual(own.engine.questions('fr', id), first.engine.questions('fr', id), id);
    own.engine.delete?.();
  }
  assert.ok(n > ids.length * 40, `${n} checks compared`);
  assert.ok(bytes / ids.length < read('dataset.fr.img').length * 0.6, `${bytes / ids.length} bytes on average`);
});

test("each organization's first verdict (first/ID.verdict.json) is what the engine says, from its image and from dataset.fr.img", async () => {
  const ids = first.engine.list().organizations.map((o) => o.id);
  const files = fs.readdirSync(path.join(site, 'first')).filter((f) => f.endsWith('.verdict.json')).sort();
  assert.deepEqual(files, ids.map((id) => `${id}.verdict.json`).sort());
  const manifest = JSON.parse(read('manifest.json'));
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  // expect.js carries the first 22 characters of each one's SHA-384, and nothing of the images.
  const expect = read('expect.js').toString('utf8');
  const seen = new Set();
  for (const id of ids) {
    const bytes = read(`first/${id}.verdict.json`);
    const v = JSON.parse(bytes);
    assert.equal(v.format, 'breachcheck-first-verdict-1');
    assert.equal(v.org, id);
    assert.deepEqual(v.answers, { lang: 'fr', role: 'insured', org: id });
    const image = read(`first/${id}.img`);
    assert.deepEqual(v.image, { file: `first/${id}.img`, integrity: sri(image) });
    assert.equal(manifest.files[`first/${id}.verdict.json`].integrity, sri(bytes));
    const prefix = sri(bytes).slice('sha384-'.length, 'sha384-'.length + 22);
    assert.ok(expect.includes(`|${id}=${prefix}|`), `${id}: expect.js carries its verdict's hash`);
    assert.ok(!expect.includes(sri(image).slice('sha384-'.length, 'sha384-'.length + 22)), `${id}: expect.js does not name its image`);
    const own = await api.createEngine(image, core);
    assert.ok(own.ok, `${id}: ${JSON.stringify(own.error)}`);
    // What the page asks the engine for before its first result, each as the engine answers it.
    assert.deepEqual(v.result, own.engine.check(v.answers), id);
    assert.deepEqual(v.info, own.engine.info('fr', { sha256: false }), id);
    assert.deepEqual(v.list, own.engine.list(), id);
    assert.deepEqual(v.questions, own.engine.questions('fr', id), id);
    // And the verdict is the one the French first image gives for the same link.
    assert.deepEqual(v.result, first.engine.check(v.answers), id);
    own.engine.delete?.();
    seen.add(v.result.overall);
  }
  assert.ok(seen.size >= 2, `verdicts ${[...seen]}`);
});

test("the reassurance audit passes on both images, and on every organization's first image", () => {
  for (const img of ['dataset.img', 'dataset.fr.img']) {
    const r = runJson(['audit', '--data', path.join(site, img)]);
    assert.equal(r.passed, true, img);
    assert.ok(r.checks > 100000, `${img}: ${r.checks} combinations`);
  }
  for (const img of fs.readdirSync(path.join(site, 'first')).filter((f) => f.endsWith('.img'))) {
    const r = runJson(['audit', '--data', path.join(site, 'first', img)]);
    assert.equal(r.passed, true, img);
    assert.ok(r.checks > 500, `${img}: ${r.checks} combinations`);
  }
});

test('search() and list() match the CLI', () => {
  for (const q of ['malakof humanis', 'mutuel generale', 'harmoni', 'heluim', 'mgp', 'zzzz', 'je ne sais pas']) {
    assert.deepEqual(engine.search(q, 10), runJson(['search', q]), q);
  }
  assert.deepEqual(engine.list(), runJson(['list']));
});

test('info() gives the version and the SHA-256 of the image, as the manifest lists it', () => {
  const manifest = JSON.parse(read('manifest.json'));
  for (const [r, f] of [[engine, 'dataset.img'], [first.engine, 'dataset.fr.img']]) {
    const info = r.info('fr');
    assert.equal(info.sha256, createHash('sha256').update(read(f)).digest('hex'), f);
    assert.equal(info.sha256, manifest.files[f].sha256, f);
  }
  assert.equal(engine.info('fr').source_sha256, createHash('sha256').update(datasetText).digest('hex'));
});

test('info(lang, {sha256: false}) leaves the hash null and is otherwise the same info', async () => {
  const fresh = await api.createEngine(read('dataset.fr.img'), core);
  assert.ok(fresh.ok);
  const lean = fresh.engine.info('fr', { sha256: false });
  assert.equal(lean.sha256, null);
  const full = fresh.engine.info('fr');
  assert.match(full.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual({ ...lean, sha256: full.sha256 }, full);
  // The search index is built on first use: a check by id before any search, then a search.
  assert.equal(fresh.engine.check({ org: 'malakoff-humanis' }).ok, true);
  assert.equal(fresh.engine.search('malakof', 3).results[0].id, 'malakoff-humanis');
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
    assert.equal(r.ok, false);
    assert.equal(r.error.code, code, JSON.stringify(answers).slice(0, 40));
    assert.equal(typeof r.error.message, 'string');
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

test('a hostile image: truncated, bit-flipped, oversized lengths, garbage — invalid_image, never a crash', async () => {
  const good = read('dataset.fr.img');
  const hostile = [
    good.subarray(0, 10), good.subarray(0, good.length >> 1), Buffer.alloc(0), Buffer.from('not an image at all'),
    Buffer.concat([good, Buffer.from([1, 2, 3])]),
  ];
  for (let k = 0; k < 40; k++) {
    const b = Buffer.from(good);
    b[12 + ((k * 7919) % (b.length - 12))] ^= 1 << (k % 8);
    hostile.push(b);
  }
  const lengths = Buffer.from(good);
  lengths.writeUInt32LE(0xffffffff, 16); // a length field far past the end
  hostile.push(lengths);
  let refused = 0;
  for (const bytes of hostile) {
    const r = await api.createEngine(new Uint8Array(bytes), core);
    if (!r.ok) {
      assert.equal(r.error.code, 'invalid_image');
      refused += 1;
    } else {
      // A flipped bit inside a text is still a readable image; the engine must answer.
      assert.equal(r.engine.check({ lang: 'fr' }).ok, true);
    }
  }
  assert.ok(refused >= 6, `${refused} refused`);
  assert.equal((await api.createEngine('text', core)).error.code, 'invalid_image');
  assert.equal(engine.check({ org: 'alan' }).org.id, 'alan'); // the first engine is unaffected
});

test('an invalid dataset is an error with JSON paths; validateDataset agrees; images validate too', async () => {
  const broken = JSON.parse(datasetText);
  broken.organizations[0].scopes[0].sources = ['no-such-source'];
  const r = await api.createEngineFromJson(JSON.stringify(broken), '', validate);
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'invalid_dataset');
  assert.ok(r.error.errors.some((e) => e.path === '/organizations/0/scopes/0/sources/0'), JSON.stringify(r.error.errors));
  const v = await api.validateDataset(JSON.stringify(broken), validate);
  assert.equal(v.valid, false);
  assert.deepEqual(v.errors, r.error.errors);
  for (const text of ['', '[]', '{', 'x'.repeat(17 * 1024 * 1024), '['.repeat(100000)]) {
    const e = await api.createEngineFromJson(text, '', validate);
    assert.equal(e.ok, false);
    assert.equal(e.error.code, 'invalid_dataset');
  }
  assert.equal((await api.validateDataset(datasetText, validate)).valid, true);
  assert.equal((await api.validateDataset(new Uint8Array(read('dataset.img')), validate)).valid, true);
  assert.equal((await api.validateDataset(new Uint8Array(read('dataset.img').subarray(0, 100)), validate)).valid, false);
});

test('the glues have no eval or new Function (the page runs without unsafe-eval)', () => {
  for (const f of ['breachcheck_core.mjs', 'breachcheck_validate.mjs']) {
    const glue = read(f).toString('utf8');
    assert.equal(glue.includes('new Function'), false, f);
    assert.equal(/\beval\(/.test(glue), false, f);
  }
});

test('an insurer overlay: its compiled image, the JSON merge and the CLI answer alike; a broken one has JSON paths', async () => {
  const overlayFile = path.join(repo, 'data/overlays/helium.json');
  const overlayText = fs.readFileSync(overlayFile, 'utf8');
  const img = await api.createEngine(read('overlays/helium.img'), core);
  const json = await api.createEngineFromJson(datasetText, overlayText, validate);
  assert.ok(img.ok && json.ok);
  for (const args of [['--network', 'itelis'], ['--lang', 'en'], ['--card', 'almerys', '--network', 'none']]) {
    const cli = runJson(['check', '--overlay', overlayFile, ...args]);
    assert.deepEqual(img.engine.check(answersFromArgs(args)), cli, args.join(' '));
    assert.deepEqual(json.engine.check(answersFromArgs(args)), cli, args.join(' '));
  }
  assert.equal(img.engine.check({ org: 'alan' }).error.code, 'org_locked');
  const broken = JSON.parse(overlayText);
  broken.theme.accent = 'red;background:url(//evil.example)';
  broken.organization = 'nope';
  const b = await api.createEngineFromJson(datasetText, JSON.stringify(broken), validate);
  assert.equal(b.ok, false);
  assert.equal(b.error.code, 'invalid_overlay');
  assert.deepEqual(b.error.errors.map((e) => e.path).sort(), ['/organization', '/theme/accent']);
  const v = await api.validateOverlay(datasetText, JSON.stringify(broken), validate);
  assert.equal(v.valid, false);
  assert.equal((await api.validateOverlay(datasetText, overlayText, validate)).valid, true);
});

test('scanMessage() in WebAssembly matches `breachcheck scan-message --json`', () => {
  const { messages } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/scam_messages.json'), 'utf8'));
  for (const m of messages) {
    const cli = JSON.parse(run(['scan-message', '-', '--json'], { input: m.text }).stdout);
    assert.deepEqual(engine.scanMessage(m.text, 'fr'), cli);
  }
  assert.equal(engine.scanMessage('x', 'de').error.code, 'invalid_answers');
});

test("the page's code: app.js and one shared chunk before the first result, the later parts import nothing else of it", () => {
  // scripts/build-site.mjs makes every lazily loaded part import what app.js shares with any of
  // them: one chunk (one request) instead of one per set of parts.
  const files = fs.readdirSync(site).filter((f) => /\.js$/.test(f));
  const chunks = files.filter((f) => /^chunk-[A-Z0-9]+\.js$/.test(f));
  assert.equal(chunks.length, 1, `one shared chunk: ${chunks.join(', ')}`);
  const staticImports = (f) => [...read(f).toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  assert.deepEqual(staticImports('app.js'), chunks, 'app.js imports the shared chunk and nothing else statically');
  const html = read('index.html').toString('utf8');
  assert.deepEqual([...html.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]), chunks, 'index.html preloads that chunk');
  for (const part of files.filter((f) => /^(details|share|tools|embed-frame|offline)-[A-Z0-9]+\.js$/.test(f))) {
    assert.deepEqual([...new Set(staticImports(part))], chunks, part);
  }
});

test('the manifest lists every served file (not the precompressed copies) with its SHA-256 and SRI hash', () => {
  const manifest = JSON.parse(read('manifest.json'));
  const served = fs.readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(site, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((f) => f !== 'manifest.json' && !/\.(gz|br)$/.test(f))
    .sort();
  assert.deepEqual(Object.keys(manifest.files).sort(), served);
  for (const [file, entry] of Object.entries(manifest.files)) {
    const bytes = read(file);
    assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'), file);
    assert.equal(entry.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, file);
  }
  assert.match(manifest.release, /^[0-9a-f]{16}$/);
  // The release id is in the worker's bytes: a new release is a new worker.
  assert.ok(read('sw.js').toString('utf8').includes(manifest.release));
  // Every precompressed copy decodes to its file.
  for (const f of ['index.html', 'app.js', 'breachcheck_core.wasm', 'dataset.fr.img']) {
    assert.ok(zlib.gunzipSync(read(`${f}.gz`)).equals(read(f)), `${f}.gz`);
    assert.ok(zlib.brotliDecompressSync(read(`${f}.br`)).equals(read(f)), `${f}.br`);
  }
});
