import type { Command } from 'commander';
import { LEDGER_VIEWS, ledgerRows, type LedgerView } from '../ledger/queries.js';
import { CliError, formatTable, formatTime, printJson, printLine } from './output.js';
import { withKit } from './with-kit.js';

export function registerLedgerCommands(program: Command): void {
  registerLedger(program);
}

function cell(header: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && /(_at|^ts|^at)$/.test(header) && value > 1e12) return formatTime(value);
  return String(value);
}

function registerLedger(program: Command): void {
  program
    .command('ledger')
    .argument('<view>', LEDGER_VIEWS.join('|'))
    .option('--session <id>', 'only this session')
    .option('--limit <n>', 'most rows', '200')
    .option('--json', 'one JSON array of row objects')
    .description('what the hooks recorded: sessions, turns, tool calls, skill uses and success rates')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills ledger sessions\n  kei-skills ledger tools --session 8f3c… --json\n  kei-skills ledger stats',
    )
    .action((view: string, options: { session?: string; limit: string; json?: boolean }) =>
      withKit((kit) => {
        if (!(LEDGER_VIEWS as readonly string[]).includes(view))
          throw new CliError(`unknown view "${view}"; use one of ${LEDGER_VIEWS.join(', ')}`, 2);
        const rows = ledgerRows(kit.db, view as LedgerView, { session: options.session, limit: Number(options.limit) });
        if (options.json) return printJson(rows);
        if (rows.length === 0) return printLine('Nothing recorded yet.');
        // stats mixes a totals row and per-skill rows: one table each.
        const groups = view === 'stats' ? [rows.slice(0, 1), rows.slice(1)].filter((g) => g.length > 0) : [rows];
        printLine(
          groups
            .map((group) => {
              const headers = Object.keys(group[0]).filter((h) => view !== 'stats' || h !== 'kind');
              return formatTable(
                headers,
                group.map((r) => headers.map((h) => cell(h, r[h]))),
              );
            })
            .join('\n\n'),
        );
      }),
    );
}
