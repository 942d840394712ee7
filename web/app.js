// breachcheck — page logic (ES module, no framework; the site build only minifies it).
//
// Privacy rules kept by this file:
// - nothing is sent anywhere: the only requests are the page's own files, made while loading;
// - no cookies, no localStorage/sessionStorage/IndexedDB;
// - the URL only ever holds ids from fixed lists (never anything typed);
// - dataset and user strings are inserted with textContent / createElement, never innerHTML.

import { el, formatDay, VERDICTS } from './toolkit.js'; // one DOM helper for the page and its tools

// Loaded on demand, so that a first check fetches and runs only what the verdict needs
// (bench/README.md): the tools after the verdict (plan, letters, household, scam check: tools.js
// and tools.css) are imported once the first result is on screen, and embedding / insurer
// overlays (embed-frame.js, docs/embedding.md) only when the address asks for them.
const EMBED_PARAMS = ['embed', 'overlay', 'parent'];
const NO_EMBED = Object.freeze({
  embedParams: () => [],
  createEngineWithOverlay: (mod, text) => mod.createEngine(text),
  presetOrg: () => null,
  overlayPreset: () => null,
  overlayPanel: () => null,
  embedText: () => '',
});
const embedModule = EMBED_PARAMS.some((k) => new URLSearchParams(location.search).has(k))
  ? import('./embed-frame.js') : Promise.resolve(NO_EMBED);
let embed = NO_EMBED; // embed-frame.js once loaded (before the engine starts)
let tools = null; // tools.js once loaded
// The dataset comes in two files made from data/dataset.json at build time: the French-only copy,
// a third smaller, for the first result of a French page, and the full one (French and English).
// A French page loads the full one after its first result, before it says it is ready, so that
// switching to English needs no request and is immediate.
const DATASET_FILE = { fr: 'dataset.fr.json', en: 'dataset.json' };
let engineModule = null; // engine.js once loaded
let coreEngine = null; // the engine the page uses now
let fullEngine = null; // the full dataset's engine, once loaded
let fullDataset = null; // promise of it, once started
// What the page and its tools call: stays the same object when the dataset file changes.
const engineFacade = Object.freeze({
  search: (...a) => coreEngine.search(...a),
  list: (...a) => coreEngine.list(...a),
  info: (...a) => coreEngine.info(...a),
  check: (...a) => coreEngine.check(...a),
  scanMessage: (...a) => coreEngine.scanMessage(...a),
});
let pendingTools = null; // the last renderTools() arguments seen before tools.js arrived

const QUESTION_ORDER = ['card', 'covered', 'network', 'contract'];
const ALLOWED = {
  network: ['itelis', 'kalixia', 'santeclair', 'carte-blanche', 'seveane', 'other', 'none', 'unknown'],
  card: ['viamedis', 'almerys', 'other', 'none', 'unknown'],
  covered: ['jan2024', 'before2024', 'after2024', 'unknown'],
  role: ['insured', 'pro'],
  lang: ['fr', 'en'],
};
const ORG_UNKNOWN = 'unknown'; // URL value for "je ne sais pas / pas dans la liste"
const SEARCH_LIMIT = 8;
const TOP_ACTIONS = 5; // actions shown before the "more advice" button
const OPERATOR_NAMES = { viamedis: 'Viamedis', almerys: 'Almerys' };

