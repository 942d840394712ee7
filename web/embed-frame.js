// breachcheck — the page's side of embedding and insurer overlays (docs/embedding.md).
//
// Imported by app.js when the address asks for it. It reads four URL parameters, all validated:
//   ?embed=1          compact layout for an <iframe> (web/embed.js builds that URL)
//   ?overlay=ID       the dataset with insurer overlay ID merged (overlays/ID[.fr].img, same
//                     origin, compiled and validated at build time), ID matching [a-z0-9-]{1,64}
//   ?parent=ORIGIN    origin of the page that frames us: the only one that receives messages
//   ?height=fixed     the host gives the frame a fixed height: no message at all
//
// What the host can still observe (docs/embedding.md, "What the host sees"): the frame's height,
// in steps of HEIGHT_STEP px, sent only when the layout state changes (a result shown, a tool
// opened or closed), never per keystroke; nothing else ever leaves the frame. Themes are applied
// as CSS custom properties through the CSSOM, never as CSS text; nothing is stored.
import { el } from './toolkit.js';
import { t } from './i18n/index.js';
import { FILES, loadEngine as load } from './boot.js';
import { failure, PAGE_ERRORS } from './engine.js';

const OVERLAY_ID = /^[a-z0-9-]{1,64}$/;
const RESIZE_TYPE = 'breachcheck:resize';
export const HEIGHT_STEP = 800; // px: coarse enough that most results share a height (tests/browser/embed)

const params = new URLSearchParams(location.search);
const rawOverlay = params.get('overlay');
export const embedded = params.get('embed') === '1' && window.parent !== window;
const overlayId = rawOverlay !== null && OVERLAY_ID.test(rawOverlay) ? rawOverlay : null;
const fixedHeight = params.get('height') === 'fixed';

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
const parentOrigin = embedded && !fixedHeight ? validOrigin(params.get('parent')) : null;

const view = { overlay: null, error: null, lock: null, errorBox: null, preset: null, lastHeight: -1 };

// The embedded layout's styles (web/css/embed.css), only where they are needed.
const embedCss = el('link', { rel: 'stylesheet', href: 'embed.css' });
const embedStyled = new Promise((resolve) => { embedCss.onload = embedCss.onerror = resolve; });
document.head.append(embedCss);

/** The image to load for a language: the overlay's merged dataset when one is named. */
export function imageFor(l) {
  if (!overlayId || view.error) return FILES[l];
  return l === 'en' ? `overlays/${overlayId}.img` : `overlays/${overlayId}.fr.img`;
}

export function defaultLang() {
  return params.get('lang') === 'en' ? 'en' : null;
}

/** Loads the overlay's image; a missing or broken one never leaves the page blank. */
export async function loadFirst(l) {
  await embedStyled;
  if (rawOverlay !== null && !overlayId) {
    view.error = failure(PAGE_ERRORS.invalid_overlay_id, t('overlayBadId')).error;
  } else if (overlayId) {
    const r = await load(imageFor(l));
    if (r.ok) return r;
    view.error = r.error;
  }
  if (view.error) {
    document.documentElement.dataset.overlay = 'error';
    renderOverlayError();
  }
  return load(FILES[l]);
}

function renderOverlayError() {
  const err = view.error;
  const box = view.errorBox ?? el('div', { id: 'overlay-error', class: 'notice notice-error overlay-error', role: 'status' });
  box.textContent = '';
  box.dataset.code = err.code ?? '';
  box.append(el('p', { class: 'error-title' }, el('strong', { text: t('overlayErrorTitle') })), el('p', { text: t('overlayErrorFallback') }));
  const details = el('details', { class: 'overlay-error-details' }, el('summary', { text: t('overlayErrorDetails') }),
    el('p', {}, el('code', { text: `${err.code ?? ''}: ${err.code === PAGE_ERRORS.load_failed ? t('overlayMissing', { id: overlayId }) : ''} ${err.message ?? ''}`.trim() })));
  box.append(details);
  if (!view.errorBox) {
    view.errorBox = box;
    document.getElementById('app-status')?.before(box);
  }
}

/**
 * Once the engine is ready: reads the overlay block (a check without org uses the overlay's
 * organization), applies its theme and, with lock, replaces the insurer field by a fixed line.
 * Returns {choice, lock} or null.
 */
export function afterLoad(engine, l) {
  const r = engine.check({ lang: l });
  if (!r.ok || !r.overlay) return null;
  view.overlay = r.overlay;
  document.documentElement.dataset.overlay = r.overlay.id;
  applyTheme(r.overlay);
  const org = r.overlay.organization;
  view.preset = { choice: { kind: 'organization', id: org.id, name: org.name }, lock: Boolean(r.overlay.lock) };
  if (view.preset.lock) {
    document.documentElement.dataset.overlayLock = 'true';
    renderLock();
  }
  return view.preset;
}

export function lockedOrg() {
  return view.preset?.lock ? view.preset.choice : null;
}

function renderLock() {
  const field = document.getElementById('org-field');
  if (!view.preset || !field) return;
  field.hidden = true;
  document.getElementById('org-unknown-btn')?.closest('p')?.setAttribute('hidden', '');
  if (!view.lock) {
    view.lock = el('p', { id: 'org-locked', class: 'org-locked' });
    field.before(view.lock);
  }
  view.lock.textContent = '';
  view.lock.append(`${t('lockLine')} `, el('strong', { text: view.preset.choice.name }));
}

