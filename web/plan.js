// breachcheck — "Mon plan d'action": the result's actions as a checklist (ticks kept in memory
// only), each with why it matters for the data that leaked; print it, save it as a page, or save
// reminders as an .ics calendar file. Works on one check or on the household's combined plan.
import { el, icon, extLink, safeUrl, downloadFile, printOnly, disclosureSection, formatDay, VERDICTS } from './toolkit.js';

const S = {
  fr: {
    title: "Mon plan d'action",
    intro: 'Les conseils ci-dessus sous forme de liste à cocher, avec pour chacun la raison liée aux données qui ont fuité. À imprimer, ou à enregistrer avec des rappels dans votre agenda.',
    forWhom: 'Plan commun pour :',
    progress: (d, n) => `${d} sur ${n} fait${d > 1 ? 's' : ''}`,
    why: 'Pourquoi :',
    memoryNote: 'Vos coches restent dans cette page : elles disparaissent si vous la fermez ou la rechargez. Pour les garder, imprimez ou enregistrez le plan.',
    print: 'Imprimer mon plan',
    savePage: 'Enregistrer le plan (page .html)',
    saveIcs: 'Ajouter des rappels à mon agenda (.ics)',
    icsHint: 'Un fichier agenda avec 5 rappels (dans 1 semaine, 1 mois, 3 mois, 6 mois et 12 mois) pour revérifier vos comptes bancaires et santé. Il est créé sur votre appareil et ne contient ni votre nom ni votre complémentaire.',
    saved: (name) => `Fichier « ${name} » créé sur votre appareil.`,
    printedTitle: "Plan d'action après les fuites Viamedis et Almerys",
    printedNote: (d) => `Établi le ${d} avec l'outil d'auto-vérification, sans aucune donnée personnelle. Cochez au fur et à mesure.`,
    done: 'fait',
    todo: 'à faire',
    noActions: 'Rien de particulier à faire : restez prudent face aux messages qui citent votre mutuelle.',
    verdict: { affected: 'Concerné', likely: 'Probablement concerné', possible: 'Peut-être concerné', unknown: 'Inconnu', not_affected: 'Non concerné' },
    icsFile: 'rappels-fuite-mutuelle.ics',
    pageFile: 'plan-action-fuite-mutuelle.html',
    lettersLink: 'Préparer cette lettre',
    more: 'Le conseil en détail',
    ics: {
      summary: (when) => `Fuite mutuelle : revérifier mes comptes bancaires et santé (${when})`,
      when: { 7: '1 semaine', 30: '1 mois', 91: '3 mois', 182: '6 mois', 365: '12 mois' },
      body: [
        'Rappel de votre plan d\'action après les fuites Viamedis et Almerys (janvier 2024).',
        '- Banque : relisez vos opérations, la liste des prélèvements SEPA et des créanciers autorisés ; opération inconnue = appelez votre banque et faites opposition.',
        '- Compte ameli (https://assure.ameli.fr/, adresse tapée vous-même) et espace adhérent de votre complémentaire : connexions ou messages inattendus ? Mot de passe unique, double authentification.',
        '- Vos coordonnées bancaires n\'ont pas fuité : toute demande d\'IBAN, de carte ou de code par SMS, e-mail ou téléphone est une arnaque.',
        '- SMS suspect : transférez-le au 33700. E-mail : signal-spam.fr. Arnaque subie : 17cyber.gouv.fr.',
      ],
      month: '- Vous avez écrit à votre complémentaire il y a un mois sans réponse ? Vous pouvez saisir la CNIL : https://www.cnil.fr/fr/plaintes',
      alarm: 'Revérifier mes comptes bancaires et santé',
    },
  },
  en: {
    title: 'My action plan',
    intro: 'The advice above as a checklist, each step with why it matters for the data that leaked. Print it, or save it with reminders in your calendar.',
    forWhom: 'Combined plan for:',
    progress: (d, n) => `${d} of ${n} done`,
    why: 'Why:',
    memoryNote: 'Your ticks stay in this page only: they are gone if you close or reload it. To keep them, print or save the plan.',
    print: 'Print my plan',
    savePage: 'Save the plan (.html page)',
    saveIcs: 'Add reminders to my calendar (.ics)',
    icsHint: 'A calendar file with 5 reminders (in 1 week, 1 month, 3 months, 6 months and 12 months) to check your bank and health accounts again. It is made on your device and holds neither your name nor your insurer.',
    saved: (name) => `File “${name}” created on your device.`,
    printedTitle: 'Action plan after the Viamedis and Almerys breaches',
    printedNote: (d) => `Made on ${d} with the self-check tool, with no personal data. Tick as you go.`,
    done: 'done',
    todo: 'to do',
    noActions: 'Nothing in particular: stay careful with messages that mention your insurer.',
    verdict: { affected: 'Affected', likely: 'Probably affected', possible: 'Possibly affected', unknown: 'Unknown', not_affected: 'Not affected' },
    icsFile: 'health-insurer-breach-reminders.ics',
    pageFile: 'health-insurer-breach-action-plan.html',
    lettersLink: 'Prepare this letter',
    more: 'The advice in full',
    ics: {
      summary: (when) => `Insurer breach: check my bank and health accounts again (${when})`,
      when: { 7: '1 week', 30: '1 month', 91: '3 months', 182: '6 months', 365: '12 months' },
      body: [
        'Reminder from your action plan after the Viamedis and Almerys breaches (January 2024).',
        '- Bank: read your transactions and the list of SEPA direct debits and authorised creditors; an unknown one = call your bank and block it.',
        '- ameli account (https://assure.ameli.fr/, typed yourself) and your insurer\'s member area: unexpected logins or messages? Unique password, two-step login.',
        '- Your bank details did not leak: any request for an IBAN, card number or code by text, e-mail or phone is a scam.',
        '- Suspicious text: forward it to 33700. E-mail: signal-spam.fr. Scammed: 17cyber.gouv.fr.',
      ],
      month: '- Wrote to your insurer a month ago and got no answer? You can complain to the CNIL: https://www.cnil.fr/fr/plaintes',
      alarm: 'Check my bank and health accounts again',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// "Pourquoi": why a step matters, from the action id and the data classes that leaked.

const WHY = {
  fr: {
    phishing: (c) => `${c} ont pu fuiter : un escroc peut les citer pour paraître crédible. Un message qui les connaît n'est pas une preuve de sérieux.`,
    phishingGeneric: 'Après la fuite, les arnaques se font passer pour l\'Assurance Maladie ou les mutuelles.',
    noBank: 'Vos coordonnées bancaires n\'ont pas fuité : toute demande d\'IBAN, de numéro de carte ou de code est donc une arnaque.',
    ameli: 'Votre numéro de sécurité sociale a pu fuiter : c\'est l\'identifiant de votre compte ameli, et il ne se change pas. Seul le mot de passe protège le compte.',
    ameliGeneric: 'L\'identifiant du compte ameli est le numéro de sécurité sociale : seul le mot de passe protège le compte.',
    otherAccounts: 'Le numéro de sécurité sociale sert aussi d\'identifiant ailleurs (CAF…), et un mot de passe réutilisé ouvre d\'autres comptes.',
    bank: 'L\'IBAN n\'a pas fuité, mais les arnaques qui suivent cherchent à l\'obtenir : un prélèvement inconnu se repère et se bloque vite.',
    askInsurer: 'Seule votre complémentaire sait si vous et vos ayants droit étiez dans les fichiers, par quel opérateur et pour quelles données. Elle doit répondre sous un mois.',
    report: 'Signaler permet de faire bloquer les numéros et faux sites, pour vous et pour les autres.',
    dependants: 'Les ayants droit du même contrat sont dans le même fichier : leurs nom, date de naissance et numéro de sécurité sociale ont pu fuiter aussi.',
    identity: (c) => `${c} peuvent suffire à se faire passer pour vous auprès d'un organisme : mieux vaut savoir quoi faire avant.`,
    complaint: 'Une plainte n\'est utile que si vous avez subi un préjudice : l\'enquête pénale est déjà ouverte.',
    cnil: 'Le droit d\'accès (RGPD, article 15) oblige votre complémentaire à répondre sous un mois ; la CNIL peut l\'y contraindre.',
    noCpam: 'Cela vous évite des démarches inutiles — et les faux messages « de la CPAM » qui en profitent.',
    noCheckSites: 'Ces sites demandent justement les données qui ont fuité : ils peuvent être eux-mêmes des arnaques.',
    longTerm: (c) => `${c} ne se changent pas : le risque ne disparaît pas avec le temps.`,
    alreadyClicked: 'Agir vite, dans le bon ordre, limite les pertes : la banque d\'abord.',
    history: 'Pour comprendre les anciens conseils que vous pourriez lire ailleurs.',
    notAffected: 'Les arnaques qui ont suivi la fuite visent tout le monde, concerné ou non.',
    pro: 'Les deux attaques sont parties de comptes de professionnels de santé hameçonnés.',
    generic: 'Ce conseil limite les suites possibles de la fuite.',
    list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`),
    cap: (s) => s.charAt(0).toUpperCase() + s.slice(1),
    classes: {
      name: 'votre nom', birth_date: 'votre date de naissance', birth_rank: 'votre rang de naissance', nir: 'votre numéro de sécurité sociale',
      insurer_name: 'le nom de votre complémentaire', contract_number: 'votre numéro de contrat', member_number: 'votre numéro d\'adhérent', guarantees: 'vos garanties',
    },
  },
  en: {
    phishing: (c) => `${c} may have leaked: a scammer can quote them to sound credible. A message that knows them is no proof it is genuine.`,
    phishingGeneric: 'After the breach, scams pose as the Assurance Maladie or insurers.',
    noBank: 'Your bank details did not leak: any request for your IBAN, card number or a code is therefore a scam.',
    ameli: 'Your social security number may have leaked: it is your ameli login, and it cannot be changed. Only the password protects the account.',
    ameliGeneric: 'The ameli login is the social security number: only the password protects the account.',
    otherAccounts: 'The social security number is a login elsewhere too (CAF…), and a reused password opens other accounts.',
    bank: 'Your IBAN did not leak, but the scams that follow try to get it: an unknown direct debit is quick to spot and block.',
    askInsurer: 'Only your insurer knows whether you and your dependants were in the files, through which operator and with which data. It must answer within one month.',
    report: 'Reporting gets numbers and fake sites blocked, for you and for others.',
    dependants: 'Dependants on the same contract are in the same file: their name, date of birth and social security number may have leaked too.',
    identity: (c) => `${c} can be enough to pose as you with an organisation: better know what to do beforehand.`,
    complaint: 'A complaint only helps if you suffered harm: the criminal investigation is already open.',
    cnil: 'The right of access (GDPR article 15) requires your insurer to answer within one month; the CNIL can make it answer.',
    noCpam: 'This saves you pointless steps — and the fake "CPAM" messages that exploit them.',
    noCheckSites: 'These sites ask for the very data that leaked: they can be scams themselves.',
    longTerm: (c) => `${c} cannot be changed: the risk does not fade with time.`,
    alreadyClicked: 'Acting fast, in the right order, limits losses: your bank first.',
    history: 'To make sense of older advice you may read elsewhere.',
    notAffected: 'The scams that followed the breach target everyone, affected or not.',
    pro: 'Both attacks started from phished health professionals\' accounts.',
    generic: 'This step limits what the breach can lead to.',
    list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
    cap: (s) => s.charAt(0).toUpperCase() + s.slice(1),
    classes: {
      name: 'your name', birth_date: 'your date of birth', birth_rank: 'your birth rank', nir: 'your social security number',
      insurer_name: 'your insurer\'s name', contract_number: 'your contract number', member_number: 'your member number', guarantees: 'your cover',
    },
  },
};

export function whyFor(actionId, exposed, lang = 'fr') {
  const w = WHY[lang] ?? WHY.fr;
  const has = (id) => exposed.has(id);
  const named = (ids) => w.cap(w.list(ids.filter(has).map((id) => w.classes[id])));
  const phishingIds = ['name', 'birth_date', 'nir', 'insurer_name'];
  switch (actionId) {
    case 'scam-vigilance':
    case 'scam-carte-vitale-refund':
    case 'scam-fake-advisors':
    case 'scam-fake-authorities':
      return phishingIds.some(has) ? w.phishing(named(phishingIds)) : w.phishingGeneric;
    case 'never-give-codes': return w.noBank;
    case 'ameli-password': return has('nir') ? w.ameli : w.ameliGeneric;
    case 'other-accounts': return w.otherAccounts;
    case 'bank-vigilance': return w.bank;
    case 'ask-insurer':
    case 'ask-details': return w.askInsurer;
    case 'report-scams': return w.report;
    case 'dependants': return w.dependants;
    case 'identity-theft':
      return ['name', 'birth_date', 'nir'].some(has) ? w.identity(named(['name', 'birth_date', 'nir'])) : w.generic;
    case 'complaint':
    case 'lettre-plainte-history': return actionId === 'complaint' ? w.complaint : w.history;
    case 'cnil-complaint': return w.cnil;
    case 'no-cpam-caf': return w.noCpam;
    case 'no-leak-check-sites': return w.noCheckSites;
    case 'long-term':
      return ['name', 'birth_date', 'nir'].some(has) ? w.longTerm(named(['name', 'birth_date', 'nir'])) : w.generic;
    case 'already-clicked': return w.alreadyClicked;
    case 'not-affected-stay-careful': return w.notAffected;
    default:
      if (actionId.startsWith('pro-')) return w.pro;
      return w.generic;
  }
}

// ---------------------------------------------------------------------------------------------
// Combined plan: union of the entries' actions, deduplicated, the most serious verdict first.

export function combinePlan(entries) {
  const sorted = [...entries].sort((a, b) => VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict));
  const byId = new Map();
  const order = [];
  for (const entry of sorted) {
    const r = entry.result;
    const exposed = new Set();
    for (const inc of r?.incidents || []) {
      if (inc.verdict === 'not_affected') continue;
      for (const c of inc.exposed || []) exposed.add(c.id);
    }
    for (const a of r?.actions || []) {
      if (!a || typeof a.id !== 'string') continue;
      if (!byId.has(a.id)) {
        byId.set(a.id, { action: a, exposed: new Set(), who: [] });
        order.push(a.id);
      }
      const item = byId.get(a.id);
      for (const c of exposed) item.exposed.add(c);
      item.who.push(entry.label);
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
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (bytes + n > limit) {
      out.push(cur);
      cur = ' ';
      bytes = 1;
      limit = 75;
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

export function buildIcs({ lang = 'fr', now = new Date(), uid = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)) } = {}) {
  const s = (S[lang] ?? S.fr).ics;
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//breachcheck//plan d\'action//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
  ];
  const stamp = icsUtc(now);
  for (const days of REMINDER_DAYS) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    const body = [...s.body];
    if (days === 30) body.push(s.month);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid()}@breachcheck.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsLocal(day, 10)}`, // floating local time: 10 h wherever the person is
      'DURATION:PT15M',
      `SUMMARY:${icsEscape(s.summary(s.when[days]))}`,
      `DESCRIPTION:${icsEscape(body.join('\n'))}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsEscape(s.alarm)}`,
      'TRIGGER:-PT15M',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// The section

export function createPlan({ openLetters }) {
  const d = disclosureSection('tool-plan');
  const ticks = new Set(); // action ids ticked — memory only
  let last = { lang: 'fr', plan: { entries: [], items: [] } };

  const whom = el('p', { class: 'plan-whom', id: 'plan-whom' });
  const progress = el('p', { class: 'plan-progress', id: 'plan-progress', 'aria-live': 'polite' });
  const list = el('ul', { class: 'plan-list', id: 'plan-list' });
  const memoryNote = el('p', { class: 'hint plan-memory' });
  const printedHead = el('div', { class: 'bc-print-only plan-printed-head' });
  const printBtn = el('button', { type: 'button', class: 'button', id: 'plan-print' });
  const pageBtn = el('button', { type: 'button', class: 'button button-secondary', id: 'plan-save-page' });
  const icsBtn = el('button', { type: 'button', class: 'button', id: 'plan-ics' });
  const icsHint = el('p', { class: 'hint', id: 'plan-ics-hint' });
  const status = el('p', { class: 'tool-status', id: 'plan-status', role: 'status' });
  icsBtn.setAttribute('aria-describedby', 'plan-ics-hint');
  d.body.append(printedHead, whom, progress, list, memoryNote,
    el('div', { class: 'tool-buttons' }, printBtn, pageBtn),
    el('div', { class: 'tool-buttons' }, icsBtn), icsHint, status);

  const t = () => S[last.lang] ?? S.fr;

  function updateProgress() {
    const n = last.plan.items.length;
    const done = last.plan.items.filter((it) => ticks.has(it.action.id)).length;
    progress.textContent = n ? t().progress(done, n) : '';
  }

  function render(plan, lang) {
    last = { lang, plan };
    const s = t();
    d.label.textContent = s.title;
    d.intro.textContent = s.intro;
    memoryNote.textContent = s.memoryNote;
    printBtn.textContent = s.print;
    pageBtn.textContent = s.savePage;
    icsBtn.textContent = s.saveIcs;
    icsHint.textContent = s.icsHint;
    printedHead.textContent = '';
    printedHead.append(el('p', { class: 'plan-printed-title', text: s.printedTitle }),
      el('p', { class: 'hint', text: s.printedNote(formatDay(new Date(), lang)) }));

    whom.textContent = '';
    if (plan.entries.length > 1) {
      whom.append(el('span', { class: 'plan-whom-label', text: s.forWhom }), ' ');
      const ul = el('ul', { class: 'plan-whom-list' });
      for (const e of plan.entries) {
        const v = VERDICTS.includes(e.verdict) ? e.verdict : 'unknown';
        ul.append(el('li', { class: `verdict-tag tag-${v}` }, icon(v, 16), el('span', { text: `${e.label} — ${s.verdict[v]}` })));
      }
      whom.append(ul);
    }
    whom.hidden = plan.entries.length < 2;

    list.textContent = '';
    plan.items.forEach((item, i) => {
      const a = item.action;
      const id = `plan-step-${i}`;
      const box = el('input', { type: 'checkbox', id, class: 'checkbox plan-check' });
      box.checked = ticks.has(a.id);
      box.addEventListener('change', () => {
        if (box.checked) ticks.add(a.id);
        else ticks.delete(a.id);
        li.classList.toggle('is-done', box.checked);
        updateProgress();
      });
      const li = el('li', { class: 'plan-step', dataset: { step: a.id } });
      li.classList.toggle('is-done', box.checked);
      const head = el('div', { class: 'plan-step-head' }, box,
        el('label', { for: id, class: 'plan-step-title', text: a.title }));
      li.append(head);
      li.append(el('p', { class: 'plan-why' }, el('strong', { text: s.why }), ' ', whyFor(a.id, item.exposed, lang)));
      // Only when the step is not for everyone in the household.
      if (plan.entries.length > 1 && item.who.length < plan.entries.length) li.append(el('p', { class: 'plan-who hint', text: `(${item.who.join(', ')})` }));
      li.append(el('details', { class: 'plan-more' }, el('summary', { text: s.more }), el('p', { class: 'plan-text', text: a.text })));
      const links = (a.links || []).filter((l) => safeUrl(l.url));
      if (links.length) {
        const ul = el('ul', { class: 'action-links' });
        for (const l of links) ul.append(el('li', {}, extLink(l.url, l.label || l.url)));
        li.append(ul);
      }
      if ((a.id === 'ask-insurer' || a.id === 'ask-details' || a.id === 'cnil-complaint') && openLetters) {
        const b = el('button', { type: 'button', class: 'link-button plan-letter-link', text: s.lettersLink });
        b.addEventListener('click', () => openLetters(a.id === 'cnil-complaint' ? 'cnil' : 'access'));
        li.append(el('p', { class: 'bc-no-print' }, b));
      }
      list.append(li);
    });
    if (!plan.items.length) list.append(el('li', { class: 'plan-empty', text: s.noActions }));
    updateProgress();
  }

  printBtn.addEventListener('click', () => printOnly('plan'));

  icsBtn.addEventListener('click', () => {
    const s = t();
    downloadFile(s.icsFile, buildIcs({ lang: last.lang }), 'text/calendar;charset=utf-8');
    status.textContent = s.saved(s.icsFile);
  });

  pageBtn.addEventListener('click', () => {
    const s = t();
    downloadFile(s.pageFile, planPage(last.plan, last.lang, ticks), 'text/html;charset=utf-8');
    status.textContent = s.saved(s.pageFile);
  });

  return { section: d.section, open: () => d.setOpen(true), render, isOpen: d.isOpen };
}

// A self-contained, printable page of the plan. Built as a string (a detached DOM document would
// fall under this page's CSP): every text goes through escapeHtml.
export function escapeHtml(v) {
  return String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function planPage(plan, lang, ticks) {
  const s = S[lang] ?? S.fr;
  const h = escapeHtml;
  const out = [
    '<!doctype html>',
    `<html lang="${lang === 'en' ? 'en' : 'fr'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(s.printedTitle)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 1rem;color:#1b1f24}'
      + '.plan{list-style:none;padding:0}.plan>li{margin:0 0 1rem;break-inside:avoid}.plan p{margin:.2rem 0}.box{font-size:1.2em;margin-right:.4rem}'
      + '.why{color:#333}a{color:#1d4f91}@media print{body{font-size:10pt;margin:0}}</style>',
    '</head><body>',
    `<h1>${h(s.printedTitle)}</h1>`,
    `<p>${h(s.printedNote(formatDay(new Date(), lang)))}</p>`,
  ];
  if (plan.entries.length > 1) {
    out.push(`<p>${h(s.forWhom)} ${h(plan.entries.map((e) => `${e.label} (${s.verdict[e.verdict] ?? e.verdict})`).join(' ; '))}</p>`);
  }
  out.push('<ul class="plan">');
  for (const item of plan.items) {
    const a = item.action;
    const done = ticks.has(a.id);
    out.push('<li>',
      `<p><span class="box">${done ? '☑' : '☐'}</span><strong>${h(a.title)}</strong> (${h(done ? s.done : s.todo)})</p>`,
      `<p class="why">${h(s.why)} ${h(whyFor(a.id, item.exposed, lang))}</p>`,
      `<p>${h(a.text)}</p>`);
    for (const l of (a.links || []).filter((x) => safeUrl(x.url))) {
      out.push(`<p><a href="${h(l.url)}">${h(l.label || l.url)}</a> — ${h(l.url)}</p>`);
    }
    out.push('</li>');
  }
  out.push('</ul>', '</body></html>', '');
  return out.join('\n');
}
