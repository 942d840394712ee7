// docs/hosting.md gives the production header set three times: a table, an nginx configuration and
// a Caddyfile. This test reads all three from the doc and requires each to equal what
// scripts/serve.mjs actually sends for index.html and for embed.js, so that a header changed on one
// side only fails here. It also holds the server's regressions: "//demo" never redirects to
// another host, precompressed copies are served by Accept-Encoding, If-None-Match gives 304.
// No browser and no built site: the server runs on a temporary folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, startServer } from './helpers.mjs';
import { MIME, SECURITY_HEADERS, createServer, cspFor, securityHeaders, validSources } from '../../scripts/serve.mjs';

const DOC_FILE = path.join(ROOT, 'docs', 'hosting.md');
const DOC = fs.readFileSync(DOC_FILE, 'utf8');

// Headers about the connection, not about the site: never part of the documented set.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
// Headers every server makes itself (the doc's table describes them, no configuration sets them).
const MADE_BY_SERVER = new Set(['etag', 'content-encoding', 'content-type']);

// ---------------------------------------------------------------------------------------------
// Reading docs/hosting.md

/** The text between <!-- NAME --> and <!-- /NAME -->. */
function section(name) {
  const start = DOC.indexOf(`<!-- ${name} -->`);
  const end = DOC.indexOf(`<!-- /${name} -->`);
  assert.ok(start !== -1 && end > start, `docs/hosting.md has a <!-- ${name} --> … <!-- /${name} --> section`);
  return DOC.slice(start + name.length + 9, end);
}

/** The fenced code blocks of a piece of Markdown: [{lang, text}]. */
function fences(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], text: m[2] }));
}

/** Rows of a Markdown table, as arrays of trimmed cells (header and separator rows left out). */
function tableRows(markdown) {
  const lines = markdown.split('\n').filter((l) => l.trim().startsWith('|'));
  return lines.slice(2).map((l) => l.trim().slice(1, -1).split('|').map((c) => c.trim()));
}

const literal = (cell) => (/^`[^`]*`$/.test(cell) ? cell.slice(1, -1) : null);

// Who a row of the table applies to. Any other wording is an error: the test must understand
// every row.
const SCOPES = {
  'every response': () => true,
  'every response but embed.js': (r) => r.file !== 'embed.js',
  'embed.js': (r) => r.file === 'embed.js',
  'every file': (r) => r.isFile,
  'a precompressed copy': (r) => r.isFile && Boolean(r.encoding),
};

function headerTable() {
  return tableRows(section('header-table')).map(([name, value, on]) => {
    assert.ok(on in SCOPES, `header table: "${on}" (row ${name}) is not one of: ${Object.keys(SCOPES).join('; ')}`);
    return { name: name.replace(/`/g, '').toLowerCase(), value: literal(value), rawValue: value, on };
  });
}

/** What the table says a response carries: Map lower-case name → literal value (or null: made by the server). */
function fromTable(request) {
  const out = new Map();
  for (const row of headerTable()) {
    if (!SCOPES[row.on](request)) continue;
    assert.ok(!out.has(row.name), `header table: two rows of ${row.name} apply to ${request.file}`);
    out.set(row.name, row.value);
  }
  return out;
}

