import type { Command } from 'commander';

/** A module of commands: loaded only when one of its top-level commands runs. */
export interface CommandGroup {
  load: () => Promise<(program: Command) => void>;
  /** Its top-level commands and their descriptions, as `--help` lists them (test/cli/startup.test.ts keeps them equal). */
  commands: Record<string, string>;
}

export const COMMAND_GROUPS: CommandGroup[] = [
  {
    load: async () => (await import('./memory-commands.js')).registerMemoryCommands,
    commands: { memory: 'search and edit what agents remember' },
  },
  { load: async () => (await import('./guard-commands.js')).registerGuardCommands, commands: { guard: 'the injection guard' } },
  {
    load: async () => (await import('./skill-commands.js')).registerSkillCommands,
    commands: {
      list: 'list the skills visible here, by precedence',
      show: 'print a skill (frontmatter facts and body)',
      where: 'print the path of the SKILL.md that wins, and what it shadows',
      validate: 'check SKILL.md files against the Agent Skills spec (exit 1 on any error)',
      patch: 'replace text in a skill file (fuzzy match; ambiguous matches are refused)',
      revert: 'restore a previous version of a skill',
      versions: 'list the recorded versions of a skill',
      new: 'create a skill in KEI_HOME/skills',
    },
  },
  {
    load: async () => (await import('./ledger-commands.js')).registerLedgerCommands,
    commands: { ledger: 'what the hooks recorded: sessions, turns, tool calls, skill uses and success rates' },
  },
  {
    load: async () => (await import('./setup-commands.js')).registerSetupCommands,
    commands: {
      setup: 'connect a client: MCP server `kei`, and for Claude Code the hooks too (idempotent, backs up every file)',
      uninstall: 'remove only what setup added',
      doctor: 'check the installation; a table with a fix for each failing row',
    },
  },
  {
    load: async () => (await import('./sandbox-commands.js')).registerSandboxCommands,
    commands: { sandbox: 'run untrusted commands isolated (bubblewrap, sandbox-exec, Daytona)' },
  },
  {
    load: async () => (await import('./schedule-commands.js')).registerScheduleCommands,
    commands: {
      schedule: 'jobs that run whether or not an agent is open',
      'run-due': 'run whatever is due now and exit (for OS timers)',
      daemon: 'run jobs in the foreground until SIGTERM/SIGINT (subcommands: install, uninstall, status)',
    },
  },
  {
    load: async () => (await import('./export-commands.js')).registerExportCommands,
    commands: { 'export-trajectories': 'recorded sessions as ShareGPT JSONL (private parts and secrets redacted)' },
  },
  {
    load: async () => (await import('./tap-commands.js')).registerTapCommands,
    commands: {
      tap: 'skill sources: git repositories (or folders) of skill folders',
      search: 'search the skills of every tap',
      install: 'install a skill: quarantine, validate, scan every file, then install atomically and lock',
      restore: 'reinstall exactly what skills.lock.json records (a new machine)',
      outdated: 'installed skills whose source has newer commits',
      update: 'reinstall outdated skills from their latest commit (scanned again)',
      publish: 'write your skills as a tap-compatible folder',
    },
  },
  {
    load: async () => (await import('./learn-commands.js')).registerLearnCommands,
    commands: {
      review: 'save what the user revealed in a session since its last review (the Stop hook runs this every N turns)',
      nightly: 'the nightly learning cycle: extract skills from good sessions, fix failing ones, archive unused ones, validate proven ones',
      extract: 'extract a skill from one session now (what the skill_extract tool does)',
      unarchive: 'bring back a skill the nightly cycle archived',
      archived: 'list the skills in KEI_HOME/skills/_archive',
    },
  },
  {
    load: async () => (await import('./team-commands.js')).registerTeamCommands,
    commands: { team: 'share project and team memories and skills with a team through Postgres (never user memories)' },
  },
  {
    load: async () => (await import('./budget-commands.js')).registerBudgetCommands,
    commands: { llm: "which model back end the learning loop uses, today's usage against the budget, and the recent calls" },
  },
  {
    load: async () => (await import('./ui-commands.js')).registerUiCommands,
    commands: { ui: 'a local dashboard in the browser: memories, skills, sessions, guard, learning, schedules' },
  },
];
