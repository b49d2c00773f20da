import { errorMessage } from '../core/errors.js';
import type { Kit } from '../kit.js';
import type { Check } from './doctor.js';

/** The team rows of `doctor`: the connection (members answer) and the last sync; one quiet row when in no team. */
export async function teamChecks(kit: Kit): Promise<Check[]> {
  const { isJoined, teamStatus } = await import('../team/index.js');
  if (!isJoined(kit)) return [{ name: 'team', ok: true, optional: true, detail: 'not in a team (kei-skills team join <postgres-url>)' }];
  try {
    const s = await teamStatus(kit);
    const connection: Check = s.serverError
      ? {
          name: 'team connection',
          ok: false,
          detail: s.serverError,
          fix: 'check the server, PG* variables or ~/.pgpass; kei-skills team status',
        }
      : {
          name: 'team connection',
          ok: true,
          detail: `${s.team} as ${s.member}: ${s.members?.length ?? 0} member(s), ${s.pendingPull} to pull`,
        };
    const age = s.lastSyncAt ? `${Math.round((kit.clock.now() - s.lastSyncAt) / 60_000)} min ago` : 'never';
    const sync: Check = s.lastSyncError
      ? { name: 'team last sync', ok: false, detail: `${age}; the last attempt failed: ${s.lastSyncError}`, fix: 'kei-skills team sync' }
      : {
          name: 'team last sync',
          ok: s.lastSyncAt !== null,
          detail: `${age}, ${s.pendingPush} change(s) to push`,
          fix: 'kei-skills team sync',
        };
    return [connection, sync];
  } catch (err) {
    return [{ name: 'team connection', ok: false, detail: errorMessage(err), fix: 'kei-skills team status' }];
  }
}
