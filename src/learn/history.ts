import type { Db } from '../core/db.js';
import type { NightlyReport } from './nightly/report.js';

/** The latest nightly cycles with their report (actions and reasons), newest first. */
export function nightlyRuns(
  db: Db,
  limit = 20,
): { id: string; startedAt: number; finishedAt: number | null; trigger: string; report: NightlyReport | null }[] {
  const rows = db
    .prepare('SELECT id, started_at, finished_at, trigger, report FROM nightly_runs ORDER BY started_at DESC LIMIT ?')
    .all(limit) as {
    id: string;
    started_at: number;
    finished_at: number | null;
    trigger: string;
    report: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    trigger: r.trigger,
    report: r.report ? (JSON.parse(r.report) as NightlyReport) : null,
  }));
}

export interface ReviewRun {
  session: string;
  at: number;
  applied: number;
  duplicate: number;
  blocked: number;
  failed: number;
  ops: { op: string; outcome: string; content: string | null; detail: string | null }[];
}

/** Reviewer passes, one per session reviewed (its operations grouped), latest first. */
export function reviewRuns(db: Db, limit = 20): ReviewRun[] {
  const sessions = db
    .prepare('SELECT session_id, max(at) AS at FROM review_ops GROUP BY session_id ORDER BY at DESC LIMIT ?')
    .all(limit) as {
    session_id: string;
    at: number;
  }[];
  const opsOf = db.prepare('SELECT op, outcome, content, detail FROM review_ops WHERE session_id = ? ORDER BY id');
  return sessions.map((s) => {
    const ops = opsOf.all(s.session_id) as ReviewRun['ops'];
    const count = (outcome: string) => ops.filter((o) => o.outcome === outcome).length;
    return {
      session: s.session_id,
      at: s.at,
      applied: count('applied'),
      duplicate: count('duplicate'),
      blocked: count('blocked'),
      failed: count('failed'),
      ops,
    };
  });
}
