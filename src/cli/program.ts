import { basename } from 'node:path';
import { Command } from 'commander';
import { PACKAGE_VERSION } from '../server/version.js';
import { registerGuardCommands } from './guard-commands.js';
import { registerMemoryCommands } from './memory-commands.js';
import { registerSkillCommands } from './skill-commands.js';
import { registerLedgerCommands } from './ledger-commands.js';
import { registerSetupCommands } from './setup-commands.js';
import { registerSandboxCommands } from './sandbox-commands.js';
import { registerScheduleCommands } from './schedule-commands.js';
import { registerExportCommands } from './export-commands.js';
import { registerTapCommands } from './tap-commands.js';
import { registerLearnCommands } from './learn-commands.js';
import { registerBudgetCommands } from './budget-commands.js';

/** Installed as both `kei` (short) and `kei-skills`: help speaks the name the user typed. */
function invokedAs(): string {
  return basename(process.argv[1] ?? '').replace(/\.js$/, '') === 'kei' ? 'kei' : 'kei-skills';
}

/** The `kei` / `kei-skills` command tree. Every command lives in its own file and is registered here. */
export function buildProgram(): Command {
  const program = new Command(invokedAs())
    .description('KeiSeiKit: memory, skills and learning for coding agents')
    .version(PACKAGE_VERSION)
    .showHelpAfterError('(run with --help for usage and examples)')
    .addHelpText(
      'after',
      '\nData lives in $KEI_HOME (default ~/.keiseikit).\n\nExamples:\n  kei-skills serve                      ' +
        'start the MCP server on stdio\n  kei-skills memory add "Prefers pnpm"  remember a fact\n  kei-skills ' +
        'memory search pnpm         find it again\n  kei-skills guard scan notes.txt       check text with ' +
        'the injection guard',
    );
  program
    .command('serve')
    .description('run the MCP server on stdio (what MCP clients start as kei-mcp)')
    .addHelpText('after', '\nExample (in an MCP client config):\n  {"command": "kei-skills", "args": ["serve"]}')
    .action(async () => {
      const { runStdioServer } = await import('../server/stdio.js');
      await runStdioServer();
    });
  registerMemoryCommands(program);
  registerGuardCommands(program);
  registerSkillCommands(program);
  registerLedgerCommands(program);
  registerSetupCommands(program);
  registerSandboxCommands(program);
  registerScheduleCommands(program);
  registerExportCommands(program);
  registerTapCommands(program);
  registerLearnCommands(program);
  registerBudgetCommands(program);
  return program;
}