function mimeTable() {
  const out = {};
  for (const [ext, type] of tableRows(section('mime-table'))) out[/`([^`]+)`/.exec(ext)[1]] = literal(type);
  return out;
}

// nginx: statements ("name args;") and blocks ("name args { … }"), quotes and comments handled.
function nginxTokens(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i += 1;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i += 1;
    else if ('{};'.includes(c)) {
      tokens.push({ sym: c });
      i += 1;
    } else if (c === '"' || c === "'") {
      let s = '';
      i += 1;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') i += 1;
        s += text[i];
        i += 1;
      }
      i += 1;
      tokens.push({ word: s });
    } else {
      let s = '';
      while (i < text.length && !/[\s{};]/.test(text[i])) s += text[i++];
      tokens.push({ word: s });
    }
  }
  return tokens;
}

function nginxParse(text) {
  const tokens = nginxTokens(text);
  let i = 0;
  const block = () => {
    const out = [];
    let words = [];
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t.word !== undefined) words.push(t.word);
      else if (t.sym === ';') {
        out.push({ name: words[0], args: words.slice(1) });
        words = [];
      } else if (t.sym === '{') {
        out.push({ name: words[0], args: words.slice(1), children: block() });
        words = [];
      } else return out; // '}'
    }
    assert.deepEqual(words, [], 'nginx: a statement without its ";"');
    return out;
  };
  return block();
}

function nginxConfig() {
  const blocks = fences(section('nginx'));
  assert.ok(blocks.length >= 2 && blocks.every((b) => b.lang === 'nginx'), 'the nginx section has its snippet and its server block as ```nginx blocks');
  // Each block starts with a comment naming its file.
  const files = new Map(blocks.map((b) => [/^#\s*(\S+)/.exec(b.text)?.[1], nginxParse(b.text)]));
  const expand = (directives) => directives.flatMap((d) => {
    if (d.name === 'include') {
      const found = [...files.keys()].find((f) => f && f.endsWith(`/${d.args[0]}`));
      assert.ok(found, `nginx: include ${d.args[0]} names one of the doc's files`);
      return expand(files.get(found));
    }
    return [d.children ? { ...d, children: expand(d.children) } : d];
  });
  const servers = [...files.values()].flatMap(expand).filter((d) => d.name === 'server');
  const tls = servers.find((s) => s.children.some((d) => d.name === 'listen' && d.args.includes('ssl')));
  assert.ok(tls, 'nginx: a server block listening with ssl');
  return tls.children;
}

// The location nginx picks for a path: an exact match, else the longest prefix (no regex here).
function nginxLocation(server, urlPath) {
  const locations = server.filter((d) => d.name === 'location');
  assert.ok(locations.every((l) => (l.args.length === 1) || (l.args.length === 2 && l.args[0] === '=')),
    'nginx: the doc uses only prefix and exact locations (this test does not evaluate regex ones)');
  const exact = locations.find((l) => l.args[0] === '=' && l.args[1] === urlPath);
  if (exact) return exact;
  return locations.filter((l) => l.args.length === 1 && urlPath.startsWith(l.args[0]))
    .sort((a, b) => b.args[0].length - a.args[0].length)[0];
}

/** The headers nginx adds to a response of `urlPath`, as configured (add_header). */
function nginxHeaders(server, urlPath) {
  const location = nginxLocation(server, urlPath);
  assert.ok(location, `nginx: a location serves ${urlPath}`);
  // A level with add_header of its own drops those of the levels around it.
  const own = location.children.filter((d) => d.name === 'add_header');
  const used = own.length ? own : server.filter((d) => d.name === 'add_header');
  const out = new Map();
  for (const d of used) {
    assert.equal(d.args.length, 3, `nginx: add_header ${d.args[0]} "value" always`);
    assert.equal(d.args[2], 'always', `nginx: add_header ${d.args[0]} has "always" (errors carry it too)`);
    const name = d.args[0].toLowerCase();
    assert.ok(!out.has(name), `nginx: ${d.args[0]} added twice for ${urlPath}`);
    out.set(name, d.args[1]);
  }
  return out;
}

/** The Content-Type nginx sends for an extension. */
function nginxType(server, ext) {
  const types = new Map();
  for (const d of server.find((x) => x.name === 'types')?.children ?? []) for (const e of d.args) types.set(`.${e}`, d.name);
  const fallback = server.find((d) => d.name === 'default_type')?.args[0];
  const type = types.get(ext) ?? fallback;
  const charset = server.find((d) => d.name === 'charset')?.args[0];
  const charsetTypes = server.find((d) => d.name === 'charset_types')?.args ?? [];
  return charset && charsetTypes.includes(type) ? `${type}; charset=${charset}` : type;
}

const nginxOn = (server, name) => server.some((d) => d.name === name && d.args[0] === 'on');

// Caddyfile: one directive per line, blocks opened by a trailing "{" and closed by a lone "}".
function caddyTokens(line) {
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m;
  while ((m = re.exec(line))) {
    if (m[2]?.startsWith('#')) break;
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  }
  return out;
}

function caddyParse(text) {
  const root = { tokens: [], children: [] };
  const stack = [root];
  for (const raw of text.split('\n')) {
    const tokens = caddyTokens(raw);
    if (!tokens.length) continue;
    if (tokens.length === 1 && tokens[0] === '}') {
      stack.pop();
      assert.ok(stack.length, 'Caddyfile: unbalanced "}"');
      continue;
    }
    const opens = tokens[tokens.length - 1] === '{';
    const node = { tokens: opens ? tokens.slice(0, -1) : tokens, children: opens ? [] : null };
    stack[stack.length - 1].children.push(node);
    if (opens) stack.push(node);
  }
  assert.equal(stack.length, 1, 'Caddyfile: a block left open');
  return root.children;
}

function caddySite() {
  const blocks = fences(section('caddy'));
  assert.equal(blocks.length, 1, 'the Caddy section has one ```caddyfile block');
  assert.equal(blocks[0].lang, 'caddyfile');
  const sites = caddyParse(blocks[0].text).filter((n) => n.children);
  assert.equal(sites.length, 1, 'Caddyfile: one site block');
  return sites[0].children;
}

const glob = (p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

// One matcher line ("path A B", "not path A") against a request path.
function caddyMatches(tokens, urlPath) {
  if (tokens[0] === 'not') return !caddyMatches(tokens.slice(1), urlPath);
  assert.equal(tokens[0], 'path', `Caddyfile: this test evaluates path and not-path matchers, not "${tokens[0]}"`);
  return tokens.slice(1).some((p) => glob(p).test(urlPath));
}

/** The headers Caddy's header directives set on a response of `urlPath` (Map lower-case → value). */
function caddyHeaders(site, urlPath) {
  const matchers = new Map();
  for (const n of site.filter((x) => x.tokens[0].startsWith('@'))) {
    matchers.set(n.tokens[0], n.children ? n.children.map((c) => c.tokens) : [n.tokens.slice(1)]);
  }
  const applies = (token) => {
    if (token === undefined || token === '*') return true;
    if (token.startsWith('/')) return glob(token).test(urlPath);
    assert.ok(matchers.has(token), `Caddyfile: matcher ${token} is defined`);
    return matchers.get(token).every((line) => caddyMatches(line, urlPath)); // a matcher set is an AND
  };
  const out = new Map();
  const set = (field, value, where) => {
    assert.ok(/^[A-Za-z][A-Za-z0-9-]*$/.test(field), `Caddyfile: "${field}" sets a header (no +, -, ? or > operation)`);
    const name = field.toLowerCase();
    assert.ok(!out.has(name) || out.get(name) === value,
      `Caddyfile: ${field} is set twice for ${urlPath} (${where}): the result would depend on Caddy's directive order`);
    out.set(name, value);
  };
  for (const n of site.filter((x) => x.tokens[0] === 'header')) {
    const [, first, ...rest] = n.tokens;
    const hasMatcher = first !== undefined && (first === '*' || first.startsWith('@') || first.startsWith('/'));
    if (!applies(hasMatcher ? first : undefined)) continue;
    const inline = hasMatcher ? rest : n.tokens.slice(1);
    if (inline.length) {
      assert.equal(inline.length, 2, `Caddyfile: header ${inline.join(' ')}`);
      set(inline[0], inline[1], n.tokens.join(' '));
    }
    for (const c of n.children ?? []) {
      assert.equal(c.tokens.length, 2, `Caddyfile: header block line ${c.tokens.join(' ')}`);
      set(c.tokens[0], c.tokens[1], n.tokens.join(' '));
    }
  }
  return out;
}

// The types of Go's own table that the doc says Caddy falls back on (mime.TypeByExtension).
const GO_BUILTIN = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

// ---------------------------------------------------------------------------------------------
// The server under test, on a temporary folder shaped like build/site

let dir;
let server;
const INDEX = `<!doctype html><html lang="fr"><title>t</title>${'<p>Vérifiez sans rien envoyer.</p>\n'.repeat(200)}</html>`;
const EMBED = `(function(){'use strict';${'var x=1;'.repeat(300)}}());`;

function writeWithCopies(file, text) {
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(Buffer.from(text), { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(Buffer.from(text)));
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachcheck-headers-'));
  writeWithCopies(path.join(dir, 'index.html'), INDEX);
  writeWithCopies(path.join(dir, 'embed.js'), EMBED);
  fs.mkdirSync(path.join(dir, 'demo'));
  writeWithCopies(path.join(dir, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
  fs.writeFileSync(path.join(dir, 'a.img'), Buffer.from('BCIMAGE\0 test'));
  fs.writeFileSync(path.join(dir, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>'); // no copies
  server = await startServer(dir);
});

after(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request (the path kept as written, bodies not decoded). */
function get(urlPath, headers = {}, base = server.url, method = 'GET') {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: urlPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers of a response that describe the site (transport headers left out). */
function siteHeaders(res) {
  return new Map(Object.entries(res.headers).filter(([k]) => !TRANSPORT.has(k)));
}

const withoutMadeByServer = (map) => new Map([...map].filter(([k]) => !MADE_BY_SERVER.has(k)));
const sorted = (map) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
const FILES = [{ file: 'index.html', ext: '.html' }, { file: 'embed.js', ext: '.js' }];

// ---------------------------------------------------------------------------------------------
// The doc equals the server

test('hosting.md, the table: exactly the headers serve.mjs sends for index.html and embed.js, plain and brotli', async () => {
  const types = mimeTable();
  for (const { file, ext } of FILES) {
    for (const encoding of [null, 'br']) {
      const res = await get(`/${file}`, encoding ? { 'Accept-Encoding': encoding } : {});
      assert.equal(res.status, 200);
      const sent = siteHeaders(res);
      const documented = fromTable({ file, isFile: true, encoding });
      const what = `${file}${encoding ? ` (Accept-Encoding: ${encoding})` : ''}`;
      assert.deepEqual([...sent.keys()].sort(), [...documented.keys()].sort(), `${what}: the headers sent are the table's rows`);
      for (const [name, value] of documented) {
        if (value !== null) assert.equal(sent.get(name), value, `${what}: ${name}`);
      }
      assert.match(sent.get('etag'), /^(W\/)?"[^"]+"$/, `${what}: ETag`);
      assert.equal(sent.get('content-type'), types[ext], `${what}: Content-Type as in the types table`);
      if (encoding) {
        assert.equal(sent.get('content-encoding'), 'br', what);
        assert.match(headerTable().find((r) => r.name === 'content-encoding').rawValue, /`br`/);
      }
    }
  }
});

test('hosting.md, the table: every response, errors included, carries the security headers', async () => {
  for (const [urlPath, status] of [['/nope.html', 404], ['/demo', 301], ['/.hidden', 403]]) {
    const res = await get(urlPath);
    assert.equal(res.status, status, urlPath);
    for (const [name, value] of fromTable({ file: urlPath.slice(1), isFile: false, encoding: null })) {
      assert.equal(res.headers[name], value, `${urlPath}: ${name}`);
    }
    assert.equal(res.headers['cache-control'], 'no-store', `${urlPath}: errors and redirects are not stored`);
  }
  assert.match(DOC, /errors and redirects[^.]*`Cache-Control: no-store`/, 'the doc says what errors and redirects carry');
});

test('hosting.md, the table: its rows are SECURITY_HEADERS and cspFor() of scripts/serve.mjs', () => {
  const rows = fromTable({ file: 'index.html', isFile: true, encoding: null });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(rows.get(name.toLowerCase()), value, name);
  assert.equal(rows.get('content-security-policy'), cspFor());
  assert.deepEqual(securityHeaders(), { ...SECURITY_HEADERS });
});

test('hosting.md, the types table: the MIME map of serve.mjs, .img as application/octet-stream', async () => {
  assert.deepEqual(mimeTable(), { ...MIME, '.img': 'application/octet-stream' });
  assert.equal((await get('/a.img')).headers['content-type'], 'application/octet-stream');
  assert.equal((await get('/a.svg')).headers['content-type'], MIME['.svg']);
});

test('hosting.md, the nginx configuration: the same headers and types as serve.mjs', async () => {
  const nginx = nginxConfig();
  assert.ok(nginxOn(nginx, 'gzip_static') && nginxOn(nginx, 'brotli_static'), 'nginx serves the .gz and .br copies');
  assert.ok(!nginx.some((d) => d.name === 'etag' && d.args[0] === 'off'), 'nginx keeps its ETag');
  assert.ok(!nginxOn(nginx, 'gzip_vary'), 'gzip_vary off: the snippet sends Vary itself, once');
  for (const { file, ext } of FILES) {
    const sent = siteHeaders(await get(`/${file}`));
    const configured = nginxHeaders(nginx, `/${file}`);
    assert.deepEqual(sorted(configured), sorted(withoutMadeByServer(sent)), `nginx, /${file}`);
    assert.equal(nginxType(nginx, ext), sent.get('content-type'), `nginx, /${file}: Content-Type`);
  }
  for (const [ext, type] of Object.entries({ ...MIME, '.img': 'application/octet-stream' })) {
    assert.equal(nginxType(nginx, ext), type, `nginx type of ${ext}`);
  }
});

test('hosting.md, the Caddyfile: the same headers and types as serve.mjs', async () => {
  const site = caddySite();
  const fileServer = site.find((n) => n.tokens[0] === 'file_server');
  const pre = fileServer?.children?.find((c) => c.tokens[0] === 'precompressed');
  assert.deepEqual(pre?.tokens.slice(1), ['br', 'gzip'], 'file_server serves the .br copy, then the .gz one');
  for (const { file, ext } of FILES) {
    const sent = siteHeaders(await get(`/${file}`));
    const configured = caddyHeaders(site, `/${file}`);
    assert.ok(!configured.has('vary'), 'Caddyfile: no Vary (file_server adds it; set here it would be sent twice)');
    const type = configured.get('content-type') ?? GO_BUILTIN[ext];
    configured.delete('content-type');
    const expected = withoutMadeByServer(sent);
    expected.delete('vary');
    assert.deepEqual(sorted(configured), sorted(expected), `Caddy, /${file}`);
    assert.equal(type, sent.get('content-type'), `Caddy, /${file}: Content-Type`);
  }
  // Every pinned type is serve.mjs's.
  const all = { ...MIME, '.img': 'application/octet-stream' };
  for (const ext of Object.keys(all)) {
    const pinned = caddyHeaders(site, `/x${ext}`).get('content-type');
    if (pinned !== undefined) assert.equal(pinned, all[ext], `Caddy type of ${ext}`);
  }
  for (const ext of ['.wasm', '.js', '.mjs', '.json', '.img']) {
    assert.ok(caddyHeaders(site, `/x${ext}`).has('content-type'), `Caddy pins the type of ${ext}`);
  }
});

test('hosting.md, framing: frame-ancestors naming an insurer, and no X-Frame-Options, as serve.mjs --frame-ancestors', async () => {
  const block = fences(section('framed-csp'));
  assert.equal(block.length, 1);
  const line = /^Content-Security-Policy: (.+)$/m.exec(block[0].text);
  assert.ok(line, 'the framed variant gives a Content-Security-Policy line');
  const csp = line[1].trim();
  const frameAncestors = /(?:^|; )frame-ancestors ([^;]+)$/.exec(csp)[1];
  assert.ok(validSources(frameAncestors), frameAncestors);
  assert.notEqual(frameAncestors, "'self'");
  // Only frame-ancestors differs from the base policy of the table.
  const base = fromTable({ file: 'index.html', isFile: true, encoding: null }).get('content-security-policy');
  assert.equal(csp, base.replace(/frame-ancestors [^;]+$/, `frame-ancestors ${frameAncestors}`));
  const inProcess = createServer(dir, { frameAncestors });
  await new Promise((resolve) => inProcess.listen(0, '127.0.0.1', resolve));
  try {
    const res = await get('/index.html', {}, `http://127.0.0.1:${inProcess.address().port}/`);
    assert.equal(res.headers['content-security-policy'], csp);
    assert.equal(res.headers['x-frame-options'], undefined, 'X-Frame-Options is left out');
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
  } finally {
    inProcess.closeAllConnections();
    await new Promise((resolve) => inProcess.close(resolve));
  }
  assert.equal(securityHeaders({ frameAncestors })['X-Frame-Options'], undefined);
  assert.match(section('framed-csp') + DOC, /remove\s+`X-Frame-Options`/);
});

// ---------------------------------------------------------------------------------------------
// Regressions of scripts/serve.mjs

test('GET //demo redirects to /demo/, never to another host (//demo/ would be one)', async () => {
  const base = new URL(server.url);
  for (const p of ['//demo', '///demo', '//demo?x=1', '/%2F%2Fdemo', '/%2fdemo', '/demo']) {
    const res = await get(p);
    assert.equal(res.status, 301, p);
    assert.equal(res.headers.location, '/demo/', p);
    assert.equal(new URL(res.headers.location, base).origin, base.origin, p);
  }
  // Whatever the path, a redirect stays on this origin.
  for (const p of ['//127.0.0.1:1/demo', '//evil.example/demo', '/\\evil.example', '//%2e%2e/demo']) {
    const res = await get(p);
    if (res.status >= 300 && res.status < 400) {
      assert.ok(!res.headers.location.startsWith('//'), `${p} → ${res.headers.location}`);
      assert.equal(new URL(res.headers.location, base).origin, base.origin, p);
    }
  }
});

test('Accept-Encoding: the .br or .gz copy, with Content-Encoding and Vary; the plain file otherwise', async () => {
  const plain = await get('/index.html');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  assert.equal(plain.body.toString('utf8'), INDEX);
  const cases = [
    ['br', 'br'], ['gzip, deflate, br', 'br'], ['br;q=0, gzip', 'gzip'], ['gzip', 'gzip'], ['*', 'br'],
    ['identity', null], ['br;q=0, gzip;q=0', null], ['deflate', null],
  ];
  for (const [accept, expected] of cases) {
    const res = await get('/index.html', { 'Accept-Encoding': accept });
    assert.equal(res.status, 200, accept);
    assert.equal(res.headers.vary, 'Accept-Encoding', accept);
    assert.equal(res.headers['content-type'], MIME['.html'], `${accept}: the original's type`);
    assert.equal(res.headers['content-encoding'], expected ?? undefined, accept);
    assert.equal(Number(res.headers['content-length']), res.body.length, accept);
    if (expected) {
      const ext = expected === 'br' ? 'br' : 'gz';
      assert.deepEqual(res.body, fs.readFileSync(path.join(dir, `index.html.${ext}`)), `${accept}: the build's copy`);
      const decoded = expected === 'br' ? zlib.brotliDecompressSync(res.body) : zlib.gunzipSync(res.body);
      assert.equal(decoded.toString('utf8'), INDEX, accept);
      assert.notEqual(res.headers.etag, plain.headers.etag, `${accept}: each copy has its own ETag`);
    } else {
      assert.equal(res.body.toString('utf8'), INDEX, accept);
    }
  }
  // embed.js keeps its cross-origin headers when compressed.
  const embed = await get('/embed.js', { 'Accept-Encoding': 'br' });
  assert.equal(embed.headers['content-encoding'], 'br');
  assert.equal(embed.headers['access-control-allow-origin'], '*');
  assert.equal(embed.headers['cross-origin-resource-policy'], 'cross-origin');
  // A file without copies is sent as it is, still with Vary.
  const svg = await get('/a.svg', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(svg.headers['content-encoding'], undefined);
  assert.equal(svg.headers.vary, 'Accept-Encoding');
});

test('If-None-Match with the current ETag gives 304 without a body, and the same headers', async () => {
  for (const accept of [null, 'br', 'gzip']) {
    const h = accept ? { 'Accept-Encoding': accept } : {};
    const first = await get('/index.html', h);
    const etag = first.headers.etag;
    const again = await get('/index.html', { ...h, 'If-None-Match': etag });
    assert.equal(again.status, 304, `${accept}: 304`);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    for (const name of ['cache-control', 'vary', 'content-security-policy', 'x-content-type-options', 'referrer-policy',
      'cross-origin-resource-policy', 'strict-transport-security']) {
      assert.equal(again.headers[name], first.headers[name], `${accept}: ${name} on the 304`);
    }
    assert.equal(again.headers['content-encoding'], first.headers['content-encoding'], `${accept}: Content-Encoding on the 304`);
    // HEAD revalidates the same way.
    assert.equal((await get('/index.html', { ...h, 'If-None-Match': etag }, server.url, 'HEAD')).status, 304);
  }
  // A stale tag, or the tag of another copy, gets the full file.
  const plain = await get('/index.html');
  const br = await get('/index.html', { 'Accept-Encoding': 'br' });
  assert.equal((await get('/index.html', { 'If-None-Match': '"stale"' })).status, 200);
  const other = await get('/index.html', { 'If-None-Match': br.headers.etag });
  assert.equal(other.status, 200, 'the brotli copy\'s tag does not validate the plain file');
  assert.equal(other.body.toString('utf8'), INDEX);
  assert.equal((await get('/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': plain.headers.etag })).status, 200);
  // The tag follows the bytes: a new release changes it.
  fs.writeFileSync(path.join(dir, 'a.img'), Buffer.from('BCIMAGE\0 release 1'));
  const v1 = await get('/a.img');
  fs.writeFileSync(path.join(dir, 'a.img'), Buffer.from('BCIMAGE\0 release 2'));
  const v2 = await get('/a.img', { 'If-None-Match': v1.headers.etag });
  assert.equal(v2.status, 200, 'a changed file is sent again');
  assert.notEqual(v2.headers.etag, v1.headers.etag);
});
