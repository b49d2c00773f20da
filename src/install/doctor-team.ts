import { errorMessage } from '../core/errors.js';
import type { Kit } from '../kit.js';
import type { TeamStatus } from '../team/index.js';
import type { Check } from './doctor.js';

/** The team rows of `doctor`: the connection (members answer) and the last sync; one quiet row when in no team. */
export async function teamChecks(kit: Kit): Promise<Check[]> {
  const { isJoined, teamStatus } = await import('../team/index.js');
  if (!isJoined(kit)) return [{ name: 'team', ok: true, optional: true, detail: 'not in a team (kei-skills team join <postgres-url>)' }];
  try {
    return rowsOf(kit, await teamStatus(kit));
  } catch (err) {
    return [{ name: 'team connection', ok: false, detail: errorMessage(err), fix: 'kei-skills team status' }];
  }
}

function rowsOf(kit: Kit, s: TeamStatus): Check[] {
  const reach = 'check the server, PG* variables or ~/.pgpass; kei-skills team status';
  const connection: Check = s.serverError
    ? { name: 'team connection', ok: false, detail: s.serverError, fix: reach }
    : {
        name: 'team connection',
        ok: true,
        detail: `${s.team} as ${s.member}: ${s.members?.length ?? 0} member(s), ${s.pendingPull} to pull`,
      };
  const age = s.lastSyncAt ? `${Math.round((kit.clock.now() - s.lastSyncAt) / 60_000)} min ago` : 'never';
  const failed = s.lastSyncError ? `; the last attempt failed: ${s.lastSyncError}` : '';
  const ok = s.lastSyncAt !== null && !s.lastSyncError;
  return [
    connection,
    { name: 'team last sync', ok, detail: `${age}, ${s.pendingPush} change(s) to push${failed}`, fix: 'kei-skills team sync' },
  ];
}
