import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { type MemoryRow, toMemory } from './rows.js';
import type { Memory } from './types.js';

/** Who wrote a memory, as a person filters it: the agent (MCP tools), the reviewer, a team sync, or the user (CLI, dashboard). */
export const SOURCE_KINDS = ['agent', 'reviewer', 'team', 'user'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const SOURCE_SQL: Record<SourceKind, string> = {
  agent: "(m.source LIKE 'mcp%' OR m.source LIKE 'agent%')",
  reviewer: "m.source LIKE 'review%'",
  team: "m.source LIKE 'team%'",
  user: "NOT (m.source LIKE 'mcp%' OR m.source LIKE 'agent%' OR m.source LIKE 'review%' OR m.source LIKE 'team%')",
};

export function sourceKindOf(source: string): SourceKind {
  if (/^(mcp|agent)/.test(source)) return 'agent';
  if (source.startsWith('review')) return 'reviewer';
  if (source.startsWith('team')) return 'team';
  return 'user';
}

export interface BrowseFilter {
  scope?: string;
  /** A project key; '' is the user scope's. */
  project?: string;
  tag?: string;
  source?: string;
  limit?: number;
  offset?: number;
}

/** Every memory of every project (the dashboard looks across them), newest first, with the filters a person picks. */
export function browseMemories(db: Db, filter: BrowseFilter = {}): { total: number; memories: Memory[] } {
  const { sql, params } = whereOf(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM memories m WHERE ${sql}`).get(...params) as { n: number }).n;
  const limit = Math.min(500, Math.max(1, Math.floor(filter.limit ?? 100)));
  const rows = db
    .prepare(`SELECT m.* FROM memories m WHERE ${sql} ORDER BY m.updated_at DESC, m.rid DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, Math.max(0, Math.floor(filter.offset ?? 0))) as MemoryRow[];
  return { total, memories: rows.map(toMemory) };
}

function whereOf(filter: BrowseFilter): { sql: string; params: unknown[] } {
  const parts = ['1 = 1'];
  const params: unknown[] = [];
  if (filter.scope) {
    if (filter.scope !== 'user' && filter.scope !== 'project')
      throw new KeiError('invalid_scope', `scope must be "user" or "project" (got "${filter.scope}")`, { field: 'scope' });
    parts.push('m.scope = ?');
    params.push(filter.scope);
  }
  if (filter.project !== undefined) {
    parts.push('m.project_key = ?');
    params.push(filter.project);
  }
  if (filter.tag) {
    parts.push("(' ' || m.tags || ' ') LIKE ?");
    params.push(`% ${filter.tag.toLowerCase().replace(/[%_]/g, '')} %`);
  }
  if (filter.source) {
    if (!(SOURCE_KINDS as readonly string[]).includes(filter.source))
      throw new KeiError('invalid_source', `source must be one of ${SOURCE_KINDS.join(', ')} (got "${filter.source}")`, {
        field: 'source',
      });
    parts.push(SOURCE_SQL[filter.source as SourceKind]);
  }
  return { sql: parts.join(' AND '), params };
}

/** The projects that hold memories, with how many each. */
export function memoryProjects(db: Db): { project: string; count: number }[] {
  return db
    .prepare(
      "SELECT project_key AS project, count(*) AS count FROM memories WHERE scope = 'project' GROUP BY project_key ORDER BY count DESC",
    )
    .all() as { project: string; count: number }[];
}

/** Every tag in use, with how many memories carry it. */
export function memoryTags(db: Db): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of db.prepare("SELECT tags FROM memories WHERE tags != ''").all() as { tags: string }[])
    for (const tag of row.tags.split(' ')) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** The row of one memory in any project (undefined when it does not exist), for the dashboard to open it in its own project. */
export function memoryRowById(db: Db, id: string): Memory | undefined {
  const row = db.prepare('SELECT * FROM memories WHERE id = ?').get(id) as MemoryRow | undefined;
  return row ? toMemory(row) : undefined;
}

export interface HistoryEntry {
  hid: number;
  action: string;
  before: string | null;
  after: string | null;
  source: string;
  at: number;
  undone: boolean;
}

/** What happened to one memory, newest first: each change with the text before and after. */
export function memoryHistory(db: Db, id: string): HistoryEntry[] {
  const rows = db
    .prepare('SELECT hid, action, before_json, after_json, source, at, undone FROM memory_history WHERE memory_id = ? ORDER BY hid DESC')
    .all(id) as {
    hid: number;
    action: string;
    before_json: string | null;
    after_json: string | null;
    source: string;
    at: number;
    undone: number;
  }[];
  const text = (json: string | null) => (json ? (JSON.parse(json) as { content: string }).content : null);
  return rows.map((r) => ({
    hid: r.hid,
    action: r.action,
    before: text(r.before_json),
    after: text(r.after_json),
    source: r.source,
    at: r.at,
    undone: r.undone === 1,
  }));
}

/** Memories written per day since `since` (history adds), the growth the overview charts. */
export function memoryGrowth(db: Db, since: number): { day: string; added: number }[] {
  return db
    .prepare(
      "SELECT date(at / 1000, 'unixepoch', 'localtime') AS day, count(*) AS added FROM memory_history WHERE action = 'add' AND at >= ? GROUP BY day ORDER BY day",
    )
    .all(since) as { day: string; added: number }[];
}

/** Memories deleted (and not brought back): the ones the dashboard offers to undo. */
export function removedMemories(db: Db, limit = 20): { id: string; content: string; at: number }[] {
  const rows = db
    .prepare(
      "SELECT h.memory_id AS id, h.before_json, h.at FROM memory_history h WHERE h.action = 'remove' AND h.undone = 0 AND NOT EXISTS (SELECT 1 FROM memories m WHERE m.id = h.memory_id) ORDER BY h.hid DESC LIMIT ?",
    )
    .all(limit) as { id: string; before_json: string; at: number }[];
  return rows.map((r) => ({ id: r.id, content: (JSON.parse(r.before_json) as { content: string }).content, at: r.at }));
}
