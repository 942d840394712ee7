// Demo host page: adds the embedding snippet exactly as an insurer would paste it, pointing at the
// tool's origin (data-tool-origin on <body>, or ?tool=ORIGIN, or this page's own origin).
function toolOrigin() {
  const candidates = [new URLSearchParams(location.search).get('tool'), document.body.dataset.toolOrigin];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c);
      if (/^https?:$/.test(u.protocol)) return u.origin;
    } catch {
      // ignored: not an origin
    }
  }
  return location.origin;
}

const origin = toolOrigin();
// The tool lives at the root of its origin, or, on the same origin, one folder up from /demo/.
const base = origin === location.origin ? new URL('../', location.href).href : `${origin}/`;
const query = new URLSearchParams(location.search);
const lang = query.get('lang') === 'en' ? 'en' : 'fr';
// Hélium's overlay by default; ?overlay=ID shows another configuration (tests use broken ones),
// ?overlay=none the public tool; ?height=fixed the fixed-height mode (no message at all).
const asked = query.get('overlay') ?? '';
const overlay = asked === 'none' ? null : /^[a-z0-9-]{1,64}$/.test(asked) ? asked : 'helium';
const fixed = query.get('height') === 'fixed';

const script = document.createElement('script');
script.src = `${base}embed.js`;
script.async = true;
if (overlay) script.dataset.overlay = overlay;
if (fixed) script.dataset.height = 'fixed';
script.dataset.lang = lang;
script.dataset.target = '#breachcheck-widget';
script.addEventListener('error', () => {
  document.getElementById('widget-missing').hidden = false;
});
document.body.append(script);

document.getElementById('snippet').textContent =
  `<script src="${base}embed.js"${overlay ? ` data-overlay="${overlay}"` : ''}${fixed ? ' data-height="fixed"' : ''} data-lang="${lang}" data-target="#breachcheck-widget" async></script>`;
document.documentElement.dataset.toolOrigin = origin;
