import { get } from '../api.js';
import { meter } from '../charts.js';
import { badge, fmtNumber, fmtTime, h, section, showPage, table } from '../dom.js';

export async function render(main) {
  const l = await get('/api/learning');
  const cost = l.calls.reduce((s, c) => s + (c.cost_usd ?? 0), 0);
  showPage(
    main,
    'Learning',
    section('Budget today', meter('Calls', l.usage.calls, l.budget.callsPerDay), meter('Tokens', l.usage.tokens, l.budget.tokensPerDay)),
    section(
      'Nightly runs',
      l.nightly.length === 0
        ? h('p', { class: 'empty' }, 'No nightly run yet.')
        : h(
            'ol',
            { class: 'runs' },
            l.nightly.map((n) =>
              h(
                'li',
                {},
                h('h3', {}, `${fmtTime(n.startedAt)} (${n.trigger})`),
                n.report
                  ? table(
                      'Actions',
                      ['Action', 'Subject', 'Reason'],
                      n.report.items.map((i) => [badge(i.action), i.subject, i.detail]),
                      'nothing to do.',
                    )
                  : h('p', {}, 'No report.'),
              ),
            ),
          ),
    ),
    section(
      'Reviewer runs',
      table(
        'Sessions the reviewer read',
        ['When', 'Session', 'Saved', 'Duplicate', 'Blocked', 'Failed'],
        l.reviews.map((r) => [
          fmtTime(r.at),
          h('a', { href: `#/sessions/${encodeURIComponent(r.session)}` }, r.session),
          String(r.applied),
          String(r.duplicate),
          String(r.blocked),
          String(r.failed),
        ]),
      ),
    ),
    section(
      'Model calls',
      h('p', {}, `${l.calls.length} recent calls, $${cost.toFixed(4)} in all.`),
      table(
        'Recent model calls',
        ['When', 'Back end', 'Model', 'Purpose', 'Tokens in', 'Tokens out', 'Cost', 'Outcome'],
        l.calls.map((c) => [
          fmtTime(c.at),
          c.backend,
          c.model ?? '—',
          c.purpose,
          fmtNumber(c.input_tokens),
          fmtNumber(c.output_tokens),
          c.cost_usd === null ? '—' : `$${c.cost_usd.toFixed(4)}`,
          c.outcome,
        ]),
      ),
    ),
  );
}
