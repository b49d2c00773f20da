import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinTeam, syncTeam } from '../../src/team/index.js';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { BIN } from '../helpers/temp.js';
import { member, type Member } from './team-helpers.js';

const skip = postgresBin() === undefined;

describe.skipIf(skip)('team sync survives crashes, outages and many writers (real Postgres)', () => {
  let server: TestPostgres;
  let admin: pg.Client;
  let team = 0;
  const kits: Member[] = [];
  beforeAll(async () => {
    server = await startPostgres();
    admin = new pg.Client(server.url);
    admin.on('error', () => undefined); // the outage test stops the server under it
    await admin.connect();
  });
  afterAll(async () => {
    for (const k of kits) k.close();
    await admin?.end();
    server?.stop();
  });
  async function members(n: number): Promise<Member[]> {
    team += 1;
    const made = Array.from({ length: n }, () => member());
    kits.push(...made);
    for (const [i, m] of made.entries()) await joinTeam(m, server.url, { team: `r${team}`, member: `m${i}` });
    return made;
  }
  const stored = async (): Promise<{ rows: number; entries: number }> => {
    const { rows } = await admin.query(
      'SELECT count(*)::int AS rows, count(DISTINCT entry_id)::int AS entries FROM kei_changes WHERE team = $1',
      [`r${team}`],
    );
    return rows[0];
  };
  const projectCount = (m: Member): number =>
    (m.db.prepare("SELECT count(*) AS n FROM memories WHERE scope = 'project'").get() as { n: number }).n;

  /** `kei-skills team sync` in a child process, killed with SIGKILL as soon as `ready()` says it is half-way. */
  async function killMidSync(m: Member, ready: () => Promise<boolean>): Promise<void> {
    const child = spawn(process.execPath, [BIN.skills, 'team', 'sync'], {
      cwd: m.clone,
      env: { ...process.env, KEI_HOME: m.home, HOME: m.home },
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      if (await ready()) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
  }

  it('kill -9 in the middle of a push and of a pull, then sync again: nothing lost, nothing twice', async () => {
    const [ana, ben] = await members(2);
    const total = 1200; // push batches of 500, pull batches of 1000: the kill lands between batches or inside one
    ana.db.transaction(() => {
      for (let i = 0; i < total; i++) ana.memory.add(`Fact ${i} about the build`, { scope: 'project' });
    })();
    await killMidSync(ana, async () => (await stored()).rows > 0);
    expect((await stored()).rows).toBeLessThan(total);
    await syncTeam(ana);
    expect(await stored()).toEqual({ rows: total, entries: total });
    await killMidSync(ben, async () => projectCount(ben) > 0);
    await syncTeam(ben);
    expect(projectCount(ben)).toBe(total);
    const dupes = ben.db.prepare('SELECT count(*) AS n FROM (SELECT norm_hash FROM memories GROUP BY norm_hash HAVING count(*) > 1)').get();
    expect(dupes).toEqual({ n: 0 });
    expect((await syncTeam(ben)).pulled).toBe(0);
  });

  it('the server stops in the middle of a sync: a clear error, and the next sync after the restart finishes the job', async () => {
    const [ana, ben] = await members(2);
    ana.db.transaction(() => {
      for (let i = 0; i < 2000; i++) ana.memory.add(`Outage fact ${i}`, { scope: 'project' });
    })();
    const watcher = new pg.Client(server.url);
    watcher.on('error', () => undefined);
    await watcher.connect();
    const syncing = syncTeam(ana).then(
      () => 'finished',
      (e: Error & { code?: string }) => e.code,
    );
    for (let i = 0; i < 400; i++) {
      const { rows } = await watcher.query('SELECT count(*)::int AS n FROM kei_changes WHERE team = $1', [`r${team}`]);
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await watcher.end().catch(() => undefined);
    server.stopServer();
    const outcome = await syncing;
    await admin.end().catch(() => undefined);
    expect(['team_unreachable', 'finished']).toContain(outcome);
    await expect(syncTeam(ben)).rejects.toMatchObject({ code: 'team_unreachable' });
    server.startServer();
    admin = new pg.Client(server.url);
    admin.on('error', () => undefined);
    await admin.connect();
    await syncTeam(ana);
    await syncTeam(ben);
    expect(await stored()).toEqual({ rows: 2000, entries: 2000 });
    expect(projectCount(ben)).toBe(2000);
  });

  it('20 members writing and syncing at the same time all end with every memory once', async () => {
    const crowd = await members(20);
    await Promise.all(
      crowd.map(async (m, i) => {
        for (let round = 0; round < 3; round++) {
          for (let j = 0; j < 5; j++) m.memory.add(`Member ${i} round ${round} fact ${j}`, { scope: 'project' });
          await syncTeam(m);
        }
      }),
    );
    await Promise.all(crowd.map((m) => syncTeam(m)));
    expect(await stored()).toEqual({ rows: 300, entries: 300 });
    for (const m of crowd) expect(projectCount(m)).toBe(300);
  });

  it('team status and sync from the CLI, as a person runs them', async () => {
    const [ana] = await members(1);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN.skills, 'team', ...args], {
        cwd: ana.clone,
        env: { ...process.env, KEI_HOME: ana.home, HOME: ana.home },
        encoding: 'utf8',
      });
    const status = JSON.parse(run('status', '--json').stdout);
    expect(status).toMatchObject({ joined: true, member: 'm0', pendingPush: 0, pendingPull: 0 });
    expect(run('sync').stdout).toMatch(/^synced: pushed 0, pulled 0/);
    const doctor = spawnSync(process.execPath, [BIN.skills, 'doctor', '--json'], {
      cwd: ana.clone,
      env: { ...process.env, KEI_HOME: ana.home, HOME: ana.home },
      encoding: 'utf8',
    });
    const rows = JSON.parse(doctor.stdout) as { name: string; ok: boolean; detail: string }[];
    expect(rows.find((r) => r.name === 'team connection')).toMatchObject({
      ok: true,
      detail: expect.stringContaining('as m0: 1 member(s)'),
    });
    expect(rows.find((r) => r.name === 'team last sync')).toMatchObject({ ok: true });
    server.stopServer();
    const down = JSON.parse(run('status', '--json').stdout);
    server.startServer();
    expect(down.serverError).toMatch(/did not answer/);
  });
});
