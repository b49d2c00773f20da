import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { openKit } from '../../src/kit.js';
import { jobStore, runDuePass } from '../../src/schedule/index.js';
import { ensureNightlyJob } from '../../src/schedule/jobs.js';
import { deploySession, recordSession } from '../helpers/ledger.js';
import { tempDir } from '../helpers/temp.js';

describe('the built-in nightly job', () => {
  it('is created once at 03:00 local time and runs the learning cycle when due', async () => {
    const home = tempDir('kei-nightly-job-');
    const start = new Date(2026, 0, 1, 12, 0, 0).getTime();
    const clock = fixedClock(start);
    const kit = openKit({ home, cwd: home, env: { PATH: tempDir('kei-no-model-') }, clock });
    const job = ensureNightlyJob(jobStore(kit));
    expect(job).toMatchObject({ name: 'nightly', kind: 'builtin', payload: 'nightly', when_spec: '0 3 * * *' });
    expect(new Date(job?.next_run_at as number)).toEqual(new Date(2026, 0, 2, 3, 0, 0));
    expect(ensureNightlyJob(jobStore(kit))).toBeUndefined();
    recordSession(kit.db, 's1', deploySession(), start);
    clock.advance(15 * 3_600_000 + 60_000);
    expect((await runDuePass(kit)).map((r) => [r.job, r.status])).toEqual([['nightly', 'ok']]);
    const run = kit.db.prepare('SELECT output FROM job_runs').get() as { output: string };
    expect(run.output).toMatch(/^Nightly cycle: 1 extracted in [\d.]+ s; model: none/);
    expect(kit.db.prepare('SELECT trigger FROM nightly_runs').all()).toEqual([{ trigger: 'schedule' }]);
    kit.close();
  });
});
