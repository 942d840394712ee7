// breachcheck — the page's side of embedding and insurer overlays (docs/embedding.md).
//
// Imported by app.js when the address asks for it. It reads three URL parameters, all validated:
//   ?embed=1          compact layout for an <iframe> (web/embed.js builds that URL)
//   ?overlay=ID       insurer overlay overlays/ID.json (same origin), ID matching [a-z0-9-]{1,64}
//   ?parent=ORIGIN    origin of the page that frames us: the only one that receives resize messages
//
// Privacy rules kept by this file:
// - the only message that ever leaves the frame is {type: 'breachcheck:resize', version: 1, height},
//   posted to the validated parent origin only (never '*'); never an answer, never a result;
// - the overlay is fetched from this origin only; its theme is applied as CSS custom properties
//   through the CSSOM (style.setProperty), never as CSS text; nothing is stored.

import { el } from './toolkit.js'; // the page's DOM helper

const OVERLAY_ID = /^[a-z0-9-]{1,64}$/;
const RESIZE_TYPE = 'breachcheck:resize';

const TEXT = {
  fr: {
    lockLine: 'Vérification pour les adhérents de',
    fromInsurer: 'Information de votre complémentaire',
    fromPublic: 'Sources publiques',
    insurerTitle: (name) => `${name} : contacts et information`,
    insurerNote: (name) => `Ces informations sont fournies par ${name}. Les raisons marquées « Sources publiques » viennent de sources publiques datées, indiquées sous chacune.`,
    notificationOn: (d) => `(information publiée en ${d})`,
    contactKind: { hotline: 'Téléphone', dpo: 'Délégué à la protection des données', web: 'Site', postal: 'Courrier' },
    overlayErrorTitle: "La configuration de votre complémentaire n'a pas pu être chargée.",
    overlayErrorFallback: "L'outil fonctionne quand même, avec les seules sources publiques. Vous pouvez aussi interroger directement votre complémentaire.",
    overlayErrorDetails: 'Détails techniques (pour votre complémentaire)',
    overlayMissing: (id) => `Configuration « ${id} » introuvable`,
    overlayBadId: 'Identifiant de configuration invalide (attendu : lettres minuscules, chiffres et tirets)',
  },
  en: {
    lockLine: 'Check for members of',
    fromInsurer: 'From your insurer',
    fromPublic: 'Public sources',
    insurerTitle: (name) => `${name}: contacts and information`,
    insurerNote: (name) => `This information is provided by ${name}. Reasons marked “Public sources” come from dated public sources, listed under each one.`,
    notificationOn: (d) => `(notice published in ${d})`,
    contactKind: { hotline: 'Phone', dpo: 'Data protection officer', web: 'Website', postal: 'Post' },
    overlayErrorTitle: "Your insurer's configuration could not be loaded.",
    overlayErrorFallback: 'The tool still works, with public sources only. You can also ask your insurer directly.',
    overlayErrorDetails: 'Technical details (for your insurer)',
    overlayMissing: (id) => `Configuration “${id}” not found`,
    overlayBadId: 'Invalid configuration id (expected lower-case letters, digits and hyphens)',
  },
};

const params = new URLSearchParams(location.search);

function validOrigin(value) {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const u = new URL(value);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== value) return null;
    return u.origin;
  } catch {
    return null;
  }
}

const rawOverlay = params.get('overlay');
export const embedded = params.get('embed') === '1' && window.parent !== window;
const overlayId = rawOverlay !== null && OVERLAY_ID.test(rawOverlay) ? rawOverlay : null;
const parentOrigin = embedded ? validOrigin(params.get('parent')) : null;

const view = {
  overlay: null,  // the result's overlay block once the engine is ready
  error: null,    // {code, message, errors?} when the overlay could not be used
  lock: null,     // the "Vérification pour les adhérents de X" line
  errorBox: null,
};

const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'fr');
export const embedText = (l, key) => TEXT[l === 'en' ? 'en' : 'fr'][key] ?? TEXT.fr[key];

