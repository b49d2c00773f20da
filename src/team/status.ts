import type { TeamContext } from './context.js';
import { hlcTime } from './hlc.js';
import { readLink, type TeamLink } from './link.js';
import { connectTeam, countAfter, listMembers, type RemoteMember } from './remote.js';
import { sharedSkills } from './skill-state.js';
import { conflicts, outboxCount, quarantined, type Conflict, type Quarantined } from './state.js';

export interface TeamStatus {
  joined: boolean;
  team?: string;
  member?: string;
  url?: string;
  lastSyncAt?: number | null;
  lastSyncError?: string | null;
  lastSync?: unknown;
  /** Local changes not pushed yet (entries). */
  pendingPush?: number;
  /** Changes on the server this data home has not pulled yet; undefined when the server did not answer. */
  pendingPull?: number;
  members?: RemoteMember[];
  serverError?: string;
  conflicts?: (Conflict & { winnerAt?: number; loserAt?: number })[];
  /** This member's skills shared with the team. */
  sharedSkills?: string[];
  /** Pulled changes the guard blocked: who wrote them and which rules; their text is never shown. */
  quarantined?: Quarantined[];
}

/** What `team status` shows: the local state always, the server's members and pending changes when it answers. */
export async function teamStatus(ctx: TeamContext, options: { remote?: boolean } = {}): Promise<TeamStatus> {
  const link = readLink(ctx.db);
  if (!link) return { joined: false };
  const status: TeamStatus = {
    joined: true,
    team: link.team,
    member: link.member,
    url: link.url,
    lastSyncAt: link.lastSyncAt,
    lastSyncError: link.lastSyncError,
    lastSync: link.lastSyncReport ? JSON.parse(link.lastSyncReport) : undefined,
    pendingPush: outboxCount(ctx.db),
    conflicts: conflicts(ctx.db).map((c) => ({ ...c, winnerAt: hlcTime(c.winner_hlc), loserAt: hlcTime(c.loser_hlc) })),
    quarantined: quarantined(ctx.db),
    sharedSkills: sharedSkills(ctx.db)
      .filter((r) => !r.unshared)
      .map((r) => r.name),
  };
  if (options.remote !== false) await addServerView(ctx, link, status);
  return status;
}

/** Members and what waits to be pulled, from the server; its error instead when it does not answer. */
async function addServerView(ctx: TeamContext, link: TeamLink, status: TeamStatus): Promise<void> {
  try {
    const client = await connectTeam(link.url, ctx.paths.home, ctx.env);
    try {
      status.members = await listMembers(client, link.team);
      status.pendingPull = await countAfter(client, link.team, link.pullCursor);
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    status.serverError = error instanceof Error ? error.message : String(error);
  }
}
