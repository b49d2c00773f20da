import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../guard/redact.js';
import type { ScheduleContext } from './context.js';
import { executeJob, type JobOutcome } from './executors.js';
import type { JobRow } from './jobs.js';
import { nextAfter, type When } from './when.js';

/** A late occurrence within this much of its time is simply on time (a busy machine, a slow poll). */
const ON_TIME_MS = 60_000;

export interface RunRecord {
  runId: number;
  job: string;
  scheduledFor: number;
  status: string;
}

interface Claimed {
  runId: number;
  job: JobRow;
  scheduledFor: number;
}

/**
 * One pass of the scheduler, shared by the daemon and `run-due`. Every occurrence gets exactly one
 * row in job_runs (a UNIQUE key claimed in a transaction), so two runners never run it twice; a run
 * whose runner died is picked up again in the same row once its lease lapses, so it is not lost.
 */
export async function runDuePass(kit: ScheduleContext, shutdown?: AbortSignal): Promise<RunRecord[]> {
  const claimed = [...reclaimInterrupted(kit), ...claimDue(kit)];
  const done: RunRecord[] = [];
  for (const c of claimed) {
    if (shutdown?.aborted) break;
    const record = await execute(kit, c, shutdown);
    if (record) done.push(record);
  }
  return done;
}

function reclaimInterrupted(kit: ScheduleContext): Claimed[] {
  const now = kit.clock.now();
  const stale = kit.db
    .prepare("SELECT r.id, r.scheduled_for, r.job_id FROM job_runs r WHERE r.status = 'running' AND r.lease_until < ?")
    .all(now) as { id: number; scheduled_for: number; job_id: string }[];
  const out: Claimed[] = [];
  for (const s of stale) {
    const won = kit.db
      .prepare(
        "UPDATE job_runs SET runner_pid = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? AND status = 'running' AND lease_until < ?",
      )
      .run(process.pid, now + kit.config.schedule.leaseMs, s.id, now);
    const job = kit.db.prepare('SELECT * FROM jobs WHERE id = ?').get(s.job_id) as JobRow | undefined;
    if (won.changes === 1 && job) {
      kit.log.info('resuming an interrupted job run', { job: job.name, scheduledFor: s.scheduled_for });
      out.push({ runId: s.id, job, scheduledFor: s.scheduled_for });
    }
  }
  return out;
}

function claimDue(kit: ScheduleContext): Claimed[] {
  const now = kit.clock.now();
  const due = kit.db
    .prepare('SELECT * FROM jobs WHERE enabled = 1 AND next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at')
    .all(now) as JobRow[];
  const out: Claimed[] = [];
  for (const job of due) {
    const claim = kit.db.transaction(() => claimOne(kit, job, now)).immediate();
    if (claim) out.push(claim);
  }
  return out;
}