/** URL parameters that syncUrl() must keep (validated values only). */
export function embedParams() {
  const out = [];
  if (embedded) out.push(['embed', '1']);
  if (overlayId) out.push(['overlay', overlayId]);
  if (parentOrigin) out.push(['parent', parentOrigin]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Overlay loading

// Started at import time, in parallel with the dataset and the module.
const overlayTextPromise = (() => {
  if (rawOverlay === null) return Promise.resolve(null);
  if (!overlayId) return Promise.resolve({ error: { code: 'invalid_overlay_id', message: TEXT.fr.overlayBadId } });
  return fetch(`./overlays/${overlayId}.json`, { credentials: 'same-origin' })
    .then(async (res) => (res.ok ? { text: await res.text() }
      : { error: { code: 'overlay_not_found', message: `overlays/${overlayId}.json: HTTP ${res.status}` } }))
    .catch((e) => ({ error: { code: 'overlay_not_found', message: `overlays/${overlayId}.json: ${e?.message ?? e}` } }));
})();

/**
 * createEngine() with the overlay named in the URL. A missing or invalid overlay never leaves the
 * page blank: the message is shown and the engine starts on the public dataset alone.
 */
export async function createEngineWithOverlay(mod, datasetText) {
  const loaded = await overlayTextPromise;
  if (loaded?.text !== undefined) {
    const r = await mod.createEngine(datasetText, { overlayText: loaded.text });
    if (r?.ok || r?.error?.code !== 'invalid_overlay') return r;
    view.error = r.error;
  } else if (loaded?.error) {
    view.error = loaded.error;
  }
  if (view.error) {
    document.documentElement.dataset.overlay = 'error';
    renderOverlayError();
  }
  return mod.createEngine(datasetText);
}

function renderOverlayError() {
  const l = lang();
  const err = view.error;
  const box = view.errorBox ?? el('div', { id: 'overlay-error', class: 'notice notice-error overlay-error', role: 'status' });
  box.textContent = '';
  box.dataset.code = err.code ?? '';
  box.append(el('p', { class: 'error-title' }, el('strong', { text: embedText(l, 'overlayErrorTitle') })));
  box.append(el('p', { text: embedText(l, 'overlayErrorFallback') }));
  const details = el('details', { class: 'overlay-error-details' }, el('summary', { text: embedText(l, 'overlayErrorDetails') }));
  const what = err.code === 'overlay_not_found' ? `${TEXT[l].overlayMissing(overlayId)} — ${err.message}`
    : err.code === 'invalid_overlay_id' ? embedText(l, 'overlayBadId') : err.message;
  details.append(el('p', {}, el('code', { text: `${err.code ?? ''}: ${what ?? ''}` })));
  const list = Array.isArray(err.errors) ? err.errors.slice(0, 30) : [];
  if (list.length) {
    const ul = el('ul', { class: 'error-details' });
    for (const d of list) ul.append(el('li', {}, el('code', { text: `${d.path ?? ''} ${d.message ?? ''}`.trim() })));
    details.append(ul);
  }
  box.append(details);
  if (!view.errorBox) {
    view.errorBox = box;
    const status = document.getElementById('app-status');
    if (status) status.before(box);
    else document.getElementById('main')?.prepend(box);
  }
}

// ---------------------------------------------------------------------------------------------
// Preset organization, lock and theme

/** The overlay's organization, once presetOrg() ran: {org, name, lock} or null. */
export function overlayPreset() {
  const o = view.overlay;
  return o?.organization?.id ? { org: o.organization.id, name: o.organization.name, lock: Boolean(o.lock) } : null;
}

/**
 * Called once the engine is ready: reads the overlay block (a check without org uses the overlay's
 * organization), applies its theme and, with lock, replaces the insurer field by a fixed line.
 */
export function presetOrg(engine, l) {
  let r = null;
  try {
    r = engine.check({ lang: l === 'en' ? 'en' : 'fr' });
  } catch {
    r = null;
  }
  if (!r || !r.overlay) return null;
  view.overlay = r.overlay;
  document.documentElement.dataset.overlay = r.overlay.id;
  applyTheme(r.overlay);
  if (r.overlay.lock) renderLock();
  return overlayPreset();
}

function renderLock() {
  const preset = overlayPreset();
  const field = document.getElementById('org-field');
  if (!preset || !field) return;
  field.hidden = true;
  if (!view.lock) {
    view.lock = el('p', { id: 'org-locked', class: 'org-locked' });
    field.before(view.lock);
  }
  view.lock.textContent = '';
  view.lock.append(`${embedText(lang(), 'lockLine')} `, el('strong', { text: preset.name }));
}

// Font stacks named by the overlay (no web font: nothing is fetched).
const FONTS = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  sans: '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "Noto Sans", sans-serif',
  serif: 'Georgia, Cambria, "Times New Roman", "Liberation Serif", "Noto Serif", serif',
  rounded: 'ui-rounded, "SF Pro Rounded", Nunito, "Varela Round", "Arial Rounded MT Bold", system-ui, sans-serif',
};

const HEX = /^#[0-9a-fA-F]{6}$/;
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (c) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
function luminance(hex) {
  const [r, g, b] = rgb(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}
const mix = (a, b, t) => toHex(rgb(a).map((v, i) => v + (rgb(b)[i] - v) * t));

// The colour closest to `colour` that reads as text (4.5:1) on `bg`, moving towards `ink`
// (itself 4.5:1 on bg: the engine checked it).
function readable(colour, bg, ink) {
  for (let t = 0; t <= 1.0001; t += 0.1) {
    const c = mix(colour, ink, t);
    if (contrast(c, bg) >= 4.5) return c;
  }
  return ink;
}

/** Applies overlay.theme as CSS custom properties; a theme the engine refused leaves the defaults. */
function applyTheme(overlay) {
  const root = document.documentElement;
  const theme = overlay.theme;
  if (!theme) {
    if (overlay.theme_fallback) {
      root.dataset.themeFallback = 'contrast';
      console.info(`breachcheck: overlay theme not applied (${overlay.theme_fallback}); default colours kept`);
    }
    return;
  }
  const css = getComputedStyle(root);
  const current = (name, fallback) => {
    const v = css.getPropertyValue(name).trim();
    return HEX.test(v) ? v : fallback;
  };
  const colour = (v) => (typeof v === 'string' && HEX.test(v) ? v.toLowerCase() : null);
  const set = (name, value) => root.style.setProperty(name, value);
  const bg = colour(theme.background) ?? current('--panel', '#ffffff');
  const ink = colour(theme.text) ?? current('--ink', '#1b1f24');
  if (colour(theme.background)) {
    set('--panel', bg);
    set('--bg', bg);
  }
  if (colour(theme.text)) set('--ink', ink);
  const muted = current('--muted', '#4a5361');
  if (contrast(muted, bg) < 4.5 || colour(theme.text)) set('--muted', readable(mix(ink, bg, 0.3), bg, ink));
  const accent = colour(theme.accent);
  if (accent) {
    const accentInk = readable(accent, bg, ink);
    set('--accent', accent);
    set('--focus', accent);
    set('--header-bg', accent);
    set('--accent-dark', accentInk);
    let soft = mix(bg, accent, 0.1);
    if (contrast(ink, soft) < 4.5 || contrast(accentInk, soft) < 4.5) soft = bg;
    set('--accent-soft', soft);
  }
  if (colour(theme.accent_text)) set('--accent-text', colour(theme.accent_text));
  if (Number.isInteger(theme.radius) && theme.radius >= 0 && theme.radius <= 24) set('--radius', `${theme.radius}px`);
  if (FONTS[theme.font]) set('--font', FONTS[theme.font]);
  root.dataset.theme = 'overlay';
}

// ---------------------------------------------------------------------------------------------
// Insurer information in the result

function formatMonth(s, l) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(s ?? ''));
  if (!m) return '';
  if (!m[2]) return m[1];
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  const opts = m[3] ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : 'fr-FR', opts).format(date);
}