// Font stacks named by the overlay (no web font: nothing is fetched).
const FONTS = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  sans: '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "Noto Sans", sans-serif',
  serif: 'Georgia, Cambria, "Times New Roman", "Liberation Serif", "Noto Serif", serif',
  rounded: 'ui-rounded, "SF Pro Rounded", Nunito, "Varela Round", "Arial Rounded MT Bold", system-ui, sans-serif',
};
const HEX = /^#[0-9a-fA-F]{6}$/;

/** Applies overlay.theme (checked and completed by the engine) as CSS custom properties. */
function applyTheme(overlay) {
  const root = document.documentElement;
  const theme = overlay.theme;
  if (!theme) {
    if (overlay.theme_fallback) root.dataset.themeFallback = 'contrast';
    return;
  }
  const set = (name, value) => { if (typeof value === 'string' && HEX.test(value)) root.style.setProperty(name, value.toLowerCase()); };
  set('--panel', theme.background);
  set('--bg', theme.background);
  set('--ink', theme.text);
  set('--muted', theme.muted);
  set('--accent', theme.accent);
  set('--focus', theme.accent);
  set('--header-bg', theme.accent);
  set('--accent-dark', theme.accent_ink);
  set('--accent-soft', theme.accent_soft);
  set('--accent-text', theme.accent_text);
  if (Number.isInteger(theme.radius) && theme.radius >= 0 && theme.radius <= 24) root.style.setProperty('--radius', `${theme.radius}px`);
  if (FONTS[theme.font]) root.style.setProperty('--font', FONTS[theme.font]);
  root.dataset.theme = 'overlay';
}

// ---------------------------------------------------------------------------------------------
// The insurer's information in the result, once, marked as the insurer's

function formatMonth(s, l) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(String(s ?? ''));
  if (!m) return '';
  return m[2] ? `${t(`month_${Number(m[2])}`)} ${m[1]}` : m[1];
}

export function overlayPanel(result, l) {
  const o = result?.overlay;
  if (!o) return null;
  const name = o.organization?.name ?? '';
  const contacts = Array.isArray(o.contacts) ? o.contacts : [];
  const note = o.notification;
  if (!contacts.length && !note?.text) return null;
  const box = el('section', { id: 'insurer-info', class: 'insurer-info', 'aria-labelledby': 'insurer-info-title', 'data-provenance': 'insurer' },
    el('p', { class: 'provenance provenance-insurer', text: t('fromInsurer') }),
    el('h3', { id: 'insurer-info-title', text: t('insurerTitle', { name }) }));
  if (note?.text) {
    const when = formatMonth(note.date, l);
    const dated = when && !note.text.toLowerCase().includes(when.toLowerCase());
    box.append(el('p', { class: 'insurer-notification' }, note.text, dated ? ` ${t('notificationOn', { date: when })}` : ''));
  }
  if (contacts.length) {
    const ul = el('ul', { class: 'insurer-contacts' });
    for (const c of contacts) {
      const li = el('li', { 'data-kind': c.kind ?? '' }, el('span', { class: 'contact-kind', text: `${t(`contact_${c.kind}`)}${t('colon')}` }), ' ');
      const href = c.kind === 'web' && /^https:\/\/[^\s@]+$/.test(c.value) ? c.value
        : c.kind === 'phone' && /^\+?[0-9 ]{4,20}$/.test(c.value ?? '') ? `tel:${c.value.replace(/ /g, '')}` : null;
      if (href) li.append(el('a', { href, rel: 'noopener noreferrer', class: 'ext-link' }, c.label || c.value));
      else li.append(el('span', { text: [c.label, c.value].filter(Boolean).join(' — ') }));
      if (href && c.kind === 'phone' && c.label) li.append(` (${c.value})`);
      ul.append(li);
    }
    box.append(ul);
  }
  // Compact (embedded): the insurer's name and how to reach it in the summary line, the rest on demand.
  if (embedded) {
    const title = box.querySelector('h3');
    const details = el('details', { class: 'insurer-info-details' }, el('summary', {}, title));
    details.append(...[...box.childNodes].filter((n) => n !== box.firstChild));
    box.append(details);
  }
  return box;
}

// ---------------------------------------------------------------------------------------------
// Embedded mode: compact layout, links, coarse height messages

/** The layout changed (a result shown, a tool opened): report the height, rounded up, if it moved. */
export function layoutChanged() {
  if (!parentOrigin) return;
  // After layout: the new content is in place before it is measured.
  setTimeout(() => {
    const raw = Math.ceil(document.documentElement.getBoundingClientRect().height);
    const h = Math.ceil(raw / HEIGHT_STEP) * HEIGHT_STEP;
    if (!Number.isInteger(h) || h === view.lastHeight) return;
    view.lastHeight = h;
    // Exactly this schema, to the page that framed us only.
    window.parent.postMessage({ type: RESIZE_TYPE, version: 1, height: h }, parentOrigin);
  }, 50);
}

if (embedded) {
  document.documentElement.dataset.embed = 'true';
  // Links to other sites open in a new tab (the sandbox lets them escape it), never inside the frame.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (a && a.origin !== location.origin && /^https?:$/.test(a.protocol)) a.target = '_blank';
  }, true);
  window.addEventListener('load', () => layoutChanged('load'));
}

// The few texts of this module follow the page's language (app.js sets <html lang>).
new MutationObserver(() => {
  if (view.lock) renderLock();
  if (view.errorBox && view.error) renderOverlayError();
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