// ---------------------------------------------------------------------------------------------
// UI strings. Engine texts (questions, reasons, actions, data classes) come localized from check().
const STRINGS = {
  fr: {
    docTitle: 'Fuites Viamedis et Almerys : suis-je concerné ?',
    skip: 'Aller au contenu principal',
    brand: 'Auto-vérification fuites tiers payant',
    title: 'Fuites de données Viamedis et Almerys (janvier 2024) : êtes-vous concerné ?',
    lead: 'En janvier 2024, les opérateurs de tiers payant Viamedis et Almerys ont été piratés : environ 33 millions de personnes figuraient dans leurs fichiers. Indiquez votre complémentaire santé pour savoir si elle était concernée, ce qui a pu fuiter et quoi faire.',
    privacyShort: "Tout se passe dans votre navigateur : rien n'est envoyé ni enregistré. Nous ne vous demandons ni nom, ni numéro de sécurité sociale, ni aucun identifiant.",
    loading: "Chargement de l'outil…",
    formTitle: 'Votre situation',
    refineTitle: 'Pour préciser ce résultat',
    refineHint: 'Répondez si vous le savez ; sinon, passez. Vos réponses restent dans votre navigateur.',
    orgLabel: 'Quelle est votre complémentaire santé ?',
    orgHint: 'Tapez son nom (mutuelle, assureur ou institution de prévoyance), puis choisissez-la dans la liste.',
    orgUnknownButton: "Je ne sais pas / ma complémentaire n'est pas dans la liste",
    orgUnknownOption: 'Je ne sais pas / pas dans la liste',
    reset: 'Effacer mes réponses et recommencer',
    orgUnknownOptionHint: "Le résultat s'appuiera sur votre carte de tiers payant",
    orgAlias: (alias) => `aussi appelée « ${alias} »`,
    orgCount: (n) => (n === 0
      ? 'Aucune complémentaire trouvée. Vous pouvez choisir « Je ne sais pas / pas dans la liste ».'
      : `${n} complémentaire${n > 1 ? 's' : ''} proposée${n > 1 ? 's' : ''}, plus « Je ne sais pas ». Flèches haut et bas pour parcourir, Entrée pour choisir.`),
    orgNoMatch: 'Aucune complémentaire de notre liste ne correspond. Vérifiez l’orthographe, ou choisissez « Je ne sais pas / pas dans la liste ».',
    orgPick: 'Choisissez une proposition dans la liste pour voir le résultat.',
    orgUnknownFromLink: "Le lien que vous avez suivi indiquait une complémentaire que nous ne connaissons pas. Choisissez la vôtre dans la liste.",
    rolePro: "Je suis un professionnel de santé (pharmacie, optique, laboratoire…) inscrit sur le portail d'un de ces opérateurs",
    helpSummary: 'Où trouver cette information ?',
    contractOther: 'Ou écrivez le nom de votre contrat',
    contractFree: 'Nom de votre contrat',
    contractNote: "Ce nom reste dans votre navigateur : il n'est ni envoyé, ni ajouté à l'adresse de la page.",
    resultTitle: 'Résultat',
    headline: {
      affected: "Concerné d'après les informations publiées",
      likely: 'Probablement concerné',
      possible: 'Peut-être concerné',
      unknown: 'Impossible de savoir avec les informations disponibles',
      not_affected: "Non concerné d'après les informations disponibles",
    },
    summary: {
      affected: 'Les informations publiées placent votre situation dans le périmètre d’une des fuites : vos données figuraient très probablement dans les fichiers consultés par les pirates.',
      likely: 'Pour des personnes dans votre situation, votre complémentaire passait par un opérateur piraté. Il est probable que vos données aient été exposées.',
      possible: 'Vos données ont pu être exposées, mais cela dépend de détails que les informations publiques ne permettent pas de trancher.',
      unknown: "Nous n'avons pas trouvé d'information publique qui réponde pour votre situation. Cela ne veut dire ni oui, ni non.",
      not_affected: "D'après les déclarations publiques, les opérateurs piratés ne traitaient pas les données des personnes dans votre situation.",
    },
    verdictShort: {
      affected: 'Concerné',
      likely: 'Probablement concerné',
      possible: 'Peut-être concerné',
      unknown: 'Inconnu',
      not_affected: 'Non concerné',
    },
    provisionalTag: 'Provisoire',
    provisional: 'Les questions ci-dessous peuvent encore changer ce résultat.',
    orgLine: (name) => `Complémentaire : ${name}`,
    orgNone: 'Complémentaire : non précisée',
    proLine: 'En tant que professionnel de santé',
    confirmNote: 'Seule votre complémentaire peut confirmer si vos données personnelles figuraient dans les fichiers.',
    noDataNote: 'Cette page ne contient aucune donnée issue des fuites et n’envoie rien.',
    exposedTitle: 'Ce qui a pu fuiter',
    exposedTitleUnknown: 'Ce qui aurait fuité si vous étiez dans les fichiers',
    exposedEmpty: "Rien, d'après les informations disponibles.",
    notExposedTitle: "Ce qui n'a pas fuité",
    notExposedEmpty: 'Aucune information publiée.',
    onlyFor: (names) => `(${names})`,
    whyTitle: 'Pourquoi ce résultat',
    sources: 'Sources :',
    undated: 'non daté',
    accessed: (d) => `non daté, consulté en ${d}`,
    fromInsurer: 'Information de votre complémentaire',
    datasetLink: 'Télécharger le jeu de données (JSON)',
    source: 'Source :',
    confidence: { own_statement: 'communiqué de l’organisme', press: 'presse' },
    actionsTitle: 'Que faire maintenant',
    moreActions: (n) => `Voir ${n} autres conseils`,
    lessActions: 'Masquer les autres conseils',
    noActions: "Rien de particulier à faire. Restez simplement prudent face aux messages qui citent votre mutuelle.",
    print: 'Imprimer ou enregistrer ce plan d’action',
    answersTitle: 'Vos réponses',
    answerOrg: 'Complémentaire',
    answerRole: 'Profil',
    roleProShort: 'professionnel de santé',
    printedFrom: 'Imprimé depuis l’outil d’auto-vérification, sans aucune donnée personnelle.',
    printedUrl: 'Résultat et sources :',
    printedDataset: (v) => `Données version ${v}, SHA-256 :`,
    checkError: 'Le calcul a échoué :',
    loadErrorTitle: "L'outil n'a pas pu démarrer.",
    loadErrorAdvice: 'Rechargez la page, ou essayez avec un navigateur à jour. Vous pouvez aussi demander directement à votre complémentaire si vous êtes concerné.',
    noWasm: 'Votre navigateur ne prend pas en charge WebAssembly, nécessaire à cet outil.',
    aboutTitle: 'Comment ça marche et confidentialité',
    about1: "Tout le calcul se fait dans votre navigateur, par un petit programme (WebAssembly) chargé avec la page. Rien de ce que vous tapez ou choisissez n'est envoyé à qui que ce soit.",
    about2: "Pas de cookie, pas de stockage local, pas de mesure d'audience, aucun service tiers.",
    about3: 'Cette page ne contient aucune donnée issue des fuites. Elle compare vos réponses à un jeu de données ouvert : la liste des complémentaires qui ont communiqué publiquement, avec leurs sources datées.',
    about4: 'Le résultat décrit un périmètre (les clients de telle complémentaire, pour tel opérateur), pas votre cas personnel. Seule votre complémentaire peut confirmer si vos données figuraient dans les fichiers.',
    about5: 'Méfiez-vous de tout site, message ou appel qui prétend détenir le fichier volé ou vous « vérifier » avec votre numéro de sécurité sociale.',
    footerNote: 'Outil indépendant, sans lien avec Viamedis, Almerys ni l’Assurance Maladie. Informations publiques, sans garantie ; en cas de doute, adressez-vous à votre complémentaire.',
    datasetInfo: (version, date) => `Jeu de données : version ${version} du ${date}. Empreinte SHA-256 :`,
  },
  en: {
    docTitle: 'Viamedis and Almerys breaches: am I affected?',
    skip: 'Skip to main content',
    brand: 'Third-party payment breach self-check',
    title: 'Viamedis and Almerys data breaches (January 2024): are you affected?',
    lead: 'In January 2024, the French third-party payment operators Viamedis and Almerys were hacked: about 33 million people were on their files. Tell us your health insurer to find out whether it was concerned, what may have leaked and what to do.',
    privacyShort: 'Everything runs in your browser: nothing is sent or stored. We never ask for your name, social security number or any identifier.',
    loading: 'Loading the tool…',
    formTitle: 'Your situation',
    refineTitle: 'To refine this result',
    refineHint: 'Answer if you know; otherwise skip. Your answers stay in your browser.',
    orgLabel: 'Which is your health insurer (complémentaire santé)?',
    orgHint: 'Type its name (mutuelle, insurer or provident institution), then pick it from the list.',
    orgUnknownButton: "I don't know / my insurer is not in the list",
    orgUnknownOption: "I don't know / not in the list",
    reset: 'Clear my answers and start again',
    orgUnknownOptionHint: 'The result will rely on your third-party payment card',
    orgAlias: (alias) => `also known as “${alias}”`,
    orgCount: (n) => (n === 0
      ? "No insurer found. You can choose “I don't know / not in the list”."
      : `${n} insurer${n > 1 ? 's' : ''} suggested, plus “I don't know”. Up and down arrows to browse, Enter to choose.`),
    orgNoMatch: "No insurer in our list matches. Check the spelling, or choose “I don't know / not in the list”.",
    orgPick: 'Pick a suggestion from the list to see the result.',
    orgUnknownFromLink: 'The link you followed named an insurer we do not know. Please pick yours from the list.',
    rolePro: "I am a health professional (pharmacy, optician, laboratory…) registered on one of these operators' portals",
    helpSummary: 'Where do I find this?',
    contractOther: 'Or type the name of your contract',
    contractFree: 'Name of your contract',
    contractNote: 'This name stays in your browser: it is neither sent nor added to the page address.',
    resultTitle: 'Result',
    headline: {
      affected: 'Affected, according to published information',
      likely: 'Probably affected',
      possible: 'Possibly affected',
      unknown: 'Cannot tell from the information available',
      not_affected: 'Not affected, according to the information available',
    },
    summary: {
      affected: "Published information puts your situation inside the scope of one of the breaches: your data was very probably in the files the attackers accessed.",
      likely: 'For people in your situation, your insurer used an operator that was hacked. Your data was probably exposed.',
      possible: 'Your data may have been exposed, but it depends on details that public information does not settle.',
      unknown: 'We found no public information that answers for your situation. This means neither yes nor no.',
      not_affected: "According to public statements, the hacked operators did not process the data of people in your situation.",
    },
    verdictShort: {
      affected: 'Affected',
      likely: 'Probably affected',
      possible: 'Possibly affected',
      unknown: 'Unknown',
      not_affected: 'Not affected',
    },
    provisionalTag: 'Provisional',
    provisional: 'The questions below may still change this result.',
    orgLine: (name) => `Insurer: ${name}`,
    orgNone: 'Insurer: not specified',
    proLine: 'As a health professional',
    confirmNote: 'Only your insurer can confirm whether your personal data was in the files.',
    noDataNote: 'This page holds no leaked data and sends nothing.',
    exposedTitle: 'What may have leaked',
    exposedTitleUnknown: 'What would have leaked if you were in the files',
    exposedEmpty: 'Nothing, according to the information available.',
    notExposedTitle: 'What did not leak',
    notExposedEmpty: 'No published information.',
    onlyFor: (names) => `(${names})`,
    whyTitle: 'Why this result',
    sources: 'Sources:',
    undated: 'undated',
    accessed: (d) => `undated, read in ${d}`,
    fromInsurer: 'From your insurer',
    datasetLink: 'Download the dataset (JSON)',
    source: 'Source:',
    confidence: { own_statement: "organisation's own statement", press: 'press' },
    actionsTitle: 'What to do now',
    moreActions: (n) => `Show ${n} more pieces of advice`,
    lessActions: 'Hide the other advice',
    noActions: 'Nothing in particular. Simply stay careful with messages that mention your insurer.',
    print: 'Print or save this action plan',
    answersTitle: 'Your answers',
    answerOrg: 'Insurer',
    answerRole: 'Profile',
    roleProShort: 'health professional',
    printedFrom: 'Printed from the self-check tool, with no personal data.',
    printedUrl: 'Result and sources:',
    printedDataset: (v) => `Dataset version ${v}, SHA-256:`,
    checkError: 'The check failed:',
    loadErrorTitle: 'The tool could not start.',
    loadErrorAdvice: 'Reload the page, or try an up-to-date browser. You can also ask your insurer directly whether you are affected.',
    noWasm: 'Your browser does not support WebAssembly, which this tool needs.',
    aboutTitle: 'How it works and privacy',
    about1: 'All the work happens in your browser, in a small program (WebAssembly) loaded with the page. Nothing you type or choose is sent to anyone.',
    about2: 'No cookies, no local storage, no analytics, no third-party service.',
    about3: 'This page holds no leaked data. It compares your answers with an open dataset: the insurers that made public statements, with their dated sources.',
    about4: 'The result describes a scope (the members of a given insurer, for a given operator), not your personal case. Only your insurer can confirm whether your data was in the files.',
    about5: 'Beware of any site, message or call claiming to hold the stolen file or to “check” you with your social security number.',
    footerNote: 'Independent tool, not affiliated with Viamedis, Almerys or the Assurance Maladie. Public information, no warranty; if in doubt, ask your insurer.',
    datasetInfo: (version, date) => `Dataset: version ${version} of ${date}. SHA-256 fingerprint:`,
  },
};