const httpUrl = (u) => (typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null);

/** The insurer's verified contacts and notification, labelled as coming from the insurer. */
export function overlayPanel(result, l) {
  const o = result?.overlay;
  if (!o) return null;
  const name = o.organization?.name ?? '';
  const contacts = Array.isArray(o.contacts) ? o.contacts : [];
  const note = o.notification;
  if (!contacts.length && !note?.text) return null;
  const box = el('section', { id: 'insurer-info', class: 'insurer-info', 'aria-labelledby': 'insurer-info-title', 'data-provenance': 'insurer' },
    el('p', { class: 'provenance provenance-insurer', text: embedText(l, 'fromInsurer') }),
    el('h3', { id: 'insurer-info-title', text: TEXT[l === 'en' ? 'en' : 'fr'].insurerTitle(name) }));
  if (note?.text) {
    const when = formatMonth(note.date, l);
    const dated = when && !note.text.toLowerCase().includes(when.toLowerCase());
    box.append(el('p', { class: 'insurer-notification' }, note.text,
      dated ? ` ${TEXT[l === 'en' ? 'en' : 'fr'].notificationOn(when)}` : ''));
  }
  if (contacts.length) {
    const ul = el('ul', { class: 'insurer-contacts' });
    for (const c of contacts) {
      const kind = embedText(l, 'contactKind')[c.kind] ?? c.kind;
      const li = el('li', { 'data-kind': c.kind ?? '' }, el('span', { class: 'contact-kind', text: `${kind}${l === 'en' ? ':' : '\u00a0:'}` }), ' ');
      const href = c.kind === 'web' ? httpUrl(c.value) : c.kind === 'hotline' && /^\+?[0-9 .]{4,20}$/.test(c.value ?? '') ? `tel:${c.value.replace(/[ .]/g, '')}` : null;
      if (href) li.append(el('a', { href, rel: 'noopener noreferrer', class: 'ext-link' }, c.label || c.value));
      else li.append(el('span', { text: [c.label, c.value].filter(Boolean).join(' — ') }));
      if (href && c.kind === 'hotline' && c.label) li.append(` (${c.value})`);
      ul.append(li);
    }
    box.append(ul);
  }
  box.append(el('p', { class: 'hint insurer-note', text: TEXT[l === 'en' ? 'en' : 'fr'].insurerNote(name) }));
  return box;
}

