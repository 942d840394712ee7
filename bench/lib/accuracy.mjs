// Top-1 accuracy of the engine and of the Fuse.js baselines on the hand-labelled queries.
import { grid, makeFuse, DEFAULT, DEFAULT_FOLDED, describe, records } from './fuse-baseline.mjs';

/** hits[i] = true when the searcher's first answer for query i is the expected organization. */
function hitVector(searchTop, queries) {
  return queries.map((q) => searchTop(q.query) === q.expected_id);
}

const count = (v, idx = null) => (idx ? idx.reduce((n, i) => n + (v[i] ? 1 : 0), 0) : v.filter(Boolean).length);

export function evaluate(engine, dataset, queries) {
  const recs = records(dataset);
  const engineTop = (q) => {
    const r = engine.search(q, 8);
    return r.results && r.results[0] ? r.results[0] : null;
  };
  const engineHits = hitVector((q) => engineTop(q)?.id, queries);
  const misses = [];
  queries.forEach((q, i) => {
    if (engineHits[i]) return;
    const r = engine.search(q.query, 8).results || [];
    const rank = r.findIndex((x) => x.id === q.expected_id);
    misses.push({ ...q, top: r[0] ? `${r[0].id} (${r[0].score})` : '(no result)', expectedRank: rank >= 0 ? rank + 1 : null });
  });

  const fuseDefault = makeFuse(recs, DEFAULT);
  const fuseDefaultFolded = makeFuse(recs, DEFAULT_FOLDED);
  const defaultHits = hitVector((q) => fuseDefault.search(q, 1)[0], queries);
  const defaultFoldedHits = hitVector((q) => fuseDefaultFolded.search(q, 1)[0], queries);

  // Tuned: every configuration of the grid, scored on the whole set (oracle: the best it can do
  // here), and by 2-fold cross-validation (pick on odd queries, score on even ones, and back).
  const configs = grid().map((variant) => {
    const f = makeFuse(recs, variant);
    return { variant, hits: hitVector((q) => f.search(q, 1)[0], queries) };
  });
  const all = queries.map((_, i) => i);
  const best = (idx) => configs.reduce((b, c) => (count(c.hits, idx) > count(b.hits, idx) ? c : b));
  const oracle = best(all);
  const odd = all.filter((i) => i % 2 === 1);
  const even = all.filter((i) => i % 2 === 0);
  const cvHits = count(best(odd).hits, even) + count(best(even).hits, odd);

  const fuseMisses = [];
  const fTuned = makeFuse(recs, oracle.variant);
  queries.forEach((q, i) => {
    if (!oracle.hits[i]) fuseMisses.push({ ...q, top: fTuned.search(q.query, 1)[0] ?? '(no result)' });
  });

  const kinds = [...new Set(queries.map((q) => q.kind))].sort();
  const byKind = kinds.map((kind) => {
    const idx = all.filter((i) => queries[i].kind === kind);
    return { kind, n: idx.length, engine: count(engineHits, idx), fuseDefault: count(defaultHits, idx), fuseTuned: count(oracle.hits, idx) };
  });

  return {
    n: queries.length,
    engine: count(engineHits),
    fuseDefault: count(defaultHits),
    fuseDefaultFolded: count(defaultFoldedHits),
    fuseTuned: count(oracle.hits),
    fuseTunedCV: cvHits,
    fuseTunedVariant: oracle.variant,
    fuseTunedDescription: describe(oracle.variant),
    gridSize: configs.length,
    engineOnly: all.filter((i) => engineHits[i] && !oracle.hits[i]).map((i) => queries[i].query),
    fuseOnly: all.filter((i) => !engineHits[i] && oracle.hits[i]).map((i) => queries[i].query),
    byKind,
    misses,
    fuseMisses,
  };
}

/**
 * Held-out check (bench/queries-holdout.json, written blind after the engine was tuned on
 * bench/queries.json): the engine, default Fuse.js, Fuse.js with the configuration tuned on the
 * main set (the fair comparison), and the best grid configuration chosen on the held-out set itself.
 */
export function evaluateHoldout(engine, dataset, queries, tunedVariant) {
  const recs = records(dataset);
  const engineHits = hitVector((q) => engine.search(q, 8).results?.[0]?.id, queries);
  const fuseDefault = makeFuse(recs, DEFAULT);
  const fuseTuned = makeFuse(recs, tunedVariant);
  const tunedHits = hitVector((q) => fuseTuned.search(q, 1)[0], queries);
  const oracle = Math.max(...grid().map((variant) => {
    const f = makeFuse(recs, variant);
    return count(hitVector((q) => f.search(q, 1)[0], queries));
  }));
  const misses = queries.filter((_, i) => !engineHits[i]).map((q) => ({ ...q, top: engine.search(q.query, 8).results?.[0]?.id ?? '(no result)' }));
  return {
    n: queries.length,
    engine: count(engineHits),
    fuseDefault: count(hitVector((q) => fuseDefault.search(q, 1)[0], queries)),
    fuseTuned: count(tunedHits),
    fuseOracle: oracle,
    misses,
    fuseMisses: queries.filter((_, i) => !tunedHits[i]).map((q) => q.query),
  };
}
