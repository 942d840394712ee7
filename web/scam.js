// breachcheck — "Ce message est-il une arnaque ?": the person pastes an SMS or e-mail; the engine's
// scanMessage() looks for the patterns of the scams that followed the breach, in this page only.
// The pasted text is never sent, stored or put in the URL; the answer is never "safe".
import { el, icon, extLink, disclosureSection } from './toolkit.js';
import { lang as currentLang, t } from './i18n/index.js';

// Where to report, by kind of message (the texts are in web/i18n).
const REPORT = [['scamReportSms', 'https://www.33700.fr', '33700.fr'], ['scamReportMail', 'https://www.signal-spam.fr', 'signal-spam.fr'],
  ['scamReportHelp', 'https://17cyber.gouv.fr', '17cyber.gouv.fr']];

export function createScam({ engine, onToggle }) {
  const d = disclosureSection('tool-scam', { onToggle });
  let lang = 'fr';
  let lastScan = null; // re-run in the new language when the language changes
  // The engine's own limit, in characters a message of any script fits in.
  const maxChars = Math.floor(engine().info('fr').limits.message_bytes / 4);

  const label = el('label', { for: 'scam-text', class: 'sub-label' });
  const hint = el('p', { class: 'hint', id: 'scam-hint' });
  const area = el('textarea', {
    id: 'scam-text', class: 'text-input text-area', rows: '5', autocomplete: 'off', spellcheck: 'false',
    maxlength: String(maxChars), 'aria-describedby': 'scam-hint', dir: 'auto',
  });
  const checkBtn = el('button', { type: 'button', class: 'button', id: 'scam-check' });
  const clearBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'scam-clear' });
  const out = el('div', { id: 'scam-result', class: 'scam-result', 'aria-live': 'polite' });
  const limits = el('p', { class: 'hint scam-limits', id: 'scam-limits' });
  d.body.append(label, hint, area, el('div', { class: 'tool-buttons' }, checkBtn, clearBtn), out, limits);

  function show(r) {
    out.textContent = '';
    if (!r || !r.ok || !['high', 'medium', 'low'].includes(r.risk)) {
      out.append(el('p', { class: 'scam-headline risk-high' }, icon('high', 28), el('span', { text: t('scamError') })));
      return;
    }
    out.dataset.risk = r.risk;
    out.append(el('p', { class: `scam-headline risk-${r.risk}`, id: 'scam-headline' }, icon(r.risk, 28), el('span', { text: t(`scamRisk_${r.risk}`) })));
    if (r.truncated) out.append(el('p', { class: 'hint', text: t('scamTruncated') }));
    const flags = Array.isArray(r.flags) ? r.flags : [];
    if (flags.length) {
      out.append(el('h3', { text: t('scamFlagsTitle') }));
      const ul = el('ul', { class: 'scam-flags', id: 'scam-flags' });
      for (const f of flags) {
        const li = el('li', { dataset: { flag: String(f.id ?? '') } }, el('p', { text: String(f.text ?? '') }));
        if (f.detail) li.append(el('p', { class: 'scam-detail' }, el('span', { text: t('scamFound') }), ' ', el('q', { text: String(f.detail), dir: 'auto' })));
        ul.append(li);
      }
      out.append(ul);
    }
    out.append(el('h3', { text: t('scamAdviceTitle') }), el('p', { class: 'scam-advice', id: 'scam-advice', text: String(r.advice ?? '') }),
      el('p', { text: t('scamCallYourself') }));
    const report = el('ul', { class: 'scam-report' });
    for (const [key, url, host] of REPORT) report.append(el('li', {}, `${t(key)} `, extLink(url, host)));
    out.append(el('h3', { text: t('scamReportTitle') }), report);
  }

  function scan() {
    const text = area.value;
    if (!text.trim()) {
      lastScan = null;
      out.textContent = '';
      delete out.dataset.risk;
      out.append(el('p', { class: 'field-message is-visible', text: t('scamEmpty') }));
      area.focus();
      return;
    }
    lastScan = text;
    show(engine().scanMessage(text, lang));
  }

  checkBtn.addEventListener('click', scan);
  clearBtn.addEventListener('click', () => {
    area.value = '';
    lastScan = null;
    out.textContent = '';
    delete out.dataset.risk;
    area.focus();
  });

  function render() {
    const changed = currentLang() !== lang;
    lang = currentLang();
    d.label.textContent = t('scamTitle');
    d.intro.textContent = t('scamIntro');
    label.textContent = t('scamLabel');
    hint.textContent = t('scamHint');
    checkBtn.textContent = t('scamCheck');
    clearBtn.textContent = t('scamClear');
    limits.textContent = t('scamLimits');
    if (changed && lastScan !== null && lastScan === area.value) show(engine().scanMessage(lastScan, lang));
  }

  return { section: d.section, render, open: () => d.setOpen(true) };
}
