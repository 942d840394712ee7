// One i18n: the two catalogues have the same keys (French in two files: the page's, and the
// tools' that arrives with them; the page's never uses a tools key before they are loaded); French typography holds in fr.js; every key
// the page looks up exists; index.html's words are the catalogue's (filled at build); the page's
// default colours are the core's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repo } from '../cli/run.mjs';

const site = process.env.BREACHCHECK_SITE_DIR || path.join(repo, 'build/site');
const web = path.join(repo, 'web');
const frPage = (await import(pathToFileURL(path.join(web, 'i18n/fr.js')).href)).default;
const frTools = (await import(pathToFileURL(path.join(web, 'i18n/fr-tools.js')).href)).default;
const fr = { ...frPage, ...frTools };
const en = (await import(pathToFileURL(path.join(web, 'i18n/en.js')).href)).default;
const sources = fs.readdirSync(web, { recursive: true }).filter((f) => f.endsWith('.js') && !f.startsWith('i18n') && !f.startsWith('demo'))
  .map((f) => [f, fs.readFileSync(path.join(web, f), 'utf8')]);

test('fr.js (+ fr-tools.js, the tools\' French) and en.js have the same keys, none empty', () => {
  assert.deepEqual(Object.keys(frPage).filter((k) => k in frTools), [], 'a key in both French files');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  for (const [k, v] of [...Object.entries(fr), ...Object.entries(en)]) assert.ok(typeof v === 'string' && v.trim(), k);
  // The same {placeholders} in both languages.
  for (const k of Object.keys(fr)) {
    const vars = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(vars(en[k]), vars(fr[k]), k);
  }
});

test('French typography: a narrow no-break space before ; : ! ? and inside « », never an ordinary one', () => {
  for (const [k, v] of Object.entries(fr)) {
    assert.doesNotMatch(v, /[ \u00a0][;:!?»]/, `${k}: ${v}`);
    assert.doesNotMatch(v, /«[ \u00a0]/, `${k}: ${v}`);
    assert.doesNotMatch(v, /\biban\b/, `${k}: IBAN in capitals`);
  }
});

test('the first screen never needs a tools string (fr-tools.js arrives with the tools)', () => {
  const firstScreen = sources.filter(([f]) => !['tools.js', 'plan.js', 'letters.js', 'household.js', 'scam.js'].includes(f));
  for (const [f, text] of firstScreen) {
    for (const k of Object.keys(frTools)) {
      const base = k.replace(/_(one|other)$/, '');
      assert.ok(!text.includes(`'${k}'`) && !text.includes(`'${base}'`), `${f} uses the tools string ${k}`);
    }
  }
});

