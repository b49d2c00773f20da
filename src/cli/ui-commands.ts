import type { Command } from 'commander';
import { CliError, printLine } from './output.js';
import { withKit } from './with-kit.js';

interface UiFlags {
  port: string;
  open: boolean;
  readOnly?: boolean;
}

export function registerUiCommands(program: Command): void {
  program
    .command('ui')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '0')
    .option('--no-open', 'print the URL only; do not open a browser')
    .option('--read-only', 'look only: every change is refused')
    .description('a local dashboard in the browser: memories, skills, sessions, guard, learning, schedules')
    .addHelpText(
      'after',
      '\nThe first line printed is the URL with a one-time token.\n\nExamples:\n  kei-skills ui\n  kei-skills ui --port 7337 --no-open --read-only',
    )
    .action((flags: UiFlags) =>
      withKit(async (kit) => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new CliError(`--port must be a whole number from 0 to 65535 (got "${flags.port}")`, 2);
        const { startDashboard } = await import('../ui/server.js');
        const dashboard = await startDashboard(kit, { port, readOnly: flags.readOnly === true });
        printLine(dashboard.url);
        printLine(`Dashboard on ${kit.paths.home}${flags.readOnly ? ' (read-only)' : ''}; the link works once. Stop with Ctrl-C.`);
        if (flags.open) (await import('../ui/open-browser.js')).openBrowser(dashboard.url);
        await new Promise<void>((resolve) => {
          for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => resolve());
        });
        await dashboard.close();
      }),
    );
}
