import { get, send } from '../api.js';
import { diffView } from '../diff.js';
import { badge, fmtTime, h, section, showPage } from '../dom.js';
import { errorBox, say } from '../status.js';

let filters = { q: '', scope: '', project: '', tag: '', source: '' };

export async function render(main) {
  const facets = await get('/api/memory-facets');
  const results = h('div', { id: 'memory-results' });
  showPage(main, 'Memories', searchForm(facets, results), results, removedSection(facets.removed));
  await refresh(results);
}

function select(name, label, options) {
  const id = `f-${name}`;
  return h(
    'span',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, name },
      h('option', { value: '' }, 'all'),
      options.map(([value, text]) => h('option', { value, selected: filters[name] === value }, text)),
    ),
  );
}

function searchForm(facets, results) {
  const form = h(
    'form',
    { role: 'search', class: 'filters', 'aria-label': 'Search memories' },
    h(
      'span',
      { class: 'field grow' },
      h('label', { for: 'f-q' }, 'Search'),
      h('input', { id: 'f-q', name: 'q', type: 'search', value: filters.q, placeholder: 'words, as memory_search ranks them' }),
    ),
    select('scope', 'Scope', [
      ['user', 'user'],
      ['project', 'project'],
    ]),
    select(
      'project',
      'Project',
      facets.projects.map((p) => [p.project, `${p.project} (${p.count})`]),
    ),
    select(
      'tag',
      'Tag',
      facets.tags.map((t) => [t.tag, `${t.tag} (${t.count})`]),
    ),
    select(
      'source',
      'Source',
      facets.sources.map((s) => [s, s]),
    ),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    filters = Object.fromEntries(new FormData(form));
    void refresh(results);
  });
  return form;
}

const PAGE = 100;

/** Lists the first page of matches; "Show more" appends the next (a search returns its ranked hits at once). */
async function refresh(results) {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const page = await get(`/api/memories?${params}`);
  const heading = filters.q
    ? `${page.total} ranked match${page.total === 1 ? '' : 'es'}`
    : `${page.total} memor${page.total === 1 ? 'y' : 'ies'}`;
  const list = h(
    'ul',
    { class: 'memories', 'aria-labelledby': 'results-heading' },
    page.memories.map((m) => memoryItem(m, results)),
  );
  results.replaceChildren(
    h('h2', { id: 'results-heading' }, heading),
    page.memories.length === 0 ? h('p', { class: 'empty' }, 'No memory matches.') : list,
    moreButton(params, list, page.memories.length, page.total, results),
  );
}

function moreButton(params, list, shown, total, results) {
  if (shown >= total) return '';
  const button = h('button', { type: 'button' }, `Show more (${total - shown} left)`);
  button.addEventListener('click', async () => {
    params.set('offset', String(shown));
    params.set('limit', String(PAGE));
    const next = await get(`/api/memories?${params}`);
    list.append(...next.memories.map((m) => memoryItem(m, results)));
    button.replaceWith(moreButton(params, list, shown + next.memories.length, total, results));
  });
  return h('p', {}, button);
}

function memoryItem(m, results) {
  const item = h('li', { class: 'memory' });
  const panel = h('div', { class: 'panel' });
  const meta = h(
    'p',
    { class: 'meta' },
    badge(m.scope),
    m.projectKey ? ` ${m.projectKey} ` : ' ',
    badge(m.sourceKind, 'src'),
    ` ${m.source} · updated ${fmtTime(m.updatedAt)} · used ${m.useCount}×`,
    m.tags.length ? ` · tags: ${m.tags.join(', ')}` : '',
  );
  const actions = h(
    'p',
    { class: 'actions' },
    h(
      'button',
      { type: 'button', class: 'change', onclick: () => editForm(m, panel, results) },
      'Edit',
      h('span', { class: 'sr' }, ` memory ${m.id}`),
    ),
    h('button', { type: 'button', onclick: () => history(m, panel, results) }, 'History', h('span', { class: 'sr' }, ` of memory ${m.id}`)),
    h(
      'button',
      { type: 'button', class: 'change danger', onclick: () => remove(m, results) },
      'Delete',
      h('span', { class: 'sr' }, ` memory ${m.id}`),
    ),
  );
  item.append(h('p', { class: 'content' }, m.content), meta, actions, panel);
  return item;
}

function editForm(m, panel, results) {
  const id = `edit-${m.id}`;
  const area = h('textarea', { id, rows: 4 }, m.content);
  const errors = h('div', {});
  const form = h(
    'form',
    { class: 'edit', 'aria-label': `Edit memory ${m.id}` },
    h('label', { for: id }, 'Memory text'),
    area,
    errors,
    h(
      'p',
      {},
      h('button', { type: 'submit' }, 'Save'),
      ' ',
      h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Cancel'),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await send('PUT', `/api/memories/${encodeURIComponent(m.id)}`, { content: area.value });
      say('Memory saved.', undoAction(m.id, results));
      await refresh(results);
    } catch (err) {
      errors.replaceChildren(errorBox(err));
    }
  });
  panel.replaceChildren(form);
  area.focus();
}

const undoAction = (id, results) => ({
  label: 'Undo',
  run: async () => {
    const r = await send('POST', `/api/memories/${encodeURIComponent(id)}/undo`);
    say(`Undone: the ${r.action} of ${id}.`);
    if (results?.isConnected) await refresh(results);
    else await render(document.getElementById('main'));
  },
});

async function history(m, panel, results) {
  const { history: entries } = await get(`/api/memories/${encodeURIComponent(m.id)}`);
  panel.replaceChildren(
    h('h3', {}, `History of ${m.id}`),
    h(
      'ol',
      { class: 'history' },
      entries.map((e) =>
        h(
          'li',
          {},
          h('p', {}, badge(e.action), ` ${fmtTime(e.at)} by ${e.source}${e.undone ? ' (undone)' : ''}`),
          diffView(`Change ${e.hid}: ${e.action}`, e.before, e.after),
        ),
      ),
    ),
    h(
      'p',
      {},
      h('button', { type: 'button', class: 'change', onclick: () => undoAction(m.id, results).run() }, 'Undo latest change'),
      ' ',
      h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Close'),
    ),
  );
  panel.querySelector('h3').setAttribute('tabindex', '-1');
  panel.querySelector('h3').focus();
}

async function remove(m, results) {
  try {
    await send('DELETE', `/api/memories/${encodeURIComponent(m.id)}`);
    say(`Deleted ${m.id}.`, undoAction(m.id, results));
    await refresh(results);
  } catch (err) {
    say(err.message);
  }
}

function removedSection(removed) {
  if (removed.length === 0) return '';
  return section(
    'Recently deleted',
    h(
      'ul',
      { class: 'memories' },
      removed.map((r) =>
        h(
          'li',
          { class: 'memory' },
          h('p', { class: 'content' }, r.content),
          h(
            'p',
            { class: 'meta' },
            `deleted ${fmtTime(r.at)} `,
            h(
              'button',
              { type: 'button', class: 'change', onclick: () => undoAction(r.id).run() },
              'Restore',
              h('span', { class: 'sr' }, ` memory ${r.id}`),
            ),
          ),
        ),
      ),
    ),
  );
}
