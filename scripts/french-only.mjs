// Writes the French-only copy of the dataset that the page downloads first (bench/README.md):
// every {fr, en} text keeps its French, and "languages": ["fr"] tells the engine so. The English
// texts (a third of the gzip size) are fetched only when a visitor switches to English, from the
// full dataset. The engine validates the copy like any dataset when the page loads it.
//
// --first also leaves out what no verdict reads and the first screen does not show: the dated
// facts of each incident (the timeline), the informational incidents (other leaks) and the
// sources only they cite. The page loads the full dataset right after the first result and
// shows them then; tests/node/wasm.test.mjs checks that both give the same verdicts.
//
// --orgs DIR also writes, for each organization, DIR/ID.json: that first copy with this one
// organization only (no umbrella, whose candidates are other organizations) and the sources
// still cited. It is what a pre-filled link (?org=ID) loads first, a third of the size; the page
// then loads the full dataset, and tests/node/wasm.test.mjs checks that every check of the
// organization answers exactly as the French first copy does.
//
//   node scripts/french-only.mjs [--first [--orgs DIR]] data/dataset.json build/site/dataset.fr.json
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const first = argv[0] === '--first';
const orgsDir = first && argv[1] === '--orgs' ? argv[2] : null;
const [input, output] = argv.slice((first ? 1 : 0) + (orgsDir ? 2 : 0));
if (!input || !output || (first && argv[1] === '--orgs' && !orgsDir)) {
  console.error('usage: node scripts/french-only.mjs [--first [--orgs DIR]] DATASET.json OUT.json');
  process.exit(2);
}

const isText = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
  && Object.keys(v).length === 2 && typeof v.fr === 'string' && typeof v.en === 'string';

function frenchOnly(v) {
  if (Array.isArray(v)) return v.map(frenchOnly);
  if (v === null || typeof v !== 'object') return v;
  if (isText(v)) return { fr: v.fr };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, frenchOnly(x)]));
}

const full = JSON.parse(fs.readFileSync(input, 'utf8'));
if (full.languages !== undefined) {
  console.error(`${input}: already has "languages"; expected the full dataset`);
  process.exit(1);
}
const out = {};
for (const [k, v] of Object.entries(frenchOnly(full))) {
  out[k] = v;
  if (k === 'schema_version') out.languages = ['fr'];
}
// Every source id cited outside the sources table (a "sources" list of ids, anywhere).
function cited(v, into = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => cited(x, into));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'sources' && Array.isArray(x) && x.every((id) => typeof id === 'string')) x.forEach((id) => into.add(id));
      else cited(x, into);
    }
  }
  return into;
}

// The sources table cut to the sources that the rest of `d` cites.
function citedOnly(d, sources) {
  const used = cited(Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'sources')));
  return sources.filter((s) => used.has(s.id));
}

if (first) {
  out.incidents = out.incidents.filter((i) => i.kind !== 'informational').map((i) => ({ ...i, facts: [] }));
  out.sources = citedOnly(out, out.sources);
}
fs.writeFileSync(output, `${JSON.stringify(out)}\n`);
if (orgsDir) {
  fs.mkdirSync(orgsDir, { recursive: true });
  for (const org of out.organizations) {
    const one = { ...out, organizations: [org], umbrellas: [] };
    one.sources = citedOnly(one, out.sources);
    fs.writeFileSync(path.join(orgsDir, `${org.id}.json`), `${JSON.stringify(one)}\n`);
  }
}
