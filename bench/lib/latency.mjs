// Per-call timing in Node: each call is timed on its own (performance.now() has sub-microsecond
// resolution in Node), over several rounds after a warm-up (by default one pass over the inputs).
import { median, p95, mean } from './stats.mjs';

export function timeEach(fn, inputs, { rounds = 5, warmup = inputs.length } = {}) {
  for (let w = 0; w < warmup; w++) fn(inputs[w % inputs.length]);
  const times = [];
  const best = new Float64Array(inputs.length).fill(Infinity);
  const roundMedians = [];
  for (let r = 0; r < rounds; r++) {
    const start = times.length;
    inputs.forEach((x, i) => {
      const t0 = performance.now();
      fn(x);
      const dt = performance.now() - t0;
      times.push(dt);
      if (dt < best[i]) best[i] = dt;
    });
    roundMedians.push(median(times.slice(start)));
  }
  return summarize(times, roundMedians, Array.from(best));
}

/**
 * p50/p95 over every call, and over the best round of each input ("best": the cost of the query
 * itself, without the pauses another process or a GC inflicted on one call).
 */
export function summarize(times, roundMedians = [], best = []) {
  return {
    calls: times.length, p50: median(times), p95: p95(times), mean: mean(times), max: Math.max(...times), roundMedians,
    bestP50: best.length ? median(best) : NaN, bestP95: best.length ? p95(best) : NaN,
  };
}

/** Answers for repeated checks: every organization × card × network × covered × language, in turn. */
export function checkAnswers(dataset, count) {
  const orgs = dataset.organizations.map((o) => o.id);
  const cards = ['viamedis', 'almerys', 'other', 'none', 'unknown'];
  const networks = ['itelis', 'kalixia', 'santeclair', 'carte-blanche', 'seveane', 'other', 'none', 'unknown'];
  const covered = ['jan2024', 'before2024', 'after2024', 'unknown'];
  const out = [];
  for (let i = 0; out.length < count; i++) {
    const a = { lang: i % 2 ? 'en' : 'fr' };
    if (i % 7 === 3) a.query = dataset.organizations[i % orgs.length].name.slice(0, 6);
    else a.org = orgs[i % orgs.length];
    if (i % 3) a.card = cards[i % cards.length];
    if (i % 4) a.network = networks[i % networks.length];
    if (i % 5) a.covered = covered[i % covered.length];
    if (i % 11 === 0) a.contract = 'Contrat collectif';
    if (i % 13 === 0) a.role = 'pro';
    out.push(a);
  }
  return out;
}
