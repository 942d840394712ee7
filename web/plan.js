// breachcheck — "Mon plan d'action": the result's steps as a checklist (ticks kept in memory only),
// each with its why from the dataset; save it as a page, or save reminders as an .ics calendar
// file. Works on one check or on the household's combined plan. It prints through the result's
// one print button (the ticks print as ticked boxes).
import { el, icon, extLink, safeUrl, downloadFile, disclosureSection, formatDay } from './toolkit.js';
import { lang as currentLang, t } from './i18n/index.js';

// ---------------------------------------------------------------------------------------------
// Combined plan: union of the entries' steps, deduplicated, the most serious verdict first.

export function combinePlan(entries, severity) {
  const sorted = [...entries].sort((a, b) => severity.indexOf(a.verdict) - severity.indexOf(b.verdict));
  const byId = new Map();
  const order = [];
  for (const entry of sorted) {
    for (const a of [...entry.result.plan.first, ...entry.result.plan.more]) {
      if (!byId.has(a.id)) {
        byId.set(a.id, { action: a, who: [] });
        order.push(a.id);
      }
      byId.get(a.id).who.push(entry.label);
    }
  }
  return { entries: sorted, items: order.map((id) => byId.get(id)) };
}

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets, escaped text.

export function icsEscape(s) {
  return String(s).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

export function icsFold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (bytes + n > 75) {
      out.push(cur);
      cur = ' ';
      bytes = 1;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

const pad = (n) => String(n).padStart(2, '0');
const icsUtc = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const icsLocal = (d, h) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(h)}0000`;

export const REMINDER_DAYS = [7, 30, 91, 182, 365];

export function buildIcs({ now = new Date(), uid = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)) } = {}) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', "PRODID:-//breachcheck//plan d'action//FR", 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  const stamp = icsUtc(now);
  for (const days of REMINDER_DAYS) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    const body = [1, 2, 3, 4, 5].map((k) => t(`icsBody${k}`));
    if (days === 30) body.push(t('icsMonth'));
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid()}@breachcheck.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsLocal(day, 10)}`, // floating local time: 10 h wherever the person is
      'DURATION:PT15M',
      `SUMMARY:${icsEscape(t('icsSummary', { when: t(`icsWhen${days}`) }))}`,
      `DESCRIPTION:${icsEscape(body.join('\n'))}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsEscape(t('icsAlarm'))}`,
      'TRIGGER:-PT15M',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// The section

export function createPlan({ openLetters, onToggle }) {
  const d = disclosureSection('tool-plan', { onToggle });
  const ticked = new Set(); // action ids ticked — memory only
  let last = { entries: [], items: [] };

  const whom = el('div', { class: 'plan-whom', id: 'plan-whom' });
  const progress = el('p', { class: 'plan-progress', id: 'plan-progress', 'aria-live': 'polite' });
  const list = el('ul', { class: 'plan-list', id: 'plan-list' });
  const memoryNote = el('p', { class: 'hint plan-memory' });
  const pageBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'plan-save-page' });
  const icsBtn = el('button', { type: 'button', class: 'button', id: 'plan-ics', 'aria-describedby': 'plan-ics-hint' });
  const icsHint = el('p', { class: 'hint', id: 'plan-ics-hint' });
  const status = el('p', { class: 'tool-status', id: 'plan-status', role: 'status' });
  d.body.append(whom, progress, list, memoryNote, el('div', { class: 'tool-buttons' }, pageBtn, icsBtn), icsHint, status);

  function updateProgress() {
    const n = last.items.length;
    const done = last.items.filter((it) => ticked.has(it.action.id)).length;
    progress.textContent = n ? t('planProgress', { done, n }) : '';
  }

  function render(plan) {
    last = plan;
    d.label.textContent = t('planTitle');
    d.intro.textContent = t('planIntro');
    memoryNote.textContent = t('planMemory');
    pageBtn.textContent = t('planSavePage');
    icsBtn.textContent = t('planSaveIcs');
    icsHint.textContent = t('planIcsHint');
    whom.textContent = '';
    whom.hidden = plan.entries.length < 2;
    if (plan.entries.length > 1) {
      const ul = el('ul', { class: 'plan-whom-list' });
      for (const e of plan.entries) ul.append(el('li', { class: `verdict-tag tag-${e.verdict}` }, icon(e.verdict, 16), el('span', { text: `${e.label} — ${e.result.words.short}` })));
      whom.append(el('p', { class: 'plan-whom-label', text: t('planForWhom') }), ul);
    }
    list.textContent = '';
    plan.items.forEach((item, i) => {
      const a = item.action;
      const id = `plan-step-${i}`;
      const box = el('input', { type: 'checkbox', id, class: 'checkbox plan-check' });
      box.checked = ticked.has(a.id);
      const li = el('li', { class: 'plan-step', dataset: { step: a.id } });
      box.addEventListener('change', () => {
        if (box.checked) ticked.add(a.id);
        else ticked.delete(a.id);
        li.classList.toggle('is-done', box.checked);
        updateProgress();
      });
      li.classList.toggle('is-done', box.checked);
      li.append(el('div', { class: 'plan-step-head' }, box, el('label', { for: id, class: 'plan-step-title', text: a.title })));
      li.append(el('p', { class: 'plan-why' }, el('strong', { text: t('why') }), ' ', a.why));
      // Only when the step is not for everyone in the household.
      if (plan.entries.length > 1 && item.who.length < plan.entries.length) li.append(el('p', { class: 'plan-who hint', text: `(${item.who.join(', ')})` }));
      li.append(el('details', { class: 'plan-more' }, el('summary', { text: t('planMore') }), el('p', { class: 'plan-text', text: a.text }),
        ...a.points.map((p) => el('p', { class: 'plan-text', text: `• ${p}` }))));
      const links = a.links.filter((l) => safeUrl(l.url));
      if (links.length) li.append(el('ul', { class: 'action-links' }, ...links.map((l) => el('li', {}, extLink(l.url, l.label || l.url)))));
      if ((a.id === 'ask-insurer' || a.id === 'ask-details' || a.id === 'cnil-complaint') && openLetters) {
        const b = el('button', { type: 'button', class: 'link-button plan-letter-link', text: t('planLettersLink') });
        b.addEventListener('click', () => openLetters(a.id === 'cnil-complaint' ? 'cnil' : 'access'));
        li.append(el('p', {}, b));
      }
      list.append(li);
    });
    if (!plan.items.length) list.append(el('li', { class: 'plan-empty', text: t('noActions') }));
    updateProgress();
  }

  icsBtn.addEventListener('click', () => {
    downloadFile(t('planIcsFile'), buildIcs(), 'text/calendar;charset=utf-8');
    status.textContent = t('fileSaved', { name: t('planIcsFile') });
  });
  pageBtn.addEventListener('click', () => {
    downloadFile(t('planPageFile'), planPage(last, ticked), 'text/html;charset=utf-8');
    status.textContent = t('fileSaved', { name: t('planPageFile') });
  });

  return { section: d.section, render, ticks: () => new Set(ticked), open: () => d.setOpen(true) };
}

