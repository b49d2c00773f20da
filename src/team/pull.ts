import type pg from 'pg';
import type { TeamContext } from './context.js';
import { later } from './hlc.js';
import type { TeamLink } from './link.js';
import { saveCursor } from './link.js';
import { applyMemoryChange, type ApplyOutcome } from './apply-memory.js';
import { applySkillChange, applySkillStats } from './apply-skill.js';
import { refusal } from './refusal.js';
import { pullChanges, type PulledChange } from './remote.js';
import { dropOutboxAfter, lastOutboxSeq, quarantine } from './state.js';

const BATCH = 1000;

export interface PullReport {
  pulled: number;
  applied: number;
  conflicts: number;
  quarantined: number;
  parked: number;
}

/**
 * Fetches the team's changes after this data home's cursor and applies each batch in one local transaction that also
 * moves the cursor: a crash leaves either the whole batch applied with the cursor after it, or neither.
 */
export async function pullAll(ctx: TeamContext, client: pg.Client, link: TeamLink): Promise<PullReport> {
  const report: PullReport = { pulled: 0, applied: 0, conflicts: 0, quarantined: 0, parked: 0 };
  let cursor = link.pullCursor;
  for (;;) {
    const rows = await pullChanges(client, link.team, cursor, BATCH);
    if (rows.length === 0) return report;
    ctx.db
      .transaction(() => {
        const queuedBefore = lastOutboxSeq(ctx.db);
        let seen = '';
        for (const row of rows) {
          count(report, applyOne(ctx, row, link.member));
          seen = later(seen, row.hlc);
        }
        dropOutboxAfter(ctx.db, queuedBefore); // what applying queued is not a local edit
        saveCursor(ctx.db, rows[rows.length - 1].seq, seen);
      })
      .immediate();
    report.pulled += rows.filter((r) => r.member !== link.member).length; // our own changes come back too
    cursor = rows[rows.length - 1].seq;
  }
}

function applyOne(ctx: TeamContext, row: PulledChange, me: string): ApplyOutcome {
  try {
    if (row.kind === 'skill') return applySkillChange(ctx, row);
    if (row.kind === 'skill_stats') return applySkillStats(ctx, row);
    return applyMemoryChange(ctx, row, me);
  } catch (error) {
    const rules = refusal(error);
    if (rules === undefined) throw error;
    quarantine(ctx.db, {
      change_id: row.change_id,
      kind: row.kind,
      entry_id: row.entry_id,
      member: row.member,
      hlc: row.hlc,
      rules,
      at: ctx.clock.now(),
    });
    ctx.log.warn('team: quarantined a pulled change the guard blocked', { member: row.member, entry: row.entry_id, rules });
    return 'quarantined';
  }
}

function count(report: PullReport, outcome: ApplyOutcome): void {
  if (outcome === 'applied') report.applied += 1;
  else if (outcome === 'conflict') {
    report.applied += 1;
    report.conflicts += 1;
  } else if (outcome === 'lost') report.conflicts += 1;
  else if (outcome === 'quarantined') report.quarantined += 1;
  else if (outcome === 'parked') report.parked += 1;
}
