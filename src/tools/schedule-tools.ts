import { z } from 'zod';
import { jobStore, runJobNow } from '../schedule/index.js';
import type { JobRow, JobRunView } from '../schedule/jobs.js';
import { defineTool } from './define-tool.js';

// Optional rather than nullable: a single JSON Schema type is what every MCP client can read.
const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
const jobShape = z.object({
  id: z.string(),
  name: z.string(),
  when: z.string(),
  kind: z.string(),
  payload: z.string(),
  enabled: z.boolean(),
  next_run: z.string().optional().describe('Absent when the job will not run again.'),
  last_run: z.string().optional().describe('Absent before the first run.'),
});
const runShape = z.object({
  id: z.number(),
  job: z.string(),
  scheduled_for: z.string(),
  started_at: z.string().optional(),
  ended_at: z.string().optional(),
  status: z.string(),
  exit_code: z.number().optional(),
  output: z.string().describe('The first 500 characters, or "[BLOCKED: <rule>] …" when the injection guard withheld it.'),
  attempts: z.number(),
  log_path: z.string().optional(),
  blocked_rule: z.string().optional().describe('The guard rule that withheld the output; absent when it is shown.'),
});
const toRun = (r: JobRunView) => ({
  id: r.id,
  job: r.job,
  scheduled_for: iso(r.scheduled_for) ?? '',
  started_at: iso(r.started_at),
  ended_at: iso(r.ended_at),
  status: r.status,
  exit_code: r.exit_code ?? undefined,
  output: r.output,
  attempts: r.attempts,
  log_path: r.log_path ?? undefined,
  blocked_rule: r.blocked_rule,
});
const toJob = (j: JobRow) => ({
  id: j.id,
  name: j.name,
  when: j.when_spec,
  kind: j.kind,
  payload: j.payload,
  enabled: j.enabled === 1,
  next_run: iso(j.next_run_at),
  last_run: iso(j.last_run_at),
});

export const scheduleCreate = defineTool({
  name: 'schedule_create',
  title: 'Schedule a job',
  description:
    'Schedule work that runs even when no agent session is open: "30m" or "in 2h" run once, an ISO time ' +
    'runs once then, "every 30m" repeats, cron patterns ("0 9 * * 1-5", "@daily") repeat. kind "command" ' +
    'runs a shell command in the sandbox; "prompt" runs a headless Claude Code session in cwd. The ' +
    'payload is checked by the injection guard first (a refused one is not stored). Repeats closer than ' +
    'the minimum interval (one minute by default) are refused. Returns how the time was understood and ' +
    'the next three runs — check them.',
  input: {
    name: z.string().describe('Unique short name, e.g. "nightly-tests".'),
    when: z.string().describe('When-spec: 30m | in 2h | 2026-12-01T09:00 | every 1h | 0 9 * * 1-5 | @daily'),
    kind: z.enum(['command', 'prompt', 'builtin']),
    payload: z.string().describe('The command, the prompt, or the builtin name (prune-logs, export-trajectories).'),
    cwd: z.string().optional().describe('Working directory for prompt jobs.'),
    timezone: z.string().optional().describe('IANA zone for cron and local ISO times, e.g. "Europe/Berlin".'),
    max_runs: z.number().int().min(1).optional(),
    catch_up: z.enum(['none', 'once']).optional().describe('After downtime: run a missed occurrence once (default) or skip it.'),
  },
  output: { job: jobShape, interpretation: z.string(), next_runs: z.array(z.string()) },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handle(args, kit) {
    const { job, when, next } = jobStore(kit).create({
      name: args.name,
      when: args.when,
      kind: args.kind,
      payload: args.payload,
      cwd: args.cwd,
      timezone: args.timezone,
      maxRuns: args.max_runs,
      catchUp: args.catch_up,
      creator: 'agent',
    });
    const nextRuns = next.map((t) => new Date(t).toISOString());
    return {
      structured: { job: toJob(job), interpretation: when.description, next_runs: nextRuns },
      text: `Scheduled ${job.name}: ${when.description}. Next: ${nextRuns.join(', ') || 'none'}.`,
    };
  },
});

export const scheduleList = defineTool({
  name: 'schedule_list',
  title: 'List scheduled jobs',
  description:
    'List the scheduled jobs (commands, headless prompts, builtins) with their when-spec, whether they ' +
    'are enabled, and their next and last run times.',
  input: {},
  output: { jobs: z.array(jobShape) },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(_args, kit) {
    const jobs = jobStore(kit).list().map(toJob);
    return { structured: { jobs }, text: jobs.map((j) => `${j.name} (${j.when}) next ${j.next_run ?? '-'}`).join('\n') || 'No jobs.' };
  },
});

export const scheduleCancel = defineTool({
  name: 'schedule_cancel',
  title: 'Cancel a job',
  description:
    'Cancel a scheduled job by name or id so it never runs again; its past runs stay in the history ' +
    '(schedule_runs). To stop it for a while, use the CLI pause instead.',
  input: { job: z.string() },
  output: { cancelled: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handle(args, kit) {
    const job = jobStore(kit).cancel(args.job);
    return { structured: { cancelled: job.name }, text: `Cancelled ${job.name}.` };
  },
});

export const scheduleRunNow = defineTool({
  name: 'schedule_run_now',
  title: 'Run a job now',
  description:
    'Run a scheduled job immediately, outside its schedule (the next scheduled time is unchanged), wait ' +
    'for it, and return its status; the output is in schedule_runs.',
  input: { job: z.string() },
  output: { job: z.string(), status: z.string(), run_id: z.number() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(args, kit) {
    const r = await runJobNow(kit, jobStore(kit).get(args.job));
    return { structured: { job: r.job, status: r.status, run_id: r.runId }, text: `${r.job}: ${r.status}` };
  },
});

export const scheduleRuns = defineTool({
  name: 'schedule_runs',
  title: 'Job run history',
  description:
    'Recent runs of one job (or of all jobs), newest first, with their scheduled time, status, exit code ' +
    'and an excerpt of the output ("[BLOCKED: <rule>]" when the injection guard withholds it); full ' +
    'output is in the log file named.',
  input: { job: z.string().optional(), limit: z.number().int().min(1).max(200).optional() },
  output: { runs: z.array(runShape) },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  handle(args, kit) {
    const runs = jobStore(kit).runs(args.job, args.limit).map(toRun);
    return {
      structured: { runs },
      text:
        runs
          .map(
            (r) => `${r.job} @ ${r.scheduled_for}: ${r.status} ${r.blocked_rule ? `[BLOCKED: ${r.blocked_rule}]` : r.output.slice(0, 100)}`,
          )
          .join('\n') || 'No runs yet.',
    };
  },
});

export const SCHEDULE_TOOLS = [scheduleCreate, scheduleList, scheduleCancel, scheduleRunNow, scheduleRuns];
