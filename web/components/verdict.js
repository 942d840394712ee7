// The verdict where the person is: the verdict box at the top of the result (focused and brought
// into view when a first result appears), the compact summary that stays next to the questions
// (a separate polite live region announces each later change once), and the note that says how a typed name
// was understood (an operator, a network, a former name) or lists the candidates of a wider name.
import { el, icon } from '../toolkit.js';
import { t } from '../i18n/index.js';

export function createVerdict({ box, summary, bar, live, pick }) {
  let shownKey = null;
  let announced = null;

  function orgLine(r) {
    if (r.role === 'pro' && !r.org) return t('proLine');
    if (r.org?.name) return t('orgLine', { name: r.org.name });
    if (r.match?.kind && r.match.kind !== 'organization') return t(`pickedLine_${r.match.kind}`, { name: r.match.name });
    return t('orgNone');
  }

  /** Renders the verdict; returns true when it changed (a new verdict, insurer or language). */
  function render(r, lang) {
    const verdict = r.overall;
    const line = orgLine(r);
    const key = JSON.stringify([lang, verdict, r.provisional, line]);
    if (key === shownKey) return false;
    shownKey = key;
    box.className = `verdict verdict-${verdict}`;
    box.textContent = '';
    const headline = el('h3', { id: 'verdict-headline', class: 'verdict-headline', tabindex: '-1', text: r.words.headline });
    box.append(el('div', { class: 'verdict-head' }, icon(verdict, 40), el('div', { class: 'verdict-text' }, headline, el('p', { class: 'verdict-org', text: line }))));
    if (r.provisional) {
      box.append(el('p', { class: 'provisional', id: 'provisional' },
        el('strong', { class: 'provisional-tag', text: t('provisionalTag') }), ' ', el('span', { class: 'provisional-text', text: t('provisional') })));
    }
    summary.textContent = r.words.summary;
    return true;
  }

  // The compact summary beside the questions: updated on every answer, announced once per change.
  function renderBar(r) {
    bar.className = `verdict-bar verdict-${r.overall}`;
    bar.textContent = '';
    bar.append(icon(r.overall, 20), el('span', { class: 'verdict-bar-label', text: t('barLabel') }), ' ',
      el('strong', { text: r.words.short }), r.provisional ? el('span', { class: 'verdict-bar-prov', text: ` (${t('provisionalTag').toLowerCase()})` }) : '');
  }

  function announce(r) {
    const key = `${r.overall}|${r.provisional}`;
    if (announced === null) {
      announced = key; // the first verdict is announced by moving focus to it, not twice
      return;
    }
    if (key === announced) return;
    announced = key;
    // The live region's text changes only when the verdict does: one announcement per change.
    live.textContent = t('barChanged', { verdict: r.words.short });
  }

  /** How a typed name was understood, or the choices it leaves open. */
  function renderPick(r, onChoose) {
    pick.textContent = '';
    const m = r.match;
    if (!m) {
      pick.hidden = true;
      return;
    }
    if (m.kind && m.kind !== 'organization') {
      pick.append(el('p', { class: 'pick-kind', text: t(`picked_${m.kind}`, { name: m.name }) }));
    } else if (m.kind === 'organization' && m.alias_kind && m.alias_kind !== 'alias' && m.about) {
      pick.append(el('p', { class: 'pick-kind', text: m.about.text }));
    } else if (m.ambiguous) {
      if (m.umbrella) pick.append(el('p', { class: 'pick-umbrella', text: m.umbrella.text }));
      if (m.candidates.length) {
        pick.append(el('p', { class: 'pick-question', text: m.umbrella ? t('pickWhichOnCard') : t('pickAmbiguous', { query: m.query }) }));
        const list = el('ul', { class: 'pick-candidates' });
        for (const c of m.candidates) {
          const b = el('button', { type: 'button', class: 'button button-secondary pick-candidate', dataset: { id: c.id, kind: c.kind } },
            c.name, c.detail ? el('span', { class: 'option-extra', text: ` — ${c.detail}` }) : '');
          b.addEventListener('click', () => onChoose({ kind: c.kind, id: c.id, name: c.name }));
          list.append(el('li', {}, b));
        }
        const none = el('button', { type: 'button', class: 'link-button pick-none', text: t('pickNone') });
        none.addEventListener('click', () => onChoose({ kind: 'unknown', id: null, name: '' }));
        list.append(el('li', {}, none));
        pick.append(list);
      }
    } else if (m.dont_know) {
      pick.append(el('p', { class: 'pick-kind', text: t('pickDontKnow') }));
    } else {
      pick.hidden = true;
      return;
    }
    pick.hidden = false;
  }

  function reset() {
    shownKey = null;
    announced = null;
    box.textContent = '';
    box.className = 'verdict';
    summary.textContent = '';
    bar.textContent = '';
    live.textContent = '';
    pick.textContent = '';
    pick.hidden = true;
  }

  return { render, renderBar, announce, renderPick, reset };
}
