import { cached, type Db } from '../core/db.js';

/** A queued local change to a shared entry (see the triggers in core/schema/team.ts). */
export interface OutboxRow {
  seq: number;
  change_id: string;
  kind: string;
  entry_id: string;
  at: number | null;
  hlc: string | null;
}

/** The version of a shared entry this data home holds: the latest clock seen for it. */
export interface EntryState {
  entry_id: string;
  hlc: string;
  member: string;
  project: string;
  scope: string;
  deleted: number;
  parked_content: string | null;
  parked_tags: string | null;
}

export function outboxBatch(db: Db, limit: number): OutboxRow[] {
  return cached(db, 'SELECT * FROM team_outbox ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
}

export function stampOutbox(db: Db, seq: number, hlc: string): void {
  cached(db, 'UPDATE team_outbox SET hlc = ? WHERE seq = ?').run(hlc, seq);
}

export function dropOutbox(db: Db, upToSeq: number, entryId: string): void {
  cached(db, 'DELETE FROM team_outbox WHERE entry_id = ? AND seq <= ?').run(entryId, upToSeq);
}

export function outboxCount(db: Db): number {
  return (cached(db, 'SELECT count(DISTINCT entry_id) AS n FROM team_outbox').get() as { n: number }).n;
}

export function lastOutboxSeq(db: Db): number {
  return (cached(db, 'SELECT coalesce(max(seq), 0) AS n FROM team_outbox').get() as { n: number }).n;
}

/** Drops the queue rows that applying pulled changes made (the triggers cannot tell them from local edits). */
export function dropOutboxAfter(db: Db, seq: number): void {
  cached(db, 'DELETE FROM team_outbox WHERE seq > ?').run(seq);
}

export function hasPending(db: Db, entryId: string): boolean {
  return cached(db, 'SELECT 1 FROM team_outbox WHERE entry_id = ? LIMIT 1').get(entryId) !== undefined;
}

/** Queues every shared memory as it is now (on join: what was recorded before joining is shared too). */
export function queueAllShared(db: Db): number {
  return cached(
    db,
    `INSERT INTO team_outbox (change_id, entry_id, at)
     SELECT lower(hex(randomblob(16))), id, updated_at FROM memories
     WHERE scope IN ('project', 'team') AND id NOT IN (SELECT entry_id FROM team_entries)`,
  ).run().changes;
}

export function entryState(db: Db, entryId: string): EntryState | undefined {
  return cached(db, 'SELECT * FROM team_entries WHERE entry_id = ?').get(entryId) as EntryState | undefined;
}

export function saveEntry(db: Db, e: Omit<EntryState, 'parked_content' | 'parked_tags'> & Partial<EntryState>): void {
  cached(
    db,
    `INSERT INTO team_entries (entry_id, kind, hlc, member, project, scope, deleted, parked_content, parked_tags)
     VALUES (?, 'memory', ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entry_id) DO UPDATE SET hlc = excluded.hlc, member = excluded.member, project = excluded.project,
       scope = excluded.scope, deleted = excluded.deleted, parked_content = excluded.parked_content, parked_tags = excluded.parked_tags`,
  ).run(e.entry_id, e.hlc, e.member, e.project, e.scope, e.deleted, e.parked_content ?? null, e.parked_tags ?? null);
}

/** Entries pulled for a project this data home had no folder for yet. */
export function parkedFor(db: Db, identity: string): EntryState[] {
  return cached(db, 'SELECT * FROM team_entries WHERE project = ? AND parked_content IS NOT NULL').all(identity) as EntryState[];
}

export function rememberProject(db: Db, identity: string, projectKey: string, at: number): void {
  cached(
    db,
    'INSERT INTO team_projects (identity, project_key, seen_at) VALUES (?, ?, ?) ON CONFLICT (identity, project_key) DO UPDATE SET seen_at = excluded.seen_at',
  ).run(identity, projectKey, at);
}

/** The local folder of a project identity: the one seen most recently. */
export function projectKeyOf(db: Db, identity: string): string | undefined {
  const row = cached(db, 'SELECT project_key FROM team_projects WHERE identity = ? ORDER BY seen_at DESC LIMIT 1').get(identity) as
    { project_key: string } | undefined;
  return row?.project_key;
}

export interface Conflict {
  entry_id: string;
  winner_member: string;
  winner_hlc: string;
  loser_member: string;
  loser_hlc: string;
  at: number;
}

export function recordConflict(db: Db, c: Conflict): void {
  cached(
    db,
    `INSERT INTO team_conflicts (entry_id, winner_member, winner_hlc, loser_member, loser_hlc, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(c.entry_id, c.winner_member, c.winner_hlc, c.loser_member, c.loser_hlc, c.at);
}

export function conflicts(db: Db, limit = 50): Conflict[] {
  return cached(db, 'SELECT * FROM team_conflicts ORDER BY id DESC LIMIT ?').all(limit) as Conflict[];
}

export interface Quarantined {
  change_id: string;
  kind: string;
  entry_id: string;
  member: string;
  hlc: string;
  rules: string;
  at: number;
}

export function quarantine(db: Db, q: Quarantined): void {
  cached(
    db,
    `INSERT INTO team_quarantine (change_id, kind, entry_id, member, hlc, rules, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (change_id) DO NOTHING`,
  ).run(q.change_id, q.kind, q.entry_id, q.member, q.hlc, q.rules, q.at);
}

export function quarantined(db: Db, limit = 50): Quarantined[] {
  return cached(db, 'SELECT change_id, kind, entry_id, member, hlc, rules, at FROM team_quarantine ORDER BY id DESC LIMIT ?').all(
    limit,
  ) as Quarantined[];
}
