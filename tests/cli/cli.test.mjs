// The CLI contract of the core issue: commands, outputs, exit codes (0 answered, 1 invalid
// data, 2 usage), the default dataset, and hostile arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, repo, run, runJson } from './run.mjs';

const dataset = path.join(repo, 'data/dataset.json');

test('search: misspellings find the insurer, with score and matched alias', () => {
  for (const [query, id] of [['malakof humanis', 'malakoff-humanis'], ['mutuel generale', 'la-mutuelle-generale'], ['heluim', 'helium']]) {
    const r = runJson(['search', query]);
    assert.equal(r.results[0].id, id, query);
    assert.ok(r.results[0].score > 0 && r.results[0].score <= 1);
    assert.equal(typeof r.results[0].alias, 'string');
  }
  const limited = runJson(['search', 'mutuelle', '--limit', '2']);
  assert.ok(limited.results.length <= 2);
  const human = run(['search', 'helium']);
  assert.equal(human.status, 0);
  assert.match(human.stdout, /^helium\tHélium\t1/m);
});

test('search: nothing found is an answer, not an error', () => {
  const r = run(['search', 'qqqqzzzz']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Aucune complémentaire trouvée/);
});

test('list: every organization with id, name and aliases', () => {
  const r = runJson(['list']);
  assert.ok(r.organizations.length > 5);
  for (const o of r.organizations) {
    assert.equal(typeof o.id, 'string');
    assert.equal(typeof o.name, 'string');
    assert.ok(Array.isArray(o.aliases));
  }
  assert.match(run(['list']).stdout, /^helium\tHélium/m);
});

