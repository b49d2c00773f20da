import { existsSync, rmSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { KeiError } from '../core/errors.js';
import type { TeamContext } from './context.js';
import { parseTeamUrl, rememberPassword, teamPgpassFile, withoutPassword } from './credentials.js';
import { ensureProjectId, projectIdentity } from './identity.js';
import { deleteLink, readLink, requireLink, writeLink } from './link.js';
import { connectTeam, ensureRemoteSchema, markLeft, registerMember } from './remote.js';
import { queueAllShared, rememberProject } from './state.js';
import { syncTeam, type SyncReport } from './sync.js';

const NAME = /^[\p{L}\p{N}_.@-]{1,64}$/u;

export interface JoinOptions {
  team?: string;
  member?: string;
}

export interface JoinResult {
  team: string;
  member: string;
  url: string;
  /** Set when this project had no origin: the id file written, to commit so every clone shares it. */
  createdProjectFile?: string;
  sync: SyncReport;
}

/**
 * Joins (or rejoins) a team: creates or migrates the team's tables, registers this member, keeps the address without
 * its password in kei.db (a password in the URL goes to KEI_HOME/team.pgpass, 0600), queues the shared memories
 * recorded before joining, and syncs once.
 */
export async function joinTeam(ctx: TeamContext, url: string, options: JoinOptions = {}): Promise<JoinResult> {
  parseTeamUrl(url);
  const team = checkName(options.team ?? 'default', '--team');
  const member = checkName(options.member ?? defaultMember(ctx.env), '--member');
  const client = await connectTeam(url, ctx.paths.home, ctx.env);
  try {
    await ensureRemoteSchema(client);
    await registerMember(client, team, member);
  } finally {
    await client.end().catch(() => undefined);
  }
  rememberPassword(ctx.paths.home, url);
  const createdProjectFile = projectFileIfNeeded(ctx);
  ctx.db
    .transaction(() => {
      writeLink(ctx.db, { url: withoutPassword(url), team, member, joinedAt: ctx.clock.now() });
      queueAllShared(ctx.db);
    })
    .immediate();
  const sync = await syncTeam(ctx);
  return { team, member, url: withoutPassword(url), createdProjectFile, sync };
}

/** Leaves the team: the server marks the member as gone (when reachable); local memories stay, sharing stops. */
export async function leaveTeam(ctx: TeamContext): Promise<{ team: string; member: string; serverTold: boolean }> {
  const link = requireLink(ctx.db);
  let serverTold = false;
  try {
    const client = await connectTeam(link.url, ctx.paths.home, ctx.env);
    try {
      await markLeft(client, link.team, link.member);
      serverTold = true;
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    ctx.log.warn('team leave: the server was not told', { error: String(error) });
  }
  ctx.db.transaction(() => deleteLink(ctx.db)).immediate();
  const pgpass = teamPgpassFile(ctx.paths.home);
  if (existsSync(pgpass)) rmSync(pgpass);
  return { team: link.team, member: link.member, serverTold };
}

export function isJoined(ctx: Pick<TeamContext, 'db'>): boolean {
  return readLink(ctx.db) !== undefined;
}

/** A git project without an origin gets `.keiseikit/project.json`; a folder that is no repository is left alone. */
function projectFileIfNeeded(ctx: TeamContext): string | undefined {
  if (projectIdentity(ctx.projectKey)) return undefined;
  if (!existsSync(`${ctx.projectKey}/.git`)) return undefined;
  const identity = ensureProjectId(ctx.projectKey);
  rememberProject(ctx.db, identity, ctx.projectKey, ctx.clock.now());
  return `${ctx.projectKey}/.keiseikit/project.json`;
}

function checkName(name: string, flag: string): string {
  if (!NAME.test(name)) throw new KeiError('team_invalid', `${flag} "${name}" is not valid: use 1-64 letters, digits, or _ . @ -`);
  return name;
}

function defaultMember(env: NodeJS.ProcessEnv): string {
  const user = env.USER || env.LOGNAME || safeUser();
  return `${user}@${hostname().split('.')[0]}`.replace(/[^\p{L}\p{N}_.@-]/gu, '-').slice(0, 64);
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'member';
  }
}
