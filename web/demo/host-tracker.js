// A fake "marketing script" on the host page. It tries what a tracker would do to read the
// widget's inputs, and reports, on the page, what it could and could not see.
const report = document.getElementById('tracker-report');
const seen = []; // messages received by the host page

function item(text, ok) {
  const li = document.createElement('li');
  li.className = ok ? 'tracker-blocked' : 'tracker-leak';
  li.textContent = text;
  return li;
}

function attempt() {
  const frame = document.querySelector('#breachcheck-widget iframe');
  if (!frame) return;
  const lines = [];
  let canRead = false;

  let doc = null;
  try {
    doc = frame.contentDocument;
  } catch {
    doc = null;
  }
  if (doc) canRead = true;
  lines.push(item(doc ? 'iframe.contentDocument : accessible (même origine !)' : 'iframe.contentDocument : null — document du widget inaccessible', !doc));

  let values = null;
  let error = '';
  try {
    values = [...frame.contentWindow.document.querySelectorAll('input')].map((i) => i.value || (i.checked ? 'coché' : ''));
  } catch (e) {
    error = (e && e.name) || 'Error';
  }
  if (values) canRead = true;
  lines.push(item(values ? `Champs lus : ${values.length} (${values.filter(Boolean).join(', ') || 'vides'})`
    : `Lecture des champs : refusée par le navigateur (${error})`, !values));

  let href = '';
  try {
    href = frame.contentWindow.location.href;
  } catch (e) {
    href = '';
  }
  if (href) canRead = true;
  lines.push(item(href ? `Adresse du widget lue : ${href}` : 'Adresse (avec les réponses) du widget : illisible', !href));

  const kinds = [...new Set(seen.map((m) => m.summary))];
  lines.push(item(seen.length
    ? `Messages reçus du widget : ${seen.length}, contenu : ${kinds.join(' ; ')}`
    : 'Messages reçus du widget : aucun pour l’instant', true));

  report.replaceChildren(...lines);
  report.dataset.canRead = String(canRead);
}

window.addEventListener('message', (e) => {
  const d = e.data;
  const keys = d && typeof d === 'object' ? Object.keys(d).sort().join(', ') : typeof d;
  seen.push({ origin: e.origin, summary: `{${keys}}${d && d.type ? ` ${d.type}` : ''}` });
  attempt();
});
document.getElementById('tracker-retry').addEventListener('click', attempt);
// The widget is added by the embedding script: look again once it is there.
const observer = new MutationObserver(() => {
  const frame = document.querySelector('#breachcheck-widget iframe');
  if (frame) {
    observer.disconnect();
    frame.addEventListener('load', attempt);
    attempt();
  }
});
observer.observe(document.getElementById('breachcheck-widget'), { childList: true });
