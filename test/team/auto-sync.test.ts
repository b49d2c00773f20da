import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSession, ensureSession } from '../../src/ledger/sessions.js';
import { syncTeamIfDue, type AutoSyncState } from '../../src/team/auto-sync.js';
import { joinTeam } from '../../src/team/index.js';
import { postgresBin, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { member, type Member } from './team-helpers.js';

describe.skipIf(postgresBin() === undefined)('the daemon syncs the team every team.syncMinutes and after a session ends', () => {
  let server: TestPostgres;
  const kits: Member[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => {
    for (const k of kits) k.close();
    server?.stop();
  });

  it('syncs when the period is over or a session ended since the last sync, and not otherwise', async () => {
    const ana = member();
    kits.push(ana);
    await joinTeam(ana, server.url, { team: 'auto', member: 'ana' });
    const state: AutoSyncState = { lastAttemptAt: 0 };
    expect(await syncTeamIfDue(ana, state)).toBeUndefined(); // join just synced
    ana.clock.advance(60_000);
    ensureSession(ana.db, 's1', ana.clock.now());
    ana.memory.add('Ports: the API listens on 8080', { scope: 'project' });
    endSession(ana.db, 's1', 'exit', ana.clock.now());
    expect((await syncTeamIfDue(ana, state))?.pushed).toBe(1);
    ana.clock.advance(60_000);
    expect(await syncTeamIfDue(ana, state)).toBeUndefined();
    ana.clock.advance(5 * 60_000);
    expect(await syncTeamIfDue(ana, state)).toMatchObject({ pushed: 0, pulled: 0 });
    const off = { ...ana, config: { ...ana.config, team: { syncMinutes: 0 } } };
    ana.clock.advance(60 * 60_000);
    expect(await syncTeamIfDue(off, state)).toBeUndefined();
    state.session?.close();
  });
});
