// Writes the French-only copy of the dataset that the page downloads first (bench/README.md):
// every {fr, en} text keeps its French, and "languages": ["fr"] tells the engine so. The English
// texts (a third of the gzip size) are fetched only when a visitor switches to English, from the
// full dataset.json. The engine validates the copy like any dataset when the page loads it.
//
//   node scripts/french-only.mjs data/dataset.json build/site/dataset.fr.json
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/french-only.mjs DATASET.json OUT.json');
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
fs.writeFileSync(output, `${JSON.stringify(out)}\n`);
