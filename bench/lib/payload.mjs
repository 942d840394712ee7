// Bytes on the wire: raw, gzip -9 and brotli (quality 11) for every file of the site.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** Every file of the site folder (recursively), largest gzip first. */
export function siteFiles(siteDir) {
  const out = [];
  const walk = (dir) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(full);
      else out.push({ file: path.relative(siteDir, full), ...sizes(fs.readFileSync(full)) });
    }
  };
  walk(siteDir);
  return out.sort((a, b) => b.gzip - a.gzip);
}

export function total(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** What the dataset would weigh minified (same content, no indentation) — a candidate cheap win. */
export function minifiedJson(buf) {
  return sizes(Buffer.from(JSON.stringify(JSON.parse(buf.toString('utf8')))));
}
