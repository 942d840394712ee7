// breachcheck — letters filled in locally: (1) a GDPR right-of-access request (article 15) to the
// insurer's data protection officer; (2) a draft CNIL complaint when the insurer has not answered
// within one month. Both name the operators and networks concerned. What the person types stays
// in this form: shown as text, copied, printed or
// saved as a .txt file by the person — never sent, never in the URL, never stored.
import { el, extLink, downloadFile, copyText, printOnly, disclosureSection, formatDay } from './toolkit.js';
import { t } from './i18n/index.js';

const CNIL_COMPLAINT = 'https://www.cnil.fr/fr/plaintes';
const CNIL_ACCESS = 'https://www.cnil.fr/fr/le-droit-dacces-connaitre-les-donnees-quun-organisme-detient-sur-vous';

// The letters themselves are in French (French insurers and the CNIL), whatever the page's
// language: they are document templates, not interface strings (those are in web/i18n).
const BLANK = { name: '[Vos nom et prénom]', address: '[Votre adresse]', insurer: '[Nom de votre complémentaire]', date: '[date d’envoi]' };
const FILES = { access: 'demande-acces-rgpd.txt', cnil: 'plainte-cnil-brouillon.txt' };

// "Viamedis et Almerys (janvier-février 2024)", "la plateforme du réseau Itélis (novembre 2025)":
// the incidents that may concern the person, as the letter names them.
function concerned(incidents) {
  const names = incidents.map((i) => (i.mode === 'insurer_operator' ? i.operator_name : i.name));
  if (!names.length) return 'Viamedis et Almerys (2024)';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
}

function accessLetter({ name, address, insurer, dependants, city, today, incidents }) {
  return [
    name, ...address, '',
    'À l’attention du délégué à la protection des données (DPO)', insurer, '',
    `${city ? `${city}, le` : 'Le'} ${today}`, '',
    `Objet : demande d’accès à mes données personnelles (article 15 du RGPD) — fuites de données : ${concerned(incidents)}`, '',
    'Madame, Monsieur,', '',
    `En application de l’article 15 du règlement général sur la protection des données (RGPD), je vous demande de me dire si mes données personnelles${dependants ? `, ainsi que celles de mes ayants droit (${dependants}),` : ' et celles de mes éventuels ayants droit'} figuraient dans les fichiers exposés lors de ces fuites : ${concerned(incidents)}.`,
    '',
    'Dans l’affirmative, je vous demande de m’indiquer :',
    '- par quel opérateur ou quel réseau ces données étaient traitées pour votre compte ;',
    '- pour quelle période ;',
    '- quelles données ont été exposées (état civil, date et rang de naissance, numéro de sécurité sociale, numéro d’adhérent ou de contrat, garanties, données d’optique, téléphone, autres) ;',
    '- les mesures prises depuis pour protéger les personnes concernées.', '',
    'Pour m’identifier : date de naissance : ........................ ; numéro d’adhérent : ........................', '',
    'Conformément à l’article 12 du RGPD, je vous remercie de me répondre dans un délai d’un mois à compter de la réception de cette demande.', '',
    'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.', '',
    name,
  ];
}

function cnilLetter({ name, address, insurer, dependants, sentOn, today, incidents }) {
  return [
    'Objet : absence de réponse à une demande de droit d’accès (article 15 du RGPD)', '',
    `Organisme mis en cause : ${insurer} (complémentaire santé)`, '',
    `Le ${sentOn}, j’ai adressé au délégué à la protection des données de ${insurer} une demande d’accès (article 15 du RGPD). Je demandais si mes données personnelles${dependants ? ` et celles de mes ayants droit (${dependants})` : ''} figuraient dans les fichiers exposés lors de ces fuites : ${concerned(incidents)}, et lesquelles.`,
    '',
    'Le délai d’un mois prévu par l’article 12, paragraphe 3, du RGPD est écoulé et je n’ai reçu [aucune réponse / qu’une réponse incomplète : préciser].', '',
    'Je vous demande d’intervenir auprès de cet organisme afin qu’il réponde à ma demande.', '',
    'Pièces jointes : copie de ma demande ; preuve de son envoi ; [réponse reçue, le cas échéant].', '',
    `${name}`, ...address, `Le ${today}`,
  ];
}

