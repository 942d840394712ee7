// <org-combobox>: enhances the insurer field already in index.html into an ARIA 1.2 combobox
// with list autocomplete and manual selection. It knows nothing of verdicts: it asks `search`
// for suggestions and reports what the person picked with bubbling events:
//   org-change  {kind: 'organization'|'operator'|'network'|'umbrella'|'unknown', id, name}
//   org-submit  {text}   Enter on typed text with no suggestion chosen: the page lets the engine
//                        decide whether the text names one entry (never a guess).
import { el } from '../toolkit.js';
import { t, tn } from '../i18n/index.js';

const UNKNOWN = { kind: 'unknown', id: null, name: '' };

export class OrgCombobox extends HTMLElement {
  static define() {
    if (!customElements.get('org-combobox')) customElements.define('org-combobox', OrgCombobox);
  }

  connectedCallback() {
    if (this.input) return;
    this.input = this.querySelector('input[role="combobox"]');
    this.listbox = this.querySelector('[role="listbox"]');
    this.countBox = this.querySelector('[data-role="count"]');
    this.messageBox = this.querySelector('[data-role="message"]');
    this.items = [];
    this.active = -1;
    this.open = false;
    this.chosen = null; // {kind, id, name} shown in the field
    this.messageKey = null;
    this.search = () => ({ results: [] });
    this.all = [];
    const { input, listbox } = this;
    if (!input.hasAttribute('aria-expanded')) input.setAttribute('aria-expanded', 'false');
    input.addEventListener('input', () => this.openList());
    input.addEventListener('click', () => { if (!this.open) this.openList(); });
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => setTimeout(() => this.onBlur(), 0));
    listbox.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
    listbox.addEventListener('click', (e) => {
      const opt = e.target.closest('[role="option"]');
      if (!opt) return;
      this.choose(this.items[Number(opt.dataset.index)]);
      input.focus();
    });
  }

  /** search(text) → the engine's search answer; all: the organizations for an empty query. */
  configure({ search, all }) {
    this.search = search;
    this.all = all;
  }

  /** Shows `choice` ({kind, id, name} or unknown) without emitting an event. */
  show(choice) {
    this.chosen = choice;
    this.input.value = this.labelOf(choice);
  }

  labelOf(choice) {
    if (!choice) return '';
    return choice.kind === 'unknown' ? t('orgUnknownOption') : choice.name;
  }

  message(key) {
    this.messageKey = key;
    this.messageBox.textContent = key ? t(key) : '';
    this.messageBox.classList.toggle('is-visible', Boolean(key));
  }

  /** Language changed: labels and the open list follow. */
  relabel() {
    if (this.chosen) this.input.value = this.labelOf(this.chosen);
    if (this.open) this.render();
    if (this.messageKey) this.message(this.messageKey);
  }

  suggestions(text) {
    const q = text.trim();
    let items;
    let dontKnow = false;
    if (!q || (this.chosen && text === this.labelOf(this.chosen))) {
      items = this.all.map((o) => ({ kind: 'organization', id: o.id, name: o.name, detail: o.detail, alias: null }));
    } else {
      const r = this.search(q);
      dontKnow = Boolean(r?.dont_know);
      items = (Array.isArray(r?.results) ? r.results : []).map((x) => ({
        kind: x.kind, id: x.id, name: x.name, detail: x.detail, alias: x.alias !== x.name ? x.alias : null, aliasKind: x.alias_kind,
      }));
    }
    // "Je ne sais pas" is always offered; first when that is what was typed.
    if (dontKnow) items.unshift({ ...UNKNOWN });
    else items.push({ ...UNKNOWN });
    return { items, dontKnow };
  }

  render() {
    const { listbox } = this;
    listbox.textContent = '';
    this.items.forEach((item, i) => {
      const li = el('li', {
        id: `org-opt-${i}`, role: 'option', class: `option option-${item.kind}`,
        'aria-selected': String(i === this.active), dataset: { index: String(i), kind: item.kind, value: item.id ?? 'unknown' },
      });
      if (item.kind === 'unknown') {
        li.append(el('span', { class: 'option-name', text: t('orgUnknownOption') }), el('span', { class: 'option-extra', text: t('orgUnknownOptionHint') }));
      } else {
        li.append(el('span', { class: 'option-name', text: item.name }));
        const extra = item.kind !== 'organization' ? t(`kind_${item.kind}`)
          : item.alias ? t(item.aliasKind === 'former_name' ? 'orgFormerName' : 'orgAlias', { alias: item.alias }) : item.detail;
        if (extra) li.append(el('span', { class: 'option-extra', text: extra }));
      }
      listbox.append(li);
    });
  }

  openList(text = this.input.value) {
    const { items, dontKnow } = this.suggestions(text);
    this.items = items;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.render();
    this.listbox.hidden = false;
    this.open = true;
    this.input.setAttribute('aria-expanded', 'true');
    const count = items.length - 1;
    const typed = text.trim() !== '' && !(this.chosen && text === this.labelOf(this.chosen));
    if (typed && dontKnow) this.message('orgDontKnowTyped');
    else if (typed && count === 0) this.message('orgNoMatch');
    else if (['orgNoMatch', 'orgPick', 'orgDontKnowTyped'].includes(this.messageKey)) this.message(null);
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      if (this.open) this.countBox.textContent = count === 0 ? t('orgCountNone') : tn('orgCount', count);
    }, 600);
  }

  closeList() {
    clearTimeout(this.countTimer);
    this.open = false;
    this.active = -1;
    this.listbox.hidden = true;
    this.listbox.textContent = '';
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.countBox.textContent = '';
  }

  setActive(i) {
    const prev = this.listbox.querySelector('[aria-selected="true"]');
    if (prev) prev.setAttribute('aria-selected', 'false');
    this.active = i;
    if (i < 0) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    const opt = this.querySelector(`#org-opt-${i}`);
    if (!opt) return;
    opt.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', opt.id);
    opt.scrollIntoView({ block: 'nearest' });
  }

  move(delta) {
    const n = this.items.length;
    if (!n) return;
    let i = this.active + delta;
    if (this.active < 0) i = delta > 0 ? 0 : n - 1;
    if (i >= n) i = 0;
    if (i < 0) i = n - 1;
    this.setActive(i);
  }

  choose(item) {
    this.closeList();
    if (!item) return;
    const choice = item.kind === 'unknown' ? { ...UNKNOWN } : { kind: item.kind, id: item.id, name: item.name };
    this.show(choice);
    this.message(null);
    this.dispatchEvent(new CustomEvent('org-change', { bubbles: true, detail: choice }));
  }

  onKey(e) {
    const { input } = this;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.openList();
        if (!e.altKey) this.move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (e.altKey) {
          if (this.open && this.active >= 0) this.choose(this.items[this.active]);
          else this.closeList();
          break;
        }
        if (!this.open) this.openList();
        this.move(-1);
        break;
      case 'Enter': {
        e.preventDefault(); // never submit a form
        if (this.open && this.active >= 0) {
          this.choose(this.items[this.active]);
          break;
        }
        const text = input.value.trim();
        if (!text || (this.chosen && input.value === this.labelOf(this.chosen))) break;
        this.closeList();
        this.dispatchEvent(new CustomEvent('org-submit', { bubbles: true, detail: { text } }));
        break;
      }
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.closeList();
          if (this.chosen) input.value = this.labelOf(this.chosen);
        } else if (input.value && !this.chosen) {
          e.preventDefault();
          input.value = '';
        }
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The caret moves in the text box (default behaviour); visual focus goes back to it.
        if (this.open) this.setActive(-1);
        break;
      case 'Tab':
        if (this.open) this.closeList();
        break;
      default:
        break;
    }
  }

  onBlur() {
    if (document.activeElement === this.input) return;
    if (this.open) this.closeList();
    if (this.chosen) this.input.value = this.labelOf(this.chosen);
    else if (this.input.value.trim()) this.message('orgPick');
  }
}