// ---------------------------------------------------------------------------------------------
// State
const state = {
  lang: 'fr',
  engine: null,
  info: null,
  orgs: [],              // from engine.list(), sorted by name
  orgById: new Map(),
  orgChosen: false,      // an insurer or "je ne sais pas" has been chosen
  org: null,             // chosen id, or null for "je ne sais pas"
  role: 'insured',
  answers: {},           // card / covered / network / contract → value (absent = not answered)
  contractFromOption: false,
  result: null,
  datasetQuestions: [],  // fallback texts, parsed from the dataset file
  datasetFile: null,     // DATASET_FILE.fr or .en: the file the engine was loaded from
  defCache: new Map(),   // `${lang}|${org}|${id}` → question definition last returned by the engine
};

const $ = (sel) => document.querySelector(sel);
const t = (key) => STRINGS[state.lang][key] ?? STRINGS.fr[key];

const SVG_NS = 'http://www.w3.org/2000/svg';
// Icon shapes per verdict: the verdict is never told by colour alone.
const ICONS = {
  affected: [['path', { d: 'M12 2.5 1.5 21h21L12 2.5z', class: 'icon-fill' }], ['path', { d: 'M12 9v5.5', class: 'icon-stroke' }], ['circle', { cx: '12', cy: '17.6', r: '1.3', class: 'icon-dot' }]],
  likely: [['circle', { cx: '12', cy: '12', r: '10', class: 'icon-fill' }], ['path', { d: 'M12 6.5v7', class: 'icon-stroke' }], ['circle', { cx: '12', cy: '17', r: '1.3', class: 'icon-dot' }]],
  possible: [['circle', { cx: '12', cy: '12', r: '10', class: 'icon-fill' }], ['path', { d: 'M9.2 9.3a2.9 2.9 0 1 1 4.3 2.5c-.9.5-1.5 1.1-1.5 2.2v.5', class: 'icon-stroke' }], ['circle', { cx: '12', cy: '17.4', r: '1.3', class: 'icon-dot' }]],
  unknown: [['rect', { x: '2', y: '2', width: '20', height: '20', rx: '4', class: 'icon-fill' }], ['path', { d: 'M7 12h10', class: 'icon-stroke' }]],
  not_affected: [['circle', { cx: '12', cy: '12', r: '10', class: 'icon-fill' }], ['path', { d: 'm7.2 12.4 3.2 3.2 6.4-7', class: 'icon-stroke' }]],
};

function icon(verdict, size = 40) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `verdict-icon icon-${verdict}`);
  for (const [tag, attrs] of ICONS[verdict] || ICONS.unknown) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
    svg.append(shape);
  }
  return svg;
}

function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function link(url, text) {
  const href = safeUrl(url);
  if (!href) return el('span', { text });
  return el('a', { href, rel: 'noopener noreferrer', class: 'ext-link' }, text);
}

function formatDate(s) {
  if (typeof s !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) return s === 'undated' ? t('undated') : s;
  const [, y, mo, d] = m;
  if (!mo) return y;
  return formatDay(new Date(Number(y), Number(mo) - 1, d ? Number(d) : 1), state.lang, { day: Boolean(d) });
}

function fold(s) {
  return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

// ---------------------------------------------------------------------------------------------
// Static strings and language

function applyStaticStrings() {
  const dict = STRINGS[state.lang];
  document.documentElement.lang = state.lang;
  document.title = dict.docTitle;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = dict[node.dataset.i18n];
    if (typeof value === 'string') node.textContent = value;
  }
  for (const btn of document.querySelectorAll('.lang-btn')) {
    btn.setAttribute('aria-pressed', String(btn.dataset.lang === state.lang));
  }
  renderDatasetInfo();
}

