// Synthetic datasets of N organizations, made from the real one: the real organizations stay as
// they are (with their scopes), and compact clones are added until there are N: a clone keeps its
// model's kind, takes a unique id, and its name and every alias get a unique made-up word, which
// also ends each of their words ("Malakoff Humanis" → "Malakoffbakeri Humanisbakeri Bakeri"):
// no alias then collides after folding or lies inside another entry's name (both of which the
// loader rejects), while a typed prefix of a real word still reaches every clone of it. Clones
// have no scope ("nothing found"), which keeps each entry to about 150 bytes: 100,000
// organizations then fit in the loader's 16 MiB limit (core/dataset.hpp), which full copies
// (~1.2 KB each) would not.
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [];
for (const c of CONSONANTS) for (const v of VOWELS) SYLLABLES.push(c + v);

/** A unique pronounceable word for k (k < 70^4): "Bakeri", "Dofumo"… */
export function word(k) {
  let s = '';
  let x = k;
  for (let i = 0; i < 3 || x > 0; i++) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return s[0].toUpperCase() + s.slice(1);
}

export function synthesize(dataset, n) {
  const real = dataset.organizations;
  const orgs = real.slice(0, n);
  for (let k = 0; orgs.length < n; k++) {
    const base = real[k % real.length];
    const w = word(k);
    // Every word ends with the made-up one, which also stands alone, first or last in turn (so
    // that clones are not all "<real name> <word>").
    const suffixed = (s) => s.split(/\s+/).filter(Boolean).map((x) => x + w.toLowerCase()).join(' ');
    const place = (s) => (k % 3 === 2 ? `${w} ${suffixed(s)}` : `${suffixed(s)} ${w}`);
    orgs.push({
      id: `${base.id}-${w.toLowerCase()}`,
      name: place(base.name),
      kind: base.kind,
      aliases: (base.aliases || []).map((a) => place(typeof a === 'string' ? a : a.name)),  // a former name or brand: its name only
      scopes: [],
    });
  }
  return { ...dataset, organizations: orgs };
}

export function synthesizeText(dataset, n) {
  // Compact JSON (no indentation): the 16 MiB limit counts bytes.
  return JSON.stringify(synthesize(dataset, n));
}
