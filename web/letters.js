// breachcheck — letters filled in locally: (1) a GDPR right-of-access request (article 15) to the
// insurer's data protection officer; (2) a draft CNIL complaint when the insurer has not answered
// within one month. What the person types stays in this form: shown as text, copied, printed or
// saved as a .txt file by the person — never sent, never in the URL, never stored.
import { el, extLink, downloadFile, copyText, printOnly, disclosureSection, formatDay } from './toolkit.js';

const CNIL_COMPLAINT = 'https://www.cnil.fr/fr/plaintes';
const CNIL_ACCESS = 'https://www.cnil.fr/fr/le-droit-dacces-connaitre-les-donnees-quun-organisme-detient-sur-vous';

const S = {
  fr: {
    title: 'Lettres à votre complémentaire et à la CNIL',
    intro: 'Deux modèles remplis sur votre appareil : une demande pour savoir si vos données étaient dans la fuite, et un brouillon de plainte à la CNIL si votre complémentaire ne répond pas dans le mois.',
    privacy: "Ce que vous tapez ici sert seulement à remplir la lettre affichée : rien n'est envoyé, enregistré ni ajouté à l'adresse de la page. C'est vous qui envoyez la lettre, si vous le souhaitez.",
    kindLegend: 'Quelle lettre ?',
    kindAccess: 'Demande à ma complémentaire (droit d’accès, RGPD article 15)',
    kindCnil: 'Brouillon de plainte à la CNIL (pas de réponse après un mois)',
    name: 'Vos nom et prénom',
    address: 'Votre adresse postale',
    addressHint: 'Pour que la réponse vous parvienne par courrier. Facultatif si vous écrivez par e-mail.',
    insurer: 'Votre complémentaire santé',
    insurerHint: 'Pré-rempli d’après votre vérification ; vous pouvez le corriger.',
    dependants: 'Prénoms de vos ayants droit (facultatif)',
    dependantsHint: 'Conjoint ou enfants couverts par le même contrat, séparés par des virgules.',
    sentOn: 'Date d’envoi de votre demande à la complémentaire (facultatif)',
    city: 'Ville où vous écrivez (facultatif)',
    noNirTitle: 'Pourquoi pas de numéro de sécurité sociale ?',
    noNir: 'Votre complémentaire peut vous identifier avec votre nom, votre date de naissance et votre numéro d’adhérent. La lettre laisse ces deux derniers à compléter à la main, au moment où vous l’envoyez à elle seule : cette page ne les demande pas. Ne mettez jamais votre numéro de sécurité sociale dans un e-mail ou un formulaire que vous n’avez pas ouvert vous-même.',
    preview: 'Votre lettre',
    copy: 'Copier la lettre',
    print: 'Imprimer la lettre',
    save: 'Enregistrer la lettre (.txt)',
    copied: 'Lettre copiée. Collez-la dans votre e-mail ou votre espace adhérent.',
    copyRefused: 'Votre navigateur a refusé la copie. Sélectionnez le texte de la lettre et copiez-le vous-même, ou enregistrez-la en .txt.',
    saved: (n) => `Fichier « ${n} » créé sur votre appareil.`,
    whereAccess: 'Où l’envoyer ? À l’adresse du délégué à la protection des données (DPO) indiquée dans la politique de confidentialité de votre complémentaire, par e-mail, courrier recommandé ou depuis votre espace adhérent. Gardez une preuve de l’envoi : la réponse est due sous un mois.',
    whereCnil: 'Où déposer la plainte ? Sur le site de la CNIL, rubrique « Adresser une plainte », en joignant votre demande et la preuve de son envoi. Le texte ci-dessous est à coller dans le formulaire.',
    linkAccess: 'Le droit d’accès expliqué par la CNIL',
    linkCnil: 'Plainte auprès de la CNIL',
    fileAccess: 'demande-acces-rgpd.txt',
    fileCnil: 'plainte-cnil-brouillon.txt',
    blankName: '[Vos nom et prénom]',
    blankAddress: '[Votre adresse]',
    blankInsurer: '[Nom de votre complémentaire]',
    blankDate: '[date d’envoi]',
    access: ({ name, address, insurer, dependants, city, today }) => [
      name,
      ...address,
      '',
      `À l’attention du délégué à la protection des données (DPO)`,
      insurer,
      '',
      `${city ? `${city}, le` : 'Le'} ${today}`,
      '',
      'Objet : demande d’accès à mes données personnelles (article 15 du RGPD) — cyberattaques de Viamedis et d’Almerys (janvier 2024)',
      '',
      'Madame, Monsieur,',
      '',
      `En application de l’article 15 du règlement général sur la protection des données (RGPD), je vous demande de me dire si mes données personnelles${dependants ? `, ainsi que celles de mes ayants droit (${dependants}),` : ' et celles de mes éventuels ayants droit'} figuraient dans les fichiers exposés lors des cyberattaques des opérateurs de tiers payant Viamedis et Almerys de janvier 2024.`,
      '',
      'Dans l’affirmative, je vous demande de m’indiquer :',
      '- par quel opérateur (Viamedis, Almerys ou les deux) ces données étaient traitées pour votre compte ;',
      '- pour quelle période ;',
      '- quelles données ont été exposées (état civil, date et rang de naissance, numéro de sécurité sociale, numéro d’adhérent ou de contrat, garanties, autres) ;',
      '- les mesures prises depuis pour protéger les personnes concernées.',
      '',
      'Pour m’identifier : date de naissance : ........................ ; numéro d’adhérent : ........................',
      '',
      'Conformément à l’article 12 du RGPD, je vous remercie de me répondre dans un délai d’un mois à compter de la réception de cette demande.',
      '',
      'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
      '',
      name,
    ],
    cnil: ({ name, address, insurer, dependants, sentOn, today }) => [
      'Objet : absence de réponse à une demande de droit d’accès (article 15 du RGPD)',
      '',
      `Organisme mis en cause : ${insurer} (complémentaire santé)`,
      '',
      `Le ${sentOn}, j’ai adressé au délégué à la protection des données de ${insurer} une demande d’accès (article 15 du RGPD). Je demandais si mes données personnelles${dependants ? ` et celles de mes ayants droit (${dependants})` : ''} figuraient dans les fichiers exposés lors des cyberattaques des opérateurs de tiers payant Viamedis et Almerys de janvier 2024, par quel opérateur, pour quelle période et quelles données.`,
      '',
      'Le délai d’un mois prévu par l’article 12, paragraphe 3, du RGPD est écoulé et je n’ai reçu [aucune réponse / qu’une réponse incomplète : préciser].',
      '',
      'Je vous demande d’intervenir auprès de cet organisme afin qu’il réponde à ma demande.',
      '',
      'Pièces jointes : copie de ma demande ; preuve de son envoi ; [réponse reçue, le cas échéant].',
      '',
      `${name}`,
      ...address,
      `Le ${today}`,
    ],
  },
  en: {
    title: 'Letters to your insurer and to the CNIL',
    intro: 'Two templates filled in on your device: a request to find out whether your data was in the breach, and a draft complaint to the CNIL if your insurer does not answer within a month. The letters are in French, as the French bodies expect.',
    privacy: 'What you type here only fills in the letter shown: nothing is sent, stored or added to the page address. You send the letter yourself, if you wish.',
    kindLegend: 'Which letter?',
    kindAccess: 'Request to my insurer (right of access, GDPR article 15)',
    kindCnil: 'Draft complaint to the CNIL (no answer after one month)',
    name: 'Your full name',
    address: 'Your postal address',
    addressHint: 'So that the answer reaches you by post. Optional if you write by e-mail.',
    insurer: 'Your health insurer',
    insurerHint: 'Filled in from your check; you can correct it.',
    dependants: 'First names of your dependants (optional)',
    dependantsHint: 'Spouse or children covered by the same contract, separated by commas.',
    sentOn: 'Date you sent your request to the insurer (optional)',
    city: 'Town you are writing from (optional)',
    noNirTitle: 'Why no social security number?',
    noNir: 'Your insurer can identify you by your name, date of birth and member number. The letter leaves the last two to fill in by hand when you send it to the insurer alone: this page does not ask for them. Never put your social security number in an e-mail or form you did not open yourself.',
    preview: 'Your letter',
    copy: 'Copy the letter',
    print: 'Print the letter',
    save: 'Save the letter (.txt)',
    copied: 'Letter copied. Paste it into your e-mail or member area.',
    copyRefused: 'Your browser refused to copy. Select the letter text and copy it yourself, or save it as .txt.',
    saved: (n) => `File “${n}” created on your device.`,
    whereAccess: 'Where to send it? To the data protection officer (DPO) address given in your insurer’s privacy policy, by e-mail, registered letter or from your member area. Keep proof of sending: the answer is due within one month.',
    whereCnil: 'Where to file it? On the CNIL website, “Adresser une plainte”, attaching your request and proof of sending. Paste the text below into the form.',
    linkAccess: 'The right of access explained by the CNIL (French)',
    linkCnil: 'Complaint to the CNIL (French)',
  },
};
// The letters themselves are in French (French insurers and the CNIL); the form follows the page language.
for (const k of ['fileAccess', 'fileCnil', 'blankName', 'blankAddress', 'blankInsurer', 'blankDate', 'access', 'cnil']) S.en[k] = S.fr[k];

