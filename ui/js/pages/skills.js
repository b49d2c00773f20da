import { get, send } from '../api.js';
import { dailyBars } from '../charts.js';
import { diffView } from '../diff.js';
import { badge, fmtRate, fmtTime, h, section, showPage, table } from '../dom.js';
import { errorBox, say } from '../status.js';

export async function render(main, name) {
  if (name) return renderSkill(main, name);
  const { skills, archived } = await get('/api/skills');
  const link = (s) => h('a', { href: `#/skills/${encodeURIComponent(s.name)}` }, s.name);
  showPage(
    main,
    'Skills',
    table(
      `${skills.length} skills`,
      ['Skill', 'Stability', 'Uses', 'Success', 'Where', 'Extracted from'],
      skills.map((s) => [
        link(s),
        s.stability ? badge(s.stability, s.stability) : '—',
        String(s.usage?.uses ?? 0),
        fmtRate(s.usage?.rate),
        s.root,
        s.provenance.session ? h('a', { href: `#/sessions/${encodeURIComponent(s.provenance.session)}` }, 'session') : '—',
      ]),
    ),
    section(
      'Archived',
      table(
        'Archived skills',
        ['Skill', 'Uses', ''],
        archived.map((s) => [
          s.name,
          String(s.usage?.uses ?? 0),
          h(
            'button',
            { type: 'button', class: 'change', onclick: () => act(main, s.name, 'unarchive', 'Unarchived') },
            'Unarchive',
            h('span', { class: 'sr' }, ` ${s.name}`),
          ),
        ]),
        'none.',
      ),
    ),
  );
}

async function act(main, name, action, done, body) {
  try {
    await send('POST', `/api/skills/${encodeURIComponent(name)}/${action}`, body);
    say(`${done}: ${name}.`);
    await render(main, action === 'archive' ? undefined : name);
  } catch (err) {
    say(err.message);
  }
}

async function renderSkill(main, name) {
  const s = await get(`/api/skills/${encodeURIComponent(name)}`);
  const p = s.provenance;
  showPage(
    main,
    `Skill ${s.name}`,
    h('p', {}, s.description),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Stability'),
      h('dd', {}, s.stability ? badge(s.stability, s.stability) : 'not rated'),
      h('dt', {}, 'Uses'),
      h('dd', {}, `${s.usage?.uses ?? 0} (success ${fmtRate(s.usage?.rate)}; ${s.usage?.failures ?? 0} failed)`),
      h('dt', {}, 'Provenance'),
      h(
        'dd',
        {},
        p.session
          ? h('a', { href: `#/sessions/${encodeURIComponent(p.session)}` }, `extracted from session ${p.session}`)
          : `written by hand (${p.root})`,
        p.extractor ? ` by ${p.extractor}` : '',
      ),
      h('dt', {}, 'Folder'),
      h('dd', {}, h('code', {}, s.folder)),
    ),
    s.archivable
      ? h(
          'p',
          {},
          h('button', { type: 'button', class: 'change', onclick: () => act(main, s.name, 'archive', 'Archived') }, 'Archive this skill'),
        )
      : '',
    section(
      'Uses over time',
      h(
        'div',
        { class: 'two' },
        dailyBars(`Uses of ${s.name} per day`, s.usesByDay, { key: 'uses' }),
        dailyBars(`Failed uses of ${s.name} per day`, s.usesByDay, { key: 'failures' }),
      ),
    ),
    section('Versions', versions(main, s)),
    section('Feedback', feedbackForm(main, s.name)),
    section('SKILL.md body', h('pre', { class: 'body' }, s.body)),
  );
}

function versions(main, s) {
  if (s.versions.length === 0) return h('p', { class: 'empty' }, 'No recorded versions: the kit has not changed this skill.');
  const diffBox = h('div', { class: 'panel' });
  const previous = (v) => [...s.versions].reverse().find((x) => x.file === v.file && x.version < v.version);
  const rows = s.versions.map((v) => [
    `v${v.version}`,
    v.file,
    v.action,
    v.source,
    fmtTime(v.at),
    h(
      'span',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          onclick: () =>
            diffBox.replaceChildren(
              h('h3', {}, `${v.file}: v${previous(v)?.version ?? 0} → v${v.version}`),
              diffView(`Diff of version ${v.version}`, previous(v)?.content ?? '', v.content ?? ''),
            ),
        },
        `Diff v${v.version}`,
      ),
      ' ',
      h(
        'button',
        {
          type: 'button',
          class: 'change',
          onclick: () => act(main, s.name, 'revert', `Reverted to v${v.version}`, { version: v.version }),
        },
        `Revert to v${v.version}`,
      ),
    ),
  ]);
  return h('div', {}, table('Recorded versions', ['Version', 'File', 'Action', 'Source', 'When', ''], rows), diffBox);
}

function feedbackForm(main, name) {
  const note = h('input', { id: 'fb-note', type: 'text', maxlength: 1000 });
  const out = h('div', {});
  const give = async (success) => {
    try {
      await send('POST', `/api/skills/${encodeURIComponent(name)}/feedback`, { success, note: note.value });
      say(`Feedback recorded for ${name}.`);
      await render(main, name);
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  };
  return h(
    'div',
    { class: 'change' },
    h('label', { for: 'fb-note' }, 'Note (optional)'),
    ' ',
    note,
    ' ',
    h('button', { type: 'button', onclick: () => give(true) }, 'It helped'),
    ' ',
    h('button', { type: 'button', onclick: () => give(false) }, 'It did not help'),
    out,
  );
}