// ---------------------------------------------------------------------------------------------
// Embedded mode: layout flag, links, resize messages

function reportHeight() {
  let last = -1;
  let queued = false;
  const send = () => {
    queued = false;
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!Number.isInteger(h) || h === last) return;
    last = h;
    // Exactly this schema, to the page that framed us only.
    window.parent.postMessage({ type: RESIZE_TYPE, version: 1, height: h }, parentOrigin);
  };
  // A timer, not requestAnimationFrame: Chromium pauses rendering in an off-screen cross-origin
  // frame, and the host should know our height before the widget is scrolled into view.
  const queue = () => {
    if (!queued) {
      queued = true;
      setTimeout(send, 60);
    }
  };
  new ResizeObserver(queue).observe(document.documentElement);
  new MutationObserver(queue).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('load', queue);
  window.addEventListener('resize', queue);
  queue();
}

if (embedded) {
  document.documentElement.dataset.embed = 'true';
  // Links to other sites open in a new tab (the sandbox lets them escape it), never inside the frame.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (a && a.origin !== location.origin && /^https?:$/.test(a.protocol)) a.target = '_blank';
  }, true);
  if (parentOrigin && typeof ResizeObserver === 'function') reportHeight();
}

// The few texts of this module follow the page's language (app.js sets <html lang>).
new MutationObserver(() => {
  if (view.lock) renderLock();
  if (view.errorBox && view.error) renderOverlayError();
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
