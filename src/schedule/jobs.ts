import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Logger } from '../core/log.js';
import { guardJobPayload, showJobOutput } from './job-guard.js';
import { nextRuns, parseWhen, type When } from './when.js';

export type JobKind = 'prompt' | 'command' | 'builtin';

export interface JobRow {
  id: string;
  name: string;
  when_spec: string;
  when_json: string;
  kind: JobKind;
  payload: string;
  cwd: string | null;
  timezone: string | null;
  enabled: number;
  max_runs: number | null;
  run_count: number;
  catch_up: 'none' | 'once';
  catch_up_deadline_ms: number;
  concurrency: 'forbid' | 'allow';
  creator: string;
  created_at: number;
  next_run_at: number | null;
  last_run_at: number | null;
}

/** One run as `JobStore.runs` returns it (the row's own names, so `--json` output keeps them). */
export interface JobRunView {
  id: number;
  job: string;
  scheduled_for: number;
  started_at: number | null;
  ended_at: number | null;
  status: string;
  exit_code: number | null;
  /** The first 500 characters, or `[BLOCKED: <rule>] …` when the guard withheld it. */
  output: string;
  attempts: number;
  log_path: string | null;
  blocked_rule?: string;
}

export interface CreateJob {
  name: string;
  when: string;
  kind: JobKind;
  payload: string;
  cwd?: string;
  timezone?: string;
  maxRuns?: number;
  catchUp?: 'none' | 'once';
  catchUpDeadlineMs?: number;
  concurrency?: 'forbid' | 'allow';
  creator?: string;
}

const BUILTINS = ['prune-logs', 'export-trajectories', 'nightly'];

/** Jobs in kei.db: what to run, when, and the next occurrence. */
export class JobStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly minIntervalMs: number,
    private readonly log: Logger,
    private readonly env?: NodeJS.ProcessEnv,
  ) {}

  create(input: CreateJob): { job: JobRow; when: When; next: number[] } {
    if (!/^[\w.-]{1,64}$/.test(input.name))
      throw new KeiError('invalid_job_name', `job name "${input.name}" must be 1-64 letters, digits, _ . -`, { field: 'name' });
    if (input.kind === 'builtin' && !BUILTINS.includes(input.payload))
      throw new KeiError('invalid_builtin', `unknown builtin "${input.payload}"; use ${BUILTINS.join(', ')}`, { field: 'payload' });
    if (!input.payload.trim()) throw new KeiError('invalid_payload', 'the job has nothing to run', { field: 'payload' });
    if (this.byName(input.name))
      throw new KeiError('job_exists', `a job named "${input.name}" exists; cancel it first or pick another name`, { field: 'name' });
    const now = this.clock.now();
    const when = parseWhen(input.when, { now, timezone: input.timezone, minIntervalMs: this.minIntervalMs });
    // Last of the checks: a refused payload is recorded as a guard event, a mistyped time is not.
    guardJobPayload({ db: this.db, clock: this.clock, log: this.log, env: this.env }, input);
    const next = nextRuns(when, now, 3);
    const id = newId('job', now);
    this.db
      .prepare(
        'INSERT INTO jobs (id, name, when_spec, when_json, kind, payload, cwd, timezone, max_runs, catch_up, ' +
          'catch_up_deadline_ms, concurrency, creator, created_at, next_run_at)\n      VALUES (?, ?, ?, ?, ?, ' +
          '?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.name,
        input.when,
        JSON.stringify(when),
        input.kind,
        input.payload,
        input.cwd ?? null,
        input.timezone ?? null,
        input.maxRuns ?? null,
        input.catchUp ?? 'once',
        input.catchUpDeadlineMs ?? 3_600_000,
        input.concurrency ?? 'forbid',
        input.creator ?? 'user',
        now,
        next[0] ?? null,
      );
    return { job: this.get(id), when, next };
  }

  get(idOrName: string): JobRow {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ? OR name = ?').get(idOrName, idOrName) as JobRow | undefined;
    if (!row) throw new KeiError('job_not_found', `no job "${idOrName}"`, { field: 'job' });
    return row;
  }

  byName(name: string): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE name = ?').get(name) as JobRow | undefined;
  }

  list(): JobRow[] {
    return this.db.prepare('SELECT * FROM jobs ORDER BY coalesce(next_run_at, 9e15), name').all() as JobRow[];
  }

  cancel(idOrName: string): JobRow {
    const job = this.get(idOrName);
    this.db.prepare('DELETE FROM jobs WHERE id = ?').run(job.id);
    return job;
  }

  setEnabled(idOrName: string, enabled: boolean): JobRow {
    const job = this.get(idOrName);
    const next = enabled ? (nextRuns(JSON.parse(job.when_json) as When, this.clock.now(), 1)[0] ?? null) : job.next_run_at;
    this.db.prepare('UPDATE jobs SET enabled = ?, next_run_at = ? WHERE id = ?').run(enabled ? 1 : 0, next, job.id);
    return this.get(job.id);
  }

  /** Recent runs, newest first; `output` is its first 500 characters, or `[BLOCKED: <rule>] …` when the guard withholds it. */
  runs(idOrName?: string, limit = 20): JobRunView[] {
    const sql =
      `SELECT r.id, j.name AS job, r.scheduled_for, r.started_at, r.ended_at, r.status, r.exit_code, ` +
      `coalesce(r.output, '') AS output, r.attempts, r.log_path
      FROM job_runs r JOIN jobs j ON j.id ` +
      `= r.job_id ${idOrName ? 'WHERE j.id = ? OR j.name = ?' : ''} ORDER BY r.scheduled_for DESC LIMIT ?`;
    const rows = (idOrName ? this.db.prepare(sql).all(idOrName, idOrName, limit) : this.db.prepare(sql).all(limit)) as JobRunView[];
    return rows.map((r) => {
      const shown = showJobOutput(r.job, r.output, 500);
      return { ...r, output: shown.text, blocked_rule: shown.blockedRule };
    });
  }
}

/** The nightly learning cycle as a job at 03:00 local time. */
export const NIGHTLY_JOB = {
  name: 'nightly',
  when: '0 3 * * *',
  kind: 'builtin',
  payload: 'nightly',
  creator: 'keiseikit',
  catchUp: 'once',
} as const;

/** Creates the nightly job once (the user may pause or cancel it); undefined when it already exists. */
export function ensureNightlyJob(jobs: JobStore): JobRow | undefined {
  if (jobs.byName(NIGHTLY_JOB.name)) return undefined;
  return jobs.create({ ...NIGHTLY_JOB }).job;
}