test('check: French prose by default, English on request', () => {
  const fr = run(['check', '--org', 'helium', '--network', 'itelis']);
  assert.equal(fr.status, 0);
  assert.match(fr.stdout, /Complémentaire : Hélium/);
  assert.match(fr.stdout, /^Concerné d'après les informations publiées/m);
  assert.match(fr.stdout, /Seule votre complémentaire peut confirmer/);
  assert.match(fr.stdout, /https:\/\/www\.helium\.fr\//);  // reasons carry their sources
  const en = run(['check', '--org', 'helium', '--network', 'itelis', '--lang', 'en']);
  assert.match(en.stdout, /^Affected, according to published information/m);
  assert.match(en.stdout, /Only your insurer can confirm/);
});

test('check: no insurer at all is valid; a card naming Viamedis is evidence', () => {
  const r = runJson(['check', '--card', 'viamedis']);
  assert.equal(r.org, null);
  assert.equal(r.overall, 'likely');
  const q = runJson(['check', '--query', 'qqqqzzzz']);
  assert.equal(q.org, null);
  assert.equal(q.overall, 'unknown');
  assert.ok(q.questions.some((x) => x.id === 'card'));
});

test('check --role pro: professionals get their own exposure and actions', () => {
  const r = runJson(['check', '--role', 'pro', '--card', 'viamedis']);
  assert.equal(r.role, 'pro');
  assert.equal(r.org, null);
  const v = r.incidents.find((i) => i.id === 'viamedis-2024');
  assert.ok(v.exposed.some((c) => c.id === 'bank_details'));
  assert.ok(v.exposed.some((c) => c.id === 'finess'));
  assert.ok(r.plan.first.length > 0 && r.plan.first.length <= 3);
  assert.match(run(['check', '--role', 'pro']).stdout, /Professionnel de santé/);
});

test('usage errors exit 2 with a message', () => {
  for (const args of [
    [],
    ['frobnicate'],
    ['check', '--org'],
    ['check', '--org', 'nope'],
    ['check', '--org', 'helium', '--query', 'alan'],
    ['check', '--card', 'cegedim'],
    ['check', '--covered', '2023'],
    ['check', '--network', 'oxantis'],
    ['check', '--lang', 'de'],
    ['check', '--role', 'admin'],
    ['check', '--frob', 'x'],
    ['check', '--org', 'alan', '--org', 'mgen'],
    ['search'],
    ['search', 'a', 'b'],
    ['search', 'alan', '--limit', '0'],
    ['search', 'alan', '--limit', 'ten'],
    ['list', '--org', 'alan'],
    ['validate'],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, `breachcheck ${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0 || r.stdout.includes('Usage'), args.join(' '));
  }
  assert.equal(run(['--help']).status, 0);
});

test('validate: 0 for valid, 1 with every error and its JSON path for invalid', () => {
  assert.equal(run(['validate', dataset]).status, 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-'));
  const bad = JSON.parse(fs.readFileSync(dataset, 'utf8'));
  bad.organizations[0].scopes[0].sources = [];
  bad.sources[0].url = 'javascript:alert(1)';
  const file = path.join(dir, 'bad.json');
  fs.writeFileSync(file, JSON.stringify(bad));
  const r = run(['validate', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\/organizations\/0\/scopes\/0\/sources: a fact needs at least one source/);
  assert.match(r.stderr, /\/sources\/0\/url: invalid URL/);
  const j = run(['validate', dataset, file, '--json']);
  assert.equal(j.status, 1);
  const out = JSON.parse(j.stdout);
  assert.equal(out.files[0].valid, true);
  assert.equal(out.files[1].valid, false);
  assert.ok(out.files[1].errors.every((e) => typeof e.path === 'string' && e.message));
  assert.equal(run(['validate', path.join(dir, 'missing.json')]).status, 1);
  fs.writeFileSync(path.join(dir, 'garbage.json'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  assert.equal(run(['validate', path.join(dir, 'garbage.json')]).status, 1);
});

test('the dataset is found without flags, next to an installed binary, and --data overrides', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-install-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.mkdirSync(path.join(dir, 'share/breachcheck'), { recursive: true });
  fs.copyFileSync(cli, path.join(dir, 'bin/breachcheck'));
  fs.chmodSync(path.join(dir, 'bin/breachcheck'), 0o755);
  const mini = JSON.parse(fs.readFileSync(path.join(repo, 'tests/native/fixtures/minimal.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'share/breachcheck/dataset.json'), JSON.stringify(mini));
  const installed = spawnSync(path.join(dir, 'bin/breachcheck'), ['list', '--json'], { encoding: 'utf8', env: {} });
  assert.equal(installed.status, 0, installed.stderr);
  assert.ok(JSON.parse(installed.stdout).organizations.some((o) => o.id === 'silent'));  // the installed file, not the repo's
  const override = run(['list', '--json', '--data', path.join(dir, 'share/breachcheck/dataset.json')]);
  assert.ok(JSON.parse(override.stdout).organizations.some((o) => o.id === 'silent'));
  fs.writeFileSync(path.join(dir, 'broken.json'), '{"schema_version": 1');
  const broken = run(['check', '--org', 'alan', '--data', path.join(dir, 'broken.json')]);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /invalid JSON/);
});

test('hostile arguments never crash: markup, invalid UTF-8, control characters, 120 kB', () => {
  const queries = ['<script>alert(1)</script>', '\u202eneilah', '\u0007\u0008', '😀😀 alan', 'e\u0301', 'x'.repeat(120000)];
  for (const q of queries) {
    const s = run(['search', q, '--json']);
    assert.equal(s.status, 0, q.slice(0, 20));
    JSON.parse(s.stdout);
    const c = run(['check', '--query', q.slice(0, 1000), '--contract', q.slice(0, 1000), '--json']);
    assert.equal(c.status, 0);
    JSON.parse(c.stdout);
  }
  // Answers past 64 KiB are refused with a clear message (the page caps the field far below).
  for (const args of [['--query', 'alan', '--contract', 'x'.repeat(120000)], ['--query', 'x'.repeat(120000)]]) {
    const huge = run(['check', ...args]);
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /answers larger than 64 KiB/);
  }
  // Invalid UTF-8 cannot be written in a JS string: pass raw bytes through the shell.
  const raw = spawnSync('sh', ['-c', `"${cli}" check --query "$(printf 'h\\351lium\\377')" --json`], { encoding: 'utf8' });
  assert.equal(raw.status, 0, raw.stderr);
  const out = JSON.parse(raw.stdout);
  assert.ok(out.match.query.includes('\ufffd'));
});

test('stats: the coverage summary of the dataset', () => {
  const s = runJson(['stats']);
  assert.ok(s.organizations > 0);
  assert.ok(s.sources > 0);
  assert.ok('viamedis-2024' in s.per_incident);
  assert.match(run(['stats']).stdout, /Organizations: \d+/);
});

test('validate --overlay: 0 for the demo overlay, 1 with JSON paths for a broken one; check --overlay', () => {
  const overlay = path.join(repo, 'data/overlays/helium.json');
  assert.equal(run(['validate', '--overlay', overlay]).status, 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-ov-'));
  const broken = JSON.parse(fs.readFileSync(overlay, 'utf8'));
  broken.contacts[0].value = 'javascript:alert(1)';
  broken.theme = { accent: '#ffff00' };
  const file = path.join(dir, 'broken.json');
  fs.writeFileSync(file, JSON.stringify(broken));
  const r = run(['validate', '--overlay', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\/contacts\/0\/value: invalid URL/);
  const lowContrast = { ...JSON.parse(fs.readFileSync(overlay, 'utf8')), theme: { accent: '#ffff00' } };
  fs.writeFileSync(file, JSON.stringify(lowContrast));
  const w = run(['validate', '--overlay', file]);
  assert.equal(w.status, 0);  // a low-contrast theme is a warning: the default theme is used
  assert.match(w.stderr, /\/theme: warning: contrast of accent_text on accent/);
  const c = runJson(['check', '--overlay', overlay, '--network', 'itelis']);
  assert.equal(c.org.id, 'helium');
  assert.equal(c.overlay.lock, true);
  assert.ok(c.incidents[0].reasons.some((x) => x.provenance === 'insurer'));
  assert.equal(run(['check', '--overlay', overlay, '--org', 'alan']).status, 2);
  fs.writeFileSync(file, '{"overlay_version": 1');
  const bad = run(['check', '--overlay', file]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /invalid overlay/);
});