const clean = (s, max = 200) => String(s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').slice(0, max).trim();

export function createLetters({ onToggle } = {}) {
  const d = disclosureSection('tool-letters', { onToggle });
  const values = { kind: 'access', name: '', address: '', insurer: '', insurerTouched: false, dependants: '', sentOn: '', city: '' };
  let insurerFromCheck = '';
  let incidents = []; // the incidents that may concern the person, as the letter names them

  const privacy = el('p', { class: 'tool-privacy', id: 'letters-privacy' });
  const kindFs = el('fieldset', { class: 'letter-kind' });
  const kindLegend = el('legend', { class: 'question-label' });
  const mkRadio = (value) => {
    const id = `letter-kind-${value}`;
    const input = el('input', { type: 'radio', id, name: 'letter-kind', value, class: 'radio' });
    const label = el('label', { for: id });
    input.addEventListener('change', () => {
      if (input.checked) {
        values.kind = value;
        refresh();
      }
    });
    return { wrap: el('div', { class: 'choice' }, input, label), input, label };
  };
  const kAccess = mkRadio('access');
  const kCnil = mkRadio('cnil');
  kindFs.append(kindLegend, el('div', { class: 'choices' }, kAccess.wrap, kCnil.wrap));

  // The fields: plain text inputs, no autocomplete hint that would tie them to a profile.
  const field = (key, { multiline = false, type = 'text', max = 120 } = {}) => {
    const id = `letter-${key}`;
    const label = el('label', { for: id, class: 'sub-label' });
    const hint = el('p', { class: 'hint', id: `${id}-hint` });
    const attrs = { id, class: multiline ? 'text-input text-area' : 'text-input', autocomplete: 'off', spellcheck: 'false', maxlength: String(max) };
    const input = multiline ? el('textarea', { ...attrs, rows: '3' }) : el('input', { ...attrs, type });
    input.addEventListener('input', () => {
      values[key] = input.value;
      if (key === 'insurer') values.insurerTouched = true;
      refresh();
    });
    const wrap = el('div', { class: 'letter-field' }, label, hint, input);
    return { wrap, label, hint, input };
  };
  const fName = field('name');
  const fAddress = field('address', { multiline: true, max: 300 });
  const fInsurer = field('insurer');
  const fDependants = field('dependants', { max: 200 });
  const fCity = field('city', { max: 80 });
  const fSent = field('sentOn', { type: 'date', max: 10 });

  const noNir = el('details', { class: 'letter-no-nir' }, el('summary'), el('p'));
  const where = el('p', { class: 'letter-where' });
  const whereLink = el('p', { class: 'letter-where-link' });
  const previewTitle = el('h3', { id: 'letter-preview-title' });
  const letterBox = el('div', { id: 'letter-text', class: 'letter-text' });
  const copyBtn = el('button', { type: 'button', class: 'button', id: 'letter-copy' });
  const printBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'letter-print' });
  const saveBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'letter-save' });
  const status = el('p', { class: 'tool-status', id: 'letter-status', role: 'status' });

  d.body.append(privacy, kindFs,
    el('div', { class: 'letter-form' }, fName.wrap, fAddress.wrap, fInsurer.wrap, fDependants.wrap, fSent.wrap, fCity.wrap),
    noNir, previewTitle, where, whereLink, letterBox,
    el('div', { class: 'tool-buttons bc-no-print' }, copyBtn, printBtn, saveBtn), status);

  function letterLines() {
    const today = formatDay(new Date(), 'fr');
    const address = clean(values.address, 300).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const sent = /^\d{4}-\d{2}-\d{2}$/.exec(values.sentOn)
      ? formatDay(new Date(`${values.sentOn}T12:00:00`), 'fr') : BLANK.date;
    const data = {
      name: clean(values.name) || BLANK.name,
      address: address.length ? address : [BLANK.address],
      insurer: clean(values.insurer) || BLANK.insurer,
      dependants: clean(values.dependants),
      city: clean(values.city, 80),
      sentOn: sent,
      today,
      incidents,
    };
    return values.kind === 'cnil' ? cnilLetter(data) : accessLetter(data);
  }

  function letterText() {
    return `${letterLines().join('\n')}\n`;
  }

  function refresh() {
    // Text only: the person's words never become markup.
    letterBox.textContent = letterText();
    const cnil = values.kind === 'cnil';
    fSent.wrap.hidden = !cnil;
    fCity.wrap.hidden = cnil;
    where.textContent = cnil ? t('letterWhereCnil') : t('letterWhereAccess');
    whereLink.textContent = '';
    whereLink.append(cnil ? extLink(CNIL_COMPLAINT, t('letterLinkCnil')) : extLink(CNIL_ACCESS, t('letterLinkAccess')));
  }

  function render(result) {
    d.label.textContent = t('letterTitle');
    d.intro.textContent = t('letterIntro');
    privacy.textContent = t('letterPrivacy');
    kindLegend.textContent = t('letterKindLegend');
    kAccess.label.textContent = t('letterKindAccess');
    kCnil.label.textContent = t('letterKindCnil');
    kAccess.input.checked = values.kind === 'access';
    kCnil.input.checked = values.kind === 'cnil';
    for (const [f, key] of [[fName, 'Name'], [fAddress, 'Address'], [fInsurer, 'Insurer'], [fDependants, 'Dependants'], [fSent, 'SentOn'], [fCity, 'City']]) {
      f.label.textContent = t(`letter${key}`);
      const hintKey = `letter${key}Hint`;
      const hint = t(hintKey) === hintKey ? '' : t(hintKey);
      f.hint.textContent = hint;
      f.hint.hidden = !hint;
      if (hint) f.input.setAttribute('aria-describedby', f.hint.id);
    }
    noNir.querySelector('summary').textContent = t('letterNoNirTitle');
    noNir.querySelector('p').textContent = t('letterNoNir');
    previewTitle.textContent = t('letterPreview');
    copyBtn.textContent = t('letterCopy');
    printBtn.textContent = t('letterPrint');
    saveBtn.textContent = t('letterSave');
    incidents = (result?.incidents ?? []).filter((i) => i.applies && i.verdict !== 'not_affected' && (i.verdict !== 'unknown' || result.exposure.hypothetical));
    // Insurer: from the check, unless the person typed another one.
    const name = result?.org?.name ?? '';
    if (name && name !== insurerFromCheck && !values.insurerTouched) {
      values.insurer = name;
      fInsurer.input.value = name;
    }
    insurerFromCheck = name || insurerFromCheck;
    refresh();
  }

  copyBtn.addEventListener('click', async () => {
    const ok = await copyText(letterText());
    status.textContent = ok ? t('letterCopied') : t('letterCopyRefused');
    if (!ok) {
      // Help the person copy by hand: select the letter.
      const range = document.createRange();
      range.selectNodeContents(letterBox);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
  });
  printBtn.addEventListener('click', () => printOnly('letter'));
  saveBtn.addEventListener('click', () => {
    const name = FILES[values.kind];
    downloadFile(name, letterText().replace(/\n/g, '\r\n'), 'text/plain;charset=utf-8');
    status.textContent = t('fileSaved', { name });
  });

  return {
    section: d.section,
    render,
    open(kind) {
      if (kind === 'access' || kind === 'cnil') {
        values.kind = kind;
        kAccess.input.checked = kind === 'access';
        kCnil.input.checked = kind === 'cnil';
        refresh();
      }
      d.setOpen(true);
      d.section.scrollIntoView({ block: 'start' });
      fName.input.focus({ preventScroll: true });
    },
  };
}
