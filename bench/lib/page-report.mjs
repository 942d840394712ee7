// The page goals table of the report (bench/lib/page.mjs measured them): bytes before the verdict,
// first result over the trivial-page floor (unthrottled and at 375 px with the CPU throttled 4×),
// engine creation, Lighthouse; with the baseline's figures beside them when one was built.
import { median } from './stats.mjs';

const kb = (b) => (Number.isFinite(b) ? (b / 1024).toFixed(1) : 'n/a');
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const ok = (cond) => (cond ? '**met**' : '**not met**');

// Median of (page − trivial) over runs paired by index: the floor moves with the machine.
function overFloor(runs, floor) {
  const n = Math.min(runs.length, floor.length);
  const d = [];
  for (let i = 0; i < n; i++) d.push(runs[i].result - floor[i].result);
  return median(d);
}

export function pageGoals(r) {
  const p = r.page;
  const L = ['## Goals of this round (first check on a cheap phone)', ''];
  if (!p) return [...L, 'Not measured (--skip-browser).'].join('\n');
  const base = Boolean(p.runs.baseline);
  L.push(`Each figure comes from the same run: the page, a trivial page (one module that shows a verdict at once; same server, headers and browser) and${base ? ' the baseline\'s page' : ''} loaded one after the other, ${p.runs.page.length} cold loads each, at 1280×900 and at 375×812 with Chromium's CPU throttled 4× (\`Emulation.setCPUThrottlingRate\`). URL \`/?org=malakoff-humanis\`.`, '');
  L.push(`| goal | target | ${base ? 'baseline | ' : ''}now | |`, `|---|---|${base ? '---|' : ''}---|---|`);
  const b = p.bytes;
  const bb = p.baselineBytes;
  L.push(`| Bytes before the verdict, gzip -9 (files requested) | ≤ 100 KB | ${base ? `${kb(bb.gzip)} KB (${bb.files.length} files) | ` : ''}${kb(b.gzip)} KB (${b.files.length} files) | ${ok(b.gzip <= 100 * 1024)} |`);
  L.push(`| … brotli 11 | ≤ 85 KB | ${base ? `${kb(bb.brotli)} KB | ` : ''}${kb(b.brotli)} KB | ${ok(b.brotli <= 85 * 1024)} |`);
  L.push(`| … sent by the server (precompressed copies, headers included) | | ${base ? `${kb(bb.transferred)} KB | ` : ''}${kb(b.transferred)} KB | |`);
  const rows = [['runs', 'unthrottled, 1280×900', 60], ['phone', '375×812, CPU 4×', 150]];
  for (const [key, label, target] of rows) {
    const set = key === 'runs' ? p.runs : p.phone;
    const now = overFloor(set.page, set.trivial);
    const was = base ? overFloor(set.baseline, set.trivial) : null;
    L.push(`| First result − trivial page, median, ${label} | ≤ ${target} ms | ${base ? `${ms(was)} ms | ` : ''}${ms(now)} ms (page ${ms(median(set.page.map((x) => x.result)))}, trivial ${ms(median(set.trivial.map((x) => x.result)))}) | ${ok(now <= target)} |`);
  }
  const create = p.runs.page.map((x) => x.engineCreate).filter(Number.isFinite);
  const createPhone = p.phone.page.map((x) => x.engineCreate).filter(Number.isFinite);
  const after = p.runs.page.filter((x) => x.engineAfterVerdict).length;
  const when = after === p.runs.page.length ? ', created after the verdict (first/ID.verdict.json needs none)' : after ? `, created after the verdict in ${after} of ${p.runs.page.length} loads` : '';
  L.push(`| Engine creation in Chromium, cold module (\`engine-create\` measure) | ≤ 15 ms | ${base ? 'not measured by the baseline | ' : ''}median ${ms(median(create))} ms (4× throttled: ${ms(median(createPhone))} ms)${when} | ${ok(median(create) <= 15)} |`);
  const lh = r.lighthouse;
  if (lh) {
    for (const form of ['mobile', 'desktop']) {
      const now = lh.page?.[form];
      const was = lh.baseline?.[form];
      // Medians of the runs (a range when there were several), the worst CLS of them.
      const span = (v, r, unit = '') => (r && r[0] !== r[1] ? `${v}${unit} (${r[0]}–${r[1]})` : `${v}${unit}`);
      const cell = (x) => (x && !x.error
        ? `Performance ${span(Math.round(x.score), x.scoreRange)}, TBT ${span(ms(x.tbt), x.tbtRange?.map(ms), ' ms')}, CLS ${x.cls?.toFixed(3)}${(x.n ?? 1) > 1 ? ' (worst)' : ''}, LCP ${ms(x.lcp)} ms${(x.n ?? 1) > 1 ? `; median of ${x.n} runs` : ''}${x.failed ? `, ${x.failed} failed` : ''}`
        : `error: ${x?.error ?? 'not run'}`);
      const met = now && !now.error && (form === 'mobile' ? now.score >= 95 && now.tbt <= 150 : true) && now.cls <= 0.02;
      L.push(`| Lighthouse ${form}${form === 'mobile' ? ' (simulated throttling)' : ''} | ${form === 'mobile' ? 'Performance ≥ 95, TBT ≤ 150 ms, ' : ''}CLS ≤ 0.02 | ${base ? `${cell(was)} | ` : ''}${cell(now)} | ${ok(met)} |`);
    }
  }
  L.push('', `Files before the verdict: ${b.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')} (KB gzip).`);
  return L.join('\n');
}
