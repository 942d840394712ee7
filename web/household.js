// breachcheck — "Ma famille": several people or insurers checked in one session, each with its
// verdict, and one combined plan. Kept in memory only: closing or reloading the page forgets it.
import { el, icon, disclosureSection } from './toolkit.js';
import { lang as currentLang, t } from './i18n/index.js';

const keyOf = (answers) => {
  const { lang, ...rest } = answers || {};
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k]]));
};

export function createHousehold({ engine, resetForm, onChange, onToggle }) {
  const d = disclosureSection('tool-family', { onToggle });
  const saved = []; // {key, answers, who} — memory only
  let current = null; // {answers, result}

  const scope = el('p', { class: 'family-scope' });
  const listTitle = el('h3', { id: 'family-list-title' });
  const list = el('ul', { class: 'family-list', id: 'family-list', 'aria-labelledby': 'family-list-title' });
  const planNote = el('p', { class: 'hint', id: 'family-plan-note' });
  const whoLabel = el('label', { for: 'family-who', class: 'sub-label' });
  const whoHint = el('p', { class: 'hint', id: 'family-who-hint' });
  const who = el('input', { type: 'text', id: 'family-who', class: 'text-input', autocomplete: 'off', spellcheck: 'false', maxlength: '40', 'aria-describedby': 'family-who-hint', dir: 'auto' });
  const keepBtn = el('button', { type: 'button', class: 'button', id: 'family-keep' });
  const keepBox = el('div', { class: 'family-keep' }, whoLabel, whoHint, who, el('div', { class: 'tool-buttons' }, keepBtn));
  const status = el('p', { class: 'tool-status', id: 'family-status', role: 'status' });
  d.body.append(scope, listTitle, list, planNote, keepBox, status);

  const orgName = (r) => (r?.org?.name ? r.org.name : r?.role === 'pro' ? t('familyPro') : t('familyNoInsurer'));
  const display = (entryWho, r) => (entryWho ? `${entryWho} — ${orgName(r)}` : orgName(r));

  // Everything the plan needs: saved checks (re-run in the current language) and the current one.
  function entries() {
    const out = [];
    const curKey = current ? keyOf(current.answers) : null;
    for (const e of saved) {
      const r = e.key === curKey ? current.result : engine().check({ ...e.answers, lang: currentLang() });
      if (!r || !r.ok) continue;
      out.push({ key: e.key, label: display(e.who, r), verdict: r.overall, result: r, saved: e, current: e.key === curKey });
    }
    if (current && !saved.some((e) => e.key === curKey)) {
      out.push({ key: curKey, label: display('', current.result), verdict: current.result.overall, result: current.result, saved: null, current: true });
    }
    return out;
  }

  function renderList() {
    list.textContent = '';
    const all = entries();
    for (const e of all) {
      const li = el('li', { class: 'family-entry', dataset: { verdict: e.verdict } },
        el('span', { class: 'family-name', text: e.label }),
        el('span', { class: `verdict-tag tag-${e.verdict}` }, icon(e.verdict, 16), el('span', { text: e.result.words.short })));
      if (e.current) li.append(el('span', { class: 'family-current', text: `(${t('familyCurrent')})` }));
      if (e.saved) {
        const rm = el('button', { type: 'button', class: 'link-button family-remove', 'aria-label': t('familyRemove', { name: e.label }), text: t('familyRemoveShort') });
        rm.addEventListener('click', () => {
          const i = saved.indexOf(e.saved);
          if (i >= 0) saved.splice(i, 1);
          status.textContent = t('familyRemoved', { name: e.label });
          onChange();
          d.btn.focus();
        });
        li.append(rm);
      }
      list.append(li);
    }
    if (!all.length) list.append(el('li', { class: 'family-empty', text: t('familyEmpty') }));
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
    status.textContent = t('familyKept', { name });
  });

  function render(cur) {
    current = cur && cur.result && cur.result.ok ? cur : null;
    d.label.textContent = t('familyTitle');
    d.intro.textContent = t('familyIntro');
    scope.textContent = t('familyScope');
    listTitle.textContent = t('familyListTitle');
    planNote.textContent = t('familyPlanNote');
    whoLabel.textContent = t('familyWhoLabel');
    whoHint.textContent = t('familyWhoHint');
    keepBtn.textContent = t('familyKeep');
    renderList();
  }

  return { section: d.section, render, entries, open: () => d.setOpen(true) };
}
