// Writes <site>/manifest.json: the SHA-256 of every file the site serves (dataset, module,
// scripts, styles…) and the Subresource Integrity hash (sha384) that embedders pin.
// Usage: node scripts/manifest.mjs SITE_DIR
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const site = process.argv[2];
if (!site || !fs.existsSync(site)) {
  console.error('usage: node scripts/manifest.mjs SITE_DIR');
  process.exit(2);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const files = {};
for (const file of walk(site).sort()) {
  const rel = path.relative(site, file).split(path.sep).join('/');
  if (rel === 'manifest.json') continue;
  const bytes = fs.readFileSync(file);
  files[rel] = {
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    integrity: 'sha384-' + createHash('sha384').update(bytes).digest('base64'),
  };
}
const dataset = JSON.parse(fs.readFileSync(path.join(site, 'dataset.json'), 'utf8'));
// The release id changes whenever any served byte changes (offline caches key on it).
const release = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
const manifest = {
  release,
  dataset: { version: dataset.dataset_version, date: dataset.date, sha256: files['dataset.json'].sha256 },
  files,
};
fs.writeFileSync(path.join(site, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`manifest: ${Object.keys(files).length} files, release ${release}`);
