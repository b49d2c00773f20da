import { homedir } from 'node:os';
import type { Command } from 'commander';
import { projectKeyFor } from '../core/project-key.js';
import { doctorFailed, runDoctor } from '../install/doctor.js';
import { applyChange, lineDiff } from '../install/file-change.js';
import { planSetup } from '../install/plan.js';
import { CLIENTS } from '../install/other-clients.js';
import { failWith, formatTable, printJson, printLine } from './output.js';
import { withKit } from './with-kit.js';

interface SetupOptions {
  scope?: 'user' | 'project';
  dryRun?: boolean;
  json?: boolean;
}

function runPlan(client: string, options: SetupOptions, remove: boolean): void {
  try {
    const changes = planSetup({
      client,
      scope: options.scope,
      home: process.env.HOME ?? homedir(),
      project: projectKeyFor(process.cwd()),
      remove,
    });
    if (options.dryRun) return printLine(changes.map(lineDiff).join('\n\n'));
    for (const change of changes) {
      const backup = applyChange(change);
      printLine(
        change.before === change.after || change.after === null
          ? `unchanged ${change.path}`
          : `updated ${change.path}${backup ? ` (backup: ${backup})` : ''}`,
      );
    }
  } catch (err) {
    failWith(err);
  }
}

export function registerSetupCommands(program: Command): void {
  registerSetup(program);
  registerUninstall(program);
  registerDoctor(program);
}

function registerSetup(program: Command): void {
  program
    .command('setup')
    .argument('<client>', CLIENTS.join('|'))
    .option('--scope <scope>', 'user (default) or project', 'user')
    .option('--dry-run', 'print the exact diff, change nothing')
    .description('connect a client: MCP server `kei`, and for Claude Code the hooks too (idempotent, backs up every file)')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills setup claude-code\n  kei-skills setup claude-code --scope project ' +
        '--dry-run\n  kei-skills setup cursor\n  kei-skills setup codex',
    )
    .action((client: string, options: SetupOptions) => runPlan(client, options, false));
}

function registerUninstall(program: Command): void {
  program
    .command('uninstall')
    .argument('<client>', CLIENTS.join('|'))
    .option('--scope <scope>', 'user (default) or project', 'user')
    .option('--dry-run', 'print the exact diff, change nothing')
    .description('remove only what setup added')
    .addHelpText('after', '\nExample:\n  kei-skills uninstall claude-code')
    .action((client: string, options: SetupOptions) => runPlan(client, options, true));
}

function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .option('--json')
    .description('check the installation; a table with a fix for each failing row')
    .addHelpText('after', '\nExample:\n  kei-skills doctor')
    .action((options: SetupOptions) =>
      withKit(async (kit) => {
        const checks = await runDoctor(kit, process.env.HOME ?? homedir(), projectKeyFor(process.cwd()));
        if (options.json) printJson(checks);
        else
          printLine(
            formatTable(
              ['check', 'status', 'detail', 'fix'],
              checks.map((c) => [c.name, c.ok ? 'ok' : c.optional ? 'absent' : 'FAIL', c.detail, c.ok ? '' : (c.fix ?? '')]),
              90,
            ),
          );
        if (doctorFailed(checks)) process.exitCode = 1;
      }),
    );
}