function setLang(lang) {
  if (!ALLOWED.lang.includes(lang) || lang === state.lang) return;
  state.lang = lang;
  // English texts need the full dataset (loaded after the first result; else once it arrives).
  if (state.engine && lang === 'en' && state.datasetFile !== DATASET_FILE.en) {
    if (fullEngine) useEngine(fullEngine, DATASET_FILE.en);
    else loadFullDataset().then(() => { if (fullEngine && state.lang === 'en') { renderDatasetInfo(); update(); } });
  }
  applyStaticStrings(); // also the dataset line: version and fingerprint of the file in use
  if (!state.engine) return;
  refreshOrgInput();
  if (combo.open) renderListbox();
  if (state.orgMessageKey) showOrgMessage(state.orgMessageKey);
  update();
}

function renderDatasetInfo() {
  const box = $('#dataset-info');
  if (!box) return;
  box.textContent = '';
  const info = state.info;
  if (!info) return;
  box.append(
    document.createTextNode(STRINGS[state.lang].datasetInfo(info.version, formatDate(info.date)) + ' '),
    el('code', { class: 'sha', text: info.sha256 }),
    '. ',
    el('a', { href: state.datasetFile, type: 'application/json' }, t('datasetLink')),
  );
}

// ---------------------------------------------------------------------------------------------
// Insurer combobox (ARIA 1.2 combobox with list autocomplete, manual selection)

const combo = {
  input: null,
  listbox: null,
  items: [],
  active: -1,
  open: false,
  countTimer: 0,
};

function orgLabel() {
  if (!state.orgChosen) return '';
  if (state.org === null) return t('orgUnknownOption');
  return state.orgById.get(state.org)?.name ?? '';
}

function refreshOrgInput() {
  if (state.orgChosen) combo.input.value = orgLabel();
}

function suggestionsFor(text) {
  const q = text.trim();
  let items;
  if (!q || (state.orgChosen && text === orgLabel())) {
    items = state.orgs.map((o) => ({ kind: 'org', id: o.id, name: o.name, alias: null }));
  } else {
    const r = state.engine.search(q.slice(0, 200), SEARCH_LIMIT);
    const results = Array.isArray(r?.results) ? r.results : [];
    items = results
      .filter((x) => state.orgById.has(x.id))
      .map((x) => ({
        kind: 'org',
        id: x.id,
        name: x.name,
        alias: x.alias && fold(x.alias) !== fold(x.name) ? x.alias : null,
      }));
  }
  items.push({ kind: 'unknown' });
  return items;
}

function renderListbox() {
  const { listbox } = combo;
  listbox.textContent = '';
  combo.items.forEach((item, i) => {
    const li = el('li', {
      id: `org-opt-${i}`,
      role: 'option',
      class: item.kind === 'unknown' ? 'option option-unknown' : 'option',
      'aria-selected': String(i === combo.active),
      dataset: { index: String(i), value: item.kind === 'unknown' ? ORG_UNKNOWN : item.id },
    });
    if (item.kind === 'unknown') {
      li.append(el('span', { class: 'option-name', text: t('orgUnknownOption') }),
        el('span', { class: 'option-extra', text: t('orgUnknownOptionHint') }));
    } else {
      li.append(el('span', { class: 'option-name', text: item.name }));
      if (item.alias) li.append(el('span', { class: 'option-extra', text: STRINGS[state.lang].orgAlias(item.alias) }));
    }
    listbox.append(li);
  });
}

function openList(text = combo.input.value) {
  combo.items = suggestionsFor(text);
  combo.active = -1;
  combo.input.removeAttribute('aria-activedescendant');
  renderListbox();
  combo.listbox.hidden = false;
  combo.open = true;
  combo.input.setAttribute('aria-expanded', 'true');
  const orgCount = combo.items.length - 1;
  const typed = text.trim() !== '' && !(state.orgChosen && text === orgLabel());
  if (typed && orgCount === 0) showOrgMessage('orgNoMatch');
  else if (state.orgMessageKey === 'orgNoMatch' || state.orgMessageKey === 'orgPick') showOrgMessage(null);
  // Announce the number of suggestions once typing pauses.
  clearTimeout(combo.countTimer);
  combo.countTimer = setTimeout(() => {
    if (combo.open) $('#org-count').textContent = STRINGS[state.lang].orgCount(orgCount);
  }, 600);
}

function closeList() {
  clearTimeout(combo.countTimer);
  combo.open = false;
  combo.active = -1;
  combo.listbox.hidden = true;
  combo.listbox.textContent = '';
  combo.input.setAttribute('aria-expanded', 'false');
  combo.input.removeAttribute('aria-activedescendant');
  $('#org-count').textContent = '';
}

function setActive(i) {
  const prev = combo.listbox.querySelector('[aria-selected="true"]');
  if (prev) prev.setAttribute('aria-selected', 'false');
  combo.active = i;
  if (i < 0) {
    combo.input.removeAttribute('aria-activedescendant');
    return;
  }
  const opt = document.getElementById(`org-opt-${i}`);
  if (!opt) return;
  opt.setAttribute('aria-selected', 'true');
  combo.input.setAttribute('aria-activedescendant', opt.id);
  opt.scrollIntoView({ block: 'nearest' });
}

function moveActive(delta) {
  const n = combo.items.length;
  if (!n) return;
  let i = combo.active + delta;
  if (combo.active < 0) i = delta > 0 ? 0 : n - 1;
  if (i >= n) i = 0;
  if (i < 0) i = n - 1;
  setActive(i);
}

function chooseItem(item) {
  closeList();
  if (!item) return;
  chooseOrg(item.kind === 'unknown' ? null : item.id);
}

function chooseOrg(id) {
  const changed = !state.orgChosen || state.org !== id;
  state.orgChosen = true;
  state.org = id;
  if (changed) {
    // A contract name belongs to one insurer only.
    delete state.answers.contract;
    state.contractFromOption = false;
  }
  showOrgMessage(null);
  refreshOrgInput();
  update();
}

function showOrgMessage(key) {
  state.orgMessageKey = key;
  const box = $('#org-message');
  box.textContent = key ? t(key) : '';
  box.classList.toggle('is-visible', Boolean(key));
}

