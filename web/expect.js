// breachcheck — runs before the page is first painted (a classic script, the first file the head
// of index.html asks for; nothing else runs that early). Two things that cannot wait for app.js:
//
// 1. A result is coming without anyone choosing (a pre-filled link, this tab coming back, an
//    insurer's widget): the result's room is a whole screen from the first paint
//    (web/css/result.css). When app.js set this, it came after the first paint, and when no frame
//    was painted between it and the verdict, what was below the room moved as the verdict arrived
//    and was scrolled into view (Lighthouse desktop CLS 0.206, in 2 of 5 runs; 2 of 25 Playwright
//    loads at 1350×940).
//    A link that names an organization alone (below) holds the first paint until its verdict.
// 2. What the first result needs is requested now, with the page's code and stylesheet (which
//    Chromium asks for once this script has run):
//    - a French link that names an organization and nothing else (?org=ID): that organization's
//      first verdict (first/ID.verdict.json, which the build computed with the page's own module);
//      the page shows it, and loads the module and the organization's image after it;
//    - anything else: the page's module (its glue and its code) and dataset.fr.img.
//    web/boot.js reads the links and the <meta id="first-verdict"> below to know which files they
//    are and what their hashes must be (the build writes them here).
(() => {
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const back = history.state && typeof history.state === 'object' ? history.state : null;
  if (location.search.length > 1 || (back && back.choice)) root.dataset.expectResult = '';

  // fr, glue, wasm: SRI hashes; orgs: "|ID=H|ID=H|…", H the first 22 characters of each
  // first/ID.verdict.json's (one string: an object literal of 87 entries cost 35 ms to compile at
  // 4× CPU, before the first paint).
  const images = { /* build:first-images */ };
  const org = query.get('org');
  const alone = [...query.keys()].join() === 'org' && !(back && back.choice);
  const at = alone && /^[a-z0-9-]{1,64}$/.test(org) && images.orgs ? images.orgs.indexOf(`|${org}=`) : -1;
  const french = (back && back.lang) !== 'en';
  const element = (tag, attrs, data) => {
    const e = document.createElement(tag);
    Object.assign(e, attrs);
    Object.assign(e.dataset, data);
    document.head.append(e);
    return e;
  };
  const preload = (attrs, data) => element('link', attrs, data);
  // Only where the page can check a hash itself (crypto.subtle: a secure context).
  if (at >= 0 && french && globalThis.crypto && crypto.subtle) {
    const from = at + org.length + 2;
    // What web/boot.js needs to know of it: which file, which organization, its hash's start.
    // Not a <link rel=preload>: the fetch below asks for the file itself, and a preload as well
    // cost 6 ms of this script at 4× CPU, before the first paint.
    const first = element('meta', { id: 'first-verdict' },
      { file: `first/${org}.verdict.json`, integrityPrefix: `sha384-${images.orgs.slice(from, from + 22)}`, org });
    // Its bytes are read now, while the page is parsed and first painted: read when app.js asked
    // for them, the file took 35 ms more to come through at 1× CPU (150 at 4×), preloaded or
    // not. Only the bytes: web/boot.js checks their hash and reads them (null: it fetches the
    // file itself).
    // Until app.js shows that verdict (or an error), the page is not painted (web/css/result.css):
    // its first frame is the verdict in place, not the top of the page then a jump to the verdict,
    // and the page is laid out once instead of twice (first result 12 ms sooner at 1× CPU, 15–60
    // at 4×, interleaved loads). Shown after 3 s whatever happens (a slow network, app.js lost).
    root.dataset.hold = '';
    setTimeout(() => { delete root.dataset.hold; }, 3000);
    first.early = fetch(first.dataset.file, { credentials: 'same-origin' }).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
    return;
  }
  if (images.glue) preload({ rel: 'modulepreload', href: 'breachcheck_core.mjs', integrity: images.glue });
  preload({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: 'breachcheck_core.wasm' }, images.wasm ? { integrity: images.wasm } : {});
  preload({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', id: 'preload-dataset', href: 'dataset.fr.img' }, images.fr ? { integrity: images.fr } : {});
})();
