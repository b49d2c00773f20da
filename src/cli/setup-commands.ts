import { homedir } from 'node:os';
import type { Command } from 'commander';
import { projectKeyFor } from '../core/project-key.js';
import { doctorFailed, runDoctor, type Check } from '../install/doctor.js';
import { duplicateInstallation } from '../install/claude-plugin.js';
import { applyChange, lineDiff, type FileChange } from '../install/file-change.js';
import { planSetup } from '../install/plan.js';
import { CLIENT_NAMES, CLIENTS, type Client } from '../install/other-clients.js';
import { failWith, formatTable, printJson, printLine } from './output.js';

interface SetupOptions {
  scope?: string;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
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
      printLine(`${changeVerb(change)} ${change.path}${backup ? ` (backup: ${backup})` : ''}`);
    }
    printLine(nextStep(client, remove, changes));
    if (client === 'claude-code' && !remove) printDuplicateNote();
  } catch (err) {
    failWith(err);
  }
}

/** With the plugin installed too, says which installation records and how to keep only one. */
function printDuplicateNote(): void {
  const both = duplicateInstallation(process.env.HOME ?? homedir(), projectKeyFor(process.cwd()));
  if (both) printLine(`Note: ${both}.`);
}

export function changeVerb(change: FileChange): string {
  if (change.before === change.after) return 'unchanged';
  if (change.after === null) return 'removed';
  return change.before === null ? 'created' : 'updated';
}

/** What the user does next: a running client reads its MCP config (and hooks) only when it starts. */
function nextStep(client: string, remove: boolean, changes: FileChange[]): string {
  const name = CLIENT_NAMES[client as Client] ?? client;
  if (changes.every((c) => c.before === c.after))
    return remove ? `Nothing of KeiSeiKit was set up in ${name} here.` : `Already set up. Check it with: kei-skills doctor`;
  if (remove) return `Next: restart ${name} so it stops starting kei. Your data in KEI_HOME is kept.`;
  return (
    `Next: restart ${name} (a running one reads its MCP servers` +
    `${client === 'claude-code' ? ' and hooks' : ''} only at start), then run: kei-skills doctor`
  );
}

export function registerSetupCommands(program: Command): void {
  registerSetup(program);
  registerUninstall(program);
  registerDoctor(program);
}

function registerSetup(program: Command): void {
  program
    .command('setup')
    .argument('[client]', `${CLIENTS.join('|')}; none: find the installed ones and offer to connect each`)
    .option(
      '--scope <scope>',
      'user or project (default: user; vscode: project, or user when found without a client; zed and codex: user only)',
    )
    .option('--dry-run', 'print the exact diff, change nothing')
    .option('-y, --yes', 'without a client: connect every client found, without asking')
    .description('connect a client: MCP server `kei`, and for Claude Code the hooks too (idempotent, backs up every file)')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills setup                  find your clients, ask for each\n  kei-skills setup --yes' +
        '            connect every client found\n  kei-skills setup claude-code\n  kei-skills setup claude-code --scope project ' +
        '--dry-run\n  kei-skills setup cursor\n  npx keiseikit setup               the same, without installing first',
    )
    .action(async (client: string | undefined, options: SetupOptions) => {
      if (client !== undefined) return runPlan(client, options, false);
      await (await import('./setup-detected.js')).runDetectedSetup(options);
    });
}

function registerUninstall(program: Command): void {
  program
    .command('uninstall')
    .argument('<client>', CLIENTS.join('|'))
    .option('--scope <scope>', 'user or project (default: user; vscode: project; zed and codex: user only)')
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
    // No kit here: doctor must report a broken data home or config.json in its table, not stop at it.
    .action(async (options: SetupOptions) => {
      const checks = await runDoctor({ env: process.env, userHome: process.env.HOME ?? homedir(), project: projectKeyFor(process.cwd()) });
      if (options.json) printJson(checks);
      else printLine(formatTable(['check', 'status', 'detail', 'fix'], checks.map(doctorRow), 90));
      if (doctorFailed(checks)) process.exitCode = 1;
    });
}

function doctorRow(c: Check): string[] {
  const status = c.ok ? 'ok' : c.skipped ? 'skipped' : c.optional ? 'absent' : 'FAIL';
  return [c.name, status, c.detail, c.ok ? '' : (c.fix ?? '')];
}
