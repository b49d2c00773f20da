import { appendFileSync, chmodSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getFileName, getPassword, usePgPass, type ConnInfo } from 'pgpass/lib/helper.js';
import { KeiError } from '../core/errors.js';

/** The team's server address as kei.db keeps it: the URL without its password. */
export function withoutPassword(url: string): string {
  const parsed = parseTeamUrl(url);
  parsed.password = '';
  return parsed.toString();
}

export function parseTeamUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KeiError(
      'team_invalid',
      `"${url}" is not a Postgres URL; give postgres://user@host:5432/database (add ?sslmode=require for TLS)`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new KeiError('team_invalid', `"${parsed.protocol}" is not postgres:; give postgres://user@host:5432/database`);
  }
  return parsed;
}

/** KEI_HOME/team.pgpass: where a password given in the join URL is kept (0600, ~/.pgpass format), never config.json. */
export function teamPgpassFile(home: string): string {
  return join(home, 'team.pgpass');
}

/** Keeps the join URL's password for later syncs in the kit's own pgpass file (mode 0600, as libpq demands). */
export function rememberPassword(home: string, url: string): void {
  const u = parseTeamUrl(url);
  if (!u.password) return;
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
  const line = [
    u.hostname,
    u.port || '5432',
    u.pathname.slice(1) || '*',
    decodeURIComponent(u.username) || '*',
    decodeURIComponent(u.password),
  ]
    .map(esc)
    .join(':');
  const file = teamPgpassFile(home);
  appendFileSync(file, `${line}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * The password for a connection: PGPASSWORD, else the kit's team.pgpass, else ~/.pgpass (or PGPASSFILE), each file
 * read by the `pgpass` package (which, like libpq, ignores a file others can read). Undefined: trust or certificates.
 */
export async function lookUpPassword(home: string, env: NodeJS.ProcessEnv, conn: ConnInfo): Promise<string | undefined> {
  if (env.PGPASSWORD) return env.PGPASSWORD;
  for (const file of [teamPgpassFile(home), getFileName(env)]) {
    const found = await fromFile(file, conn);
    if (found !== undefined) return found;
  }
  return undefined;
}

function fromFile(file: string, conn: ConnInfo): Promise<string | undefined> {
  if (!existsSync(file) || !usePgPass(statSync(file), file)) return Promise.resolve(undefined);
  return new Promise((resolve) => getPassword(conn, createReadStream(file), resolve));
}
