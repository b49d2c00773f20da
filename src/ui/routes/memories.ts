import { KeiError } from '../../core/errors.js';
import type { Kit } from '../../kit.js';
import {
  browseMemories,
  memoryHistory,
  memoryProjects,
  memoryRowById,
  memoryTags,
  removedMemories,
  SOURCE_KINDS,
  sourceKindOf,
} from '../../memory/browse.js';
import { MemoryStore } from '../../memory/store.js';
import type { Memory } from '../../memory/types.js';
import { optionalText, textField, type Route } from '../router.js';

const SOURCE = 'ui';

/** A store that sees the given project (and the user scope): the dashboard edits a memory in its own project. */
function storeFor(kit: Kit, projectKey: string | undefined): MemoryStore {
  if (projectKey === undefined || projectKey === kit.projectKey) return kit.memory;
  const { db, clock, log, env, config } = kit;
  const m = config.memory;
  return new MemoryStore({
    db,
    clock,
    log,
    env,
    projectKey,
    maxEntryChars: m.maxEntryChars,
    defaultSearchLimit: m.searchLimit,
    rankWindow: m.rankWindow,
  });
}

function existing(kit: Kit, id: string): Memory {
  const memory = memoryRowById(kit.db, id);
  if (!memory) throw new KeiError('memory_not_found', `no memory with id ${id}`, { field: 'id' });
  return memory;
}

const withKind = (m: Memory) => ({ ...m, sourceKind: sourceKindOf(m.source) });

/** Memories: search (memory_search's ranking), filters, edit (guarded), history, delete and undo. */
export function memoryRoutes(kit: Kit): Route[] {
  return [
    { method: 'GET', path: '/api/memories', handler: ({ query }) => listOrSearch(kit, query) },
    {
      method: 'GET',
      path: '/api/memory-facets',
      handler: () => ({
        projects: memoryProjects(kit.db),
        tags: memoryTags(kit.db),
        sources: SOURCE_KINDS,
        removed: removedMemories(kit.db),
      }),
    },
    {
      method: 'GET',
      path: '/api/memories/:id',
      handler: ({ params }) => ({ memory: withKind(existing(kit, params.id)), history: memoryHistory(kit.db, params.id) }),
    },
    { method: 'PUT', path: '/api/memories/:id', handler: ({ params, body }) => edit(kit, params.id, body) },
    {
      method: 'DELETE',
      path: '/api/memories/:id',
      handler: ({ params }) => ({ removed: inItsProject(kit, params.id).remove({ id: params.id }, { source: SOURCE }) }),
    },
    { method: 'POST', path: '/api/memories/:id/undo', handler: ({ params }) => kit.memory.undo(params.id) },
  ];
}

/** The store of the memory's own project, where the domain's replace and remove find it. */
function inItsProject(kit: Kit, id: string): MemoryStore {
  return storeFor(kit, existing(kit, id).projectKey || undefined);
}

/** A replace through the domain: guarded (a block names its rule and excerpt), recorded in history, undoable. */
function edit(kit: Kit, id: string, body: Record<string, unknown>) {
  const tags = Array.isArray(body.tags) ? body.tags.map(String) : undefined;
  return inItsProject(kit, id).replace({ id }, textField(body, 'content'), { tags, source: SOURCE });
}

function listOrSearch(kit: Kit, query: URLSearchParams) {
  const filter = {
    scope: optionalText(query, 'scope'),
    project: query.has('project') ? (query.get('project') ?? '') : undefined,
    tag: optionalText(query, 'tag'),
    source: optionalText(query, 'source'),
  };
  const q = optionalText(query, 'q');
  if (!q) {
    const page = browseMemories(kit.db, { ...filter, limit: Number(query.get('limit') ?? 100), offset: Number(query.get('offset') ?? 0) });
    return { ...page, memories: page.memories.map(withKind) };
  }
  // The same ranking as memory_search, in the chosen project; source and project narrow the ranked hits.
  const store = storeFor(kit, filter.project || undefined);
  const scope = filter.scope === 'user' || filter.scope === 'project' ? filter.scope : undefined;
  if (filter.scope && !scope)
    throw new KeiError('invalid_scope', `scope must be "user" or "project" (got "${filter.scope}")`, { field: 'scope' });
  const hits = store.search(q, { scope, tags: filter.tag ? [filter.tag] : undefined, limit: 50 });
  const memories = hits
    .map((h) => ({ hit: h, memory: memoryRowById(kit.db, h.id) }))
    .filter((x): x is { hit: (typeof hits)[number]; memory: Memory } => x.memory !== undefined)
    .filter((x) => !filter.source || sourceKindOf(x.memory.source) === filter.source)
    .map((x) => ({ ...withKind(x.memory), score: x.hit.score, snippet: x.hit.snippet }));
  return { total: memories.length, memories };
}
