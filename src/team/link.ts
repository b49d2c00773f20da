import { cached, type Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';

/** The team this data home belongs to (one at a time). */
export interface TeamLink {
  url: string;
  team: string;
  member: string;
  joinedAt: number;
  pullCursor: number;
  hlc: string;
  lastSyncAt: number | null;
  lastSyncError: string | null;
  lastSyncReport: string | null;
}

interface LinkRow {
  url: string;
  team: string;
  member: string;
  joined_at: number;
  pull_cursor: number;
  hlc: string;
  last_sync_at: number | null;
  last_sync_error: string | null;
  last_sync_report: string | null;
}

export function readLink(db: Db): TeamLink | undefined {
  const row = cached(db, 'SELECT * FROM team_link WHERE id = 1').get() as LinkRow | undefined;
  if (!row) return undefined;
  return {
    url: row.url,
    team: row.team,
    member: row.member,
    joinedAt: row.joined_at,
    pullCursor: row.pull_cursor,
    hlc: row.hlc,
    lastSyncAt: row.last_sync_at,
    lastSyncError: row.last_sync_error,
    lastSyncReport: row.last_sync_report,
  };
}

export function requireLink(db: Db): TeamLink {
  const link = readLink(db);
  if (!link)
    throw new KeiError('team_not_joined', 'this data home is in no team; run `kei-skills team join postgres://user@host/db --team NAME`');
  return link;
}

/** Joining another team starts its log from the beginning; the same team keeps its cursor and clock. */
export function writeLink(db: Db, link: Pick<TeamLink, 'url' | 'team' | 'member' | 'joinedAt'>): void {
  const current = readLink(db);
  const same = current && current.team === link.team && current.member === link.member;
  cached(
    db,
    `INSERT INTO team_link (id, url, team, member, joined_at, pull_cursor, hlc) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, team = excluded.team, member = excluded.member,
       joined_at = excluded.joined_at, pull_cursor = excluded.pull_cursor, hlc = excluded.hlc`,
  ).run(link.url, link.team, link.member, link.joinedAt, same ? current.pullCursor : 0, same ? current.hlc : '');
}

export function deleteLink(db: Db): void {
  db.exec('DELETE FROM team_link; DELETE FROM team_outbox; DELETE FROM team_entries; DELETE FROM team_projects;');
}

export function saveCursor(db: Db, cursor: number, hlc: string): void {
  cached(db, 'UPDATE team_link SET pull_cursor = max(pull_cursor, ?), hlc = max(hlc, ?) WHERE id = 1').run(cursor, hlc);
}

export function saveClock(db: Db, hlc: string): void {
  cached(db, 'UPDATE team_link SET hlc = max(hlc, ?) WHERE id = 1').run(hlc);
}

export function recordSyncResult(db: Db, at: number, error: string | null, report: string | null): void {
  if (error === null)
    cached(db, 'UPDATE team_link SET last_sync_at = ?, last_sync_error = NULL, last_sync_report = ? WHERE id = 1').run(at, report);
  else cached(db, 'UPDATE team_link SET last_sync_error = ? WHERE id = 1').run(error);
}
