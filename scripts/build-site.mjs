// Assembles the static site (what a server must serve) from web/, data/ and the wasm modules:
//
//   node scripts/build-site.mjs --web web --data data --wasm-dir build/wasm/wasm
//                               --cli build/native/cli/breachcheck --out build/site
//
//  1. the compact dataset images, compiled (and so validated) by the native CLI: dataset.img
//     (French and English), dataset.fr.img (French only, what a French page loads first),
//     first/ID.img for each organization (what a pre-filled link ?org=ID loads after its first
//     verdict, first/ID.verdict.json, which the page's own module computes here), and
//     for each insurer overlay overlays/ID.img and overlays/ID.fr.img (the dataset with the
//     overlay merged); the JSON stays downloadable (dataset.json, overlays/ID.json);
//  2. the page's JavaScript bundled by esbuild (app.js, with its lazily loaded parts as chunks)
//     and its CSS minified; the readable sources stay in web/;
//  3. index.html and the static pages with an integrity hash on every script and preload;
//  4. manifest.json (SHA-256 and SRI of every file) and sw.js with the release id in its bytes,
//     so that a new release is a new worker;
//  5. precompressed .gz and .br copies of every text and wasm file (scripts/serve.mjs serves them
//     by Accept-Encoding, as a production host would: docs/hosting.md).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
for (const k of ['web', 'data', 'wasm-dir', 'cli', 'out']) {
  if (!args[k]) {
    console.error('usage: node scripts/build-site.mjs --web DIR --data DIR --wasm-dir DIR --cli PATH --out DIR');
    process.exit(2);
  }
}
const web = path.resolve(args.web);
const data = path.resolve(args.data);
const out = path.resolve(args.out);
const cli = path.resolve(args.cli);
const here = path.dirname(new URL(import.meta.url).pathname);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// ---------------------------------------------------------------------------- 1. data
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-site-'));
const run = (file, argv) => execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const frJson = path.join(tmp, 'dataset.fr.json');
const orgJson = path.join(tmp, 'first');
run(process.execPath, [path.join(here, 'french-only.mjs'), '--first', '--orgs', orgJson, path.join(data, 'dataset.json'), frJson]);
fs.copyFileSync(path.join(data, 'dataset.json'), path.join(out, 'dataset.json'));
run(cli, ['compile', '--data', path.join(data, 'dataset.json'), '--out', path.join(out, 'dataset.img')]);
// The French first image names the full dataset as its source (what a correction report quotes).
run(cli, ['compile', '--data', frJson, '--source-of', path.join(data, 'dataset.json'), '--out', path.join(out, 'dataset.fr.img')]);
// One first image per organization, for a pre-filled link (?org=ID): its first verdict (below)
// is computed from it, and the page loads it right after showing that verdict.
fs.mkdirSync(path.join(out, 'first'));
const orgIds = fs.readdirSync(orgJson).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)).sort();
for (const id of orgIds) {
  run(cli, ['compile', '--data', path.join(orgJson, `${id}.json`), '--source-of', path.join(data, 'dataset.json'), '--out', path.join(out, 'first', `${id}.img`)]);
}
fs.mkdirSync(path.join(out, 'overlays'));
for (const name of fs.readdirSync(path.join(data, 'overlays')).filter((n) => n.endsWith('.json')).sort()) {
  const id = name.slice(0, -'.json'.length);
  const src = path.join(data, 'overlays', name);
  fs.copyFileSync(src, path.join(out, 'overlays', name));
  run(cli, ['compile', '--data', path.join(data, 'dataset.json'), '--overlay', src, '--out', path.join(out, 'overlays', `${id}.img`)]);
  run(cli, ['compile', '--data', frJson, '--overlay', src, '--source-of', path.join(data, 'dataset.json'), '--out', path.join(out, 'overlays', `${id}.fr.img`)]);
}
fs.rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------------------- wasm modules
for (const f of ['breachcheck_core.wasm', 'breachcheck_validate.wasm']) fs.copyFileSync(path.join(args['wasm-dir'], f), path.join(out, f));
// Emscripten 3.1.6's glue is only partly minified (and --closure crashes): esbuild finishes the
// job (11.5 → 8.7 KB gzip for the page's module). It adds no eval (tests/node/wasm.test.mjs).
const esbuild = await import('esbuild');
for (const f of ['breachcheck_core.mjs', 'breachcheck_validate.mjs']) {
  const r = esbuild.transformSync(fs.readFileSync(path.join(args['wasm-dir'], f), 'utf8'), { loader: 'js', format: 'esm', minify: true, charset: 'utf8', legalComments: 'none', target: 'es2020' });
  fs.writeFileSync(path.join(out, f), r.code);
}

