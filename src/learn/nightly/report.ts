export const ACTIONS = ['extracted', 'improved', 'archived', 'validated', 'judged', 'skipped', 'left', 'failed'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ReportItem {
  action: Action;
  subject: string;
  detail: string;
}

export interface NightlyReport {
  id: string;
  startedAt: number;
  finishedAt: number;
  dryRun: boolean;
  invoker: string;
  items: ReportItem[];
  counts: Record<Action, number>;
}

export function countItems(items: ReportItem[]): Record<Action, number> {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const i of items) counts[i.action]++;
  return counts;
}

/** One line of totals: what a user reads first in the morning. */
export function summaryLine(r: NightlyReport): string {
  const parts = ACTIONS.filter((a) => r.counts[a] > 0).map((a) => `${r.counts[a]} ${a}`);
  const seconds = ((r.finishedAt - r.startedAt) / 1000).toFixed(1);
  return (
    `${r.dryRun ? 'Nightly dry run (nothing written, no model called)' : 'Nightly cycle'}: ${parts.join(', ') || 'nothing to do'} in ` +
    `${seconds} s; model: ${r.invoker}`
  );
}
