// The page's address: answers never live there. A pre-filled link (an insurer's ?org=…, or a
// link someone chose to copy) is read once at load, checked against the engine's own lists, and
// then removed from the address; the answers stay in the page (and in history.state, which no
// request carries). A shareable link is made only when the person asks for one.
import { afterPaint } from './toolkit.js';

const KEEP = ['embed', 'overlay', 'parent', 'height']; // the frame's settings (web/embed-frame.js), not answers
const UNKNOWN_ORG = 'unknown';

/**
 * Reads the pre-filled answers: {lang, org, role, answers, contract, badOrg}, every value checked
 * (an id from the engine's lists, or ignored).
 * @param {object} info the engine's info(): the answers each question accepts
 * @param {(id: string) => boolean} knownEntry whether an id names an organization, operator,
 *   network or umbrella of the dataset
 */
export function readPrefill(info, knownEntry) {
  const p = new URLSearchParams(location.search);
  const out = { lang: null, org: null, role: 'insured', answers: {}, contract: null, badOrg: false };
  const l = p.get('lang');
  if (l === 'fr' || l === 'en') out.lang = l;
  if (p.get('role') === 'pro') out.role = 'pro';
  for (const [q, allowed] of Object.entries(info.answers || {})) {
    const v = p.get(q);
    if (v === null) continue;
    if (allowed.includes(v) && v !== 'unknown') out.answers[q] = v;
    else if (q === 'contract') out.contract = v.slice(0, 120); // matched by the engine against the insurer's contracts
  }
  const org = p.get('org');
  if (org === UNKNOWN_ORG) out.org = UNKNOWN_ORG;
  else if (org !== null && /^[a-z0-9-]{1,64}$/.test(org) && knownEntry(org)) out.org = org;
  else if (org !== null) out.badOrg = true;
  // Answers without an insurer: the person does not know it ("je ne sais pas").
  if (out.org === null && !out.badOrg && Object.keys(out.answers).length) out.org = UNKNOWN_ORG;
  return out;
}

// Both go through history.replaceState, which costs 6–9 ms on a page just loaded (Chromium, 1×
// CPU, twice at start-up). So the address and the answers are written together, once, in a task
// after the frame that shows what changed is painted: a verdict is on screen that much sooner.
let snapshot; // the answers to keep (undefined: nothing new)
let clean = false; // the address still holds a pre-filled link's answers
let queued = null;

function write() {
  queued = null;
  let url = location.href;
  if (clean) {
    clean = false;
    const p = new URLSearchParams(location.search);
    const kept = new URLSearchParams();
    for (const k of KEEP) if (p.has(k)) kept.set(k, p.get(k));
    const qs = kept.toString();
    if (qs !== p.toString()) url = `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`;
  }
  const state = snapshot === undefined ? history.state : snapshot;
  snapshot = undefined;
  if (url === location.href && state === history.state) return;
  try {
    history.replaceState(state, '', url);
  } catch {
    // Some embedding contexts forbid it; nothing is lost (the answers are a convenience only).
  }
}

const soon = () => { queued ??= afterPaint().then(write); };

/** The address without any answer (only the frame's own settings stay), after the next paint. */
export function cleanAddress() {
  clean = true;
  soon();
}

/** Keeps the answers in history.state (back/forward within the tab), never in the address. */
export function remember(state) {
  snapshot = { v: 1, lang: state.lang, choice: state.choice, role: state.role, answers: state.answers };
  soon();
}

/** What remember() kept, if this tab comes back to the page. */
export function recalled() {
  const s = history.state;
  return s && s.v === 1 && typeof s === 'object' ? s : null;
}

/**
 * A link to this check, made when the person asks: the insurer's id and the answers' ids from
 * fixed lists (never typed text), and the language.
 */
export function shareLink(state) {
  const p = new URLSearchParams();
  const c = state.choice;
  if (c) p.set('org', c.kind === 'unknown' ? UNKNOWN_ORG : c.id);
  for (const [q, v] of Object.entries(state.answers)) p.set(q, v);
  if (state.role === 'pro') p.set('role', 'pro');
  if (state.lang !== 'fr') p.set('lang', state.lang);
  return `${location.origin}${location.pathname}?${p}`;
}
