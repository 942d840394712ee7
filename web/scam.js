// breachcheck — "Ce message est-il une arnaque ?": the person pastes an SMS or e-mail; the engine's
// scanMessage() looks for the patterns of the scams that followed the breach, in this page only.
// The pasted text is never sent, stored or put in the URL; the answer is never "safe".
import { el, icon, extLink, disclosureSection } from './toolkit.js';

const MAX_CHARS = 5000;

const S = {
  fr: {
    title: 'Ce message est-il une arnaque ?',
    intro: 'Collez le texte d’un SMS ou d’un e-mail reçu : l’outil cherche les procédés des arnaques qui ont suivi la fuite.',
    label: 'Texte du message',
    hint: 'Le texte reste dans votre navigateur : il n’est ni envoyé, ni enregistré, ni ajouté à l’adresse de la page. Ne cliquez pas sur les liens du message.',
    check: 'Vérifier ce message',
    clear: 'Effacer',
    empty: 'Collez d’abord le texte du message dans la zone ci-dessus.',
    risk: {
      high: 'Risque élevé : ce message ressemble aux arnaques connues',
      medium: 'Prudence : certains signes doivent vous alerter',
      low: 'Aucun signe connu trouvé — cela ne prouve pas que le message est sûr',
    },
    flagsTitle: 'Ce que l’outil a repéré',
    found: 'Repéré dans le message :',
    adviceTitle: 'Que faire',
    reportTitle: 'Où signaler',
    report: [
      ['SMS frauduleux : transférez-le gratuitement au 33700.', 'https://www.33700.fr', '33700.fr'],
      ['E-mail d’hameçonnage : signalez-le sur Signal Spam.', 'https://www.signal-spam.fr', 'signal-spam.fr'],
      ['Vous avez cliqué, payé ou donné un code : 17Cyber vous aide et vous oriente (plainte).', 'https://17cyber.gouv.fr', '17cyber.gouv.fr'],
    ],
    callYourself: 'Pour vérifier, contactez vous-même l’organisme avec les coordonnées que vous connaissez déjà (votre carte, votre espace adhérent, le 3646 pour l’Assurance Maladie) — jamais celles du message.',
    limits: 'Limites : cette vérification ne connaît que certains procédés et peut se tromper dans les deux sens. Un message sans signe repéré peut être une arnaque ; un vrai message peut contenir des mots qui alertent. Elle ne dit jamais qu’un message est sûr.',
    truncated: (n) => `Message long : seuls les ${n} premiers caractères ont été examinés.`,
    error: 'La vérification a échoué. Dans le doute, ne cliquez pas et contactez l’organisme vous-même.',
  },
  en: {
    title: 'Is this message a scam?',
    intro: 'Paste the text of a text message or e-mail you received: the tool looks for the tricks of the scams that followed the breach.',
    label: 'Text of the message',
    hint: 'The text stays in your browser: it is neither sent, stored nor added to the page address. Do not click the links in the message.',
    check: 'Check this message',
    clear: 'Clear',
    empty: 'First paste the text of the message in the box above.',
    risk: {
      high: 'High risk: this message looks like known scams',
      medium: 'Caution: some signs should alert you',
      low: 'No known sign found — this does not prove the message is safe',
    },
    flagsTitle: 'What the tool spotted',
    found: 'Found in the message:',
    adviceTitle: 'What to do',
    reportTitle: 'Where to report',
    report: [
      ['Scam text message: forward it free of charge to 33700.', 'https://www.33700.fr', '33700.fr'],
      ['Phishing e-mail: report it on Signal Spam.', 'https://www.signal-spam.fr', 'signal-spam.fr'],
      ['You clicked, paid or gave a code: 17Cyber helps and guides you (complaint).', 'https://17cyber.gouv.fr', '17cyber.gouv.fr'],
    ],
    callYourself: 'To check, contact the organisation yourself with the details you already know (your card, your member area, 3646 for the Assurance Maladie) — never those in the message.',
    limits: 'Limits: this check only knows some tricks and can be wrong both ways. A message with no sign found can still be a scam; a genuine message can contain alarming words. It never says a message is safe.',
    truncated: (n) => `Long message: only the first ${n} characters were examined.`,
    error: 'The check failed. If in doubt, do not click and contact the organisation yourself.',
  },
};