function setupCombobox() {
  combo.input = $('#org-input');
  combo.listbox = $('#org-listbox');
  const { input, listbox } = combo;

  input.addEventListener('input', () => openList());
  input.addEventListener('click', () => {
    if (!combo.open) openList();
  });
  input.addEventListener('keydown', (e) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!combo.open) openList();
        if (!e.altKey) moveActive(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (e.altKey) {
          if (combo.open && combo.active >= 0) chooseItem(combo.items[combo.active]);
          else closeList();
          break;
        }
        if (!combo.open) openList();
        moveActive(-1);
        break;
      case 'Enter':
        e.preventDefault(); // never submit the form
        if (!combo.open) break;
        if (combo.active >= 0) chooseItem(combo.items[combo.active]);
        else if (input.value.trim() && combo.items.length > 1) chooseItem(combo.items[0]);
        break;
      case 'Escape':
        if (combo.open) {
          e.preventDefault();
          closeList();
          if (state.orgChosen) refreshOrgInput();
        } else if (input.value && !state.orgChosen) {
          e.preventDefault();
          input.value = '';
        }
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The caret moves in the text box (default behaviour); visual focus goes back to it.
        if (combo.open) setActive(-1);
        break;
      case 'Tab':
        if (combo.open) closeList();
        break;
      default:
        break;
    }
  });
  input.addEventListener('blur', () => {
    // Let a click on an option land first.
    setTimeout(() => {
      if (document.activeElement === input) return;
      if (combo.open) closeList();
      if (state.orgChosen) refreshOrgInput();
      else if (input.value.trim()) showOrgMessage('orgPick');
    }, 0);
  });
  // Keep focus in the input while an option is clicked.
  listbox.addEventListener('mousedown', (e) => e.preventDefault());
  listbox.addEventListener('click', (e) => {
    const opt = e.target.closest('[role="option"]');
    if (!opt) return;
    chooseItem(combo.items[Number(opt.dataset.index)]);
    input.focus();
  });
  $('#org-unknown-btn').addEventListener('click', () => {
    closeList();
    chooseOrg(null);
  });
  $('#reset-btn').addEventListener('click', () => {
    closeList();
    state.orgChosen = false;
    state.org = null;
    state.answers = {};
    state.contractFromOption = false;
    state.role = 'insured';
    if (embed.overlayPreset()?.lock) Object.assign(state, { orgChosen: true, org: embed.overlayPreset().org }); // embed-frame.js
    state.moreActionsOpen = false;
    $('#role-pro').checked = false;
    input.value = '';
    showOrgMessage(null);
    update();
    input.focus();
  });
}

// ---------------------------------------------------------------------------------------------
// Follow-up questions

function buildAnswers(overrides = {}) {
  const a = { lang: state.lang, role: state.role };
  if (state.org) a.org = state.org;
  for (const id of QUESTION_ORDER) {
    if (state.answers[id] !== undefined) a[id] = state.answers[id];
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete a[k];
    else a[k] = v;
  }
  return a;
}

function cacheKey(id) {
  return `${state.lang}|${id === 'contract' ? state.org ?? '' : ''}|${id}`;
}

// Definition (text, help, options) of a question, even when the engine no longer lists it.
function questionDef(id) {
  const fromResult = state.result?.questions?.find((q) => q.id === id);
  if (fromResult) {
    state.defCache.set(cacheKey(id), fromResult);
    return fromResult;
  }
  const cached = state.defCache.get(cacheKey(id));
  if (cached) return cached;
  // Ask the engine what it would ask if this answer were blank.
  const probe = state.engine.check(buildAnswers({ [id]: undefined }));
  const fromProbe = probe?.questions?.find((q) => q.id === id);
  if (fromProbe) {
    state.defCache.set(cacheKey(id), fromProbe);
    return fromProbe;
  }
  const ds = state.datasetQuestions.find((q) => q.id === id);
  if (!ds) return null;
  const loc = (v) => (v && typeof v === 'object' ? v[state.lang] ?? v.fr ?? '' : v ?? '');
  return {
    id,
    text: loc(ds.text),
    help: loc(ds.help),
    options: (ds.options || []).map((o) => ({ id: o.id, label: loc(o.label) })),
  };
}

function optionLabel(id, value) {
  const def = questionDef(id);
  const opt = def?.options?.find((o) => o.id === value);
  return opt ? opt.label : value;
}

function buildQuestion(def) {
  const qid = def.id;
  const options = Array.isArray(def.options) ? def.options : [];
  const fs = el('fieldset', { class: 'question', dataset: { question: qid } });
  const legendId = `q-${qid}-legend`;
  fs.append(el('legend', { id: legendId, class: 'question-label', text: def.text }));
  if (def.help) {
    fs.append(el('details', { class: 'help' },
      el('summary', { text: t('helpSummary') }),
      el('p', { text: def.help })));
  }
  if (options.length) {
    const list = el('div', { class: 'choices' });
    options.forEach((o, i) => {
      const id = `q-${qid}-${i}`;
      const input = el('input', { type: 'radio', id, name: `q-${qid}`, value: o.id, class: 'radio' });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        state.answers[qid] = o.id;
        if (qid === 'contract') {
          state.contractFromOption = true;
          const text = fs.querySelector('.contract-text');
          if (text) text.value = '';
        }
        update();
      });
      list.append(el('div', { class: 'choice' }, input, el('label', { for: id, text: o.label })));
    });
    fs.append(list);
  }
  if (qid === 'contract') {
    const inputId = 'q-contract-text';
    const wrap = el('div', { class: 'contract-free' });
    const label = el('label', { for: inputId, class: 'sub-label', text: options.length ? t('contractOther') : t('contractFree') });
    const note = el('p', { id: 'q-contract-note', class: 'hint', text: t('contractNote') });
    const input = el('input', {
      type: 'text', id: inputId, class: 'text-input contract-text', autocomplete: 'off',
      spellcheck: 'false', maxlength: '120', 'aria-describedby': 'q-contract-note',
    });
    let timer = 0;
    input.addEventListener('input', () => {
      for (const r of fs.querySelectorAll('input[type="radio"]')) r.checked = false;
      const v = input.value.trim();
      if (v) state.answers.contract = v;
      else delete state.answers.contract;
      state.contractFromOption = false;
      clearTimeout(timer);
      timer = setTimeout(update, 350);
    });
    wrap.append(label, note, input);
    fs.append(wrap);
  }
  return fs;
}

function syncQuestionValues(fs, qid) {
  const value = state.answers[qid];
  for (const r of fs.querySelectorAll('input[type="radio"]')) {
    r.checked = value !== undefined && r.value === value && (qid !== 'contract' || state.contractFromOption);
  }
  if (qid === 'contract') {
    const text = fs.querySelector('.contract-text');
    if (text && document.activeElement !== text) {
      text.value = value !== undefined && !state.contractFromOption ? value : '';
    }
  }
}

function renderQuestions() {
  const container = $('#questions');
  const asked = new Set((state.result?.questions || []).map((q) => q.id));
  const visible = state.orgChosen || state.role === 'pro'
    ? QUESTION_ORDER.filter((id) => asked.has(id) || state.answers[id] !== undefined)
    : [];
  for (const fs of [...container.children]) {
    if (!visible.includes(fs.dataset.question)) fs.remove();
  }
  $('#refine').hidden = visible.length === 0;
  let prev = null;
  for (const id of visible) {
    const def = questionDef(id);
    if (!def) continue;
    const sig = JSON.stringify([state.lang, def.text, def.help, (def.options || []).map((o) => [o.id, o.label])]);
    let fs = container.querySelector(`[data-question="${id}"]`);
    if (!fs || fs.dataset.sig !== sig) {
      const fresh = buildQuestion(def);
      fresh.dataset.sig = sig;
      if (fs) {
        const focused = fs.contains(document.activeElement) ? document.activeElement.id : null;
        fs.replaceWith(fresh);
        if (focused) document.getElementById(focused)?.focus();
      } else {
        container.insertBefore(fresh, prev ? prev.nextSibling : container.firstChild);
      }
      fs = fresh;
    } else if (fs.previousElementSibling !== prev) {
      container.insertBefore(fs, prev ? prev.nextSibling : container.firstChild);
    }
    syncQuestionValues(fs, id);
    prev = fs;
  }
}

