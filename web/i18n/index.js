// One catalogue per language (web/i18n/fr.js, en.js), looked up by key: t('key', {vars}).
// French is built in (the tools' French, fr-tools.js, arrives with the tools); English is
// imported only when someone asks for it. A key missing in one
// language is a test failure (tests/node/i18n.test.mjs), not a runtime surprise.
import fr from './fr.js';

const catalogues = { fr };
let current = 'fr';

export const lang = () => current;

/** Adds texts to a language's catalogue (the tools bring their French texts with them). */
export function addTexts(l, table) {
  catalogues[l] = { ...table, ...catalogues[l] };
}

/** Makes `l` available (imports English on first use); resolves once it can be used. */
export async function loadLang(l) {
  if (l === 'en' && !catalogues.en) catalogues.en = (await import('./en.js')).default;
}

export function setLang(l) {
  current = l === 'en' && catalogues.en ? 'en' : 'fr';
  document.documentElement.lang = current;
}

/** The text of `key` in the current language, with {name} placeholders filled from `vars`. */
export function t(key, vars) {
  const s = catalogues[current][key] ?? catalogues.fr[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k]))) : s;
}

/** Singular or plural of `key` (key_one / key_other) for n; French takes the singular for 0 and 1. */
export function tn(key, n, vars = {}) {
  const one = current === 'fr' ? n <= 1 : n === 1;
  return t(`${key}_${one ? 'one' : 'other'}`, { n, ...vars });
}

/** Fills every [data-i18n] element under `root` (and [data-i18n-label] aria-labels). */
export function applyStatic(root = document) {
  // Only what differs is written: the built page already reads in French (scripts/build-site.mjs),
  // and rewriting the same words would lay the whole page out again before the first result.
  for (const node of root.querySelectorAll('[data-i18n]')) {
    const text = t(node.dataset.i18n);
    if (node.textContent !== text) node.textContent = text;
  }
  for (const node of root.querySelectorAll('[data-i18n-label]')) {
    const label = t(node.dataset.i18nLabel);
    if (node.getAttribute('aria-label') !== label) node.setAttribute('aria-label', label);
  }
  if (root === document && document.title !== t('docTitle')) document.title = t('docTitle');
}
