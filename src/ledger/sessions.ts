import type { Db } from '../core/db.js';
import { boundedId, boundedLabel, boundedPath, FIELD_LIMITS, optionalId } from './bounds.js';

export interface SessionStartInput {
  id: string;
  client?: string;
  cwd?: string;
  projectKey?: string;
  transcriptPath?: string;
  model?: string;
  at: number;
}

/** Creates the session row, or refreshes it on resume (SessionStart fires again with the same id). Every field is bounded (see bounds.ts). */
export function upsertSession(db: Db, s: SessionStartInput): void {
  db.prepare(
    `INSERT INTO sessions (id, client, cwd, project_key, transcript_path, model, started_at, last_seen_at)
    VALUES (@id, @client, @cwd, @projectKey, @transcriptPath, @model, @at, @at)
    ON CONFLICT(id) DO UPDATE SET cwd = coalesce(excluded.cwd, cwd), transcript_path = coalesce(excluded.transcript_path, transcript_path),
      model = coalesce(excluded.model, model), last_seen_at = excluded.last_seen_at, ended_at = NULL`,
  ).run({
    id: boundedId(s.id),
    client: boundedLabel(s.client ?? 'claude-code'),
    cwd: optionalPath(s.cwd),
    projectKey: optionalPath(s.projectKey),
    transcriptPath: optionalPath(s.transcriptPath),
    model: s.model ? boundedLabel(s.model) : null,
    at: s.at,
  });
}

/** Makes sure a session row exists for events of sessions that started before the hooks were installed. */
export function ensureSession(db: Db, id: string, at: number, extra: Partial<SessionStartInput> = {}): void {
  db.prepare(
    `INSERT INTO sessions (id, client, cwd, project_key, transcript_path, started_at, last_seen_at) VALUES (?, 'claude-code', ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at, transcript_path = coalesce(transcript_path, excluded.transcript_path)`,
  ).run(boundedId(id), optionalPath(extra.cwd), optionalPath(extra.projectKey), optionalPath(extra.transcriptPath), at, at);
}

const optionalPath = (value: string | undefined): string | null => optionalId(value, FIELD_LIMITS.path);

export function endSession(db: Db, id: string, reason: string, at: number): void {
  db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ?, last_seen_at = ? WHERE id = ?').run(
    at,
    boundedLabel(reason),
    at,
    boundedId(id),
  );
}

/** The session's current user turn index (0 before the first prompt). */
export function currentTurn(db: Db, sessionId: string): number {
  const row = db.prepare('SELECT user_turns FROM sessions WHERE id = ?').get(boundedId(sessionId)) as { user_turns: number } | undefined;
  return row?.user_turns ?? 0;
}

/** The time the previous session of this user ended (for "results since your last session"). */
export function previousSessionEnd(db: Db, currentId: string): number | null {
  const row = db.prepare('SELECT max(coalesce(ended_at, last_seen_at)) AS t FROM sessions WHERE id != ?').get(boundedId(currentId)) as {
    t: number | null;
  };
  return row.t;
}

/** The folder a session ran in, when the hooks recorded it. */
export function sessionCwd(db: Db, id: string): string | undefined {
  return (db.prepare('SELECT cwd FROM sessions WHERE id = ?').get(boundedId(id)) as { cwd: string | null } | undefined)?.cwd ?? undefined;
}

export function sessionExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(boundedId(id)) !== undefined;
}

/** The most recently active session recorded for a project. */
export function latestSessionOf(db: Db, projectKey: string): string | undefined {
  const row = db
    .prepare('SELECT id FROM sessions WHERE project_key = ? ORDER BY coalesce(last_seen_at, started_at) DESC LIMIT 1')
    .get(boundedPath(projectKey)) as { id: string } | undefined;
  return row?.id;
}

/** Where the reviewer stands in a session: its transcript and the first line not reviewed yet. */
export function reviewState(db: Db, id: string): { transcript_path: string | null; review_cursor: number } | undefined {
  return db.prepare('SELECT transcript_path, review_cursor FROM sessions WHERE id = ?').get(boundedId(id)) as
    { transcript_path: string | null; review_cursor: number } | undefined;
}

export function setReviewCursor(db: Db, id: string, line: number): void {
  db.prepare('UPDATE sessions SET review_cursor = ? WHERE id = ?').run(line, boundedId(id));
}

/** When the latest session ended (team sync runs after a session ends), or null. */
export function latestSessionEnd(db: Db): number | null {
  return (db.prepare('SELECT max(ended_at) AS t FROM sessions').get() as { t: number | null }).t;
}
