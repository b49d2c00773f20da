import pg from 'pg';
import { KeiError } from '../core/errors.js';
import { lookUpPassword } from './credentials.js';
import { REMOTE_SCHEMA, REMOTE_SCHEMA_VERSION } from './remote-schema.js';

/** One change as the team's log stores it. */
export interface RemoteChange {
  change_id: string;
  kind: 'memory' | 'skill' | 'skill_stats';
  entry_id: string;
  project: string;
  scope: string;
  member: string;
  hlc: string;
  base_hlc: string;
  deleted: boolean;
  content: string | null;
  tags: string;
}

export interface PulledChange extends RemoteChange {
  seq: number;
}

export interface RemoteMember {
  member: string;
  joinedAt: string;
  leftAt: string | null;
  lastSyncAt: string | null;
}

const COLUMNS = ['change_id', 'kind', 'entry_id', 'project', 'scope', 'member', 'hlc', 'base_hlc', 'deleted', 'content', 'tags'] as const;

/** A connection to the team's server. sslmode, sslrootcert and the PG* variables work as node-postgres reads them. */
export async function connectTeam(url: string, home: string, env: NodeJS.ProcessEnv): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    // Undefined (no password anywhere) is what node-postgres expects for trust or certificate logins.
    password: () => lookUpPassword(home, env, connInfoOf(url, env)) as Promise<string>,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 60_000,
    application_name: 'keiseikit',
  });
  client.on('error', () => undefined); // a dropped connection fails the running query; nothing else to do
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw unreachable(url, error);
  }
  return client;
}

/** Host, port, database and user the way libpq picks them (URL, then PG* variables), to find a pgpass line. */
function connInfoOf(url: string, env: NodeJS.ProcessEnv): { host: string; port: string; database: string; user: string } {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || env.PGUSER || env.USER || '';
  return {
    host: u.hostname || env.PGHOST || 'localhost',
    port: u.port || env.PGPORT || '5432',
    database: decodeURIComponent(u.pathname.slice(1)) || env.PGDATABASE || user,
    user,
  };
}

export function unreachable(url: string, error: unknown): KeiError {
  const reason = error instanceof Error ? error.message : String(error);
  return new KeiError(
    'team_unreachable',
    `the team's server ${url} did not answer: ${reason}. Check the URL, the server, PG* variables or ~/.pgpass`,
  );
}

/** Creates or brings up to date the team tables; one member at a time (advisory lock). */
export async function ensureRemoteSchema(client: pg.Client): Promise<void> {
  await inTransaction(client, async () => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('keiseikit:schema'))");
    const found = await client.query("SELECT to_regclass('kei_schema') IS NOT NULL AS present");
    if (found.rows[0].present) {
      const { rows } = await client.query('SELECT version FROM kei_schema WHERE id = 1');
      const version = Number(rows[0]?.version ?? 0);
      if (version > REMOTE_SCHEMA_VERSION) {
        throw new KeiError('db_too_new', `the team's database is at schema ${version}, newer than this KeiSeiKit; upgrade KeiSeiKit`);
      }
    }
    for (const statement of REMOTE_SCHEMA) await client.query(statement);
  });
}

export async function registerMember(client: pg.Client, team: string, member: string): Promise<void> {
  await client.query(
    `INSERT INTO kei_members (team, member) VALUES ($1, $2)
     ON CONFLICT (team, member) DO UPDATE SET left_at = NULL`,
    [team, member],
  );
}

export async function markSynced(client: pg.Client, team: string, member: string): Promise<void> {
  await client.query('UPDATE kei_members SET last_sync_at = now() WHERE team = $1 AND member = $2', [team, member]);
}

export async function markLeft(client: pg.Client, team: string, member: string): Promise<void> {
  await client.query('UPDATE kei_members SET left_at = now() WHERE team = $1 AND member = $2', [team, member]);
}

export async function listMembers(client: pg.Client, team: string): Promise<RemoteMember[]> {
  const { rows } = await client.query('SELECT member, joined_at, left_at, last_sync_at FROM kei_members WHERE team = $1 ORDER BY member', [
    team,
  ]);
  const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
  return rows.map((r) => ({ member: r.member, joinedAt: iso(r.joined_at) ?? '', leftAt: iso(r.left_at), lastSyncAt: iso(r.last_sync_at) }));
}

/**
 * Appends changes; one already stored (same change_id: a retry after a crash) is skipped, so pushing twice stores
 * once. The team's advisory lock orders concurrent pushes so that `seq` commits in order.
 */
export async function pushChanges(client: pg.Client, team: string, changes: readonly RemoteChange[]): Promise<void> {
  if (changes.length === 0) return;
  await inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keiseikit:team:${team}`]);
    const width = COLUMNS.length + 1;
    const values: unknown[] = [];
    const tuples = changes.map((c, i) => {
      values.push(team, ...COLUMNS.map((k) => c[k]));
      return `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`;
    });
    await client.query(
      `INSERT INTO kei_changes (team, ${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (change_id) DO NOTHING`,
      values,
    );
  });
}

/** The team's changes after `cursor`, in the order they were stored. */
export async function pullChanges(client: pg.Client, team: string, cursor: number, limit: number): Promise<PulledChange[]> {
  const { rows } = await client.query(
    `SELECT seq, ${COLUMNS.join(', ')} FROM kei_changes WHERE team = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [team, cursor, limit],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as PulledChange);
}

/** How many changes other members stored after `cursor` (status: what the next sync would pull). */
export async function countAfter(client: pg.Client, team: string, cursor: number): Promise<number> {
  const { rows } = await client.query('SELECT count(*)::int AS n FROM kei_changes WHERE team = $1 AND seq > $2', [team, cursor]);
  return rows[0].n as number;
}

async function inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