const clean = (s, max = 200) => String(s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').slice(0, max).trim();

export function createLetters() {
  const d = disclosureSection('tool-letters');
  const values = { kind: 'access', name: '', address: '', insurer: '', insurerTouched: false, dependants: '', sentOn: '', city: '' };
  let lang = 'fr';
  let insurerFromCheck = '';
  const t = () => S[lang] ?? S.fr;

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
    const s = t();
    const today = formatDay(new Date(), 'fr');
    const address = clean(values.address, 300).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const sent = /^\d{4}-\d{2}-\d{2}$/.exec(values.sentOn)
      ? formatDay(new Date(`${values.sentOn}T12:00:00`), 'fr') : s.blankDate;
    const data = {
      name: clean(values.name) || s.blankName,
      address: address.length ? address : [s.blankAddress],
      insurer: clean(values.insurer) || s.blankInsurer,
      dependants: clean(values.dependants),
      city: clean(values.city, 80),
      sentOn: sent,
      today,
    };
    return values.kind === 'cnil' ? s.cnil(data) : s.access(data);
  }

  function letterText() {
    return `${letterLines().join('\n')}\n`;
  }

  function refresh() {
    // Text only: the person's words never become markup.
    letterBox.textContent = letterText();
    const s = t();
    const cnil = values.kind === 'cnil';
    fSent.wrap.hidden = !cnil;
    fCity.wrap.hidden = cnil;
    where.textContent = cnil ? s.whereCnil : s.whereAccess;
    whereLink.textContent = '';
    whereLink.append(cnil ? extLink(CNIL_COMPLAINT, s.linkCnil) : extLink(CNIL_ACCESS, s.linkAccess));
  }

  function render(result, newLang) {
    lang = newLang;
    const s = t();
    d.label.textContent = s.title;
    d.intro.textContent = s.intro;
    privacy.textContent = s.privacy;
    kindLegend.textContent = s.kindLegend;
    kAccess.label.textContent = s.kindAccess;
    kCnil.label.textContent = s.kindCnil;
    kAccess.input.checked = values.kind === 'access';
    kCnil.input.checked = values.kind === 'cnil';
    for (const [f, key] of [[fName, 'name'], [fAddress, 'address'], [fInsurer, 'insurer'], [fDependants, 'dependants'], [fSent, 'sentOn'], [fCity, 'city']]) {
      f.label.textContent = s[key];
      const hint = s[`${key}Hint`];
      f.hint.textContent = hint ?? '';
      f.hint.hidden = !hint;
      if (hint) f.input.setAttribute('aria-describedby', f.hint.id);
    }
    noNir.querySelector('summary').textContent = s.noNirTitle;
    noNir.querySelector('p').textContent = s.noNir;
    previewTitle.textContent = s.preview;
    copyBtn.textContent = s.copy;
    printBtn.textContent = s.print;
    saveBtn.textContent = s.save;
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
    status.textContent = ok ? t().copied : t().copyRefused;
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
    const name = values.kind === 'cnil' ? t().fileCnil : t().fileAccess;
    downloadFile(name, letterText().replace(/\n/g, '\r\n'), 'text/plain;charset=utf-8');
    status.textContent = t().saved(name);
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
