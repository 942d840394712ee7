#!/usr/bin/env node
// Minimal static file server for the breachcheck site (no dependencies).
//
//   node scripts/serve.mjs [DIR=build/site] [--port 8080] [--host 127.0.0.1]
//                          [--frame-ancestors "'self' https://insurer.example"]
//                          [--embed-tool https://tool.example]
//
// --frame-ancestors sets who may frame these pages (CSP frame-ancestors; default 'self'). With any
// other value, X-Frame-Options (which cannot name another origin) is left out.
// --embed-tool serves a *host* page (an insurer's page, web/demo/): its CSP also allows that
// origin's embed.js (script-src ORIGIN/embed.js) and frames (frame-src ORIGIN).
// embed.js itself is always sent with Access-Control-Allow-Origin: * and
// Cross-Origin-Resource-Policy: cross-origin, so other sites can load it (and pin it with SRI).
// --port 0 picks a free port. The first line printed on stdout is always
//   Serving DIR on http://HOST:PORT/
// so that tests can read the URL. Only GET and HEAD are answered; every
// response carries the same security headers as the production site.

import { createHash } from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

// One CSP source: 'self', 'none', or scheme://host[:port] (a * port or *. subdomain allowed).
const CSP_SOURCE = /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?)$/i;

export function validSources(value) {
  const list = String(value).trim().split(/\s+/).filter(Boolean);
  return list.length > 0 && list.every((s) => CSP_SOURCE.test(s)) && !(list.includes("'none'") && list.length > 1);
}

export function cspFor({ frameAncestors = "'self'", embedTool = null } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${embedTool ? ` ${embedTool}/embed.js` : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    ...(embedTool ? [`frame-src ${embedTool}`] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

const CSP = cspFor();

export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'interest-cohort=(), browsing-topics=(), camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Frame-Options': 'SAMEORIGIN',
});

export function securityHeaders(options = {}) {
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': cspFor(options) };
  const fa = options.frameAncestors;
  if (fa && fa !== "'self'") delete headers['X-Frame-Options'];
  return headers;
}

// Files other sites load directly (the embedding snippet): readable cross-origin, for SRI.
const CROSS_ORIGIN_FILES = new Set(['embed.js']);
const CROSS_ORIGIN_HEADERS = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
});

export const MIME = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
});

function usage(code) {
  const text = 'usage: node scripts/serve.mjs [DIR=build/site] [--port 8080] [--host 127.0.0.1]\n'
    + "                              [--frame-ancestors \"'self' https://insurer.example\"] [--embed-tool ORIGIN]\n";
  (code ? process.stderr : process.stdout).write(text);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { dir: 'build/site', port: 8080, host: '127.0.0.1', frameAncestors: "'self'", embedTool: null };
  let dirSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name) => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      if (i + 1 >= argv.length) {
        process.stderr.write(`serve: ${name} needs a value\n`);
        usage(2);
      }
      return argv[++i];
    };
    if (a === '-h' || a === '--help') usage(0);
    else if (a === '--port' || a.startsWith('--port=')) {
      const p = Number(value('--port'));
      if (!Number.isInteger(p) || p < 0 || p > 65535) {
        process.stderr.write('serve: --port must be an integer between 0 and 65535\n');
        usage(2);
      }
      opts.port = p;
    } else if (a === '--host' || a.startsWith('--host=')) opts.host = value('--host');
    else if (a === '--frame-ancestors' || a.startsWith('--frame-ancestors=')) {
      const v = value('--frame-ancestors').trim().replace(/\s+/g, ' ');
      if (!validSources(v)) {
        process.stderr.write(`serve: --frame-ancestors expects CSP sources ('self', 'none' or origins), not ${JSON.stringify(v)}\n`);
        usage(2);
      }
      opts.frameAncestors = v;
    } else if (a === '--embed-tool' || a.startsWith('--embed-tool=')) {
      const v = value('--embed-tool');
      let origin = null;
      try {
        origin = new URL(v).origin;
      } catch {
        origin = null;
      }
      if (!origin || origin === 'null' || origin !== v.replace(/\/$/, '') || !/^https?:/.test(origin)) {
        process.stderr.write(`serve: --embed-tool expects an origin such as https://tool.example, not ${JSON.stringify(v)}\n`);
        usage(2);
      }
      opts.embedTool = origin;
    }
    else if (a.startsWith('-')) {
      process.stderr.write(`serve: unknown option ${a}\n`);
      usage(2);
    } else if (!dirSeen) {
      opts.dir = a;
      dirSeen = true;
    } else {
      process.stderr.write(`serve: unexpected argument ${a}\n`);
      usage(2);
    }
  }
  return opts;
}

