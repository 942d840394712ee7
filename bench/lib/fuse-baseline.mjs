// The plain-JavaScript baseline: Fuse.js over the same names and aliases as the engine.
//   default      keys name + aliases, every other option at Fuse's default, raw text
//   default+fold the same, with the accent/case/punctuation folding the engine gets (fold.mjs)
//   tuned        folding + the best configuration of a grid, chosen ON THE LABELLED SET itself
//                (an optimistic baseline: Fuse is tuned on the test set, the engine is not)
import Fuse from 'fuse.js';
import { fold } from './fold.mjs';

export function records(dataset) {
  return dataset.organizations.map((o) => ({ id: o.id, name: o.name, aliases: o.aliases || [] }));
}

function foldedRecords(recs) {
  return recs.map((r) => ({ id: r.id, name: fold(r.name), aliases: r.aliases.map(fold) }));
}

/** A searcher: (query, limit) => [id, ...], plus a label and its options. */
export function makeFuse(recs, variant) {
  const { label, options, folded, nameWeight } = variant;
  const keys = nameWeight && nameWeight !== 1 ? [{ name: 'name', weight: nameWeight }, { name: 'aliases', weight: 1 }] : ['name', 'aliases'];
  const fuse = new Fuse(folded ? foldedRecords(recs) : recs, { keys, ...options });
  const prep = folded ? fold : (q) => q;
  return {
    label,
    variant,
    search: (query, limit = 8) => fuse.search(prep(query), { limit }).map((r) => r.item.id),
  };
}

export const DEFAULT = { label: 'Fuse.js default', options: {}, folded: false };
export const DEFAULT_FOLDED = { label: 'Fuse.js default + folding', options: {}, folded: true };

/** The grid the tuned baseline is picked from (every combination: 96 configurations). */
export function grid() {
  const out = [];
  for (const threshold of [0.2, 0.3, 0.4, 0.6])
    for (const nameWeight of [1, 2, 3])
      for (const useTokenSearch of [false, true])
        for (const ignoreLocation of [false, true])
          for (const fieldNormWeight of [0.5, 1]) {
            const options = { threshold, ignoreLocation, fieldNormWeight };
            if (useTokenSearch) options.useTokenSearch = true;
            out.push({ label: 'Fuse.js tuned', options, folded: true, nameWeight });
          }
  return out;
}

export function describe(variant) {
  const o = { ...variant.options };
  if (variant.folded) o.folding = true;
  if (variant.nameWeight && variant.nameWeight !== 1) o.keys = `name×${variant.nameWeight}+aliases`;
  return Object.entries(o).map(([k, v]) => `${k}=${v}`).join(', ') || 'defaults';
}
