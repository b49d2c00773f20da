import type { Command } from 'commander';
import type { SyncReport, TeamStatus } from '../team/index.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { withKit } from './with-kit.js';

export function registerTeamCommands(program: Command): void {
  const team = program
    .command('team')
    .description('share project and team memories and skills with a team through Postgres (never user memories)');
  registerJoin(team);
  registerSync(team);
  registerStatus(team);
  registerLeave(team);
  registerShare(team);
}

function registerShare(team: Command): void {
  for (const verb of ['share', 'unshare'] as const) {
    team
      .command(verb)
      .argument('<skill>', 'the skill’s name')
      .option('--json', 'machine-readable output')
      .description(
        verb === 'share'
          ? 'share a skill with the team: its versions and its use and success counts, from now on at every sync'
          : 'stop sharing a skill; other members’ copies are removed at their next sync',
      )
      .action((name: string, options: { json?: boolean }) =>
        withKit(async (kit) => {
          const t = await import('../team/index.js');
          const done = verb === 'share' ? t.shareSkill(kit, name) : t.unshareSkill(kit, name);
          const report = await t.syncTeam(kit);
          if (options.json) return printJson({ ...done, sync: report });
          printLine(`${verb === 'share' ? 'shared' : 'unshared'} ${name}; ${syncLine(report)}`);
        }),
      );
  }
}

function registerJoin(team: Command): void {
  team
    .command('join')
    .argument(
      '<postgres-url>',
      'postgres://user@host:5432/db (?sslmode=require …); a password here is kept in KEI_HOME/team.pgpass, never config.json',
    )
    .option('--team <name>', 'team name (one database can hold several teams)', 'default')
    .option('--member <name>', 'your name in the team (default: user@host)')
    .option('--json', 'machine-readable output')
    .description('join a team: create or migrate its tables, share this data home’s project and team memories, sync once')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills team join postgres://kei@db.internal/kei --team web --member ana\n  PGPASSWORD=… kei-skills team join "postgres://kei@db/kei?sslmode=verify-full&sslrootcert=ca.pem"',
    )
    .action((url: string, options: { team: string; member?: string; json?: boolean }) =>
      withKit(async (kit) => {
        const { joinTeam } = await import('../team/index.js');
        const result = await joinTeam(kit, url, { team: options.team, member: options.member });
        if (options.json) return printJson(result);
        printLine(`joined team ${result.team} as ${result.member} (${result.url})`);
        if (result.createdProjectFile)
          printLine(`this project has no git origin: commit ${result.createdProjectFile} so every clone is the same project`);
        printLine(syncLine(result.sync));
      }),
    );
}

function registerSync(team: Command): void {
  team
    .command('sync')
    .option('--json', 'machine-readable output')
    .description('push local changes, then pull the team’s (the daemon does this every team.syncMinutes and after a session)')
    .action((options: { json?: boolean }) =>
      withKit(async (kit) => {
        const { syncTeam } = await import('../team/index.js');
        const report = await syncTeam(kit);
        if (options.json) return printJson(report);
        printLine(syncLine(report));
      }),
    );
}

function registerStatus(team: Command): void {
  team
    .command('status')
    .option('--json', 'machine-readable output')
    .description('members, last sync, pending changes, resolved conflicts and quarantined entries')
    .action((options: { json?: boolean }) =>
      withKit(async (kit) => {
        const { teamStatus } = await import('../team/index.js');
        const status = await teamStatus(kit);
        if (options.json) return printJson(status);
        printStatus(status);
      }),
    );
}

function registerLeave(team: Command): void {
  team
    .command('leave')
    .option('--json', 'machine-readable output')
    .description('stop sharing: the server marks you as gone; memories already here stay')
    .action((options: { json?: boolean }) =>
      withKit(async (kit) => {
        const { leaveTeam } = await import('../team/index.js');
        const result = await leaveTeam(kit);
        if (options.json) return printJson(result);
        printLine(
          `left team ${result.team} (${result.member})${result.serverTold ? '' : '; the server did not answer, it still lists you'}`,
        );
      }),
    );
}

function syncLine(r: SyncReport): string {
  const extra = [r.conflicts ? `${r.conflicts} conflict(s) resolved` : '', r.quarantined ? `${r.quarantined} quarantined` : '']
    .filter(Boolean)
    .join(', ');
  return `synced: pushed ${r.pushed}, pulled ${r.pulled} (applied ${r.applied})${extra ? `, ${extra}` : ''} in ${r.ms} ms`;
}

function printStatus(s: TeamStatus): void {
  if (!s.joined) return printLine('not in a team; run `kei-skills team join postgres://user@host/db --team NAME`');
  printLine(`team ${s.team} as ${s.member} on ${s.url}`);
  printLine(
    `last sync: ${s.lastSyncAt ? formatTime(s.lastSyncAt) : 'never'}${s.lastSyncError ? ` (last attempt failed: ${s.lastSyncError})` : ''}`,
  );
  printLine(`pending: ${s.pendingPush} to push, ${s.pendingPull ?? '?'} to pull${s.serverError ? ` (server: ${s.serverError})` : ''}`);
  if (s.members?.length)
    printLine(
      formatTable(
        ['member', 'last sync', 'left'],
        s.members.map((m) => [m.member, m.lastSyncAt ?? 'never', m.leftAt ?? '']),
      ),
    );
  if (s.sharedSkills?.length) printLine(`skills you share: ${s.sharedSkills.join(', ')}`);
  printResolved(s);
}

function printResolved(s: TeamStatus): void {
  if (s.conflicts?.length) {
    printLine(`\nresolved conflicts (the later edit won; the other is kept in the memory’s history: \`memory undo <id>\` brings it back):`);
    printLine(
      formatTable(
        ['memory', 'winner', 'loser'],
        s.conflicts.map((c) => [c.entry_id, c.winner_member, c.loser_member]),
      ),
    );
  }
  if (s.quarantined?.length) {
    printLine(`\nquarantined (the guard blocked them; never stored or shown; see \`guard events\`):`);
    const rows = s.quarantined.map((q) => [q.member, q.entry_id, q.rules, formatTime(q.at)]);
    printLine(formatTable(['member', 'entry', 'rules', 'when'], rows));
  }
}
