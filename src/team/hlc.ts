/**
 * Hybrid logical clocks: wall time in ms, a counter for changes within one ms (or while the wall clock lags behind a
 * clock already seen), and the member as a tie-break, encoded so that string order is clock order. A machine whose
 * clock is behind still stamps its next change after everything it has pulled, so skew cannot lose an edit.
 */
export interface Hlc {
  ms: number;
  counter: number;
  member: string;
}

const MS_DIGITS = 15;
const COUNTER_DIGITS = 6;

export function encodeHlc(h: Hlc): string {
  return `${String(h.ms).padStart(MS_DIGITS, '0')}.${String(h.counter).padStart(COUNTER_DIGITS, '0')}.${h.member}`;
}

export function decodeHlc(text: string): Hlc | undefined {
  const match = /^(\d{15})\.(\d{6})\.(.+)$/.exec(text);
  if (!match) return undefined;
  return { ms: Number(match[1]), counter: Number(match[2]), member: match[3] };
}

/** The clock for a local change at wall time `now`, after `last` (the latest clock this member stamped or saw). */
export function tick(last: string, now: number, member: string): string {
  const prev = decodeHlc(last);
  if (!prev || now > prev.ms) return encodeHlc({ ms: now, counter: 0, member });
  return encodeHlc({ ms: prev.ms, counter: prev.counter + 1, member });
}

/** The later of two clocks: what this member has seen after pulling `remote`. */
export function later(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Wall time of a clock, for display. */
export function hlcTime(text: string): number | undefined {
  return decodeHlc(text)?.ms;
}