// ---------------------------------------------------------------------------------------------
// Result

function operatorName(incident) {
  return OPERATOR_NAMES[incident.operator] || incident.name || incident.id;
}

// Merge the per-incident lists; label an item with its incidents when it is not common to all.
function mergeClasses(incidents, field, exclude = new Set()) {
  const order = [];
  const byId = new Map();
  for (const inc of incidents) {
    for (const c of inc[field] || []) {
      if (!c || exclude.has(c.id)) continue;
      if (!byId.has(c.id)) {
        byId.set(c.id, { id: c.id, label: c.label, incidents: [] });
        order.push(c.id);
      }
      byId.get(c.id).incidents.push(operatorName(inc));
    }
  }
  return order.map((id) => {
    const item = byId.get(id);
    item.partial = incidents.length > 1 && item.incidents.length < incidents.length;
    return item;
  });
}

function classList(id, items, emptyText) {
  const ul = el('ul', { id, class: 'class-list' });
  if (!items.length) {
    ul.append(el('li', { class: 'empty', text: emptyText }));
    return ul;
  }
  for (const item of items) {
    const li = el('li', { dataset: { class: item.id } }, el('span', { text: item.label }));
    if (item.partial) {
      li.append(' ', el('span', { class: 'incident-tag', text: STRINGS[state.lang].onlyFor(item.incidents.join(', ')) }));
    }
    ul.append(li);
  }
  return ul;
}

function sourceItem(s) {
  let when = formatDate(s.date);
  if (s.date === 'undated' && s.accessed) when = STRINGS[state.lang].accessed(formatDate(s.accessed));
  const label = [s.publisher, when].filter(Boolean).join(', ');
  const li = el('li', { class: 'source' }, link(s.url, label || s.url));
  if (s.title) {
    li.append(el('span', { class: 'source-title', text: state.lang === 'en' ? ` — “${s.title}”` : ` — «\u00a0${s.title}\u00a0»` }));
  }
  const conf = STRINGS[state.lang].confidence[s.confidence];
  if (conf) li.append(' ', el('span', { class: 'confidence', text: `(${conf})` }));
  return li;
}

function renderVerdict(r) {
  const box = $('#verdict');
  const verdict = VERDICTS.includes(r.overall) ? r.overall : 'unknown';
  const orgText = r.role === 'pro' && !r.org ? t('proLine')
    : r.org?.name ? STRINGS[state.lang].orgLine(r.org.name) : t('orgNone');
  const key = JSON.stringify([state.lang, verdict, r.provisional, orgText]);
  if (box.dataset.key === key) return; // unchanged: do not re-announce
  box.dataset.key = key;
  box.className = `verdict verdict-${verdict}`;
  box.textContent = '';
  box.append(
    el('div', { class: 'verdict-head' },
      icon(verdict),
      el('div', { class: 'verdict-text' },
        el('p', { id: 'verdict-headline', class: 'verdict-headline', text: t('headline')[verdict] }),
        el('p', { class: 'verdict-org', text: orgText }))),
  );
  if (r.provisional) {
    box.append(el('p', { class: 'provisional', id: 'provisional' },
      el('strong', { class: 'provisional-tag', text: t('provisionalTag') }), ' ',
      el('span', { class: 'provisional-text', text: t('provisional') })));
  }
}