/** Inside one transaction: still due? record the occurrence (or its miss) and move the job to its next future time. */
function claimOne(kit: ScheduleContext, job: JobRow, now: number): Claimed | undefined {
  const fresh = kit.db.prepare('SELECT * FROM jobs WHERE id = ?').get(job.id) as JobRow | undefined;
  if (!fresh || fresh.next_run_at !== job.next_run_at || !fresh.enabled) return undefined;
  const occurrence = fresh.next_run_at as number;
  if (
    fresh.concurrency === 'forbid' &&
    kit.db.prepare("SELECT 1 FROM job_runs WHERE job_id = ? AND status = 'running' AND lease_until >= ?").get(fresh.id, now)
  )
    return undefined;
  const when = JSON.parse(fresh.when_json) as When;
  // Never sooner than the minimum interval, whatever the stored spec says: rows written before
  // creation checked every syntax (a seconds-field cron) must not run every second either.
  const next = nextAfter(when, occurrence, Math.max(now, occurrence + kit.config.schedule.minIntervalMs - 1));
  const late = now - occurrence;
  const runIt = late <= ON_TIME_MS || (fresh.catch_up === 'once' && late <= fresh.catch_up_deadline_ms);
  const runs = fresh.run_count + (runIt ? 1 : 0);
  const finished = next === null || (fresh.max_runs !== null && runs >= fresh.max_runs);
  kit.db
    .prepare('UPDATE jobs SET next_run_at = ?, last_run_at = ?, run_count = ?, enabled = ? WHERE id = ?')
    .run(finished ? null : next, occurrence, runs, finished ? 0 : 1, fresh.id);
  const status = runIt ? 'running' : 'missed';
  const inserted = kit.db
    .prepare(
      'INSERT OR IGNORE INTO job_runs (job_id, scheduled_for, started_at, status, runner_pid, lease_until, ' +
        'attempts, ended_at, output) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      fresh.id,
      occurrence,
      now,
      status,
      process.pid,
      now + kit.config.schedule.leaseMs,
      runIt ? 1 : 0,
      runIt ? null : now,
      runIt
        ? null
        : `missed by ${Math.round(late / 1000)} s (catch-up ${fresh.catch_up}, deadline ${Math.round(fresh.catch_up_deadline_ms / 1000)} s)`,
    );
  if (inserted.changes === 0 || !runIt) return undefined;
  return { runId: Number(inserted.lastInsertRowid), job: fresh, scheduledFor: occurrence };
}

/** Runs a claimed occurrence; on shutdown the row stays 'running' and the next runner resumes it when the lease lapses. */
async function execute(kit: ScheduleContext, c: Claimed, shutdown?: AbortSignal): Promise<RunRecord | undefined> {
  const renew = setInterval(() => {
    try {
      kit.db.prepare('UPDATE job_runs SET lease_until = ? WHERE id = ?').run(kit.clock.now() + kit.config.schedule.leaseMs, c.runId);
    } catch {
      /* next renewal */
    }
  }, kit.config.schedule.leaseMs / 3);
  let outcome: JobOutcome;
  try {
    outcome = await executeJob(c.job, kit, shutdown);
  } catch (err) {
    outcome = { status: 'failed', exitCode: null, output: String((err as Error)?.message ?? err) };
  } finally {
    clearInterval(renew);
  }
  if (shutdown?.aborted) {
    kit.log.info('job run interrupted by shutdown; it resumes on the next start', { job: c.job.name });
    return undefined;
  }
  // Secrets never at rest: a job that prints a token or a key leaves neither in its log file nor in kei.db.
  const output = redactSecrets(outcome.output);
  const logPath = writeJobLog(kit, c, output);
  const cap = kit.config.schedule.outputChars;
  kit.db
    .prepare('UPDATE job_runs SET status = ?, exit_code = ?, output = ?, ended_at = ?, log_path = ?, lease_until = NULL WHERE id = ?')
    .run(outcome.status, outcome.exitCode, output.slice(0, cap), kit.clock.now(), logPath, c.runId);
  kit.log.info('job run finished', { job: c.job.name, status: outcome.status, scheduledFor: c.scheduledFor });
  return { runId: c.runId, job: c.job.name, scheduledFor: c.scheduledFor, status: outcome.status };
}

function writeJobLog(kit: ScheduleContext, c: Claimed, output: string): string {
  const dir = join(kit.paths.logs, 'jobs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${c.job.name}-${new Date(c.scheduledFor).toISOString().replace(/[:.]/g, '-')}.log`);
  writeFileSync(path, output);
  return path;
}

/** Runs a job now, outside its schedule (its next scheduled time is unchanged); recorded like any run. */
export async function runJobNow(kit: ScheduleContext, job: JobRow): Promise<RunRecord> {
  const now = kit.clock.now();
  const inserted = kit.db
    .prepare(
      "INSERT INTO job_runs (job_id, scheduled_for, started_at, status, runner_pid, lease_until, attempts) VALUES (?, ?, ?, 'running', ?, ?, 1)",
    )
    .run(job.id, now, now, process.pid, now + kit.config.schedule.leaseMs);
  return (await execute(kit, { runId: Number(inserted.lastInsertRowid), job, scheduledFor: now })) as RunRecord;
}
