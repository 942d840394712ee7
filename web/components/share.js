// The three things people do with a result: print it (one printable plan), copy a link to this
// check (made only when asked; it says what it holds), and report an error (a pre-filled e-mail
// with ids only, never anything typed). Nothing here sends anything by itself.
import { el, copyText, formatDay, printOnly } from '../toolkit.js';
import { t } from '../i18n/index.js';
import { shareLink } from '../address.js';

export function createShare(container, printBox) {
  const status = el('p', { class: 'share-status', role: 'status' });

  let last = null; // what the browser's own print command prints: the plan of the result shown

  function buildPlan(r, state, ticks) {
    // The document people keep: insurer, verdict, date, dataset version, each step's what and
    // how, and the sources behind the verdict. Built when asked, printed alone.
    printBox.textContent = '';
    const steps = [...r.plan.first, ...r.plan.more];
    printBox.append(
      el('h1', { text: t('printTitle') }),
      el('p', { class: 'print-meta' }, t('printMade', { date: formatDay(new Date(), state.lang), version: r.dataset.version })),
      el('p', { class: 'print-verdict' }, el('strong', { text: r.words.headline }), ' — ', r.org?.name ?? t('orgNone')),
      el('p', { text: r.words.summary }));
    if (r.answers.length) {
      const ul = el('ul', { class: 'print-answers' });
      for (const a of r.answers) ul.append(el('li', { text: `${a.text} ${a.label}` }));
      printBox.append(el('h2', { text: t('answersTitle') }), ul);
    }
    if (r.plan.emergency) printBox.append(el('p', { class: 'print-emergency' }, el('strong', { text: r.plan.emergency.title }), ' ', r.plan.emergency.text));
    const ol = el('ol', { class: 'print-steps' });
    for (const a of steps) {
      const done = ticks?.has(a.id);
      ol.append(el('li', {}, el('span', { class: 'print-box', 'aria-hidden': 'true', text: done ? '☑' : '☐' }), ' ',
        el('strong', { text: a.title }), el('p', { text: a.text }), ...a.points.map((p) => el('p', { class: 'print-point', text: `• ${p}` }))));
    }
    printBox.append(el('h2', { text: t('stepsTitle') }), ol);
    const cited = new Set();
    for (const inc of r.incidents) for (const reason of inc.reasons) for (const s of reason.sources) cited.add(s);
    const ul = el('ul', { class: 'print-sources' });
    for (const id of cited) {
      const s = r.sources[id];
      if (s) ul.append(el('li', { text: `${s.publisher}, ${s.date === 'undated' ? t('undated') : s.date} — ${s.url}` }));
    }
    printBox.append(el('h2', { text: t('printSources') }), ul,
      el('p', { class: 'print-footer', text: t('printedFrom') }));
  }

  function printPlan(r, state, ticks) {
    buildPlan(r, state, ticks);
    printOnly('plan');
  }

  // Ctrl+P or the browser's menu: the same plan, unless a letter asked to be printed.
  window.addEventListener('beforeprint', () => {
    const root = document.documentElement;
    if (root.dataset.bcPrint || !last) return;
    buildPlan(last.r, last.state, last.ticks?.());
    root.dataset.bcPrint = 'plan';
    window.addEventListener('afterprint', () => { delete root.dataset.bcPrint; }, { once: true });
  });

  function render(r, state, { ticks } = {}) {
    container.textContent = '';
    last = r ? { r, state, ticks } : null;
    const printBtn = el('button', { type: 'button', class: 'button print-button', id: 'print-plan-btn', text: t('print') });
    printBtn.addEventListener('click', () => printPlan(r, state, ticks?.()));
    const linkBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'copy-link-btn', text: t('copyLink') });
    linkBtn.addEventListener('click', async () => {
      const url = shareLink(state);
      const ok = await copyText(url);
      status.textContent = ok ? t('copyLinkDone') : t('copyLinkManual', { url });
    });
    container.append(el('p', { class: 'share-line' }, printBtn, ' ', linkBtn),
      el('p', { class: 'hint', id: 'copy-link-note', text: t('copyLinkNote') }), status);
    // Report an error: ids only (the engine wrote the text), to the address the dataset names.
    const rep = r.report;
    const mail = `mailto:${encodeURIComponent(rep.email || '')}?subject=${encodeURIComponent(rep.subject)}&body=${encodeURIComponent(`${t('reportIntro')}\n\n${rep.body}\n\n${t('reportAsk')}\n`)}`;
    const details = el('details', { class: 'report', id: 'report' }, el('summary', { text: t('reportTitle') }),
      el('p', { text: t('reportExplain') }),
      el('pre', { class: 'report-body', text: rep.body }),
      // Only the routes the dataset names: never a mail to nobody.
      el('p', {}, rep.email ? el('a', { href: mail, class: 'button button-secondary', id: 'report-mail' }, t('reportMail')) : '', ' ',
        rep.url ? el('a', { href: rep.url, rel: 'noopener noreferrer', class: 'ext-link' }, t('reportIssue')) : ''));
    const copy = el('button', { type: 'button', class: 'link-button', text: t('reportCopy') });
    copy.addEventListener('click', async () => { status.textContent = (await copyText(rep.body)) ? t('reportCopied') : ''; });
    details.append(el('p', {}, copy));
    container.append(details);
  }

  function clear() {
    container.textContent = '';
    last = null;
  }

  return { render, clear, printPlan };
}