// ---------------------------------------------------------------------------- first verdicts
// A pre-filled link that names an organization and nothing else (?org=ID, in French) is answered
// before any WebAssembly arrives: first/ID.verdict.json holds what the page's own module says
// from first/ID.img for that link (its check with no other answer, and the info, list and
// questions the page asks for to show it), computed here by that same module. The page shows it,
// then loads the module and the image after the verdict (tests/node/wasm.test.mjs compares every
// organization's with a live check; docs/security.md says how it is checked).
const firstVerdictFormat = 'breachcheck-first-verdict-1';
const sri = (file) => `sha384-${createHash('sha384').update(fs.readFileSync(path.join(out, file))).digest('base64')}`;
{
  const { default: createCore } = await import(pathToFileURL(path.join(out, 'breachcheck_core.mjs')).href);
  const core = await createCore({ wasmBinary: fs.readFileSync(path.join(out, 'breachcheck_core.wasm')) });
  for (const id of orgIds) {
    const file = `first/${id}.img`;
    const engine = new core.Engine(new Uint8Array(fs.readFileSync(path.join(out, file))));
    if (!engine.ok()) throw new Error(`${file}: ${engine.error()}`);
    const answers = { lang: 'fr', role: 'insured', org: id };
    const parts = {
      info: JSON.parse(engine.info('fr', false)),
      list: JSON.parse(engine.list()),
      questions: JSON.parse(engine.questions('fr', id)),
      result: JSON.parse(engine.check(JSON.stringify(answers))),
    };
    engine.delete();
    for (const [k, v] of Object.entries(parts)) if (v.ok !== true) throw new Error(`${file}: ${k}() failed: ${JSON.stringify(v.error)}`);
    fs.writeFileSync(path.join(out, 'first', `${id}.verdict.json`), JSON.stringify({ format: firstVerdictFormat, org: id, image: { file, integrity: sri(file) }, answers, ...parts }));
  }
}

