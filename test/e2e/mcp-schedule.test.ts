import { afterEach, describe, expect, it } from 'vitest';
import { connectKeiMcp, textOf, type McpSession } from '../helpers/mcp.js';
import { tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface Job {
  name: string;
  next_run?: string;
  last_run?: string;
  enabled: boolean;
}
interface Run {
  job: string;
  status: string;
  scheduled_for: string;
  exit_code?: number;
  output: string;
  attempts: number;
}

describe('schedule tools through the real kei-mcp', () => {
  it('creates a job with its interpretation, runs it now, shows the run, lists and cancels it', async () => {
    session = await connectKeiMcp(tempDir('kei-home-'), { HOME: tempDir('kei-user-') });
    const created = await session.call('schedule_create', { name: 'tidy', when: 'every 2h', kind: 'builtin', payload: 'prune-logs' });
    expect(created.isError).toBeFalsy();
    const { job, interpretation, next_runs: next } = created.structuredContent as { job: Job; interpretation: string; next_runs: string[] };
    expect(interpretation).toBe('every 2 hours, repeating');
    expect(next).toHaveLength(3);
    expect(Date.parse(next[1]) - Date.parse(next[0])).toBe(2 * 3_600_000);
    expect(job).toMatchObject({ name: 'tidy', enabled: true, next_run: next[0] });
    expect(job).not.toHaveProperty('last_run');
    const ran = await session.call('schedule_run_now', { job: 'tidy' });
    expect(ran.structuredContent).toMatchObject({ job: 'tidy', status: 'ok' });
    const { runs } = (await session.call('schedule_runs', { job: 'tidy' })).structuredContent as { runs: Run[] };
    expect(runs).toEqual([
      expect.objectContaining({
        job: 'tidy',
        status: 'ok',
        exit_code: 0,
        attempts: 1,
        output: expect.stringMatching(/^removed 0 job log/),
      }),
    ]);
    expect(Number.isNaN(Date.parse(runs[0].scheduled_for))).toBe(false);
    const { jobs } = (await session.call('schedule_list', {})).structuredContent as { jobs: Job[] };
    expect(jobs.map((j) => j.name)).toEqual(['tidy']);
    expect((await session.call('schedule_cancel', { job: 'tidy' })).isError).toBeFalsy();
    expect(((await session.call('schedule_list', {})).structuredContent as { jobs: Job[] }).jobs).toEqual([]);
  });

  it('refuses a time it cannot read, saying why, and stores nothing', async () => {
    session = await connectKeiMcp(tempDir('kei-home-'), { HOME: tempDir('kei-user-') });
    const bad = await session.call('schedule_create', { name: 'x', when: 'sometime soonish', kind: 'builtin', payload: 'prune-logs' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/sometime soonish/);
    expect(((await session.call('schedule_list', {})).structuredContent as { jobs: Job[] }).jobs).toEqual([]);
  });
});