test('every key the page looks up exists; no key is left unused', () => {
  const used = new Set();
  const prefixes = new Set();
  for (const [f, text] of sources) {
    for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) {
      assert.ok(m[1] in fr, `${f}: t('${m[1]}') has no French text`);
      used.add(m[1]);
    }
    for (const m of text.matchAll(/\btn\('([A-Za-z0-9_]+)'/g)) {
      for (const form of ['one', 'other']) assert.ok(`${m[1]}_${form}` in fr, `${f}: tn('${m[1]}') needs ${m[1]}_${form}`);
      used.add(`${m[1]}_one`).add(`${m[1]}_other`);
    }
    for (const m of text.matchAll(/\bt\(`([A-Za-z0-9_]+)\$\{/g)) prefixes.add(m[1]);
  }
  for (const html of fs.readdirSync(web).filter((n) => n.endsWith('.html'))) {
    for (const m of fs.readFileSync(path.join(web, html), 'utf8').matchAll(/data-i18n(?:-label)?="([^"]+)"/g)) {
      assert.ok(m[1] in fr, `${html}: data-i18n="${m[1]}"`);
      used.add(m[1]);
    }
  }
  for (const p of prefixes) assert.ok(Object.keys(fr).some((k) => k.startsWith(p)), `keys ${p}*`);
  const unused = Object.keys(fr).filter((k) => !used.has(k) && ![...prefixes].some((p) => k.startsWith(p)) && !sources.some(([, t]) => t.includes(`'${k}'`)));
  assert.deepEqual(unused, [], 'keys nobody uses');
});

test("index.html holds no words of its own; the built page's words are fr.js's", () => {
  const src = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
  for (const m of src.matchAll(/<(\w+)[^>]*\bdata-i18n="([^"]+)"[^>]*>([^<]*)<\/\1>/g)) assert.equal(m[3].trim(), '', `${m[2]} has text in web/index.html`);
  const built = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  let n = 0;
  for (const m of built.matchAll(/<(\w+)[^>]*\bdata-i18n="([^"]+)"[^>]*>([^<]*)<\/\1>/g)) {
    assert.equal(unescape(m[3]), frPage[m[2]], m[2]);
    n += 1;
  }
  assert.ok(n >= 30, `${n} elements filled`);
});

test("the page's default colours are the core's (contrast checks use the same)", () => {
  const css = fs.readFileSync(path.join(web, 'css/theme.css'), 'utf8');
  const hpp = fs.readFileSync(path.join(repo, 'core/load.hpp'), 'utf8');
  const core = (name) => new RegExp(`default_${name} = "(#[0-9a-f]{6})"`).exec(hpp)[1];
  const prop = (name) => new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(css)[1];
  assert.equal(prop('panel'), core('background'));
  assert.equal(prop('ink'), core('text'));
  assert.equal(prop('accent'), core('accent'));
  assert.equal(prop('accent-text'), core('accent_text'));
  assert.equal(prop('muted'), core('muted'));
});

test('the screen stylesheets use the type scale: its sizes, weights 400 and 700', () => {
  // Each size and weight a page first shows costs a font lookup (web/css/theme.css).
  const dir = path.join(web, 'css');
  const theme = fs.readFileSync(path.join(dir, 'theme.css'), 'utf8');
  const scale = new Set([...theme.matchAll(/--(text-[a-z]+): [0-9.]+rem;/g)].map((m) => m[1]));
  assert.ok(scale.size >= 5 && scale.size <= 7, `${scale.size} sizes`);
  let n = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.css') && f !== 'print.css')) {
    // Print rules (in pt) and the card figure's SVG text (in its own units) are not on screen.
    const css = fs.readFileSync(path.join(dir, file), 'utf8').replace(/@media print \{[\s\S]*?\n\}/g, '').replace(/^\.card-svg .*$/gm, '');
    for (const m of css.matchAll(/font-size: ([^;]+);/g)) {
      n += 1;
      const v = /^var\(--(text-[a-z]+)\)$/.exec(m[1]);
      assert.ok((v && scale.has(v[1])) || /em$/.test(m[1]) && !/rem$/.test(m[1]) || (file === 'base.css' && m[1] === '2rem'), `${file}: font-size ${m[1]}`);
    }
    for (const m of css.matchAll(/font-weight: ([^;]+);/g)) assert.ok(['400', '700', 'normal', 'bold', 'inherit'].includes(m[1]), `${file}: font-weight ${m[1]}`);
  }
  assert.ok(n >= 40, `${n} sizes checked`);
});

test('every verdict has its colours and its tag style', () => {
  const css = fs.readFileSync(path.join(web, 'css/theme.css'), 'utf8') + fs.readFileSync(path.join(web, 'css/result.css'), 'utf8');
  const dts = fs.readFileSync(path.join(repo, 'wasm/breachcheck.d.ts'), 'utf8');
  const verdicts = [.../type Verdict = ([^;]+);/.exec(dts)[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  assert.equal(verdicts.length, 5);
  for (const v of verdicts) {
    assert.match(css, new RegExp(`--${v}-ink:`), v);
    assert.match(css, new RegExp(`\\.verdict-${v}\\b|\\.tag-${v}\\b`), v);
  }
});
