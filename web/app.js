// breachcheck — the page: one explicit state object, the components that render it, and the
// engine that decides. Nothing here decides a verdict or restates a rule: every answer, label and
// list comes from the engine (core/api.hpp), every UI string from web/i18n.
//
// Privacy rules kept by the page:
// - nothing is sent anywhere: the only requests are the page's own files, made while loading;
// - no cookies, no localStorage/sessionStorage/IndexedDB; answers never go in the address;
// - dataset and typed strings are inserted with textContent / createElement, never innerHTML.
import { afterPaint, el, formatDate, nextTask } from './toolkit.js';
import { applyStatic, lang, loadLang, setLang, t } from './i18n/index.js';
import { FILES, loadEngine, loadFirstVerdict, manifest, orgImage, verify } from './boot.js';
import { failure, PAGE_ERRORS } from './engine.js';
import { cleanAddress, readPrefill, recalled, remember } from './address.js';
import { OrgCombobox } from './components/org-combobox.js';
import { createQuestions } from './components/questions.js';
import { createVerdict } from './components/verdict.js';
import { createSteps } from './components/steps.js';
import { sourceLister } from './components/sources.js';
// components/details.js (what leaked, why, timeline, other leaks) and share.js (print, link,
// report) arrive right after the first verdict: nothing before it that it does not need.

const $ = (sel) => document.querySelector(sel);

// html[data-expect-result] (room for a coming result) is set before the first paint by expect.js.
const EMBED_PARAMS = ['embed', 'overlay', 'parent', 'height'];
const NO_EMBED = Object.freeze({
  imageFor: (l) => FILES[l], loadFirst: loadFirstImage, afterLoad: () => null, overlayPanel: () => null,
  layoutChanged: () => {}, lockedOrg: () => null, defaultLang: () => null,
});

// ---------------------------------------------------------------------------------------------
// State: one object, replaced on every change, and the one function that reacts to a change.
let state = Object.freeze({
  lang: 'fr',
  choice: null,        // {kind: organization|operator|network|umbrella|query|unknown, id, name, query?}
  role: 'insured',
  answers: {},         // question id → option id
  contractText: '',    // typed contract name (matched by the engine, never in the address)
  result: null,        // the engine's check() answer
  integrity: 'pending',
});
const listeners = [];
function setState(patch) {
  const before = state;
  state = Object.freeze({ ...state, ...patch });
  for (const fn of listeners) fn(state, before);
}

// partial: the current engine holds one organization only (a pre-filled link's first image):
// it answers for that organization exactly as the whole dataset does (tests/node/wasm.test.mjs),
// but its search knows no other, so the insurer field waits for the whole dataset.
// first: the current engine is a first verdict (boot.js loadFirstVerdict): it answers the one
// check it holds, and the engine itself follows that verdict (adoptEngine).
const engines = { current: null, file: null, full: null, partial: false, first: null, embed: NO_EMBED, tools: null };
let ui = null;

// ---------------------------------------------------------------------------------------------
// From the state to the engine's answer

function answersOf(s) {
  const a = { lang: s.lang, role: s.role, ...s.answers };
  const c = s.choice;
  if (c && c.kind === 'query') a.query = c.query;
  else if (c && c.kind !== 'unknown' && c.id) a.org = c.id;
  const contract = definitions(s).find((d) => d.kind === 'contract');
  if (contract && s.contractText && !s.answers[contract.id]) a[contract.id] = s.contractText;
  return a;
}

function compute() {
  const s = state;
  if (!engines.current || (!s.choice && s.role !== 'pro')) return null;
  const a = answersOf(s);
  // A change made while only the first verdict is here: that verdict stays, marked busy, until
  // the engine answers (adoptEngine computes again).
  ui.pending = Boolean(engines.first && !engines.first.holds(a));
  return ui.pending ? s.result : engines.current.check(a);
}

