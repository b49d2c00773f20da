import type { Kit } from '../../kit.js';
import { jobStore, runJobNow } from '../../schedule/index.js';
import { nextRuns, type When } from '../../schedule/when.js';
import type { Route } from '../router.js';

/** Schedules: jobs with their next runs, run history with output (guarded when shown), run now, pause, resume, cancel. */
export function scheduleRoutes(kit: Kit): Route[] {
  const jobs = () => jobStore(kit);
  return [
    {
      method: 'GET',
      path: '/api/jobs',
      handler: () => {
        const now = kit.clock.now();
        const list = jobs()
          .list()
          .map((j) => ({ ...j, next: j.enabled ? nextRuns(JSON.parse(j.when_json) as When, now, 3) : [] }));
        return { jobs: list, runs: jobs().runs(undefined, 100) };
      },
    },
    {
      method: 'POST',
      path: '/api/jobs/:name/run',
      handler: async ({ params }) => {
        const run = await runJobNow(kit, jobs().get(params.name));
        return { run, history: jobs().runs(params.name, 1)[0] ?? null };
      },
    },
    { method: 'POST', path: '/api/jobs/:name/pause', handler: ({ params }) => jobs().setEnabled(params.name, false) },
    { method: 'POST', path: '/api/jobs/:name/resume', handler: ({ params }) => jobs().setEnabled(params.name, true) },
    { method: 'DELETE', path: '/api/jobs/:name', handler: ({ params }) => ({ cancelled: jobs().cancel(params.name) }) },
  ];
}
