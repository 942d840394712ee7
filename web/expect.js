// breachcheck — runs before the page is first painted (a classic script in the head of
// index.html; nothing else runs that early). Two things that cannot wait for app.js:
//
// 1. A result is coming without anyone choosing (a pre-filled link, this tab coming back, an
//    insurer's widget): the result's room is a whole screen from the first paint
//    (web/css/result.css). When app.js set this, it came after the first paint, and when no frame
//    was painted between it and the verdict, what was below the room moved as the verdict arrived
//    and was scrolled into view (Lighthouse desktop CLS 0.206, in 2 of 5 runs; 2 of 25 Playwright
//    loads at 1350×940).
// 2. The first dataset image is requested now, with the page's other files. A French link that
//    names an organization (?org=ID) gets that organization's own first image (first/ID.img, a
//    third of dataset.fr.img); anything else gets dataset.fr.img. web/boot.js reads the link
//    below to know which file it is and what its hash must be (the build writes them here).
(() => {
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const back = history.state && typeof history.state === 'object' ? history.state : null;
  if (location.search.length > 1 || (back && back.choice)) root.dataset.expectResult = '';

  // fr: dataset.fr.img's SRI hash; orgs: "|ID=H|ID=H|…", H the first 22 characters of each
  // first/ID.img's (one string: an object literal of 87 entries cost 35 ms to compile at 4× CPU,
  // before the first paint).
  const images = { /* build:first-images */ };
  const org = query.get('org');
  const at = org && /^[a-z0-9-]{1,64}$/.test(org) && images.orgs ? images.orgs.indexOf(`|${org}=`) : -1;
  const embedded = ['embed', 'overlay', 'parent', 'height'].some((k) => query.has(k));
  const french = (query.get('lang') || (back && back.lang) || 'fr') === 'fr';
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.id = 'preload-dataset';
  // Only where the page can check a hash itself (crypto.subtle: a secure context).
  if (at >= 0 && !embedded && french && globalThis.crypto && crypto.subtle) {
    const from = at + org.length + 2;
    link.href = `first/${org}.img`;
    link.dataset.integrityPrefix = `sha384-${images.orgs.slice(from, from + 22)}`;
    link.dataset.org = org;
  } else {
    link.href = 'dataset.fr.img';
    if (images.fr) link.dataset.integrity = images.fr;
  }
  document.head.append(link);
})();
