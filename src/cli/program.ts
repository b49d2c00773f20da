import { basename } from 'node:path';
import { Command } from 'commander';
import { PACKAGE_VERSION } from '../server/version.js';
import { COMMAND_GROUPS, type CommandGroup } from './command-groups.js';

/** Installed as `kei` (short), `kei-skills` and `keiseikit` (what `npx keiseikit` runs): help speaks the name the user typed. */
function invokedAs(): string {
  const name = basename(process.argv[1] ?? '').replace(/\.js$/, '');
  return name === 'kei' || name === 'keiseikit' ? name : 'kei-skills';
}

/**
 * The `kei` / `kei-skills` command tree for `argv`. Only the module of the command being run is loaded (the others
 * are named with their descriptions, which is all `--help` shows), so help and small commands start fast.
 */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
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
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const wanted = words[0] === 'help' ? words[1] : words[0];
  for (const group of COMMAND_GROUPS) await addGroup(program, group, wanted);
  return program;
}

async function addGroup(program: Command, group: CommandGroup, wanted: string | undefined): Promise<void> {
  if (wanted !== undefined && wanted in group.commands) return (await group.load())(program);
  for (const [name, description] of Object.entries(group.commands)) program.command(name).description(description);
}
