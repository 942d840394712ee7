// Sources listed by id, from a check result's "sources" table: publisher and date as the link,
// the title, and how much weight the source carries (own statement, press, weak).
import { el, extLink, formatDate } from '../toolkit.js';
import { lang, t } from '../i18n/index.js';

/** A function that lists sources by id, from a check result's "sources" table. */
export function sourceLister(result) {
  return (ids) => {
    const wrap = el('div', { class: 'sources-block' }, el('p', { class: 'sources-label', text: ids.length > 1 ? t('sources') : t('source') }));
    const ul = el('ul', { class: 'sources' });
    for (const id of ids) {
      const s = result.sources[id];
      if (!s) continue;
      let when = formatDate(s.date, lang(), t('undated'));
      if (s.date === 'undated' && s.accessed) when = t('accessed', { date: formatDate(s.accessed, lang()) });
      const li = el('li', { class: 'source', dataset: { confidence: s.confidence } }, extLink(s.url, [s.publisher, when].filter(Boolean).join(', ') || s.url));
      if (s.title) li.append(el('span', { class: 'source-title', text: lang() === 'en' ? ` — “${s.title}”` : ` — «\u202f${s.title}\u202f»` }));
      const conf = t(`confidence_${s.confidence}`);
      if (conf) li.append(' ', el('span', { class: 'confidence', text: `(${conf})` }));
      ul.append(li);
    }
    wrap.append(ul);
    return wrap;
  };
}