// A self-contained page of the plan. Built as a string (a detached DOM document would fall under
// this page's CSP): every text goes through escapeHtml.
export function escapeHtml(v) {
  return String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function planPage(plan, ticked) {
  const h = escapeHtml;
  const l = currentLang();
  const out = [
    '<!doctype html>', `<html lang="${l}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(t('printTitle'))}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 1rem;color:#1b1f24}'
      + '.plan{list-style:none;padding:0}.plan>li{margin:0 0 1rem;break-inside:avoid}.plan p{margin:.2rem 0}.box{font-size:1.2em;margin-right:.4rem}'
      + '.why{color:#333}a{color:#1d4f91}@media print{body{font-size:10pt;margin:0}}</style>',
    '</head><body>', `<h1>${h(t('printTitle'))}</h1>`, `<p>${h(t('planPrintedNote', { date: formatDay(new Date(), l) }))}</p>`,
  ];
  if (plan.entries.length > 1) out.push(`<p>${h(t('planForWhom'))} ${h(plan.entries.map((e) => `${e.label} (${e.result.words.short})`).join(' ; '))}</p>`);
  out.push('<ul class="plan">');
  for (const item of plan.items) {
    const a = item.action;
    const done = ticked.has(a.id);
    out.push('<li>', `<p><span class="box">${done ? '☑' : '☐'}</span><strong>${h(a.title)}</strong> (${h(done ? t('planDone') : t('planTodo'))})</p>`,
      `<p class="why">${h(t('why'))} ${h(a.why)}</p>`, `<p>${h(a.text)}</p>`);
    for (const p of a.points) out.push(`<p>• ${h(p)}</p>`);
    for (const link of a.links.filter((x) => safeUrl(x.url))) out.push(`<p><a href="${h(link.url)}">${h(link.label || link.url)}</a> — ${h(link.url)}</p>`);
    out.push('</li>');
  }
  out.push('</ul>', '</body></html>', '');
  return out.join('\n');
}
