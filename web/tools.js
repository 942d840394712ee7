// breachcheck — the tools after the verdict: action plan, letters, household and scam-message check.
// app.js calls initTools() once the engine is ready and renderTools() whenever the result changes
// (or disappears). Everything stays in memory; see toolkit.js for the privacy rules.
import { createPlan, combinePlan } from './plan.js';
import { createLetters } from './letters.js';
import { createScam } from './scam.js';
import { createHousehold } from './household.js';

let ctx = null;
let parts = null;
let lastKey = null;

/**
 * @param {{engine: object, container: HTMLElement, resetForm: () => void}} options
 */
export function initTools({ engine, container, resetForm }) {
  if (!engine || !container) return;
  ctx = { engine, container, current: null, lang: 'fr' };
  const household = createHousehold({ engine, resetForm, onChange: () => refresh(true) });
  const plan = createPlan({ openLetters: (kind) => letters().open(kind) });
  const scam = createScam({ engine });
  parts = { plan, household, scam, letters: null };
  // Letters are built on the first result only: the page asks for no name until then.
  const letters = () => {
    if (!parts.letters) {
      parts.letters = createLetters();
      plan.section.after(parts.letters.section);
      parts.letters.render(ctx.current?.result ?? null, ctx.lang);
    }
    return parts.letters;
  };
  parts.ensureLetters = letters;
  container.textContent = '';
  container.append(plan.section, household.section, scam.section);
  container.hidden = false;
}

/**
 * @param {object|null} result the engine's check() result, or null when there is none
 * @param {object} answers the answers that produced it (ids, and the person's contract text)
 * @param {'fr'|'en'} lang
 */
export function renderTools(result, answers, lang) {
  if (!ctx) return;
  ctx.lang = lang === 'en' ? 'en' : 'fr';
  ctx.current = result && !result.error ? { result, answers: { ...answers } } : null;
  refresh(false);
}

function refresh(force) {
  const { plan, household, scam } = parts;
  const r = ctx.current?.result ?? null;
  // Unchanged result and language: leave the tools (and what the person typed) alone.
  const key = JSON.stringify([ctx.lang, r?.overall, r?.org?.id, (r?.actions || []).map((a) => a.id), ctx.current?.answers]);
  if (!force && key === lastKey) return;
  lastKey = key;

  household.render(ctx.current, ctx.lang);
  const entries = household.entries();
  const hasPlan = entries.length > 0;
  plan.section.hidden = !hasPlan;
  household.section.hidden = !hasPlan;
  if (hasPlan) plan.render(combinePlan(entries), ctx.lang);
  if (r) parts.ensureLetters();
  if (parts.letters) {
    parts.letters.section.hidden = !r;
    parts.letters.render(r, ctx.lang);
  }
  scam.render(ctx.lang);
}
