import { get } from '../api.js';
import { dailyBars, meter } from '../charts.js';
import { fmtNumber, fmtTime, h, section, showPage, table } from '../dom.js';

const COUNTS = [
  ['memories', 'Memories', '#/memories'],
  ['skills', 'Skills', '#/skills'],
  ['sessions', 'Sessions', '#/sessions'],
  ['skill_uses', 'Skill uses', '#/skills'],
  ['tool_calls', 'Tool calls', '#/sessions'],
  ['guard_blocks', 'Guard blocks', '#/guard'],
  ['reviewer_saved', 'Reviewer saves', '#/learning'],
  ['jobs', 'Scheduled jobs', '#/schedules'],
];

export async function render(main) {
  const o = await get('/api/overview');
  const cards = h(
    'ul',
    { class: 'cards' },
    COUNTS.map(([key, label, href]) =>
      h('li', {}, h('a', { href, class: 'card' }, h('span', { class: 'num' }, fmtNumber(o.counts[key] ?? 0)), h('span', {}, label))),
    ),
  );
  showPage(
    main,
    'Overview',
    section('Counts', cards),
    h(
      'div',
      { class: 'two' },
      section('Memory growth', dailyBars('Memories added per day', o.memoryGrowth, { key: 'added', now: o.now })),
      section('Skill uses', dailyBars('Skill uses per day', o.skillUses, { key: 'uses', now: o.now })),
    ),
    section(
      'Model use today',
      meter('Calls', o.usage.calls, o.budget.callsPerDay),
      meter('Tokens', o.usage.tokens, o.budget.tokensPerDay),
      h('p', { class: 'hint' }, `Day ${o.usage.day}; the daily budget stops further calls (config budget.*).`),
    ),
    section('Last nightly report', nightly(o.lastNightly)),
    section(
      'Guard blocks this week',
      h('p', {}, `${o.guardWeek.total} blocked write${o.guardWeek.total === 1 ? '' : 's'} in the last 7 days.`),
      table(
        'Blocks by rule',
        ['Rule', 'Blocks'],
        o.guardWeek.byRule.map((r) => [r.rule, String(r.count)]),
        'none.',
      ),
    ),
  );
}

function nightly(run) {
  if (!run) return h('p', { class: 'empty' }, 'The nightly cycle has not run yet (kei-skills nightly, or the 03:00 job).');
  return h(
    'div',
    {},
    h('p', {}, h('strong', {}, fmtTime(run.startedAt)), ' — ', run.summary),
    h('p', {}, h('a', { href: '#/learning' }, 'All nightly runs and their reasons')),
  );
}
