import { errorMessage, hasCode } from '../core/errors.js';

/** Output helpers for commands: data to stdout, one-line errors to stderr with a non-zero exit. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function failWith(err: unknown): never {
  const code = err instanceof CliError ? err.exitCode : hasCode(err, 'config_invalid') ? 78 : 1;
  const text = errorMessage(err).split('\n');
  process.stderr.write(
    `kei-skills: ${text[0]}\n${text
      .slice(1)
      .map((l) => `${l}\n`)
      .join('')}`,
  );
  process.exit(code);
}

export function parseTags(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/**
 * A table with columns padded to the widest cell; long cells are cut with an ellipsis, and the widest columns
 * narrowed until a line fits the terminal (`--json` has the full values).
 */
export function formatTable(headers: string[], rows: string[][], maxWidth = 60, width = terminalWidth()): string {
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, Math.max(0, w - 1))}…` : s);
  const cells = [headers, ...rows].map((r) => headers.map((_, i) => cut((r[i] ?? '').replace(/\s+/g, ' '), maxWidth)));
  const widths = fitWidths(
    headers.map((_, i) => Math.max(...cells.map((r) => r[i].length))),
    width,
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => cut(c, widths[i]).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Narrows the widest column, one character at a time, until the columns and their gaps fit `width`. */
function fitWidths(widths: number[], width: number | undefined): number[] {
  if (!width) return widths;
  const out = [...widths];
  const total = () => out.reduce((a, b) => a + b, 0) + 2 * (out.length - 1);
  while (total() > width) {
    const widest = out.indexOf(Math.max(...out));
    if (out[widest] <= 4) break;
    out[widest] -= 1;
  }
  return out;
}

/** The terminal's width when stdout is one (or $COLUMNS says so); undefined for pipes and files. */
function terminalWidth(): number | undefined {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

export function formatTime(ms: number | null | undefined): string {
  if (!ms) return '-';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}