function renderResult(r) {
  const section = $('#result');
  section.classList.remove('is-empty');
  const verdict = VERDICTS.includes(r.overall) ? r.overall : 'unknown';
  section.dataset.verdict = verdict;
  section.dataset.provisional = String(Boolean(r.provisional));
  renderVerdict(r);

  const body = $('#result-body');
  body.textContent = '';
  const incidents = Array.isArray(r.incidents) ? r.incidents : [];

  $('#verdict-summary').textContent = t('summary')[verdict];
  body.append(el('p', { class: 'confirm-note' }, el('strong', { text: t('confirmNote') }), ' ', t('noDataNote')));
  const insurerInfo = embed.overlayPanel(r, state.lang); // embed-frame.js: the insurer's contacts and notice
  if (insurerInfo) body.append(insurerInfo);

  // What leaked / what did not.
  const concerned = incidents.filter((i) => i.verdict !== 'not_affected');
  const exposed = mergeClasses(concerned, 'exposed');
  const exposedIds = new Set(exposed.map((c) => c.id));
  const notExposed = mergeClasses(concerned.length ? concerned : incidents, 'not_exposed', exposedIds);
  const lists = el('div', { class: 'lists' },
    el('div', { class: 'list-block list-exposed' },
      el('h3', { text: verdict === 'unknown' ? t('exposedTitleUnknown') : t('exposedTitle') }),
      classList('exposed-list', exposed, t('exposedEmpty'))),
    el('div', { class: 'list-block list-not-exposed' },
      el('h3', { text: t('notExposedTitle') }),
      classList('not-exposed-list', notExposed, t('notExposedEmpty'))));
  body.append(lists);

  // Why: per incident, with dated sources.
  const why = el('div', { class: 'why', id: 'why' }, el('h3', { text: t('whyTitle') }));
  for (const inc of incidents) {
    const v = VERDICTS.includes(inc.verdict) ? inc.verdict : 'unknown';
    const art = el('article', { class: `incident incident-${v}`, dataset: { incident: inc.id, verdict: v } });
    art.append(el('h4', { class: 'incident-title' },
      el('span', { text: inc.name }),
      el('span', { class: `verdict-tag tag-${v}` }, icon(v, 18), el('span', { text: t('verdictShort')[v] }))));
    const reasons = el('ul', { class: 'reasons' });
    for (const reason of inc.reasons || []) {
      const li = el('li', {}, el('p', { text: reason.text }));
      if (reason.provenance === 'insurer') li.prepend(el('p', { class: 'provenance', text: t('fromInsurer') }));
      else if (r.overlay) li.prepend(el('p', { class: 'provenance provenance-public', text: embed.embedText(state.lang, 'fromPublic') }));
      const sources = (reason.sources || []).filter(Boolean);
      if (sources.length) {
        li.append(el('p', { class: 'sources-label', text: sources.length > 1 ? t('sources') : t('source') }));
        const ul = el('ul', { class: 'sources' });
        for (const s of sources) ul.append(sourceItem(s));
        li.append(ul);
      }
      reasons.append(li);
    }
    if (reasons.children.length) art.append(reasons);
    why.append(art);
  }
  body.append(why);

  // What to do.
  const actions = Array.isArray(r.actions) ? r.actions : [];
  const todo = el('div', { class: 'actions' }, el('h3', { text: t('actionsTitle') }));
  if (actions.length) {
    // The engine sorts actions by priority: the first ones are shown, the rest on demand.
    const actionItem = (a) => {
      const li = el('li', { dataset: { action: a.id } },
        el('p', { class: 'action-title' }, el('strong', { text: a.title })),
        el('p', { class: 'action-text', text: a.text }));
      if (a.provenance === 'insurer') li.prepend(el('p', { class: 'provenance', text: t('fromInsurer') }));
      const links = (a.links || []).filter((l) => safeUrl(l.url));
      if (links.length) {
        const ul = el('ul', { class: 'action-links' });
        for (const l of links) ul.append(el('li', {}, link(l.url, l.label || l.url)));
        li.append(ul);
      }
      return li;
    };
    const top = actions.length > TOP_ACTIONS + 1 ? actions.slice(0, TOP_ACTIONS) : actions;
    const rest = actions.slice(top.length);
    const ol = el('ol', { id: 'actions-list', class: 'action-list' });
    for (const a of top) ol.append(actionItem(a));
    todo.append(ol);
    if (rest.length) {
      const more = el('ol', { id: 'more-actions', class: 'action-list more-actions', start: String(top.length + 1) });
      for (const a of rest) more.append(actionItem(a));
      more.hidden = !state.moreActionsOpen;
      const btn = el('button', {
        type: 'button', class: 'button button-secondary more-button', id: 'more-actions-btn',
        'aria-controls': 'more-actions', 'aria-expanded': String(Boolean(state.moreActionsOpen)),
      });
      const label = () => {
        btn.textContent = state.moreActionsOpen ? t('lessActions') : STRINGS[state.lang].moreActions(rest.length);
      };
      label();
      btn.addEventListener('click', () => {
        state.moreActionsOpen = !state.moreActionsOpen;
        more.hidden = !state.moreActionsOpen;
        btn.setAttribute('aria-expanded', String(state.moreActionsOpen));
        label();
      });
      todo.append(el('p', { class: 'more-line' }, btn), more);
    }
  } else {
    todo.append(el('p', { text: t('noActions') }));
  }
  body.append(todo);

  // Printed plan: the answers given (ids and labels from fixed lists; contract is the person's own text).
  // The insurer is already in the verdict box.
  const answers = el('div', { class: 'print-only print-answers' });
  const dl = el('ul', {});
  const colon = state.lang === 'en' ? ': ' : ' : ';
  for (const id of QUESTION_ORDER) {
    const v = state.answers[id];
    if (v === undefined) continue;
    const def = questionDef(id);
    const label = id === 'contract' && !state.contractFromOption ? v : optionLabel(id, v);
    dl.append(el('li', { text: `${def?.text ?? id} — ${label}` }));
  }
  if (state.role === 'pro') dl.append(el('li', { text: `${t('answerRole')}${colon}${t('roleProShort')}` }));
  if (dl.children.length) answers.append(el('h3', { text: t('answersTitle') }), dl);
  const printed = el('p', { class: 'printed-from' }, t('printedFrom'), ' ', t('printedUrl'), ' ',
    el('span', { class: 'page-url', text: location.href }));
  if (state.info) {
    printed.append('. ', STRINGS[state.lang].printedDataset(state.info.version), ' ',
      el('code', { class: 'sha', text: state.info.sha256 }));
  }
  answers.append(printed);
  body.append(answers);

  const printBtn = el('button', { type: 'button', class: 'button print-button', text: t('print') });
  printBtn.addEventListener('click', () => window.print());
  body.append(el('p', { class: 'print-line' }, printBtn));
  renderTools(r, buildAnswers(), state.lang); // tools.js (once loaded): plan, letters, household
}

function hideResult() {
  // The section stays in the page (empty) so that its live region exists before the first verdict.
  const section = $('#result');
  section.classList.add('is-empty');
  delete section.dataset.verdict;
  delete section.dataset.provisional;
  const box = $('#verdict');
  box.textContent = '';
  box.className = '';
  delete box.dataset.key;
  $('#verdict-summary').textContent = '';
  $('#result-body').textContent = '';
  $('#refine').hidden = true;
  renderTools(null, {}, state.lang); // tools.js
}

function showCheckError(err) {
  const section = $('#result');
  section.classList.remove('is-empty');
  section.dataset.verdict = 'error';
  const box = $('#verdict');
  box.className = 'verdict verdict-error';
  box.dataset.key = '';
  box.textContent = '';
  box.append(el('p', { class: 'verdict-headline', text: `${t('checkError')} ${err?.code ?? ''} — ${err?.message ?? ''}` }));
  $('#result-body').textContent = '';
  $('#verdict-summary').textContent = '';
}

// ---------------------------------------------------------------------------------------------
// Update cycle and URL

function update() {
  if (!state.engine) return;
  $('#reset-line').hidden = !(state.orgChosen || state.role === 'pro'
    || QUESTION_ORDER.some((id) => state.answers[id] !== undefined));
  if (!state.orgChosen && state.role !== 'pro') {
    state.result = null;
    hideResult();
    renderQuestions();
    syncUrl();
    return;
  }
  let r;
  try {
    r = state.engine.check(buildAnswers());
  } catch (e) {
    r = { error: { code: 'exception', message: String(e?.message ?? e) } };
  }
  if (!r || r.error) {
    state.result = null;
    showCheckError(r?.error);
    renderQuestions();
    return;
  }
  state.result = r;
  renderQuestions();
  syncUrl(); // before the result, which prints the page address
  renderResult(r);
}

