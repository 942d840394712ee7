// The plan under the verdict, as the engine orders it: the "already clicked, paid or gave a
// code?" box (always visible, not a step), at most three first steps for this verdict, and the
// rest one click away. Each step says what to do, how, and why; the priorities live in the dataset.
import { el, extLink, safeUrl } from '../toolkit.js';
import { t, tn } from '../i18n/index.js';

// compact (the embedded widget): each step is its title, opened on demand.
export function createSteps({ emergency, container, sourceList, compact = false }) {
  let moreOpen = false;

  function step(a, index) {
    const li = el('li', { class: 'step', dataset: { action: a.id, tier: a.tier } });
    const title = el('h4', { class: 'step-title' }, index ? el('span', { class: 'step-number', text: `${index}.` }) : '', index ? ' ' : '', a.title);
    if (a.provenance === 'insurer') li.append(el('p', { class: 'provenance provenance-insurer', text: t('fromInsurer') }));
    const body = compact ? el('details', { class: 'step-details' }, el('summary', {}, title)) : li;
    li.append(compact ? body : title);
    fill(body, a);
    return li;
  }

  function fill(li, a) {
    if (a.text) li.append(el('p', { class: 'step-how', text: a.text }));
    if (a.points.length) {
      const ul = el('ul', { class: 'step-points' });
      for (const p of a.points) ul.append(el('li', { text: p }));
      li.append(ul);
    }
    if (a.why) li.append(el('p', { class: 'step-why' }, el('strong', { text: t('why') }), ' ', a.why));
    const links = a.links.filter((l) => safeUrl(l.url));
    if (links.length) {
      const ul = el('ul', { class: 'action-links' });
      for (const l of links) ul.append(el('li', {}, extLink(l.url, l.label || l.url)));
      li.append(ul);
    }
    if (a.sources.length) li.append(sourceList(a.sources));
  }

  function render(r) {
    // The emergency box: the same for everyone who may be scammed, first on screen.
    emergency.textContent = '';
    const e = r.plan.emergency;
    emergency.hidden = !e;
    if (e) {
      // Compact: the box and its question always visible, what to do one tap away.
      const title = el('h3', { class: 'emergency-title', text: e.title });
      const body = compact ? el('details', { class: 'emergency-details' }, el('summary', {}, title)) : emergency;
      if (compact) emergency.append(body);
      else emergency.append(title);
      body.append(el('p', { text: e.text }));
      const links = e.links.filter((l) => safeUrl(l.url));
      if (links.length) body.append(el('p', { class: 'emergency-links' }, ...links.flatMap((l, i) => [i ? ' · ' : '', extLink(l.url, l.label)])));
    }
    container.textContent = '';
    const first = r.plan.first;
    const more = r.plan.more;
    container.append(el('h3', { id: 'steps-title', text: first.length ? t('stepsTitle') : t('stepsTitleNone') }));
    const ol = el('ol', { id: 'actions-list', class: 'step-list' });
    first.forEach((a, i) => ol.append(step(a, i + 1)));
    if (first.length) container.append(ol);
    if (!more.length) {
      if (!first.length) container.append(el('p', { text: t('noActions') }));
      return;
    }
    // The rest is built when first opened (it is hidden until then: nothing to lay out or build
    // before the verdict is on screen).
    const rest = el('ol', { id: 'more-actions', class: 'step-list more-actions', start: String(first.length + 1) });
    const fillRest = () => {
      if (!rest.childElementCount) more.forEach((a, i) => rest.append(step(a, first.length + i + 1)));
    };
    if (moreOpen) fillRest();
    rest.hidden = !moreOpen;
    const btn = el('button', { type: 'button', class: 'button button-secondary more-button', id: 'more-actions-btn', 'aria-controls': 'more-actions', 'aria-expanded': String(moreOpen) });
    const label = () => { btn.textContent = moreOpen ? t('lessActions') : tn('moreActions', more.length); };
    label();
    btn.addEventListener('click', () => {
      moreOpen = !moreOpen;
      if (moreOpen) fillRest();
      rest.hidden = !moreOpen;
      btn.setAttribute('aria-expanded', String(moreOpen));
      label();
    });
    container.append(el('p', { class: 'more-line' }, btn), rest);
  }

  return { render, reset: () => { moreOpen = false; } };
}
