// breachcheck — "Ma famille": several people or insurers checked in one session, each with its
// verdict, and one combined plan. Kept in memory only: closing or reloading the page forgets it.
import { el, icon, disclosureSection, VERDICTS } from './toolkit.js';

const S = {
  fr: {
    title: 'Ma famille ou plusieurs complémentaires',
    intro: 'Vérifiez aussi un conjoint qui a une autre complémentaire, ou une ancienne complémentaire : un plan commun regroupe les conseils.',
    scope: 'Vos ayants droit (conjoint, enfants) couverts par votre contrat sont dans le même périmètre que vous : ils ont le même résultat, inutile de les vérifier à part. Un conjoint couvert par sa propre complémentaire (celle de son employeur, par exemple) ou une complémentaire que vous aviez avant 2024 se vérifient séparément.',
    listTitle: 'Personnes et complémentaires vérifiées',
    empty: 'Aucune vérification pour l’instant : choisissez une complémentaire ci-dessus.',
    current: 'en cours',
    whoLabel: 'Pour qui est ce résultat ? (facultatif)',
    whoHint: 'Par exemple « moi » ou « ma conjointe ». Reste dans cette page et disparaît quand vous la fermez.',
    keep: 'Garder ce résultat et vérifier une autre personne ou complémentaire',
    remove: (name) => `Retirer ${name}`,
    removeShort: 'Retirer',
    kept: (name) => `${name} ajouté à la liste. Choisissez maintenant la complémentaire suivante.`,
    removed: (name) => `${name} retiré de la liste.`,
    planNote: 'Le plan d’action ci-dessus regroupe les conseils de toutes ces vérifications, le résultat le plus grave en premier.',
    noInsurer: 'Complémentaire non précisée',
    pro: 'Professionnel de santé',
    verdict: { affected: 'Concerné', likely: 'Probablement concerné', possible: 'Peut-être concerné', unknown: 'Inconnu', not_affected: 'Non concerné' },
  },
  en: {
    title: 'My family or several insurers',
    intro: 'Also check a spouse with another insurer, or a former insurer: a combined plan gathers the advice.',
    scope: 'Your dependants (spouse, children) covered by your contract are in the same scope as you: they get the same result, no need to check them separately. A spouse covered by their own insurer (through their employer, for example) or an insurer you had before 2024 is checked separately.',
    listTitle: 'People and insurers checked',
    empty: 'No check yet: pick an insurer above.',
    current: 'current',
    whoLabel: 'Who is this result for? (optional)',
    whoHint: 'For example “me” or “my wife”. Stays in this page and is gone when you close it.',
    keep: 'Keep this result and check another person or insurer',
    remove: (name) => `Remove ${name}`,
    removeShort: 'Remove',
    kept: (name) => `${name} added to the list. Now pick the next insurer.`,
    removed: (name) => `${name} removed from the list.`,
    planNote: 'The action plan above gathers the advice of all these checks, the most serious result first.',
    noInsurer: 'Insurer not specified',
    pro: 'Health professional',
    verdict: { affected: 'Affected', likely: 'Probably affected', possible: 'Possibly affected', unknown: 'Unknown', not_affected: 'Not affected' },
  },
};

const keyOf = (answers) => {
  const { lang, ...rest } = answers || {};
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k]]));
};

