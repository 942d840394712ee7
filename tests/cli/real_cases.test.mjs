// Real cases, one per scope nuance of the dataset (tests/cases/real_cases.json), end to end
// through the CLI: the answer a person gets for their insurer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo, runJson } from './run.mjs';

const { cases } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/real_cases.json'), 'utf8'));

test('the table is not empty', () => assert.ok(cases.length >= 20));

for (const c of cases) {
  test(c.name, () => {
    const r = runJson(['check', ...c.args]);
    if (c.org !== undefined) assert.equal(r.org && r.org.id, c.org);
    assert.equal(r.overall, c.overall);
    if (c.ambiguous) {
      // A wider name is never guessed: no insurer is chosen, the candidates are offered.
      assert.equal(r.org, null);
      assert.equal(r.match.ambiguous, true);
      for (const id of c.ambiguous) assert.ok(r.match.candidates.some((x) => x.id === id), `${id} offered`);
    }
    for (const [id, verdict] of Object.entries(c.incidents || {})) {
      assert.equal(r.incidents.find((i) => i.id === id).verdict, verdict, id);
    }
    // No reassurance without a source: every not_affected incident cites one.
    for (const inc of r.incidents.filter((i) => i.verdict === 'not_affected')) {
      assert.ok(inc.reasons.some((x) => x.sources.length > 0), `${inc.id} not_affected without a source`);
    }
  });
}
