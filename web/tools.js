// breachcheck — the tools after the verdict: the plan as a checklist, letters, the household and
// the scam-message check. app.js calls initTools() once the first result is shown and
// renderTools() whenever the result changes (or disappears). Everything stays in memory; see
// toolkit.js for the privacy rules.
import frTools from './i18n/fr-tools.js';
import { addTexts } from './i18n/index.js';
import { createPlan, combinePlan } from './plan.js';
import { createLetters } from './letters.js';
import { createScam } from './scam.js';
import { createHousehold } from './household.js';

addTexts('fr', frTools);

let ctx = null;
let parts = null;
let lastKey = null;

/**
 * @param {{engine: () => object, container: HTMLElement, resetForm: () => void, onLayout: (what: string) => void}} options
 */
export function initTools({ engine, container, resetForm, onLayout }) {
  if (!container) return;
  ctx = { engine, container, result: null, answers: null, lang: 'fr', onLayout };
  const layout = (open) => onLayout?.(open ? 'tool-open' : 'tool-close');
  const household = createHousehold({ engine, resetForm, onChange: () => refresh(true), onToggle: layout });
  const plan = createPlan({ openLetters: (kind) => letters().open(kind), onToggle: layout });
  const scam = createScam({ engine, onToggle: layout });
  parts = { plan, household, scam, letters: null };
  // Letters are built on the first result only: the page asks for no name until then.
  const letters = () => {
    if (!parts.letters) {
      parts.letters = createLetters({ onToggle: layout });
      plan.section.after(parts.letters.section);
      parts.letters.render(ctx.result, ctx.lang);
    }
    return parts.letters;
  };
  parts.ensureLetters = letters;
  container.textContent = '';
  container.append(plan.section, household.section, scam.section);
  container.hidden = false;
}

/** The plan steps ticked so far (the result's print shows them as ticked boxes). */
export function ticks() {
  return parts?.plan.ticks() ?? new Set();
}

/**
 * @param {object|null} result the engine's check() result, or null when there is none
 * @param {'fr'|'en'} lang
 * @param {object} answers the answers that produced it (ids, and the contract text)
 */
export function renderTools(result, lang, answers = {}) {
  if (!ctx) return;
  ctx.lang = lang === 'en' ? 'en' : 'fr';
  ctx.result = result && result.ok ? result : null;
  ctx.answers = ctx.result ? { ...answers } : null;
  refresh(false);
}

function refresh(force) {
  const { plan, household, scam } = parts;
  const r = ctx.result;
  // Unchanged result and language: leave the tools (and what the person typed) alone.
  const key = JSON.stringify([ctx.lang, r?.overall, r?.org?.id, r?.plan?.first.map((a) => a.id), r?.plan?.more.map((a) => a.id), ctx.answers]);
  if (!force && key === lastKey) return;
  lastKey = key;
  household.render(r ? { result: r, answers: ctx.answers } : null, ctx.lang);
  const entries = household.entries();
  const hasPlan = entries.length > 0;
  plan.section.hidden = !hasPlan;
  household.section.hidden = !hasPlan;
  if (hasPlan) plan.render(combinePlan(entries, ctx.engine().info(ctx.lang).verdicts.map((v) => v.id)), ctx.lang);
  if (r) parts.ensureLetters();
  if (parts.letters) {
    parts.letters.section.hidden = !r;
    parts.letters.render(r, ctx.lang);
  }
  scam.render(ctx.lang);
}