export function createHousehold({ engine, resetForm, onChange }) {
  const d = disclosureSection('tool-family');
  const saved = []; // {key, answers, who} — memory only
  let lang = 'fr';
  let current = null; // {answers, result}
  const t = () => S[lang] ?? S.fr;

  const scope = el('p', { class: 'family-scope' });
  const listTitle = el('h3', { id: 'family-list-title' });
  const list = el('ul', { class: 'family-list', id: 'family-list', 'aria-labelledby': 'family-list-title' });
  const planNote = el('p', { class: 'hint', id: 'family-plan-note' });
  const whoLabel = el('label', { for: 'family-who', class: 'sub-label' });
  const whoHint = el('p', { class: 'hint', id: 'family-who-hint' });
  const who = el('input', { type: 'text', id: 'family-who', class: 'text-input', autocomplete: 'off', spellcheck: 'false', maxlength: '40', 'aria-describedby': 'family-who-hint' });
  const keepBtn = el('button', { type: 'button', class: 'button', id: 'family-keep' });
  const keepBox = el('div', { class: 'family-keep' }, whoLabel, whoHint, who, el('div', { class: 'tool-buttons' }, keepBtn));
  const status = el('p', { class: 'tool-status', id: 'family-status', role: 'status' });
  d.body.append(scope, listTitle, list, planNote, keepBox, status);

  const orgName = (r) => (r?.org?.name ? r.org.name : r?.role === 'pro' ? t().pro : t().noInsurer);
  const check = (answers) => engine.check({ ...answers, lang });
  const display = (entryWho, r) => (entryWho ? `${entryWho} — ${orgName(r)}` : orgName(r));

  // Everything the plan needs: saved checks (re-run in the current language) and the current one.
  function entries() {
    const out = [];
    const curKey = current ? keyOf(current.answers) : null;
    for (const e of saved) {
      const r = e.key === curKey ? current.result : check(e.answers);
      if (!r || r.error) continue;
      out.push({ key: e.key, label: display(e.who, r), verdict: r.overall, result: r, saved: e, current: e.key === curKey });
    }
    if (current && !saved.some((e) => e.key === curKey)) {
      out.push({ key: curKey, label: display('', current.result), verdict: current.result.overall, result: current.result, saved: null, current: true });
    }
    return out;
  }

  function renderList() {
    const s = t();
    list.textContent = '';
    const all = entries();
    for (const e of all) {
      const v = VERDICTS.includes(e.verdict) ? e.verdict : 'unknown';
      const li = el('li', { class: 'family-entry', dataset: { verdict: v } },
        el('span', { class: 'family-name', text: e.label }),
        el('span', { class: `verdict-tag tag-${v}` }, icon(v, 16), el('span', { text: s.verdict[v] })));
      if (e.current) li.append(el('span', { class: 'family-current', text: `(${s.current})` }));
      if (e.saved) {
        const rm = el('button', { type: 'button', class: 'link-button family-remove', 'aria-label': s.remove(e.label), text: s.removeShort });
        rm.addEventListener('click', () => {
          const i = saved.indexOf(e.saved);
          if (i >= 0) saved.splice(i, 1);
          status.textContent = s.removed(e.label);
          onChange();
          d.btn.focus();
        });
        li.append(rm);
      }
      list.append(li);
    }
    if (!all.length) list.append(el('li', { class: 'family-empty', text: s.empty }));
    planNote.hidden = all.length < 2;
    keepBox.hidden = !current;
  }

  keepBtn.addEventListener('click', () => {
    if (!current) return;
    const key = keyOf(current.answers);
    const whoText = who.value.trim().slice(0, 40);
    const existing = saved.find((e) => e.key === key);
    if (existing) existing.who = whoText || existing.who;
    else saved.push({ key, answers: { ...current.answers }, who: whoText });
    const name = display(whoText, current.result);
    who.value = '';
    resetForm(); // the form empties and takes the focus, ready for the next insurer
    status.textContent = t().kept(name);
  });

  function render(cur, newLang) {
    lang = newLang;
    current = cur && cur.result && !cur.result.error ? cur : null;
    const s = t();
    d.label.textContent = s.title;
    d.intro.textContent = s.intro;
    scope.textContent = s.scope;
    listTitle.textContent = s.listTitle;
    planNote.textContent = s.planNote;
    whoLabel.textContent = s.whoLabel;
    whoHint.textContent = s.whoHint;
    keepBtn.textContent = s.keep;
    renderList();
  }

  return { section: d.section, render, entries, hasSaved: () => saved.length > 0, open: () => d.setOpen(true) };
}