// ---------------------------------------------------------------------------- 2. code and styles
// esbuild puts a module shared by app.js and some lazily imported parts in a chunk per set of
// parts that use it: five chunks, five more requests before the first result (beyond the six
// connections of an HTTP/1.1 host). Each lazily imported part is made to import every module
// app.js shares with any of them, so that they all share one chunk; those modules are loaded
// with app.js anyway, so the parts fetch nothing more.
const lazyParts = ['components/details.js', 'components/share.js', 'embed-frame.js', 'tools.js', 'offline.js'].map((f) => path.join(web, f));
const sharedModules = ['toolkit.js', 'i18n/index.js', 'boot.js', 'engine.js', 'address.js', 'components/sources.js'].map((f) => path.join(web, f));
const oneSharedChunk = {
  name: 'one-shared-chunk',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (a) => {
      if (!lazyParts.includes(a.path)) return undefined;
      const imports = sharedModules.map((m) => `import ${JSON.stringify(m)};`).join('');
      return { contents: imports + fs.readFileSync(a.path, 'utf8'), loader: 'js', resolveDir: path.dirname(a.path) };
    });
  },
};
await esbuild.build({
  entryPoints: { app: path.join(web, 'app.js') },
  plugins: [oneSharedChunk],
  bundle: true,
  splitting: true,           // the lazily imported parts (tools, English, embedding) become chunks
  format: 'esm',
  outdir: out,
  chunkNames: '[name]-[hash]',  // next to the wasm modules, which they import as ./breachcheck_*.mjs
  external: ['./breachcheck_core.mjs', './breachcheck_validate.mjs'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  target: 'es2020',
  logLevel: 'warning',
});
// expect.js carries the SRI hashes of the French first image and of the page's module (its glue
// and its code, which expect.js preloads when the page needs them before its first result) and,
// for each organization's first verdict, the first 22 characters of its SHA-384 (132 bits,
// checked by web/boot.js; the verdict file carries its image's whole hash): a part of a hash
// rather than a whole one keeps the script every visitor loads at ~2 KB gzip.
const firstImages = {
  fr: sri('dataset.fr.img'),
  glue: sri('breachcheck_core.mjs'),
  wasm: sri('breachcheck_core.wasm'),
  orgs: `|${orgIds.map((id) => `${id}=${sri(`first/${id}.verdict.json`).slice('sha384-'.length, 'sha384-'.length + 22)}|`).join('')}`,
};
for (const f of ['sw.js', 'embed.js', 'expect.js']) {
  let code = fs.readFileSync(path.join(web, f), 'utf8');
  if (f === 'expect.js') {
    if (!code.includes('{ /* build:first-images */ }')) throw new Error('expect.js: no { /* build:first-images */ } placeholder');
    code = code.replace('{ /* build:first-images */ }', JSON.stringify(firstImages));
  }
  const r = esbuild.transformSync(code, { loader: 'js', minify: true, charset: 'utf8', legalComments: 'none', target: 'es2020' });
  fs.writeFileSync(path.join(out, f), r.code);
}
for (const f of fs.readdirSync(path.join(web, 'css')).filter((n) => n.endsWith('.css'))) {
  const r = esbuild.buildSync({ entryPoints: [path.join(web, 'css', f)], bundle: true, write: false, minify: true, charset: 'utf8', target: 'chrome100', logLevel: 'warning' });
  fs.writeFileSync(path.join(out, f), r.outputFiles[0].text);
}
fs.cpSync(path.join(web, 'demo'), path.join(out, 'demo'), { recursive: true });
for (const f of fs.readdirSync(path.join(web, 'img'))) fs.copyFileSync(path.join(web, 'img', f), path.join(out, f));

// ---------------------------------------------------------------------------- 3. pages
// The chunks the first result needs, preloaded with the page (app.js imports them statically).
const firstChunks = [];
// Every chunk app.js imports statically, and the ones those import (static imports only: `from"…"`).
for (const queue = ['app.js']; queue.length;) {
  const code = fs.readFileSync(path.join(out, queue.shift()), 'utf8');
  for (const m of code.matchAll(/(?:from|import)"\.\/(chunk-[^"]+\.js)"/g)) {
    if (!firstChunks.includes(m[1])) {
      firstChunks.push(m[1]);
      queue.push(m[1]);
    }
  }
}
// The page's own words come from the French catalogue (web/i18n/fr.js), the one place they live:
// every element marked data-i18n="key" is filled here, so the page reads in full before any script.
const fr = (await import(pathToFileURL(path.join(web, 'i18n', 'fr.js')).href)).default;
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function fillText(html, page) {
  let filled = 0;
  const out = html.replace(/<(\w+)([^>]*\bdata-i18n="([^"]+)"[^>]*)>([^<]*)<\/\1>/g, (all, tag, attrs, key, inner) => {
    if (typeof fr[key] !== 'string') throw new Error(`${page}: data-i18n="${key}" is not in web/i18n/fr.js`);
    if (inner.trim()) throw new Error(`${page}: data-i18n="${key}" has text in the page; its words live in web/i18n/fr.js`);
    filled += 1;
    return `<${tag}${attrs}>${escapeHtml(fr[key])}</${tag}>`;
  });
  const marked = (html.match(/\bdata-i18n="/g) || []).length;
  if (filled !== marked) throw new Error(`${page}: ${marked - filled} element(s) marked data-i18n hold markup; mark the text inside instead`);
  return out;
}
// French typography in the text of a French page (never inside a tag): a narrow no-break space
// before ; : ! ? and inside « », as core/text.cpp typeset_fr does for the dataset.
function typesetFrench(html) {
  if (!/<html[^>]*\blang="fr"/.test(html)) return html;
  return html.split(/(<[^>]*>)/).map((part, i) => (i % 2 ? part : part
    .replace(/[ \u00a0]([;:!?»])/g, '\u202f$1')
    .replace(/«[ \u00a0]/g, '«\u202f'))).join('');
}
for (const page of fs.readdirSync(web).filter((n) => n.endsWith('.html'))) {
  let html = typesetFrench(fillText(fs.readFileSync(path.join(web, page), 'utf8'), page));
  // <!-- build:preload --> is replaced by the module preloads of app.js's static chunks.
  html = html.replace('<!-- build:preload -->', firstChunks.map((c) => `<link rel="modulepreload" href="${c}">`).join('\n  '));
  // Every script, stylesheet and preload gets the SRI hash of the file served.
  html = html.replace(/<(script|link)\b([^>]*?)\s(src|href)="([^"#?:]+)"([^>]*)>/g, (all, tag, before, attr, ref, after) => {
    if (tag === 'link' && !/rel="(?:stylesheet|modulepreload|preload)"/.test(all)) return all;
    if (!fs.existsSync(path.join(out, ref))) throw new Error(`${page}: ${ref} is not in the site`);
    // Chromium ignores integrity on as="fetch" preloads (and warns): web/boot.js checks those.
    const name = /\bas="fetch"/.test(all) ? 'data-integrity' : 'integrity';
    return `<${tag}${before} ${attr}="${ref}" ${name}="${sri(ref)}"${after}>`;
  });
  fs.writeFileSync(path.join(out, page), html);
}

