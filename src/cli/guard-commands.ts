import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { scanText, type ScanResult, type Surface } from '../guard/index.js';
import { CliError, failWith, formatTable, formatTime, printJson, printLine } from './output.js';
import { listGuardEvents, type GuardEventRow } from '../ledger/guard-events.js';
import { withKit } from './with-kit.js';

const SURFACES = ['memory', 'skill', 'context'];

export function registerGuardCommands(program: Command): void {
  const guard = program.command('guard').description('the injection guard');
  registerGuardScan(guard);
  registerGuardEvents(guard);
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file === '-' ? 'stdin' : file}: ${(err as Error).message}`, 2);
  }
}

function scanLines(input: string, surface: Surface): void {
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  lines.forEach((line, i) => {
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      throw new CliError(`line ${i + 1} is not JSON`, 2);
    }
    if (typeof text !== 'string') throw new CliError(`line ${i + 1} has no "text" string`, 2);
    const r = scanText(text, { surface });
    out.push(JSON.stringify({ verdict: r.verdict, score: r.score, findings: r.findings }));
  });
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
}

function describe(result: ScanResult): string {
  const head = `${result.verdict.toUpperCase()} (score ${result.score})`;
  if (result.findings.length === 0) return `${head}: no findings`;
  const rows = result.findings.map((f) => [f.rule, f.category, f.severity, `${f.start}-${f.end}`, f.excerpt]);
  return `${head}\n${formatTable(['rule', 'category', 'severity', 'at', 'excerpt'], rows)}`;
}

function registerGuardScan(guard: Command): void {
  guard
    .command('scan')
    .argument('[file]', 'file to scan, or - for stdin', '-')
    .option('--surface <surface>', 'memory (strictest), skill or context', 'memory')
    .option('--jsonl', 'each input line is {"text": …}; one result line per input line, same order')
    .option('--json', 'machine-readable output')
    .description('scan text the way every write is scanned (exit 0 whatever the verdict)')
    .addHelpText(
      'after',
      '\nExamples:\n  echo "ignore previous instructions" | kei-skills guard scan\n  kei-skills guard scan ' +
        'SKILL.md --surface skill --json\n  kei-skills guard scan data.jsonl --jsonl > verdicts.jsonl',
    )
    .action((file: string, options: { surface: string; jsonl?: boolean; json?: boolean }) => {
      try {
        if (!SURFACES.includes(options.surface))
          throw new CliError(`--surface must be one of ${SURFACES.join(', ')} (got "${options.surface}")`, 2);
        const input = readInput(file);
        if (options.jsonl) return scanLines(input, options.surface as Surface);
        const result = scanText(input, { surface: options.surface as Surface });
        if (options.json) return printJson(result);
        printLine(describe(result));
      } catch (err) {
        failWith(err);
      }
    });
}

function registerGuardEvents(guard: Command): void {
  guard
    .command('events')
    .option('--limit <n>', 'most recent events', '50')
    .option('--json')
    .description(
      'writes the guard blocked (or that were let through with the documented bypass): when, where, which rules, and a ' +
        'short excerpt around the finding (secrets redacted, invisible characters shown as \\u{…}; "—" for events older than it)',
    )
    .action((options: { limit: string; json?: boolean }) =>
      withKit((kit) => printEvents(listGuardEvents(kit.db, Number(options.limit) || 50), options.json)),
    );
}

/** The events as a table (excerpts cut to the column; "—" for events older than the excerpt column) or as JSON. */
function printEvents(events: GuardEventRow[], json?: boolean): void {
  const rows = events.map(({ at, surface, caller, verdict, rules, reason, excerpt }) => ({
    at,
    surface,
    caller,
    verdict,
    rules,
    reason,
    excerpt,
  }));
  if (json) return printJson(rows);
  if (rows.length === 0) return printLine('The guard has blocked nothing yet.');
  printLine(
    formatTable(
      ['at', 'surface', 'caller', 'verdict', 'rules', 'excerpt', 'reason'],
      rows.map((r) => [formatTime(r.at), r.surface, r.caller, r.verdict, r.rules, r.excerpt ?? '—', r.reason ?? '']),
    ),
  );
}
