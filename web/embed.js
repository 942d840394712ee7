/*
 * breachcheck — embedding snippet for an insurer's help page (docs/embedding.md).
 *
 *   <script src="https://TOOL-ORIGIN/embed.js" data-overlay="helium" data-lang="fr" async></script>
 *
 * Optional: data-target="CSS selector" (where to put the widget; default: right after this script),
 * data-loading="eager" (default "lazy"), data-height="fixed" with data-fixed-height="PX" (default
 * 1600): the frame keeps that height and scrolls inside; it then sends no message at all.
 *
 * It adds one sandboxed <iframe> showing the tool from TOOL-ORIGIN. The host page never sees what
 * the person answers: the frame is cross-origin, so its document is out of the host's reach, and
 * the only message it sends is {type: 'breachcheck:resize', version: 1, height: <int>}, a multiple
 * of 800 px sent only when a result appears or a tool opens (docs/embedding.md, "What the host
 * sees"), which this script accepts only from TOOL-ORIGIN and only from its own iframe. No cookie,
 * no storage, no other request than the frame itself.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;

  var MIN_HEIGHT = 240;
  var MAX_HEIGHT = 20000;
  var START_HEIGHT = 720;
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads';

  var toolBase;
  try {
    toolBase = new URL('.', script.src); // the folder embed.js was loaded from
  } catch (e) {
    return;
  }
  var toolOrigin = toolBase.origin;

  var overlay = script.getAttribute('data-overlay');
  if (overlay !== null && !/^[a-z0-9-]{1,64}$/.test(overlay)) overlay = 'INVALID'; // never a real id: the page says the id is invalid
  var lang = script.getAttribute('data-lang') === 'en' ? 'en' : 'fr';
  var loading = script.getAttribute('data-loading') === 'eager' ? 'eager' : 'lazy';
  var fixed = script.getAttribute('data-height') === 'fixed';
  var fixedHeight = parseInt(script.getAttribute('data-fixed-height') || '1600', 10);
  if (!(fixedHeight >= MIN_HEIGHT && fixedHeight <= MAX_HEIGHT)) fixedHeight = 1600;

  var src = new URL('index.html', toolBase);
  src.searchParams.set('embed', '1');
  if (overlay) src.searchParams.set('overlay', overlay);
  src.searchParams.set('lang', lang);
  // Where resize messages may go; "null" (file://, sandboxed host) means no resizing. A fixed
  // height names no parent: the frame then never posts anything.
  if (fixed) src.searchParams.set('height', 'fixed');
  else if (/^https?:\/\/[^/]+$/.test(location.origin)) src.searchParams.set('parent', location.origin);

  var iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', SANDBOX);
  iframe.setAttribute('title', lang === 'en'
    ? 'Self-check: health data breaches (Viamedis, Almerys, Itélis)'
    : 'Auto-vérification : fuites de données de santé (Viamedis, Almerys, Itélis)');
  iframe.setAttribute('loading', loading);
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.setAttribute('allow', "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'");
  iframe.className = 'breachcheck-frame';
  // Sizes through the CSSOM (allowed by a strict style-src; no style attribute is written).
  iframe.style.display = 'block';
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.height = (fixed ? fixedHeight : START_HEIGHT) + 'px';
  iframe.src = src.href;

  if (!fixed) window.addEventListener('message', function (event) {
    if (event.origin !== toolOrigin || event.source !== iframe.contentWindow) return;
    var d = event.data;
    if (!d || typeof d !== 'object' || Array.isArray(d)) return;
    var keys = Object.keys(d).sort().join(',');
    if (keys !== 'height,type,version') return;
    if (d.type !== 'breachcheck:resize' || d.version !== 1) return;
    if (typeof d.height !== 'number' || !isFinite(d.height) || Math.floor(d.height) !== d.height) return;
    var h = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, d.height));
    iframe.style.height = h + 'px';
  });

  function place() {
    var selector = script.getAttribute('data-target');
    var target = null;
    if (selector) {
      try {
        target = document.querySelector(selector);
      } catch (e) {
        target = null;
      }
    }
    if (target) target.appendChild(iframe);
    else if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(iframe, script.nextSibling);
    else if (document.body) document.body.appendChild(iframe);
    else return false;
    return true;
  }

  if (document.readyState === 'loading' && (script.getAttribute('data-target') || !document.body)) {
    document.addEventListener('DOMContentLoaded', place);
  } else if (!place()) {
    document.addEventListener('DOMContentLoaded', place);
  }
}());
