import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway Postgres cluster for tests: Debian's `postgresql` binaries, initdb into a temp folder, `pg_ctl start`
 * on 127.0.0.1 with a free port (its unix socket in the same folder), trust auth, stopped and removed by `stop()`.
 * initdb refuses to run as root: as root the cluster runs as the `postgres` OS user (Debian's package creates it).
 */
export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  /** `pg_ctl stop -m immediate` (a crash as the client sees it); `start()` brings it back on the same port. */
  stopServer(): void;
  startServer(): void;
  /** Stops the server and removes the folder. */
  stop(): void;
}

/** The folder of initdb/pg_ctl, or undefined (tests then skip with `POSTGRES_MISSING`). */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export const POSTGRES_MISSING = 'no Postgres binaries (apt-get install postgresql; .ci/run installs them)';

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'kei-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]): void => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) chownSync(dir, postgresUid(), postgresUid('g'));
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const start = (): void =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      'start',
    ]);
  const stopServer = (): void => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stopServer,
    startServer: start,
    stop() {
      stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUid(kind: 'u' | 'g' = 'u'): number {
  const r = spawnSync('id', [`-${kind}`, 'postgres'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
