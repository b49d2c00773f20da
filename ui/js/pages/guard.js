import { get, send } from '../api.js';
import { badge, fmtTime, h, section, showPage, table } from '../dom.js';
import { errorBox } from '../status.js';

export async function render(main) {
  const { events } = await get('/api/guard/events');
  showPage(main, 'Guard', section('Scan a text', scanForm()), section('Events', eventsTable(events)));
}

/** Rule, surface, the redacted excerpt and the caller of each block, bypass or judged write, newest first. */
function eventsTable(events) {
  const t = table(
    `${events.length} guard events`,
    ['When', 'Verdict', 'Rule', 'Surface', 'Excerpt', 'Caller', 'Reason'],
    events.map((e) => [
      fmtTime(e.at),
      badge(e.verdict, e.verdict === 'block' ? 'bad' : ''),
      e.rules.split(',').join(', '),
      e.surface,
      // Recorded by the gate already redacted and printable; set as text. Events older than the column have none.
      e.excerpt ? h('q', { class: 'excerpt' }, e.excerpt) : '—',
      e.caller,
      judged(e),
    ]),
  );
  t.classList.add('guard-events');
  return t;
}

/** Why it went through or was judged: the bypass reason, or the model judge's verdict and reason. */
function judged(e) {
  if (e.judge) return `judge: ${e.judge}${e.judge_reason ? ` (${e.judge_reason})` : ''}`;
  return e.reason ?? '';
}

function scanForm() {
  const text = h('textarea', { id: 'scan-text', rows: 5 });
  const surface = h(
    'select',
    { id: 'scan-surface' },
    ['memory', 'skill', 'context'].map((s) => h('option', { value: s }, s)),
  );
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { 'aria-label': 'Scan a text with the guard' },
    h('label', { for: 'scan-text' }, 'Text to scan (nothing is stored)'),
    text,
    h('p', {}, h('label', { for: 'scan-surface' }, 'As written to '), surface, ' ', h('button', { type: 'submit' }, 'Scan')),
    out,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await send('POST', '/api/guard/scan', { text: text.value, surface: surface.value });
      out.replaceChildren(
        h('p', {}, 'Verdict: ', badge(r.verdict, r.verdict === 'block' ? 'bad' : 'good'), ` (score ${r.score})`),
        table(
          'Findings',
          ['Rule', 'Category', 'Severity', 'Excerpt'],
          r.findings.map((f) => [f.rule, f.category, f.severity, h('q', {}, f.excerpt)]),
          'none.',
        ),
      );
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  });
  return form;
}
