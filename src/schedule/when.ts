import { Cron } from 'croner';
import { KeiError } from '../core/errors.js';

export type WhenKind = 'once' | 'interval' | 'cron';

export interface When {
  kind: WhenKind;
  spec: string;
  /** For once: the time; for interval: the period; for cron: the pattern. */
  atMs?: number;
  everyMs?: number;
  cron?: string;
  timezone?: string;
  description: string;
}

export interface ParseOptions {
  now: number;
  timezone?: string;
  /** Shortest interval accepted (config `schedule.minIntervalMs`, default one minute). */
  minIntervalMs: number;
}

const UNIT: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_WORD: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' };
const DURATION = /^(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)$/i;
const EXAMPLES =
  'Examples: "30m" (once, in 30 minutes), "in 2h", "2026-12-01T09:00", "every 30m", "every 1d", "0 9 * * 1-5" (cron), "@daily".';

/** Parses a when-spec. `30m` runs once; `every 30m` repeats; cron patterns and nicknames go through croner. */
export function parseWhen(input: string, options: ParseOptions): When {
  const spec = String(input ?? '').trim();
  if (spec === '') throw refuse(spec, 'it is empty');
  const every = /^every\s+(.+)$/i.exec(spec);
  if (every) return interval(spec, every[1], options);
  const rel = /^(?:in\s+)?(.+)$/i.exec(spec)?.[1] ?? spec;
  const dur = durationMs(rel);
  if (dur !== undefined)
    return {
      kind: 'once',
      spec,
      atMs: options.now + dur,
      description: `once, in ${describeDuration(dur)} (${new Date(options.now + dur).toISOString()})`,
    };
  if (/^\d{4}-\d{2}-\d{2}/.test(spec)) return absolute(spec, options);
  return cron(spec, options);
}

function interval(spec: string, body: string, options: ParseOptions): When {
  const ms = durationMs(body.trim());
  if (ms === undefined) throw refuse(spec, `"${body}" is not a duration`);
  if (ms < options.minIntervalMs)
    throw refuse(spec, `intervals under ${describeDuration(options.minIntervalMs)} are not allowed (config schedule.minIntervalMs)`);
  return { kind: 'interval', spec, everyMs: ms, description: `every ${describeDuration(ms)}, repeating` };
}

function absolute(spec: string, options: ParseOptions): When {
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(spec);
  const at = hasOffset || !options.timezone ? Date.parse(spec) : zonedToUtc(spec, options.timezone);
  if (!Number.isFinite(at)) throw refuse(spec, 'it is not a valid ISO 8601 time');
  if (at <= options.now) throw refuse(spec, `${new Date(at).toISOString()} is in the past`);
  return {
    kind: 'once',
    spec,
    atMs: at,
    description: `once, at ${new Date(at).toISOString()}${hasOffset ? '' : ` (${options.timezone ?? 'local time'})`}`,
  };
}

function cron(spec: string, options: ParseOptions): When {
  const fields = spec.split(/\s+/).length;
  if (!spec.startsWith('@') && fields !== 5 && fields !== 6)
    throw refuse(spec, 'it is neither a duration, an ISO time nor a 5- or 6-field cron pattern');
  let job: Cron;
  try {
    job = new Cron(spec, { paused: true, timezone: options.timezone });
  } catch (err) {
    throw refuse(spec, (err as Error).message);
  }
  if (job.nextRun(new Date(options.now)) === null) throw refuse(spec, 'it matches no date from now on (February 30, say)');
  const gap = shortestGap(job, options.now);
  if (gap < options.minIntervalMs) {
    throw refuse(
      spec,
      `two of its runs are only ${describeDuration(gap)} apart, under the minimum of ` +
        `${describeDuration(options.minIntervalMs)} (config schedule.minIntervalMs); ` +
        'use a single value in the seconds field, e.g. "0 */5 * * * *", or a 5-field pattern such as "*/5 * * * *"',
    );
  }
  return {
    kind: 'cron',
    spec,
    cron: spec,
    timezone: options.timezone,
    description: `cron "${spec}"${options.timezone ? ` in ${options.timezone}` : ''}, repeating`,
  };
}

/**
 * Runs this many occurrences ahead to find the shortest gap between two consecutive runs. Counting
 * the pattern's fields would not do: croner accepts seconds, lists, ranges, steps, L and W, and any of
 * them can put two runs close together. Two runs within one minute recur in every minute the pattern
 * matches, so they show up among the first few; sparse patterns reach years ahead within the sample.
 */
const GAP_SAMPLE = 512;

function shortestGap(job: Cron, now: number): number {
  const times = job.nextRuns(GAP_SAMPLE, new Date(now)).map((d) => d.getTime());
  let shortest = Infinity;
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i] - times[i - 1]);
  return shortest;
}

/** The next `count` run times strictly after `after` (once-jobs have at most one). */
export function nextRuns(when: When, after: number, count: number): number[] {
  if (when.kind === 'once') return (when.atMs as number) > after ? [when.atMs as number] : [];
  if (when.kind === 'interval') {
    const every = when.everyMs as number;
    return Array.from({ length: count }, (_, i) => after + every * (i + 1));
  }
  const job = new Cron(when.cron as string, { paused: true, timezone: when.timezone });
  return job.nextRuns(count, new Date(after)).map((d) => d.getTime());
}

/** The first occurrence after `now` following `occurrence`: intervals stay on their grid, skipping what was missed. */
export function nextAfter(when: When, occurrence: number, now: number): number | null {
  if (when.kind === 'once') return null;
  if (when.kind === 'interval') {
    const every = when.everyMs as number;
    return occurrence + every * (Math.floor(Math.max(0, now - occurrence) / every) + 1);
  }
  return nextRuns(when, Math.max(now, occurrence), 1)[0] ?? null;
}

export function durationMs(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT[m[2][0].toLowerCase()];
}

export function describeDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    const n = ms / UNIT[unit];
    if (Number.isInteger(n) && n >= 1) return `${n} ${UNIT_WORD[unit]}${n === 1 ? '' : 's'}`;
  }
  return `${ms} ms`;
}

/** The wall-clock fields of an instant as a time zone reads it, two digits each (year four). */
export function zonedParts(at: number, timezone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

function zonedToUtc(local: string, timezone: string): number {
  const guess = Date.parse(`${local}Z`);
  const offset = (at: number) => {
    const p = zonedParts(at, timezone);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
  };
  return guess - offset(guess - offset(guess));
}

function refuse(spec: string, why: string): KeiError {
  return new KeiError('invalid_when', `cannot schedule "${spec}": ${why}. ${EXAMPLES}`, { field: 'when' });
}
