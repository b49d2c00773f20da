import { localDay, usageOn } from '../../learn/invoker/budget.js';
import { nightlyRuns } from '../../learn/history.js';
import { summaryLine } from '../../learn/nightly/report.js';
import { guardBlocksSince, skillUsesByDay } from '../../ledger/dashboard.js';
import { ledgerStats } from '../../ledger/queries.js';
import { memoryGrowth } from '../../memory/browse.js';
import { jobStore } from '../../schedule/index.js';
import type { Kit } from '../../kit.js';
import type { Route } from '../router.js';

const DAY = 86_400_000;

/** The overview: counts, 30 days of memory growth and skill uses, today's model use against the budget, the last nightly report. */
export function overviewRoutes(kit: Kit): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/overview',
      handler: () => {
        const now = kit.clock.now();
        const totals = ledgerStats(kit.db)[0];
        const last = nightlyRuns(kit.db, 1)[0];
        return {
          now,
          counts: { ...totals, skills: kit.skills.registry.all().length, jobs: jobStore(kit).list().length },
          memoryGrowth: memoryGrowth(kit.db, now - 30 * DAY),
          skillUses: skillUsesByDay(kit.db, now - 30 * DAY),
          usage: usageOn(kit.db, localDay(now)),
          budget: kit.config.budget,
          lastNightly: last ? { ...last, summary: last.report ? summaryLine(last.report) : 'no report' } : null,
          guardWeek: guardBlocksSince(kit.db, now - 7 * DAY),
        };
      },
    },
  ];
}
