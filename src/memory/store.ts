import type { Clock } from '../core/clock.js';
import { cached, type Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Logger } from '../core/log.js';
import type { Clearance } from '../gate/grey-zone.js';
import { guardWrite } from '../gate/guard-gate.js';
import { guardMarkOf } from './guard-mark.js';
import { contextSnapshotOf, type ContextSnapshot } from './context.js';
import { recordHistory, snapshot, undoLatest } from './history.js';
import { checkScope, encodeTags, NEXT_RID_SQL, normalizedHash, toMemory, type MemoryRow } from './rows.js';
import { visibilityFilter } from './scope-filter.js';
import { searchMemories } from './search.js';
import { UsageRecorder } from './usage.js';
import { resolveTarget as resolveTargetRow } from './target.js';
import type { AddOptions, AddResult, ListOptions, Memory, MemoryStats, SearchHit, SearchOptions, Target } from './types.js';

export interface MemoryStoreOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The project this process works in (see `projectKeyFor`). */
  projectKey: string;
  maxEntryChars: number;
  defaultSearchLimit: number;
  /** How many of the newest all-words matches a search ranks (config `memory.rankWindow`). */
  rankWindow?: number;
  env?: NodeJS.ProcessEnv;
}

/** Memories an agent can search and write. Every write is guarded, validated and undoable. */
export class MemoryStore {
  private readonly usage: UsageRecorder;

  constructor(private readonly options: MemoryStoreOptions) {
    this.usage = new UsageRecorder(options.db, options.log);
  }

  /** Writes pending use counts; call before closing the database. */
  flush(): void {
    this.usage.flush();
  }

