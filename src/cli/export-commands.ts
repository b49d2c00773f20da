import type { Command } from 'commander';
import { exportTrajectories } from '../export/export.js';
import { CliError } from './output.js';
import { withKit } from './with-kit.js';

export function registerExportCommands(program: Command): void {
  registerExportTrajectories(program);
}

function registerExportTrajectories(program: Command): void {
  program
    .command('export-trajectories')
    .option('--since <date>', 'only sessions started on or after this date (ISO)')
    .option('--session <id>')
    .option('--completed-only')
    .option('--out <file>', 'write JSONL here instead of stdout')
    .description('recorded sessions as ShareGPT JSONL (private parts and secrets redacted)')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills export-trajectories --completed-only --out trajectories.jsonl\n  kei-skills ' +
        'export-trajectories --since 2026-11-01 | head -1 | jq .',
    )
    .action((options: { since?: string; session?: string; completedOnly?: boolean; out?: string }) =>
      withKit(async (kit) => {
        const since = options.since ? Date.parse(options.since) : undefined;
        if (options.since && !Number.isFinite(since)) throw new CliError(`--since "${options.since}" is not a date`, 2);
        const tty = process.stderr.isTTY && options.out !== undefined;
        const r = await exportTrajectories(kit.db, {
          since,
          session: options.session,
          completedOnly: options.completedOnly,
          out: options.out,
          onProgress: tty
            ? (done, total) => process.stderr.write(`\r[${'#'.repeat(Math.round((20 * done) / total)).padEnd(20)}] ${done}/${total}`)
            : undefined,
        });
        if (tty) process.stderr.write('\n');
        if (options.out)
          process.stderr.write(
            `wrote ${r.written} trajectories to ${options.out}${r.skipped ? ` (${r.skipped} without a transcript)` : ''}\n`,
          );
      }),
    );
}
