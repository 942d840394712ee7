// What the result explains below the plan, all as the engine gives it: what leaked for this
// person (and what did not), with the words explained; why, per incident, with dated sources;
// a timeline of the incidents that apply; the other leaks of health data in France; the glossary.
import { el, extLink, formatDate } from '../toolkit.js';
import { sourceLister } from './sources.js';
import { lang, t } from '../i18n/index.js';

function glossed(item, glossary) {
  const li = el('li', { dataset: { class: item.id } }, el('span', { class: 'class-label', text: item.label }));
  if (item.partial) li.append(' ', el('span', { class: 'incident-tag', text: `(${item.by.join(', ')})` }));
  const term = item.gloss ? glossary.find((g) => g.id === item.gloss) : null;
  if (term) li.append(' ', el('details', { class: 'gloss' }, el('summary', { class: 'gloss-summary' }, el('span', { class: 'visually-hidden', text: t('glossWhat', { term: term.term }) }), el('span', { 'aria-hidden': 'true', text: '?' })), el('p', { text: term.text })));
  return li;
}

function classList(id, items, emptyText, glossary) {
  const ul = el('ul', { id, class: 'class-list' });
  if (!items.length) ul.append(el('li', { class: 'empty', text: emptyText }));
  for (const item of items) ul.append(glossed(item, glossary));
  return ul;
}

export function createDetails(container, { incidentsOf }) {
  const opened = new Set(); // the sections and related leaks the person opened (kept across re-renders)

  function exposure(r) {
    const e = r.exposure;
    return el('div', { class: 'lists', id: 'exposure' },
      el('div', { class: 'list-block list-exposed' },
        el('h3', { text: e.hypothetical ? t('exposedTitleUnknown') : t('exposedTitle') }),
        classList('exposed-list', e.exposed, t('exposedEmpty'), r.glossary)),
      el('div', { class: 'list-block list-not-exposed' },
        el('h3', { text: t('notExposedTitle') }),
        classList('not-exposed-list', e.not_exposed, t('notExposedEmpty'), r.glossary)));
  }

  // Sections the person opened stay open when the result is redrawn after an answer.
  function keepOpen(d, key) {
    d.open = opened.has(key);
    d.addEventListener('toggle', () => (d.open ? opened.add(key) : opened.delete(key)));
    return d;
  }

  // Why, per incident: the verdict in the summary line (always visible), the sourced reasons
  // one click away.
  function why(r, sourceList) {
    const box = el('div', { class: 'why', id: 'why' }, el('h3', { text: t('whyTitle') }));
    for (const inc of r.incidents) {
      const art = el('details', { class: `incident incident-${inc.verdict}`, dataset: { incident: inc.id, verdict: inc.verdict, applies: String(inc.applies) } });
      art.append(el('summary', { class: 'incident-title' }, el('span', { class: 'incident-name', text: inc.name }), ' ',
        el('span', { class: `verdict-tag tag-${inc.verdict}`, text: inc.applies ? inc.verdict_label : t('doesNotApply') })));
      const reasons = el('ul', { class: 'reasons' });
      for (const reason of inc.reasons) {
        const li = el('li', { dataset: { kind: reason.kind } });
        if (reason.provenance === 'insurer') li.append(el('p', { class: 'provenance provenance-insurer', text: t('fromInsurer') }));
        li.append(el('p', { text: reason.text }));
        if (reason.sources.length) li.append(sourceList(reason.sources));
        reasons.append(li);
      }
      art.append(reasons);
      box.append(keepOpen(art, `why:${inc.id}`));
    }
    return box;
  }

  function timeline(r, sourceList) {
    if (!r.timeline.length) return null;
    const names = Object.fromEntries(r.incidents.map((i) => [i.id, i.short_name]));
    const ol = el('ol', { class: 'timeline', id: 'timeline-list' });
    for (const f of r.timeline) {
      ol.append(el('li', { class: 'timeline-event', dataset: { incident: f.incident } },
        el('time', { datetime: f.date, class: 'timeline-date', text: formatDate(f.date, lang()) }),
        el('span', { class: 'timeline-incident', text: names[f.incident] ?? '' }),
        el('p', { class: 'timeline-text', text: f.text }),
        sourceList(f.sources)));
    }
    return keepOpen(el('details', { class: 'timeline-block', id: 'timeline' },
      el('summary', {}, el('h3', { id: 'timeline-title', class: 'summary-heading', text: t('timelineTitle') })), ol), 'timeline');
  }

  function related(r) {
    if (!r.related.length) return null;
    const ul = el('ul', { class: 'related-list', id: 'related-list' });
    for (const x of r.related) {
      const d = el('details', { class: 'related', dataset: { incident: x.id } }, el('summary', {}, el('strong', { text: x.name }), ' — ', x.summary));
      d.open = opened.has(x.id);
      const fill = () => {
        if (d.dataset.filled) return;
        const inc = incidentsOf(x.id);
        if (!inc) return;
        d.dataset.filled = '1';
        const list = sourceLister(inc.table);
        const facts = el('ul', { class: 'related-facts' });
        for (const f of inc.item.facts) {
          const li = el('li', { dataset: { kind: f.kind } });
          if (f.date) li.append(el('time', { datetime: f.date, text: `${formatDate(f.date, lang())} : ` }));
          li.append(f.text, list(f.sources));
          facts.append(li);
        }
        d.append(facts);
        if (inc.item.exposed.length) d.append(el('p', {}, el('strong', { text: t('relatedExposed') }), ' ', inc.item.exposed.map((c) => c.label).join(', ')));
        d.append(el('p', {}, el('strong', { text: t('relatedWho') }), ' ', inc.item.who_can_tell));
        if (inc.item.routes.length) d.append(el('p', { class: 'related-routes' }, ...inc.item.routes.flatMap((l, i) => [i ? ' · ' : '', extLink(l.url, l.label)])));
      };
      d.addEventListener('toggle', () => {
        if (d.open) {
          opened.add(x.id);
          fill();
        } else {
          opened.delete(x.id);
        }
      });
      if (d.open) fill();
      ul.append(el('li', {}, d));
    }
    return el('section', { class: 'related-block', id: 'related', 'aria-labelledby': 'related-title' },
      el('h3', { id: 'related-title', text: t('relatedTitle') }), el('p', { class: 'hint', text: t('relatedIntro') }), ul);
  }

  function glossary(r) {
    if (!r.glossary.length) return null;
    const dl = el('dl', { class: 'glossary-list' });
    for (const g of r.glossary) dl.append(el('dt', { text: g.term }), el('dd', { text: g.text }));
    return el('details', { class: 'glossary', id: 'glossary' }, el('summary', { text: t('glossaryTitle') }), dl);
  }

  function render(r) {
    const sourceList = sourceLister(r);
    container.textContent = '';
    container.append(exposure(r));
    const g = glossary(r);
    if (g) container.append(g);
    container.append(why(r, sourceList));
    for (const part of [timeline(r, sourceList), related(r)]) if (part) container.append(part);
  }

  return { render };
}
