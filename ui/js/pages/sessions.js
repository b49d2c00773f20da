import { get } from '../api.js';
import { badge, fmtTime, h, section, showPage, table } from '../dom.js';

export async function render(main, id) {
  if (id) return renderSession(main, id);
  const { sessions } = await get('/api/sessions');
  showPage(
    main,
    'Sessions',
    table(
      `${sessions.length} sessions`,
      ['Session', 'Started', 'Client', 'Model', 'Turns', 'Ended'],
      sessions.map((s) => [
        h('a', { href: `#/sessions/${encodeURIComponent(s.id)}` }, s.id),
        fmtTime(s.started_at),
        s.client,
        s.model ?? '—',
        String(s.user_turns),
        s.ended_at ? `${fmtTime(s.ended_at)} (${s.end_reason ?? ''})` : 'open',
      ]),
    ),
  );
}

const KIND_LABEL = { turn: 'turn', tool: 'tool', skill: 'skill', review: 'reviewer' };

async function renderSession(main, id) {
  const { session, stats, timeline } = await get(`/api/sessions/${encodeURIComponent(id)}`);
  showPage(
    main,
    `Session ${id}`,
    h(
      'p',
      {},
      `${session.client} · ${session.model ?? 'model unknown'} · started ${fmtTime(session.started_at)} · ${stats.turns} turns, ${stats.tool_calls} tool calls (${stats.tool_errors} failed), ${stats.skill_uses} skill uses, ${stats.reviewer_saved} reviewer saves`,
    ),
    h(
      'p',
      {},
      h('a', { href: `/api/sessions/${encodeURIComponent(id)}/export`, download: `session-${id}.jsonl` }, 'Export as ShareGPT JSONL'),
    ),
    section(
      'Timeline',
      timeline.length === 0
        ? h('p', { class: 'empty' }, 'Nothing recorded in this session.')
        : h(
            'ol',
            { class: 'timeline' },
            timeline.map((e) =>
              h(
                'li',
                { class: `ev ev-${e.kind}${e.ok === false ? ' failed' : ''}` },
                h(
                  'p',
                  {},
                  h('time', {}, fmtTime(e.at)),
                  ' ',
                  badge(KIND_LABEL[e.kind], e.kind),
                  ' ',
                  h('strong', {}, e.title),
                  e.ok === false ? badge('error', 'bad') : '',
                ),
                e.detail ? h('pre', { class: 'detail' }, e.detail) : '',
              ),
            ),
          ),
    ),
  );
}
