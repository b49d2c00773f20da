import type { Kit } from '../../kit.js';
import { nightlyRuns, reviewRuns } from '../../learn/history.js';
import { localDay, recentCalls, usageOn } from '../../learn/invoker/budget.js';
import type { Route } from '../router.js';

/** Learning: nightly runs with their actions and reasons, reviewer runs, model calls with tokens and cost. */
export function learningRoutes(kit: Kit): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/learning',
      handler: () => ({
        nightly: nightlyRuns(kit.db, 30),
        reviews: reviewRuns(kit.db, 30),
        calls: recentCalls(kit.db, 200),
        usage: usageOn(kit.db, localDay(kit.clock.now())),
        budget: kit.config.budget,
      }),
    },
  ];
}
