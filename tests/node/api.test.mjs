// The JS API contract: wasm/breachcheck.d.ts against what the two modules and web/engine.js
// export; one list of error codes (core/vocab.cpp for the engine's, web/engine.js for the page's),
// all in docs/api.md; no other file of the page mints a code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repo } from '../cli/run.mjs';

const site = process.env.BREACHCHECK_SITE_DIR || path.join(repo, 'build/site');
const dts = fs.readFileSync(path.join(repo, 'wasm/breachcheck.d.ts'), 'utf8');

// The members declared in `interface NAME { … }` (methods and properties, not index signatures).
function members(name) {
  const m = new RegExp(`interface ${name}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`).exec(dts);
  assert.ok(m, `interface ${name} in the .d.ts`);
  return [...m[1].matchAll(/^\s{2}(\w+)\??[(:]/gm)].map((x) => x[1]);
}
function union(name) {
  const m = new RegExp(`type ${name} =([\\s\\S]*?);`).exec(dts);
  return [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]).sort();
}

const load = async (file) => (await import(pathToFileURL(path.join(site, file)).href)).default;
const wasm = (f) => ({ wasmBinary: fs.readFileSync(path.join(site, f)) });
const EMBIND_BUILTINS = new Set(['constructor', 'isAliasOf', 'clone', 'delete', 'isDeleted', 'deleteLater']);

test('the modules export what the .d.ts declares, and the page module nothing more', async () => {
  const core = await (await load('breachcheck_core.mjs'))(wasm('breachcheck_core.wasm'));
  const val = await (await load('breachcheck_validate.mjs'))(wasm('breachcheck_validate.wasm'));
  for (const name of members('CoreModule')) assert.equal(typeof core[name], 'function', `core.${name}`);
  for (const name of [...members('CoreModule'), ...members('ValidateModule')]) assert.equal(typeof val[name], 'function', `validate.${name}`);
  for (const name of members('ValidateModule')) assert.equal(core[name], undefined, `the page's module has no ${name} (no JSON loader)`);
  const proto = Object.getOwnPropertyNames(core.Engine.prototype).filter((n) => !EMBIND_BUILTINS.has(n)).sort();
  assert.deepEqual(proto, members('NativeEngine').filter((n) => n !== 'delete').sort());
});

test('web/engine.js exports what the .d.ts declares', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-api-'));
  fs.copyFileSync(path.join(repo, 'web/engine.js'), path.join(dir, 'engine.js'));
  const mod = await import(pathToFileURL(path.join(dir, 'engine.js')).href);
  const declared = [...dts.matchAll(/^export declare (?:function|const) (\w+)/gm)].map((x) => x[1]).sort();
  assert.deepEqual(Object.keys(mod).sort(), declared);
  assert.deepEqual(Object.keys(mod.PAGE_ERRORS).sort(), union('PageErrorCode'));
});

test('one list of error codes: the core table and the page list, each in the .d.ts and in docs/api.md', () => {
  const vocab = fs.readFileSync(path.join(repo, 'core/vocab.cpp'), 'utf8');
  const table = /error_codes = \{\{([\s\S]*?)\}\};/.exec(vocab)[1];
  const core = [...table.matchAll(/\{"([a-z_]+)",/g)].map((x) => x[1]).sort();
  assert.deepEqual(union('EngineErrorCode'), core);
  const docs = fs.readFileSync(path.join(repo, 'docs/api.md'), 'utf8');
  for (const code of [...core, ...union('PageErrorCode')]) assert.ok(docs.includes(`\`${code}\``), `${code} in docs/api.md`);
});

test('no file of the page mints an error code of its own', () => {
  const files = fs.readdirSync(path.join(repo, 'web'), { recursive: true }).filter((f) => f.endsWith('.js') && f !== 'engine.js' && !f.startsWith('demo'));
  for (const f of files) {
    const text = fs.readFileSync(path.join(repo, 'web', f), 'utf8');
    assert.doesNotMatch(text, /\bcode: ['"`]/, `${f} writes an error code literal`);
    assert.doesNotMatch(text, /failure\(['"`]/, `${f} writes an error code literal`);
  }
});
