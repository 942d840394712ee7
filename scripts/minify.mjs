// Minifies the site's JavaScript and CSS in place with esbuild (whitespace, comments, local
// names; exports, imports and behaviour unchanged; UTF-8 kept as is). Run by the site build
// before manifest.mjs, so that the manifest's hashes are those of the files served. The readable
// sources stay in web/. demo/ is left as written: it is sample code for insurers to read.
//
//   node scripts/minify.mjs build/site
//
// Without esbuild (npm ci not run) the files are left as they are, with a warning.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error('usage: node scripts/minify.mjs SITE_DIR');
  process.exit(2);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('minify: esbuild is not installed (run npm ci); the site is left unminified');
  process.exit(0);
}

const LOADERS = { '.js': 'js', '.mjs': 'js', '.css': 'css' };
let before = 0;
let after = 0;
for (const name of fs.readdirSync(dir)) { // top level only: not demo/ nor overlays/
  const loader = LOADERS[path.extname(name)];
  const file = path.join(dir, name);
  if (!loader || !fs.statSync(file).isFile()) continue;
  const source = fs.readFileSync(file, 'utf8');
  const { code } = esbuild.transformSync(source, {
    loader,
    minify: true,
    charset: 'utf8', // French text stays readable UTF-8 rather than \u escapes (smaller too)
    legalComments: 'none',
    target: loader === 'css' ? 'chrome100' : 'es2020',
    sourcefile: name,
  });
  fs.writeFileSync(file, code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
}
console.log(`minify: ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB of JavaScript and CSS`);