function sendWith(res, status, body, extra = {}, head = false, base = SECURITY_HEADERS) {
  const headers = {
    ...base,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  };
  if (typeof body === 'string') body = Buffer.from(body, 'utf8');
  headers['Content-Length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(head ? undefined : body);
}

// Resolve a URL path inside root. Returns null when the path is not acceptable
// (traversal, NUL byte, bad encoding, dot-files).
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  for (const s of segments) {
    if (s === '..' || (s.startsWith('.') && s !== '')) return null;
  }
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

const ENCODINGS = [{ name: 'br', ext: 'br' }, { name: 'gzip', ext: 'gz' }];

// The encodings a client accepts (q > 0), in our order of preference: brotli, then gzip.
export function pickEncoding(header) {
  const accepted = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  return ENCODINGS.filter((e) => (accepted.get(e.name) ?? accepted.get('*') ?? 0) > 0);
}

export function createServer(dir, options = {}) {
  const root = fs.realpathSync(path.resolve(dir));
  const base = securityHeaders(options);
  return http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    const send = (r, status, body, extra = {}, h = false) => sendWith(r, status, body, extra, h, base);
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      // The raw path is used, not a URL object's, so that "/../" is seen.
      pathname = (req.url || '/').split('?')[0].split('#')[0];
      if (!pathname.startsWith('/')) throw new Error('bad path');
    } catch {
      send(res, 400, 'Bad Request\n', {}, head);
      return;
    }
    let file = resolveInside(root, pathname);
    if (file === null) {
      send(res, 403, 'Forbidden\n', {}, head);
      return;
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          // The Location is rebuilt from the resolved folder, never echoed: "//demo" must not
          // become "//demo/", a link to another host.
          const rel = path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
          send(res, 301, 'Moved Permanently\n', { Location: `/${rel}${rel ? '/' : ''}` }, head);
          return;
        }
        file = path.join(file, 'index.html');
      }
      // Refuse symlinks leading out of the root.
      fs.realpath(file, (rerr, real) => {
        if (rerr) {
          send(res, 404, 'Not Found\n', {}, head);
          return;
        }
        if (real !== root && !real.startsWith(root + path.sep)) {
          send(res, 403, 'Forbidden\n', {}, head);
          return;
        }
        const type = MIME[path.extname(real).toLowerCase()] || 'application/octet-stream';
        const cross = CROSS_ORIGIN_FILES.has(path.relative(root, real).split(path.sep).join('/')) ? CROSS_ORIGIN_HEADERS : {};
        // The build's precompressed copy (FILE.br, FILE.gz) when the client accepts it, as a
        // production host would serve them (docs/hosting.md).
        const encoding = pickEncoding(req.headers['accept-encoding']).find((e) => fs.existsSync(`${real}.${e.ext}`));
        const served = encoding ? `${real}.${encoding.ext}` : real;
        fs.readFile(served, (ferr, data) => {
          if (ferr) {
            send(res, 404, 'Not Found\n', {}, head);
            return;
          }
          // Revalidated on every use (a new release must reach people), answered 304 when unchanged.
          const etag = `"${createHash('sha256').update(data).digest('base64url').slice(0, 27)}${encoding ? `-${encoding.ext}` : ''}"`;
          const extra = { 'Content-Type': type, 'Cache-Control': 'no-cache', ETag: etag, Vary: 'Accept-Encoding', ...cross };
          if (encoding) extra['Content-Encoding'] = encoding.name;
          if (req.headers['if-none-match'] === etag) {
            send(res, 304, Buffer.alloc(0), extra, true);
            return;
          }
          send(res, 200, data, extra, head);
        });
      });
    });
  });
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.dir) || !fs.statSync(opts.dir).isDirectory()) {
    process.stderr.write(`serve: ${opts.dir} is not a directory\n`);
    process.exit(1);
  }
  const server = createServer(opts.dir, { frameAncestors: opts.frameAncestors, embedTool: opts.embedTool });
  server.on('error', (e) => {
    process.stderr.write(`serve: ${e.message}\n`);
    process.exit(1);
  });
  server.listen(opts.port, opts.host, () => {
    const { port } = server.address();
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    process.stdout.write(`Serving ${opts.dir} on http://${host}:${port}/\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
