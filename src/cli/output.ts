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

/** A table with columns padded to the widest cell; long cells are cut with an ellipsis. */
export function formatTable(headers: string[], rows: string[][], maxWidth = 60): string {
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = [headers, ...rows].map((r) => r.map((c) => cut(c.replace(/\s+/g, ' '))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatTime(ms: number | null | undefined): string {
  if (!ms) return '-';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}