  /** `clearance`: a model judge's clearance of this text (gate/judgeWrite), for a grey-zone write it found safe. */
  add(content: string, options: AddOptions & { clearance?: Clearance } = {}): AddResult {
    const scope = checkScope(options.scope ?? 'user');
    const tags = encodeTags(options.tags);
    const text = this.checkContent(content);
    const source = options.source ?? 'api';
    const mark = this.guard(text, source, options.clearance) !== 'bypassed' ? guardMarkOf(text) : null;
    const projectKey = scope === 'project' ? this.options.projectKey : '';
    return this.options.db
      .transaction(() => {
        const hash = normalizedHash(text);
        const existing = cached(this.options.db, 'SELECT * FROM memories WHERE scope = ? AND project_key = ? AND norm_hash = ?').get(
          scope,
          projectKey,
          hash,
        ) as MemoryRow | undefined;
        if (existing) return { memory: toMemory(existing), duplicate: true };
        const now = this.options.clock.now();
        const id = newId('m', now);
        cached(
          this.options.db,
          `INSERT INTO memories (id, scope, project_key, content, norm_hash, tags, source, created_at, updated_at, guard_mark)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, scope, projectKey, text, hash, tags, source, now, now, mark);
        const row = this.rowById(id);
        recordHistory(this.options.db, id, 'add', null, snapshot(row), source, now);
        return { memory: toMemory(row), duplicate: false };
      })
      .immediate();
  }

  replace(
    target: Target,
    newContent: string,
    options: { tags?: string[]; source?: string; clearance?: Clearance } = {},
  ): { before: Memory; after: Memory } {
    const text = this.checkContent(newContent);
    const tags = options.tags === undefined ? undefined : encodeTags(options.tags);
    const source = options.source ?? 'api';
    const mark = this.guard(text, source, options.clearance) !== 'bypassed' ? guardMarkOf(text) : null;
    return this.options.db
      .transaction(() => {
        const row = this.resolve(target);
        const now = this.options.clock.now();
        cached(
          this.options.db,
          `UPDATE memories SET rid = ${NEXT_RID_SQL}, content = ?, norm_hash = ?, tags = ?, updated_at = ?, guard_mark = ? WHERE rid = ?`,
        ).run(text, normalizedHash(text), tags ?? row.tags, now, mark, row.rid);
        const after = this.rowById(row.id);
        recordHistory(this.options.db, row.id, 'replace', snapshot(row), snapshot(after), source, now);
        return { before: toMemory(row), after: toMemory(after) };
      })
      .immediate();
  }

  remove(target: Target, options: { source?: string } = {}): Memory {
    return this.options.db
      .transaction(() => {
        const row = this.resolve(target);
        cached(this.options.db, 'DELETE FROM memories WHERE rid = ?').run(row.rid);
        recordHistory(this.options.db, row.id, 'remove', snapshot(row), null, options.source ?? 'api', this.options.clock.now());
        return toMemory(row);
      })
      .immediate();
  }

  undo(id: string): { action: string; memory: Memory | null } {
    return this.options.db
      .transaction(() => {
        const { action } = undoLatest(this.options.db, id, this.options.clock.now());
        const row = cached(this.options.db, 'SELECT * FROM memories WHERE id = ?').get(id) as MemoryRow | undefined;
        return { action, memory: row ? toMemory(row) : null };
      })
      .immediate();
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const scope = options.scope === undefined ? undefined : checkScope(options.scope);
    const limit = clampLimit(options.limit ?? this.options.defaultSearchLimit);
    const hits = searchMemories(this.options.db, {
      query: String(query ?? ''),
      projectKey: this.options.projectKey,
      scope,
      tags: options.tags,
      limit,
      rankWindow: this.options.rankWindow,
    });
    this.usage.record(
      hits.map((h) => h.id),
      this.options.clock.now(),
    );
    return hits;
  }

  list(options: ListOptions = {}): Memory[] {
    const scope = options.scope === undefined ? undefined : checkScope(options.scope);
    const filter = visibilityFilter(this.options.projectKey, scope, options.tags);
    const rows = cached(
      this.options.db,
      `SELECT m.* FROM memories m WHERE ${filter.sql} ORDER BY m.updated_at DESC, m.rid DESC LIMIT ? OFFSET ?`,
    ).all(...filter.params, clampLimit(options.limit ?? 50, 10_000), Math.max(0, options.offset ?? 0)) as MemoryRow[];
    return rows.map(toMemory);
  }

  /** The most useful memories for a new session (this project's first, then most used, then newest), re-scanned when the guard changed. */
  contextSnapshot(budgetChars: number): ContextSnapshot {
    return contextSnapshotOf(this.options.db, this.options.projectKey, budgetChars);
  }

  get(id: string): Memory | undefined {
    const row = cached(this.options.db, 'SELECT * FROM memories WHERE id = ?').get(id) as MemoryRow | undefined;
    return row ? toMemory(row) : undefined;
  }

  stats(): MemoryStats {
    const db = this.options.db;
    const counts = cached(
      db,
      `SELECT count(*) AS total, sum(scope = 'user') AS user, sum(scope = 'project') AS project,
        sum(scope = 'project' AND project_key = ?) AS thisProject, count(DISTINCT CASE WHEN scope = 'project' THEN project_key END) AS projects,
        min(created_at) AS oldest, max(updated_at) AS newest FROM memories`,
    ).get(this.options.projectKey) as Record<string, number | null>;
    const history = cached(db, 'SELECT count(*) AS n FROM memory_history').get() as { n: number };
    const blocks = cached(db, "SELECT count(*) AS n FROM guard_events WHERE verdict = 'block'").get() as { n: number };
    return {
      total: counts.total ?? 0,
      user: counts.user ?? 0,
      project: counts.project ?? 0,
      thisProject: counts.thisProject ?? 0,
      projects: counts.projects ?? 0,
      historyEntries: history.n,
      guardBlocks: blocks.n,
      oldest: counts.oldest,
      newest: counts.newest,
    };
  }

  private checkContent(content: unknown): string {
    if (typeof content !== 'string') throw new KeiError('invalid_content', 'content must be a string', { field: 'content' });
    const text = content.trim();
    if (text === '') throw new KeiError('invalid_content', 'content is empty', { field: 'content' });
    if (text.length > this.options.maxEntryChars) {
      throw new KeiError(
        'memory_too_large',
        `content is ${text.length} characters; the limit is ` +
          `${this.options.maxEntryChars} (config memory.maxEntryChars). Split it into smaller entries.`,
        { field: 'content' },
      );
    }
    return text;
  }

  private guard(text: string, source: string, clearance?: Clearance): 'clean' | 'bypassed' | 'judged' {
    return guardWrite(
      { db: this.options.db, clock: this.options.clock, log: this.options.log, env: this.options.env },
      text,
      'memory',
      source,
      clearance,
    );
  }

  private resolve(target: Target): MemoryRow {
    return resolveTargetRow(this.options.db, this.options.projectKey, target);
  }

  private rowById(id: string): MemoryRow {
    return cached(this.options.db, 'SELECT * FROM memories WHERE id = ?').get(id) as MemoryRow;
  }
}

function clampLimit(limit: number, max = 100): number {
  if (!Number.isFinite(limit)) return 10;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}