// What the page asks of an engine, answered from a first verdict: its one check, and the info,
// list and questions that go with it.
function firstVerdictEngine(v) {
  const keys = Object.keys(v.answers);
  const holds = (a) => Object.keys(a).length === keys.length && keys.every((k) => a[k] === v.answers[k]);
  const pending = () => failure(PAGE_ERRORS.load_failed, 'the engine is on its way');
  return Object.freeze({
    holds,
    info: (l, { sha256 = true } = {}) => (l === v.answers.lang && !sha256 ? v.info : pending()),
    list: () => v.list,
    questions: (l, org) => (l === v.answers.lang && org === v.org ? v.questions : pending()),
    check: (a) => (holds(a) ? v.result : pending()),
    search: pending, incidents: pending, scanMessage: pending,
  });
}

// Question definitions for the chosen insurer (its named contracts), cached per language and id.
function definitions(s) {
  const org = s.choice?.kind === 'organization' ? s.choice.id : '';
  const key = `${s.lang}|${org}|${engines.file}`;
  if (ui.defsKey !== key) {
    const r = engines.current.questions(s.lang, org);
    ui.defs = r.ok ? r.questions : [];
    ui.defsKey = key;
  }
  return ui.defs;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderResult(s, before) {
  const r = s.result;
  const section = $('#result');
  const empty = !r || !r.ok || s.integrity === 'mismatch';
  section.setAttribute('aria-busy', String(Boolean(ui.pending) && !empty));
  section.classList.toggle('is-empty', empty);
  // Something to reset: a choice of one's own (a locked insurer is not), a role or an answer.
  const locked = engines.embed.lockedOrg();
  $('#reset-line').hidden = !((s.choice && !locked) || s.role === 'pro' || Object.keys(s.answers).length);
  if (empty) {
    ui.rest = null;
    section.classList.remove('is-filling');
    delete section.dataset.verdict;
    delete section.dataset.provisional;
    ui.verdict.reset();
    for (const id of ['#steps', '#result-body', '#questions', '#insurer-info-slot']) $(id).textContent = '';
    ui.share?.clear();
    $('#emergency').hidden = true;
    $('#refine').hidden = true;
    $('#confirm-note').hidden = true;
    if (r && !r.ok) showCheckError(r.error);
    engines.tools?.renderTools(null, s.lang);
    return;
  }
  section.dataset.verdict = r.overall;
  section.dataset.provisional = String(r.provisional);
  const first = !before.result || !before.result.ok;
  const changed = ui.verdict.render(r, s.lang);
  ui.verdict.renderPick(r, (choice) => choose(choice));
  $('#confirm-note').hidden = false;
  // The result a link or a returning tab expected at load comes in two frames: first what
  // fills the screen (the verdict, its summary, the note under it), then, once that is painted,
  // the rest below it (questions, steps, the insurer's panel, details, sharing, tools) and what
  // follows the panel. The panel keeps its whole-screen room meanwhile, so nothing on screen
  // moves when the rest arrives. Building and laying out the rest with the verdict cost 25 ms at
  // 1× CPU, 85 ms at 4×, before the verdict could be painted. Every later change renders in one
  // go. The panel is filling before it is focused: that focus lays the page out.
  const split = first && changed && ui.splitFirst;
  if (split) {
    ui.splitFirst = false;
    section.classList.add('is-filling');
  }
  // The verdict where the person is: on a first result, focus and scroll to it; later changes
  // are shown by the compact summary next to the questions (and announced once).
  if (first && changed) {
    $('#verdict-headline')?.focus({ preventScroll: true });
    section.scrollIntoView({ block: 'start', behavior: 'auto' }); // "Résultat" and the verdict box together
  }
  if (split) {
    const token = {};
    ui.rest = token;
    afterPaint().then(() => { if (ui.rest === token) renderRest(state); });
    return;
  }
  renderRest(s);
}

// Everything of a result below the verdict box (renderResult), for the state s.
function renderRest(s) {
  ui.rest = null;
  const r = s.result;
  $('#result').classList.remove('is-filling');
  const shown = ui.questions.render({ defs: definitions(s), result: r, answers: s.answers, contractText: s.contractText, key: choiceKey(s), lang: s.lang });
  $('#refine').hidden = shown.length === 0;
  ui.verdict.renderBar(r);
  ui.verdict.announce(r);
  ui.steps.render(r);
  const slot = $('#insurer-info-slot');
  slot.textContent = '';
  const panel = engines.embed.overlayPanel(r, s.lang);
  if (panel) slot.append(panel);
  ui.details?.render(r);
  ui.share?.render(r, s, { ticks: () => engines.tools?.ticks() });
  engines.tools?.renderTools(r, s.lang, answersOf(s));
  engines.embed.layoutChanged('result');
}

function showCheckError(err) {
  const box = $('#verdict');
  box.className = 'verdict verdict-error';
  box.textContent = '';
  box.append(el('p', { class: 'verdict-headline', text: `${t('checkError')} ${err?.code ?? ''} — ${err?.message ?? ''}` }));
}

function renderFooter() {
  const box = $('#dataset-info');
  box.textContent = '';
  const info = ui.info;
  if (!info) return;
  box.append(`${t('datasetInfo', { version: info.version, date: formatDate(info.date, lang()) })} `,
    el('span', { class: 'dataset-sha' }, `${t('datasetSha')} `, el('code', { class: 'sha', text: info.sha256 }), ` (${engines.file}). `),
    el('a', { href: 'dataset.json', type: 'application/json' }, t('datasetLink')));
  if (state.integrity === 'mismatch') box.append(' ', el('strong', { class: 'integrity-warning', text: t('integrityShort') }));
  $('#link-accessibility').setAttribute('href', lang() === 'en' ? 'accessibility.html' : 'accessibilite.html');
  $('#link-privacy').setAttribute('href', lang() === 'en' ? 'privacy.html' : 'confidentialite.html');
}

function choiceKey(s) {
  const c = s.choice;
  return c ? `${c.kind}:${c.id ?? c.query ?? ''}` : '';
}

// ---------------------------------------------------------------------------------------------
// Changes from the person

function choose(choice) {
  // A contract belongs to one insurer: a new insurer forgets it.
  const contract = ui.defs.find((d) => d.kind === 'contract');
  const answers = { ...state.answers };
  if (contract) delete answers[contract.id];
  ui.combobox.show(choice.kind === 'query' ? { kind: 'organization', name: choice.query } : choice);
  setState({ choice, answers, contractText: '' });
}

function answer({ question, value, text }) {
  const answers = { ...state.answers };
  if (value && value !== 'unknown') answers[question] = value;
  else delete answers[question];
  const patch = { answers };
  if (text !== undefined) patch.contractText = text.trim();
  else if (ui.defs.find((d) => d.id === question)?.kind === 'contract') patch.contractText = '';
  setState(patch);
}

async function switchLang(l) {
  if (l === state.lang) return;
  await loadLang(l);
  if (l === 'en' && engines.file !== engines.embed.imageFor('en')) await loadFull();
  setLang(l);
  applyStatic();
  for (const b of document.querySelectorAll('.lang-btn')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
  ui.combobox.relabel();
  ui.info = engines.current.info(l);
  setState({ lang: l });
  renderFooter();
}

function reset() {
  const locked = engines.embed.lockedOrg();
  ui.steps.reset();
  ui.combobox.show(locked);
  ui.combobox.input.value = locked ? ui.combobox.labelOf(locked) : '';
  ui.combobox.message(null);
  $('#role-pro').checked = false;
  setState({ choice: locked, role: 'insured', answers: {}, contractText: '' });
  ui.combobox.input.focus();
}

// ---------------------------------------------------------------------------------------------
// Start-up

function showLoadError(error) {
  delete document.documentElement.dataset.hold;
  $('#loading').classList.add('is-done');
  $('#form-section').hidden = true;
  const box = $('#load-error');
  box.textContent = '';
  const integrity = error?.code === PAGE_ERRORS.integrity_mismatch;
  box.append(el('p', { class: 'error-title' }, el('strong', { text: integrity ? t('integrityTitle') : t('loadErrorTitle') })));
  const msg = [error?.code, error?.message].filter(Boolean).join(' — ');
  if (msg) box.append(el('p', { class: 'error-message' }, el('code', { text: msg })));
  const details = Array.isArray(error?.errors) ? error.errors.slice(0, 20) : [];
  if (details.length) {
    const ul = el('ul', { class: 'error-details' });
    for (const d of details) ul.append(el('li', {}, el('code', { text: `${d.path ?? ''} ${d.message ?? ''}`.trim() })));
    box.append(ul);
  }
  box.append(el('p', { text: integrity ? t('integrityAdvice') : t('loadErrorAdvice') }));
  box.hidden = false;
  document.documentElement.dataset.ready = 'false';
  document.documentElement.dataset.error = error?.code || PAGE_ERRORS.load_failed;
}

// After a first verdict, the engine: from the organization's own image (loadFirstImage), then
// asked again (the same answer: tests/node/wasm.test.mjs), and for whatever changed meanwhile.
// false when it could not start (the error is shown instead of the verdict).
async function adoptEngine() {
  await nextTask();
  const r = await loadFirstImage(lang());
  if (!engines.first) return true; // the whole dataset came first (a switch to English): it answers
  if (!r.ok) {
    // Without its engine the page cannot go on (the questions, the search): the verdict gives way
    // to the error, as when the engine fails before any verdict.
    engines.first = null;
    engines.current = null;
    setState({ result: null, integrity: r.error?.code === PAGE_ERRORS.integrity_mismatch ? 'mismatch' : state.integrity });
    showLoadError(r.error);
    return false;
  }
  switchEngine(r, { sha256: false });
  await nextTask();
  // The same answer as the first verdict's (unless something changed meanwhile): nothing to redo.
  const wasPending = ui.pending;
  const result = compute();
  if (wasPending || JSON.stringify(result) !== JSON.stringify(state.result)) setState({ result });
  return true;
}

// Makes r ({engine, file, partial?}) the page's engine, in place of a first verdict or of one
// organization's image; an engine that knows every organization gives the insurer field back.
function switchEngine(r, infoOptions) {
  const wasPartial = engines.partial;
  engines.current = r.engine;
  engines.file = r.file;
  engines.partial = Boolean(r.partial);
  engines.first = null;
  ui.defsKey = null;
  ui.info = engines.current.info(state.lang, infoOptions);
  if (wasPartial && !engines.partial) {
    configureSearch(engines.current.list());
    $('#org-input').disabled = false;
  }
}

// A French link that names an organization starts from that organization's own image, after its
// first verdict; when it cannot be had (not found, offline), from dataset.fr.img.
async function loadFirstImage(l) {
  const own = orgImage(l);
  if (own) {
    const r = await loadEngine(own);
    if (r.ok) return { ...r, partial: true };
    if (r.error?.code === PAGE_ERRORS.integrity_mismatch) return r;
    document.documentElement.dataset.orgImageError = r.error?.code ?? PAGE_ERRORS.load_failed;
  }
  return loadEngine(FILES[l]);
}

async function loadFull() {
  const file = engines.embed.imageFor('en');
  if (engines.file === file) return;
  engines.fullPromise ??= loadEngine(file).then(async (r) => {
    // After one organization's image, a whole dataset is needed for the search: the French one
    // if the full one cannot be had (a tampered file is not worked around).
    if (!r.ok && engines.partial && r.error?.code !== PAGE_ERRORS.integrity_mismatch) {
      const fr = await loadEngine(FILES.fr);
      if (fr.ok) r = fr;
    }
    if (r.ok) engines.full = r;
    else engines.fullError = r.error;
  });
  await engines.fullPromise;
  await nextTask();
  if (!engines.full) {
    // Tampered data anywhere on the site withdraws the verdict; a network failure only means the
    // first dataset stays in use.
    if (engines.fullError?.code === PAGE_ERRORS.integrity_mismatch) {
      setState({ integrity: 'mismatch' });
      showLoadError(engines.fullError);
    }
    document.documentElement.dataset.datasetError = engines.fullError?.code ?? PAGE_ERRORS.load_failed;
    return;
  }
  switchEngine(engines.full);
  await nextTask();
  setState({ result: compute() });
  const check = await verify(engines.current, engines.file);
  if (check.status === 'mismatch') {
    setState({ integrity: 'mismatch' });
    showLoadError(failure(PAGE_ERRORS.integrity_mismatch, `${engines.file}: ${check.actual} ≠ ${check.expected}`).error);
  }
  renderFooter();
}

async function loadDetails() {
  const print = el('link', { rel: 'stylesheet', href: 'print.css', media: 'print' });
  document.head.append(print);
  try {
    const [{ createDetails }, { createShare }] = await Promise.all([import('./components/details.js'), import('./components/share.js')]);
    ui.details = createDetails($('#result-body'), { incidentsOf });
    ui.share = createShare($('#share'), $('#print-plan'));
    await nextTask();
    renderResult(state, state);
  } catch (e) {
    document.documentElement.dataset.detailsError = String(e?.message ?? e);
  }
}

async function loadTools() {
  const css = el('link', { rel: 'stylesheet', href: 'tools.css' });
  const loaded = new Promise((resolve) => { css.onload = css.onerror = resolve; });
  document.head.append(css);
  try {
    const tools = await import('./tools.js');
    await loaded;
    await nextTask();
    tools.initTools({ engine: () => engines.current, container: $('#tools'), resetForm: reset, onLayout: (what) => engines.embed.layoutChanged(what) });
    engines.tools = tools;
    await nextTask();
    if (state.result?.ok) tools.renderTools(state.result, state.lang, answersOf(state));
  } catch (e) {
    // The verdict and its plan are already shown; the extra tools are missing, nothing else.
    document.documentElement.dataset.toolsError = String(e?.message ?? e);
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  if (EMBED_PARAMS.some((k) => params.has(k))) engines.embed = await import('./embed-frame.js');
  const early = params.get('lang') ?? recalled()?.lang ?? engines.embed.defaultLang();
  if (early === 'en') await loadLang('en');
  setLang(early === 'en' ? 'en' : 'fr');
  applyStatic();
  for (const b of document.querySelectorAll('.lang-btn')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
    b.addEventListener('click', () => switchLang(b.dataset.lang));
  }
  OrgCombobox.define();

  // A French link that names an organization alone: its first verdict, before any WebAssembly.
  const verdict = engines.embed === NO_EMBED && lang() === 'fr' ? await loadFirstVerdict() : null;
  if (verdict && !verdict.ok && verdict.error.code === PAGE_ERRORS.integrity_mismatch) {
    showLoadError(verdict.error);
    return;
  }
  if (verdict && !verdict.ok) document.documentElement.dataset.firstVerdictError = verdict.error.code;
  const first = verdict?.ok ? { ok: true, engine: firstVerdictEngine(verdict.verdict), file: null, partial: true } : await engines.embed.loadFirst(lang());
  if (!first.ok) {
    showLoadError(first.error);
    return;
  }
  engines.current = first.engine;
  engines.first = verdict?.ok ? first.engine : null;
  engines.file = first.file;
  engines.partial = Boolean(first.partial);
  // The verdict in a task of its own, after the engine's: Lighthouse mobile's Total Blocking
  // Time 347 → 292 ms (medians of 8 interleaved runs), the first result no later (433 vs 428 ms,
  // 15 loads each). Tried before the room for the result was kept from the first paint
  // (expect.js), it brought a layout shift in 3 of 16 Lighthouse runs; now 0 of 18 (and 0 of 6 on
  // desktop). A first verdict had no engine to create: it goes on at once.
  if (!engines.first) await nextTask();
  // Without the file's SHA-256 for now: hashing waits until the verdict is shown.
  const info = engines.current.info(lang(), { sha256: false });
  const list = engines.current.list();
  const entries = new Set([...list.organizations, ...list.operators, ...list.networks, ...list.umbrellas].map((x) => x.id));
  const combobox = $('org-combobox');
  // The embedded widget is compact: the host page has its own title; the first result holds in
  // two screens of a phone (the details, the sources and the tools one click away).
  const compact = document.documentElement.dataset.embed === 'true';
  if (compact) {
    const more = el('details', { class: 'embed-more', id: 'embed-more' }, el('summary', { dataset: { i18n: 'embedMore' }, text: t('embedMore') }));
    $('#result-body').before(more);
    more.append($('#result-body'), $('#share'), $('#tools'));
    more.addEventListener('toggle', () => engines.embed.layoutChanged('more'));
  }
  ui = {
    info, defs: [], defsKey: null, combobox,
    // A result expected at load (expect.js) is shown in two frames (renderResult).
    splitFirst: document.documentElement.hasAttribute('data-expect-result'), rest: null,
    questions: createQuestions($('#questions'), { contractMax: info.limits.contract_bytes, compact }),
    verdict: createVerdict({ box: $('#verdict'), summary: $('#verdict-summary'), bar: $('#verdict-bar'), live: $('#verdict-live'), pick: $('#pick-note') }),
    steps: createSteps({ emergency: $('#emergency'), container: $('#steps'), sourceList: (ids) => sourceLister(state.result)(ids), compact }),
    details: null,
    share: null,
  };
  $('#org-input').setAttribute('maxlength', String(Math.min(200, info.limits.query_bytes)));
  // A partial engine knows one organization: the field waits (disabled) for the whole dataset,
  // which configures it (switchEngine); its list is not sorted before the verdict for nothing.
  if (!engines.partial) configureSearch(list);

  listeners.push((s, before) => {
    if (s.choice !== before.choice || s.role !== before.role || s.answers !== before.answers || s.contractText !== before.contractText || s.lang !== before.lang) {
      state = Object.freeze({ ...state, result: compute() });
      s = state;
      remember(s);
    }
    renderResult(s, before);
  });

  combobox.addEventListener('org-change', (e) => choose(e.detail));
  combobox.addEventListener('org-submit', (e) => {
    // Typed text with nothing picked: the engine says whether it names one entry, never a guess.
    const r = engines.current.check({ query: e.detail.text, lang: state.lang });
    const m = r.ok ? r.match : null;
    if (m?.dont_know) choose({ kind: 'unknown', id: null, name: '' });
    else if (m?.kind) choose({ kind: m.kind, id: m.id, name: m.name });
    else choose({ kind: 'query', query: e.detail.text, name: e.detail.text });
  });
  $('#org-unknown-btn').addEventListener('click', () => { ui.combobox.closeList(); choose({ kind: 'unknown', id: null, name: '' }); });
  $('#questions').addEventListener('answer-change', (e) => answer(e.detail));
  $('#reset-btn').addEventListener('click', reset);
  $('#role-pro').addEventListener('change', (e) => setState({ role: e.target.checked ? 'pro' : 'insured' }));

  // A pre-filled link, or this tab coming back: read once, checked, then out of the address.
  const prefill = readPrefill(info, (id) => entries.has(id));
  const back = params.toString() ? null : recalled();
  cleanAddress();
  const preset = engines.embed.afterLoad(engines.current, lang());
  let choice = null;
  const orgId = prefill.org ?? back?.choice?.id ?? null;
  if (prefill.org === 'unknown' || (!prefill.org && back?.choice?.kind === 'unknown')) choice = { kind: 'unknown', id: null, name: '' };
  else if (orgId) choice = describe(list, orgId);
  if (preset && (preset.lock || !choice)) choice = preset.choice;
  if (prefill.badOrg) combobox.message('orgUnknownFromLink');
  if (choice) combobox.show(choice);
  const role = prefill.role === 'pro' || back?.role === 'pro' ? 'pro' : 'insured';
  $('#role-pro').checked = role === 'pro';
  // Ready: the form works now (it was on screen from the first paint, so nothing moves).
  $('#loading').classList.add('is-done');
  for (const id of ['#org-input', '#org-unknown-btn', '#role-pro']) $(id).disabled = id === '#org-input' && engines.partial;
  delete document.documentElement.dataset.hold; // painted from now on, with its verdict (expect.js)
  setState({ lang: lang(), choice, role, answers: { ...(back?.answers ?? {}), ...prefill.answers }, contractText: prefill.contract ?? '' });
  // A contract named in the link: once the engine matched it, the option is checked.
  const m = state.result?.contract_match;
  if (m && m.understood_as !== 'unknown') answer({ question: definitions(state).find((d) => d.kind === 'contract').id, value: m.understood_as });
  performance.mark('first-result');
  document.documentElement.dataset.firstResult = state.result ? 'shown' : 'none';
  if (engines.first && !(await adoptEngine())) return;

  // Then, off the critical path, each in its own tasks: the footer (with the SHA-256 of the
  // file, which takes hashing it), the details of the result, the tools, the full dataset, the
  // integrity check, the offline copy.
  await nextTask();
  ui.info = engines.current.info(lang());
  renderFooter();
  await loadDetails();
  await loadTools();
  const check = await verify(engines.current, engines.file);
  if (check.status === 'mismatch') {
    setState({ integrity: 'mismatch' });
    showLoadError(failure(PAGE_ERRORS.integrity_mismatch, `${engines.file}: ${check.actual} ≠ ${check.expected}`).error);
    return;
  }
  await loadFull();
  if (state.integrity === 'mismatch') return; // loadFull showed the warning
  const { enableOffline } = await import('./offline.js');
  document.documentElement.dataset.offline = await enableOffline(await manifest());
  document.documentElement.dataset.ready = 'true';
  // The search index is built on first use: build it now, while the person reads, rather than on
  // their first keystroke.
  (globalThis.requestIdleCallback ?? setTimeout)(() => engines.current.search('', 1));
}

// The insurer field's search and its list of every organization, from the engine's list().
function configureSearch(list) {
  // Alphabetical without accents or case, as the engine folds ("é" sorts with "e"); each key is
  // computed once (a comparator that normalises on every call cost 30 ms here).
  const keyed = list.organizations.map((o) => [o.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(), o]);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  ui.combobox.configure({ search: (q) => engines.current.search(q, 8), all: keyed.map(([, o]) => o) });
}

// The organization, operator, network or umbrella named by an id, as the combobox shows it.
function describe(list, id) {
  for (const kind of ['organizations', 'operators', 'networks', 'umbrellas']) {
    const x = list[kind].find((o) => o.id === id);
    if (x) return { kind: kind === 'organizations' ? 'organization' : kind.slice(0, -1), id, name: x.name };
  }
  return null;
}

// An informational incident in full (for the "other leaks" details), from the engine.
function incidentsOf(id) {
  const key = `${state.lang}|${engines.file}`;
  if (ui.incidentsKey !== key) {
    ui.incidents = engines.current.incidents(state.lang);
    ui.incidentsKey = key;
  }
  const r = ui.incidents;
  const item = r.ok ? r.incidents.find((i) => i.id === id) : null;
  return item ? { item, table: r } : null;
}

main().catch((e) => showLoadError(failure(PAGE_ERRORS.unexpected, e?.message ?? e).error));