export function createScam({ engine }) {
  const d = disclosureSection('tool-scam');
  let lang = 'fr';
  let lastScan = null; // re-run in the new language when the language changes
  const t = () => S[lang] ?? S.fr;

  const label = el('label', { for: 'scam-text', class: 'sub-label' });
  const hint = el('p', { class: 'hint', id: 'scam-hint' });
  const area = el('textarea', {
    id: 'scam-text', class: 'text-input text-area', rows: '5', autocomplete: 'off', spellcheck: 'false',
    maxlength: String(MAX_CHARS), 'aria-describedby': 'scam-hint',
  });
  const checkBtn = el('button', { type: 'button', class: 'button', id: 'scam-check' });
  const clearBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'scam-clear' });
  const out = el('div', { id: 'scam-result', class: 'scam-result', 'aria-live': 'polite' });
  const limits = el('p', { class: 'hint scam-limits', id: 'scam-limits' });
  d.body.append(label, hint, area, el('div', { class: 'tool-buttons' }, checkBtn, clearBtn), out, limits);

  function show(r) {
    const s = t();
    out.textContent = '';
    if (!r || r.error || !['high', 'medium', 'low'].includes(r.risk)) {
      out.append(el('p', { class: 'scam-headline risk-high' }, icon('high', 28), el('span', { text: s.error })));
      return;
    }
    out.dataset.risk = r.risk;
    out.append(el('p', { class: `scam-headline risk-${r.risk}`, id: 'scam-headline' }, icon(r.risk, 28), el('span', { text: s.risk[r.risk] })));
    if (r.truncated) out.append(el('p', { class: 'hint', text: s.truncated(MAX_CHARS) }));
    const flags = Array.isArray(r.flags) ? r.flags : [];
    if (flags.length) {
      out.append(el('h3', { text: s.flagsTitle }));
      const ul = el('ul', { class: 'scam-flags', id: 'scam-flags' });
      for (const f of flags) {
        const li = el('li', { dataset: { flag: String(f.id ?? '') } }, el('p', { text: String(f.text ?? '') }));
        if (f.detail) li.append(el('p', { class: 'scam-detail' }, el('span', { text: s.found }), ' ', el('q', { text: String(f.detail) })));
        ul.append(li);
      }
      out.append(ul);
    }
    out.append(el('h3', { text: s.adviceTitle }), el('p', { class: 'scam-advice', id: 'scam-advice', text: String(r.advice ?? '') }),
      el('p', { text: s.callYourself }));
    const report = el('ul', { class: 'scam-report' });
    for (const [text, url, host] of s.report) report.append(el('li', {}, `${text} `, extLink(url, host)));
    out.append(el('h3', { text: s.reportTitle }), report);
  }

  function scan() {
    const text = area.value;
    if (!text.trim()) {
      lastScan = null;
      out.textContent = '';
      delete out.dataset.risk;
      out.append(el('p', { class: 'field-message is-visible', text: t().empty }));
      area.focus();
      return;
    }
    lastScan = text;
    show(engine.scanMessage(text, lang));
  }

  checkBtn.addEventListener('click', scan);
  clearBtn.addEventListener('click', () => {
    area.value = '';
    lastScan = null;
    out.textContent = '';
    delete out.dataset.risk;
    area.focus();
  });

  function render(newLang) {
    const changed = newLang !== lang;
    lang = newLang;
    const s = t();
    d.label.textContent = s.title;
    d.intro.textContent = s.intro;
    label.textContent = s.label;
    hint.textContent = s.hint;
    checkBtn.textContent = s.check;
    clearBtn.textContent = s.clear;
    limits.textContent = s.limits;
    if (changed && lastScan !== null && lastScan === area.value) show(engine.scanMessage(lastScan, lang));
  }

  return { section: d.section, render, open: () => d.setOpen(true) };
}
