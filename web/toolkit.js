// breachcheck — small DOM helpers shared by the page and its tools. No framework, no innerHTML:
// every string goes in with textContent, so dataset and typed text stay inert.
//
// Privacy rules: nothing typed leaves the page; files are made in memory and handed to the
// browser as a download (Blob URL + <a download>); no storage of any kind.

// A turn for the browser (input, painting) between two pieces of work: the work after the
// verdict is cut into tasks of a few tens of milliseconds on a slow phone, not one long one.
export function nextTask() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves in a task after the next frame is painted (a hidden page paints no frame: then after
 * the next task). What is done then is not in that frame.
 */
export function afterPaint() {
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// Only https links leave the page (the engine's validator accepts nothing else either).
export function safeUrl(url) {
  return typeof url === 'string' && /^https:\/\/[^\s@]+$/i.test(url) ? url : null;
}

export function extLink(url, text) {
  const href = safeUrl(url);
  if (!href) return el('span', { text });
  return el('a', { href, rel: 'noopener noreferrer', class: 'ext-link' }, text);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
// Icon shapes per verdict and risk: a meaning is never told by colour alone (words come with them).
const TRIANGLE = [['path', { d: 'M12 2.5 1.5 21h21L12 2.5z', class: 'icon-fill' }], ['path', { d: 'M12 9v5.5', class: 'icon-stroke' }], ['circle', { cx: '12', cy: '17.6', r: '1.3', class: 'icon-dot' }]];
const BANG = [['circle', { cx: '12', cy: '12', r: '10', class: 'icon-fill' }], ['path', { d: 'M12 6.5v7', class: 'icon-stroke' }], ['circle', { cx: '12', cy: '17', r: '1.3', class: 'icon-dot' }]];
const SHAPES = {
  affected: TRIANGLE,
  high: TRIANGLE,
  likely: BANG,
  medium: BANG,
  possible: [['circle', { cx: '12', cy: '12', r: '10', class: 'icon-fill' }], ['path', { d: 'M9.2 9.3a2.9 2.9 0 1 1 4.3 2.5c-.9.5-1.5 1.1-1.5 2.2v.5', class: 'icon-stroke' }], ['circle', { cx: '12', cy: '17.4', r: '1.3', class: 'icon-dot' }]],
  unknown: [['rect', { x: '2', y: '2', width: '20', height: '20', rx: '4', class: 'icon-fill' }], ['path', { d: 'M7 12h10', class: 'icon-stroke' }]],
  low: [['rect', { x: '2', y: '2', width: '20', height: '20', rx: '4', class: 'icon-fill' }], ['circle', { cx: '12', cy: '7.2', r: '1.3', class: 'icon-dot' }], ['path', { d: 'M12 11v6.5', class: 'icon-stroke' }]],
  not_affected: [['circle', { cx: '12', cy: '12', r: '10', class: 'icon-fill' }], ['path', { d: 'm7.2 12.4 3.2 3.2 6.4-7', class: 'icon-stroke' }]],
  chevron: [['path', { d: 'm8 5 8 7-8 7', class: 'icon-line' }]],
};

export function icon(kind, size = 24, cls = '') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `verdict-icon icon-${kind} ${cls}`.trim());
  for (const [tag, attrs] of SHAPES[kind] || SHAPES.unknown) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
    svg.append(shape);
  }
  return svg;
}

// Month names, so that dates read as Intl would write them for fr-FR / en-GB ("1er février
// 2024", "7 February 2024") without the cost of starting Intl while the first result is computed.
export const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "1er février 2024" / "7 February 2024" for a Date (local time); "février 2024" without `day`. */
export function formatDay(date, lang, { day = true } = {}) {
  const l = lang === 'en' ? 'en' : 'fr';
  const d = date.getDate();
  const dayText = l === 'fr' && d === 1 ? '1er' : String(d);
  // A no-break space keeps the day with its month at the end of a line.
  return `${day ? `${dayText}\u00a0` : ''}${MONTHS[l][date.getMonth()]} ${date.getFullYear()}`;
}

/** A dataset date (YYYY, YYYY-MM, YYYY-MM-DD) for people; `undated` stays a word. */
export function formatDate(s, lang, undatedWord = '') {
  if (typeof s !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) return s === 'undated' ? undatedWord : s;
  const [, y, mo, d] = m;
  if (!mo) return y;
  return formatDay(new Date(Number(y), Number(mo) - 1, d ? Number(d) : 1), lang, { day: Boolean(d) });
}

// A file made in memory, offered as a download. Blob URLs are same-origin and are downloads, not
// requests to a server; the URL is revoked once the browser has taken the file.
export function downloadFile(name, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// Copies text; resolves true when the browser accepted, false when it refused. Never throws.
export async function copyText(text) {
  try {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Prints one document alone: the html element carries data-bc-print while the print dialog is
// open (print.css shows that part only). The attribute goes away after printing.
export function printOnly(kind) {
  const root = document.documentElement;
  root.dataset.bcPrint = kind;
  const done = () => {
    window.removeEventListener('afterprint', done);
    delete root.dataset.bcPrint;
  };
  window.addEventListener('afterprint', done);
  window.print();
}

// Accordion section: <section><h2><button aria-expanded aria-controls>…</button></h2><div hidden>
export function disclosureSection(id, { onOpen, onToggle } = {}) {
  const bodyId = `${id}-body`;
  const btn = el('button', {
    type: 'button', id: `${id}-toggle`, class: 'tool-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId,
  });
  const label = el('span', { class: 'tool-toggle-label' });
  btn.append(icon('chevron', 20, 'tool-chevron'), label);
  const intro = el('p', { class: 'tool-intro', id: `${id}-intro` });
  const body = el('div', { id: bodyId, class: 'tool-body' });
  body.hidden = true;
  const section = el('section', { id, class: 'panel tool', 'aria-labelledby': `${id}-toggle` },
    el('h2', { class: 'tool-heading' }, btn), intro, body);
  const setOpen = (open) => {
    btn.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    section.classList.toggle('is-open', open);
    if (open && onOpen) onOpen();
    if (onToggle) onToggle(open);
  };
  btn.addEventListener('click', () => setOpen(btn.getAttribute('aria-expanded') !== 'true'));
  return { section, btn, label, intro, body, setOpen };
}