// ---------------------------------------------------------------------------- 4. manifest and worker
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
const entry = (file) => {
  const bytes = fs.readFileSync(file);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
};
const files = {};
for (const file of walk(out).sort()) {
  const rel = path.relative(out, file).split(path.sep).join('/');
  if (rel === 'sw.js') continue;
  files[rel] = entry(file);
}
// The release id changes whenever any served byte changes; it is written into sw.js, so that a
// returning visitor's browser sees a new worker (docs/security.md, "Updates").
const release = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
const sw = fs.readFileSync(path.join(out, 'sw.js'), 'utf8');
if (!sw.includes('__RELEASE__')) throw new Error('sw.js: no __RELEASE__ placeholder');
fs.writeFileSync(path.join(out, 'sw.js'), sw.replaceAll('__RELEASE__', release));
files['sw.js'] = entry(path.join(out, 'sw.js'));
const dataset = JSON.parse(fs.readFileSync(path.join(out, 'dataset.json'), 'utf8'));
const manifest = {
  release,
  dataset: { version: dataset.dataset_version, date: dataset.date, sha256: files['dataset.json'].sha256 },
  files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
};
fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// ---------------------------------------------------------------------------- 5. precompressed copies
let raw = 0;
let gz = 0;
let br = 0;
for (const file of walk(out)) {
  if (!/\.(html|js|mjs|css|json|svg|wasm|img)$/.test(file)) continue;
  const bytes = fs.readFileSync(file);
  const g = zlib.gzipSync(bytes, { level: 9 });
  const b = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  fs.writeFileSync(`${file}.gz`, g);
  fs.writeFileSync(`${file}.br`, b);
  raw += bytes.length;
  gz += g.length;
  br += b.length;
}
console.log(`site: ${Object.keys(files).length} files, release ${release}; ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip, ${(br / 1024).toFixed(1)} KB brotli`);
