// "Is this message a scam?" through `breachcheck scan-message`: a table of real-pattern scams and
// genuine messages, each with the risk the analyser must give; prints the true/false-positive counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo, run } from './run.mjs';

const { messages } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/scam_messages.json'), 'utf8'));

function scan(text, lang = 'fr') {
  const r = run(['scan-message', '-', '--json', '--lang', lang], { input: text });
  assert.equal(r.status, 0, r.stderr);  // exit 0 whatever the risk
  return JSON.parse(r.stdout);
}

test('each message gets its expected risk and flags', () => {
  const counts = { scamHigh: 0, scamMedium: 0, scamLow: 0, genuineHigh: 0, genuineMedium: 0, genuineLow: 0 };
  for (const m of messages) {
    const r = scan(m.text);
    const key = `${m.kind}${r.risk[0].toUpperCase()}${r.risk.slice(1)}`;
    counts[key] += 1;
    assert.equal(r.risk, m.risk, m.text);
    for (const flag of m.flags) assert.ok(r.flags.some((f) => f.id === flag), `${flag} missing for: ${m.text}`);
    for (const f of r.flags) assert.ok(f.text.length > 20);
  }
  console.log(`scam messages: ${counts.scamHigh} high, ${counts.scamMedium} medium, ${counts.scamLow} low; genuine: ${counts.genuineHigh} high, ${counts.genuineMedium} medium, ${counts.genuineLow} low`);
  assert.equal(counts.scamLow, 0);      // no scam of the table passes as low
  assert.equal(counts.genuineHigh, 0);  // no genuine message is called high risk
});

test('never says "safe", in French or English', () => {
  const fr = scan('Salut, on se voit demain ?');
  assert.equal(fr.risk, 'low');
  assert.match(fr.advice, /ne veut pas dire que le message est sûr/);
  const en = scan('See you tomorrow?', 'en');
  assert.match(en.advice, /does not make the message safe/);
});

test('file argument, empty input, hostile input', () => {
  const file = path.join(repo, 'tests/cases/scam_messages.json');
  assert.equal(run(['scan-message', file, '--json']).status, 0);
  assert.equal(scan('').risk, 'low');
  const huge = scan('ameli '.repeat(200000));
  assert.equal(huge.truncated, true);
  const markup = scan('<script>alert(1)</script> https://evil.example/<img>');
  assert.ok(markup.flags.some((f) => f.id === 'unofficial_link' && f.detail === 'evil.example'));
  assert.equal(run(['scan-message', '--lang', 'de'], { input: 'x' }).status, 2);
  assert.equal(run(['scan-message', 'a', 'b']).status, 2);
});
