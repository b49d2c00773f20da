import { describe, expect, it } from 'vitest';
import { nextRuns, parseWhen } from '../../src/schedule/when.js';

const now = Date.UTC(2026, 2, 28, 12, 0, 0);
const o = { now, minIntervalMs: 60_000 };
const iso = (t: number) => new Date(t).toISOString();

describe('when-specs', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['in 45m', 45 * 60_000],
    ['in 2 hours', 7_200_000],
  ])('%s runs once', (spec, ms) => {
    const w = parseWhen(spec, o);
    expect(w.kind).toBe('once');
    expect(nextRuns(w, now, 3)).toEqual([now + ms]);
    expect(w.description).toMatch(/^once, in /);
  });

  it.each([
    ['every 30m', 30 * 60_000],
    ['every 2h', 7_200_000],
    ['every 1d', 86_400_000],
  ])('%s repeats', (spec, ms) => {
    const w = parseWhen(spec, o);
    expect(w.kind).toBe('interval');
    expect(nextRuns(w, now, 3)).toEqual([now + ms, now + 2 * ms, now + 3 * ms]);
    expect(w.description).toMatch(/repeating/);
  });

  it('ISO times: with an offset, in local time without one, and in a named zone', () => {
    expect(nextRuns(parseWhen('2026-04-01T09:00:00Z', o), now, 1)).toEqual([Date.UTC(2026, 3, 1, 9)]);
    expect(nextRuns(parseWhen('2026-04-01T09:00:00+02:00', o), now, 1)).toEqual([Date.UTC(2026, 3, 1, 7)]);
    expect(nextRuns(parseWhen('2026-04-01T09:00', o), now, 1)).toEqual([new Date(2026, 3, 1, 9, 0).getTime()]);
    expect(nextRuns(parseWhen('2026-04-01T09:00', { ...o, timezone: 'America/New_York' }), now, 1)).toEqual([Date.UTC(2026, 3, 1, 13)]);
  });

  it('cron patterns and nicknames, with a time zone', () => {
    const weekdays = parseWhen('0 9 * * 1-5', { ...o, timezone: 'Europe/Berlin' });
    expect(nextRuns(weekdays, now, 3).map(iso)).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-04-01T07:00:00.000Z',
    ]);
    expect(nextRuns(parseWhen('@daily', { ...o, timezone: 'UTC' }), now, 1).map(iso)).toEqual(['2026-03-29T00:00:00.000Z']);
    expect(parseWhen('0 */5 * * * *', o).kind).toBe('cron');
  });

  it('DST: a 02:30 job on the night clocks skip ahead still runs once that night', () => {
    const w = parseWhen('30 2 * * *', { ...o, timezone: 'Europe/Berlin' });
    const runs = nextRuns(w, now, 3).map(iso);
    expect(runs[0]).toBe('2026-03-29T01:00:00.000Z');
    expect(runs.slice(1)).toEqual(['2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
  });

  it('DST: the repeated hour in autumn runs once', () => {
    const autumn = Date.UTC(2026, 9, 24, 12);
    const runs = nextRuns(parseWhen('30 2 * * *', { now: autumn, minIntervalMs: 60_000, timezone: 'Europe/Berlin' }), autumn, 2).map(iso);
    expect(runs).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it.each([
    ['', /empty/],
    ['soon', /neither a duration/],
    ['every 10s', /under 1 minute/],
    ['every soon', /not a duration/],
    ['2020-01-01T00:00:00Z', /in the past/],
    ['2026-13-45T00:00', /not a valid ISO/],
    ['61 * * * *', /Invalid value for minute/],
    ['0 0 31 2 *', /matches no date/],
    ['* * * * * *', /only 1 second apart, under the minimum of 1 minute/],
  ])('refuses %j with a reason and examples', (spec, reason) => {
    expect(() => parseWhen(spec, o)).toThrow(reason);
    expect(() => parseWhen(spec, o)).toThrow(/Examples: "30m"/);
  });
});
