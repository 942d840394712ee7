// Where the bytes of a .wasm go: sizes of its sections, and (when it carries a "name" section,
// i.e. a build linked with --profiling-funcs) of its functions, grouped by C++ namespace.
import { execFileSync } from 'node:child_process';

function reader(buf) {
  let pos = 0;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
    }
  };
  return { u32, get pos() { return pos; }, set pos(p) { pos = p; }, bytes: (n) => { const s = buf.subarray(pos, pos + n); pos += n; return s; } };
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

export function wasmSections(buf) {
  const r = reader(buf);
  r.pos = 8;
  const sections = [];
  let importedFuncs = 0;
  let bodies = [];
  let names = new Map();
  while (r.pos < buf.length) {
    const id = buf[r.pos++];
    const size = r.u32();
    const start = r.pos;
    let name = SECTION_NAMES[id] || `id${id}`;
    if (id === 0) {
      const n = r.u32();
      name = `custom:${Buffer.from(r.bytes(n)).toString('utf8')}`;
      if (name === 'custom:name') {
        while (r.pos < start + size) {
          const sub = buf[r.pos++];
          const len = r.u32();
          const end = r.pos + len;
          if (sub === 1) {
            const count = r.u32();
            for (let i = 0; i < count; i++) {
              const idx = r.u32();
              const l = r.u32();
              names.set(idx, Buffer.from(r.bytes(l)).toString('utf8'));
            }
          }
          r.pos = end;
        }
      }
    } else if (id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        r.pos += r.u32(); // module
        r.pos += r.u32(); // field
        const kind = buf[r.pos++];
        if (kind === 0) { r.u32(); importedFuncs++; }
        else if (kind === 1) { r.pos++; const f = r.u32(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 2) { const f = r.u32(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 3) { r.pos += 2; }
      }
    } else if (id === 10) {
      const count = r.u32();
      bodies = [];
      for (let i = 0; i < count; i++) { const s = r.u32(); bodies.push(s); r.pos += s; }
    }
    sections.push({ name, size });
    r.pos = start + size;
  }
  const functions = bodies.map((size, i) => ({ index: importedFuncs + i, size, name: names.get(importedFuncs + i) || null }));
  return { sections, functions, hasNames: names.size > 0 };
}

/** Function sizes by group (nlohmann::json, std::, breachcheck::, embind…), using c++filt. */
export function groupFunctions(functions) {
  const mangled = functions.map((f) => f.name || `#${f.index}`);
  let demangled = mangled;
  try {
    demangled = execFileSync('c++filt', [], { input: mangled.join('\n'), encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n');
  } catch { /* no c++filt: group mangled names */ }
  const groupOf = (d) => {
    if (/nlohmann/.test(d)) return 'nlohmann::json';
    if (/^breachcheck::|[ (<]breachcheck::/.test(d) && !/emscripten::/.test(d)) return 'breachcheck (core)';
    if (/emscripten::|embind|_embind_|EmscriptenBindingInitializer/.test(d)) return 'Embind';
    if (/^std::|[ (<]std::|__cxxabiv1|__cxa_|__gxx/.test(d)) return 'C++ standard library';
    if (/^(dlmalloc|dlfree|malloc|free|memcpy|memset|memmove|strlen|sbrk|emscripten_|__)|printf|scanf|strto|fmt_|pop_arg|wcrtomb/.test(d)) return 'libc / malloc';
    return 'other';
  };
  const groups = new Map();
  functions.forEach((f, i) => {
    const g = groupOf(demangled[i] || '');
    const cur = groups.get(g) || { group: g, size: 0, count: 0 };
    cur.size += f.size;
    cur.count += 1;
    groups.set(g, cur);
  });
  const top = functions.map((f, i) => ({ ...f, demangled: demangled[i] })).sort((a, b) => b.size - a.size).slice(0, 12);
  return { groups: [...groups.values()].sort((a, b) => b.size - a.size), top };
}
