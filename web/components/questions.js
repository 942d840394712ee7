// The follow-up questions, in the order the engine ranks them (the one that decides most first),
// with those already answered kept where they were so that people can change them. The engine
// gives every definition (questions(lang, org)) and which ones are still worth asking (check()).
// It reports each answer with a bubbling `answer-change` event {question, value, text?}.
import { el } from '../toolkit.js';
import { applyStatic, t, tn } from '../i18n/index.js';

// compact (the embedded widget): only the answered questions and the next one to ask are shown,
// the others one click away.
export function createQuestions(container, { contractMax = 120, compact = false } = {}) {
  let order = [];        // question ids in the order shown
  let orgKey = null;     // the choice the order belongs to
  let showAll = !compact;
  const typing = { timer: 0 };
  const moreLine = el('p', { class: 'more-line more-questions-line' });
  const moreBtn = el('button', { type: 'button', class: 'button button-secondary more-button', id: 'more-questions-btn', 'aria-expanded': 'false' });
  moreLine.append(moreBtn);
  moreBtn.addEventListener('click', () => {
    showAll = true;
    const first = [...container.querySelectorAll('fieldset.question[hidden]')][0];
    for (const fs of container.querySelectorAll('fieldset.question')) fs.hidden = false;
    moreLine.remove();
    first?.querySelector('input')?.focus();
  });

  const emit = (question, value, text) => container.dispatchEvent(new CustomEvent('answer-change', { bubbles: true, detail: { question, value, text } }));

  function build(def, value, contractText) {
    const qid = def.id;
    const fs = el('fieldset', { class: 'question', dataset: { question: qid, kind: def.kind } });
    fs.append(el('legend', { class: 'question-label', text: def.text }));
    if (def.help) {
      const help = el('details', { class: 'help' }, el('summary', { text: t('helpSummary') }), el('p', { text: def.help }));
      // The card, drawn: where the operator's or network's name usually is (index.html's template).
      const figure = def.kind === 'card' ? document.getElementById('card-figure') : null;
      if (figure) {
        const drawing = figure.content.cloneNode(true);
        applyStatic(drawing);
        help.append(drawing);
      }
      fs.append(help);
    }
    const short = def.options.every((o) => o.label.length <= 26);
    const list = el('div', { class: short ? 'choices choices-short' : 'choices' });
    def.options.forEach((o, i) => {
      const id = `q-${qid}-${i}`;
      const input = el('input', { type: 'radio', id, name: `q-${qid}`, value: o.id, class: 'radio' });
      input.checked = value === o.id;
      input.addEventListener('change', () => {
        if (!input.checked) return;
        const text = fs.querySelector('.contract-text');
        if (text) text.value = '';
        emit(qid, o.id);
      });
      list.append(el('div', { class: 'choice' }, input, el('label', { for: id, text: o.label })));
    });
    fs.append(list);
    if (def.kind === 'contract') {
      const inputId = `q-${qid}-text`;
      const input = el('input', {
        type: 'text', id: inputId, class: 'text-input contract-text', autocomplete: 'off', spellcheck: 'false',
        maxlength: String(contractMax), 'aria-describedby': `${inputId}-note`, dir: 'auto',
      });
      input.value = contractText ?? '';
      input.addEventListener('input', () => {
        for (const r of fs.querySelectorAll('input[type="radio"]')) r.checked = false;
        clearTimeout(typing.timer);
        typing.timer = setTimeout(() => emit(qid, null, input.value), 350);
      });
      fs.append(el('div', { class: 'contract-free' },
        el('label', { for: inputId, class: 'sub-label', text: t('contractOther') }),
        el('p', { id: `${inputId}-note`, class: 'hint', text: t('contractNote') }),
        input,
        el('p', { class: 'contract-understood', role: 'status', 'aria-live': 'polite' })));
    }
    return fs;
  }

  /**
   * @param {object} o
   * @param {Array} o.defs every question's definition for this insurer (engine.questions)
   * @param {object|null} o.result the current check() result (null: no question)
   * @param {object} o.answers question id → option id
   * @param {string} o.contractText what the person typed as a contract
   * @param {string} o.key the current choice (a new insurer resets the order)
   * @param {string} o.lang
   */
  function render({ defs, result, answers, contractText, key, lang }) {
    if (!result || !result.ok) {
      container.textContent = '';
      order = [];
      return [];
    }
    if (key !== orgKey) {
      orgKey = key;
      order = [];
      container.textContent = '';
      showAll = !compact;
    }
    const open = result.questions.map((q) => q.id);
    const answered = new Set(Object.keys(answers));
    if (contractText) for (const d of defs) if (d.kind === 'contract') answered.add(d.id);
    order = order.filter((id) => answered.has(id) || open.includes(id));
    // An answer is always shown, so that it can be changed (a pre-filled one too).
    for (const d of defs) if (answered.has(d.id) && !order.includes(d.id)) order.push(d.id);
    for (const id of open) if (!order.includes(id)) order.push(id);
    for (const fs of [...container.children]) if (!order.includes(fs.dataset.question)) fs.remove();
    let prev = null;
    for (const id of order) {
      const def = defs.find((d) => d.id === id);
      if (!def) continue;
      const sig = JSON.stringify([lang, def.text, def.help, def.options.map((o) => [o.id, o.label])]);
      let fs = container.querySelector(`[data-question="${id}"]`);
      if (!fs || fs.dataset.sig !== sig) {
        const fresh = build(def, answers[id], def.kind === 'contract' ? contractText : '');
        fresh.dataset.sig = sig;
        if (fs) {
          const focused = fs.contains(document.activeElement) ? document.activeElement.id : null;
          fs.replaceWith(fresh);
          if (focused) document.getElementById(focused)?.focus();
        } else {
          container.insertBefore(fresh, prev ? prev.nextSibling : container.firstChild);
        }
        fs = fresh;
      } else {
        if (fs.previousElementSibling !== prev) container.insertBefore(fs, prev ? prev.nextSibling : container.firstChild);
        for (const r of fs.querySelectorAll('input[type="radio"]')) r.checked = answers[id] === r.value;
      }
      fs.classList.toggle('is-answered', answered.has(id));
      fs.classList.toggle('is-deciding', result.questions[0]?.id === id && result.questions[0].changes_overall);
      if (def.kind === 'contract') understood(fs, result, defs);
      prev = fs;
    }
    // Compact: the answered ones and the first open one; the rest behind one button.
    const shown = [...container.querySelectorAll('fieldset.question')];
    let nextShown = false;
    let hidden = 0;
    for (const fs of shown) {
      const keep = showAll || fs.classList.contains('is-answered') || !nextShown;
      if (!fs.classList.contains('is-answered') && !nextShown) nextShown = true;
      fs.hidden = !keep;
      if (!keep) hidden += 1;
    }
    if (hidden) {
      moreBtn.textContent = tn('moreQuestions', hidden);
      container.append(moreLine);
    } else {
      moreLine.remove();
    }
    return order;
  }

  // How typed contract text was understood: a named contract, or "I don't know".
  function understood(fs, result, defs) {
    const box = fs.querySelector('.contract-understood');
    if (!box) return;
    const m = result.contract_match;
    if (!m || !m.text) {
      box.textContent = '';
      return;
    }
    const def = defs.find((d) => d.kind === 'contract');
    const label = def?.options.find((o) => o.id === m.understood_as)?.label;
    box.textContent = m.understood_as === 'unknown' ? t('contractNotMatched') : t('contractMatched', { name: label ?? m.understood_as });
  }

  return { render };
}
