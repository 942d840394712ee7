// Small statistics helpers: every figure in the report is a median or a percentile, never one run.
export function quantile(values, q) {
  if (!values.length) return NaN;
  const s = Float64Array.from(values).sort();
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
export const median = (v) => quantile(v, 0.5);
export const p95 = (v) => quantile(v, 0.95);
export const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;

/** Every prefix of every query, as typed one key at a time ("m", "ma", "mal", …). */
export function keystrokes(queries) {
  const out = [];
  for (const q of queries) {
    const chars = Array.from(q);
    for (let i = 1; i <= chars.length; i++) out.push(chars.slice(0, i).join(''));
  }
  return out;
}

/** A deterministic PRNG (mulberry32), so that synthetic data and samples are the same every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n items of arr, evenly spread (deterministic). */
export function spread(arr, n) {
  if (arr.length <= n) return arr.slice();
  const out = [];
  for (let i = 0; i < n; i++) out.push(arr[Math.floor((i * arr.length) / n)]);
  return out;
}

export const fmtMs = (ms, digits = 3) => (Number.isFinite(ms) ? ms.toFixed(digits) : 'n/a');
export const fmtKB = (bytes) => (bytes / 1024).toFixed(1);