function syncUrl() {
  const p = new URLSearchParams(embed.embedParams()); // embed-frame.js: embed, overlay, parent
  if (state.orgChosen) p.set('org', state.org ?? ORG_UNKNOWN);
  for (const id of ['network', 'card', 'covered']) {
    const v = state.answers[id];
    if (v !== undefined && ALLOWED[id].includes(v)) p.set(id, v);
  }
  // Only a contract picked from the engine's own list goes in the URL: never typed text.
  if (state.answers.contract !== undefined && state.contractFromOption) {
    const def = questionDef('contract');
    if (def?.options?.some((o) => o.id === state.answers.contract)) p.set('contract', state.answers.contract);
  }
  if (state.role === 'pro') p.set('role', 'pro');
  if (state.lang !== 'fr') p.set('lang', state.lang);
  const qs = p.toString();
  const url = `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    try {
      history.replaceState(null, '', url);
    } catch {
      // Some embedding contexts forbid it; the URL is a convenience only.
    }
  }
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  const lang = p.get('lang');
  if (ALLOWED.lang.includes(lang)) state.lang = lang;
  if (p.get('role') === 'pro') state.role = 'pro';
  for (const id of ['network', 'card', 'covered']) {
    const v = p.get(id);
    if (v !== null && ALLOWED[id].includes(v)) state.answers[id] = v;
  }
  const org = p.get('org');
  let badOrg = false;
  if (org !== null) {
    if (org === ORG_UNKNOWN) {
      state.orgChosen = true;
      state.org = null;
    } else if (state.orgById.has(org)) {
      state.orgChosen = true;
      state.org = org;
    } else {
      badOrg = true;
    }
  }
  // Answers without an insurer: the person does not know it ("je ne sais pas").
  if (org === null && ['network', 'card', 'covered'].some((id) => state.answers[id] !== undefined)) {
    state.orgChosen = true;
    state.org = null;
  }
  const contract = p.get('contract');
  if (contract !== null && state.orgChosen && state.org) {
    // Accept only an id from the engine's list of contract names for this insurer.
    const probe = state.engine.check(buildAnswers({ contract: undefined }));
    const def = probe?.questions?.find((q) => q.id === 'contract');
    const match = def?.options?.find((o) => o.id === contract) ?? def?.options?.find((o) => fold(o.id) === fold(contract));
    if (match) {
      state.answers.contract = match.id;
      state.contractFromOption = true;
    }
  }
  return { badOrg };
}

// ---------------------------------------------------------------------------------------------
// Start-up

function showLoadError(error) {
  $('#loading').hidden = true;
  $('#form-section').hidden = true;
  hideResult();
  const box = $('#load-error');
  box.textContent = '';
  box.append(el('p', { class: 'error-title' }, el('strong', { text: t('loadErrorTitle') })));
  const msg = [error?.code, error?.message].filter(Boolean).join(' — ');
  if (msg) box.append(el('p', { class: 'error-message' }, el('code', { text: msg })));
  const details = Array.isArray(error?.errors) ? error.errors.slice(0, 20) : [];
  if (details.length) {
    const ul = el('ul', { class: 'error-details' });
    for (const d of details) ul.append(el('li', {}, el('code', { text: `${d.path ?? ''} ${d.message ?? ''}`.trim() })));
    box.append(ul);
  }
  box.append(el('p', { text: t('loadErrorAdvice') }));
  box.hidden = false;
  document.documentElement.dataset.ready = 'false';
  document.documentElement.dataset.error = error?.code || 'load_failed';
}

async function loadEngine(file) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return { ok: false, error: { code: 'no_webassembly', message: t('noWasm') } };
  }
  const datasetPromise = fetch(`./${file}`, { credentials: 'same-origin' }).then((res) => {
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
    return res.text();
  });
  let text;
  try {
    [engineModule, text, embed] = await Promise.all([import('./engine.js'), datasetPromise, embedModule]);
  } catch (e) {
    return { ok: false, error: { code: 'load_failed', message: String(e?.message ?? e) } };
  }
  let r;
  try {
    r = await embed.createEngineWithOverlay(engineModule, text); // embed-frame.js: ?overlay=ID
  } catch (e) {
    return { ok: false, error: { code: 'engine_failed', message: String(e?.message ?? e) } };
  }
  if (!r || !r.ok || !r.engine) {
    return { ok: false, error: r?.error ?? { code: 'engine_failed', message: 'createEngine failed' } };
  }
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed?.questions)) state.datasetQuestions = parsed.questions;
  } catch {
    // The engine accepted the dataset; the fallback texts are only a convenience.
  }
  return r;
}

async function main() {
  // The language can be chosen before the engine is ready.
  const early = new URLSearchParams(location.search).get('lang');
  if (ALLOWED.lang.includes(early)) state.lang = early;
  applyStaticStrings();
  for (const btn of document.querySelectorAll('.lang-btn')) {
    btn.addEventListener('click', () => setLang(btn.dataset.lang));
  }

  const r = await loadEngine(DATASET_FILE[state.lang]);
  if (!r.ok) {
    showLoadError(r.error);
    return;
  }
  useEngine(r.engine, DATASET_FILE[state.lang]);
  state.engine = engineFacade;
  const list = r.engine.list();
  // Alphabetical without accents or case (fold() below; Intl.Collator costs more to start).
  const key = new Map();
  const sortKey = (o) => key.get(o) ?? key.set(o, `${fold(o.name)}\u0000${o.name}`).get(o);
  state.orgs = (Array.isArray(list?.organizations) ? list.organizations : [])
    .filter((o) => o && typeof o.id === 'string' && typeof o.name === 'string')
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  state.orgById = new Map(state.orgs.map((o) => [o.id, o]));

  setupCombobox();
  const roleBox = $('#role-pro');
  roleBox.addEventListener('change', () => {
    state.role = roleBox.checked ? 'pro' : 'insured';
    update();
  });

  const { badOrg } = readUrl();
  // Insurer overlay (embed-frame.js): its organization is preselected; with lock, it is the only one.
  const preset = embed.presetOrg(r.engine, state.lang);
  if (preset && (preset.lock || !state.orgChosen)) Object.assign(state, { orgChosen: true, org: preset.org });
  applyStaticStrings();
  roleBox.checked = state.role === 'pro';
  refreshOrgInput();
  if (badOrg) showOrgMessage('orgUnknownFromLink');

  $('#loading').hidden = true;
  $('#form-section').hidden = false;
  update(); // the first result, when the address pre-fills the answers
  // Then the tools, and the offline copy of the site for the next visit (service worker): part of
  // loading, so that no request happens once the page says it is ready.
  await loadTools();
  await loadFullDataset();
  const { enableOffline } = await import('./offline.js');
  document.documentElement.dataset.offline = await enableOffline();
  document.documentElement.dataset.ready = 'true';
}

function useEngine(engine, file) {
  coreEngine = engine;
  state.datasetFile = file;
  try {
    state.info = engine.info();
  } catch {
    state.info = null;
  }
}

// The full dataset (English texts) on a page that started in French; once loaded, an English page
// uses it. On failure the page stays usable, with the French texts (html[data-dataset-error]).
function loadFullDataset() {
  if (state.datasetFile === DATASET_FILE.en) return Promise.resolve();
  fullDataset ??= loadEngine(DATASET_FILE.en).then((r) => {
    if (!r.ok) throw new Error(r.error?.code ?? 'load_failed');
    fullEngine = r.engine;
    if (state.lang === 'en') useEngine(fullEngine, DATASET_FILE.en);
  }).catch((e) => {
    document.documentElement.dataset.datasetError = String(e?.message ?? e);
  });
  return fullDataset;
}

// The tools under the verdict (tools.js, tools.css), started once the page has its first state.
async function loadTools() {
  const css = el('link', { rel: 'stylesheet', href: 'tools.css' });
  const cssLoaded = new Promise((resolve) => { css.onload = css.onerror = resolve; });
  document.head.append(css);
  try {
    tools = await import('./tools.js');
  } catch (e) {
    // The verdict and its advice are already shown; the extra tools are missing, nothing else.
    document.documentElement.dataset.toolsError = String(e?.message ?? e);
    return;
  }
  await cssLoaded;
  tools.initTools({ engine: state.engine, container: $('#tools'), resetForm: () => $('#reset-btn').click() });
  if (pendingTools) tools.renderTools(...pendingTools);
  pendingTools = null;
}

function renderTools(result, answers, lang) {
  if (tools) tools.renderTools(result, answers, lang);
  else pendingTools = [result, answers, lang];
}

main().catch((e) => showLoadError({ code: 'unexpected', message: String(e?.message ?? e) }));
