import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { exportTrajectories } from '../export/export.js';
import { join } from 'node:path';
import type { ScheduleContext } from './context.js';
import { openSandboxBackend } from '../sandbox/index.js';
import { runBounded } from '../sandbox/run-process.js';
import type { ExecResult } from '../sandbox/types.js';
import type { JobRow } from './jobs.js';

export interface JobOutcome {
  status: 'ok' | 'failed' | 'refused' | 'timeout';
  exitCode: number | null;
  output: string;
}

const PROMPT_TIMEOUT_MS = 30 * 60_000;

/** Runs one job by kind. Commands go to the sandbox; prompts to headless Claude Code; builtins here. */
export async function executeJob(job: JobRow, kit: ScheduleContext, signal?: AbortSignal): Promise<JobOutcome> {
  if (job.kind === 'command') return runCommand(job, kit, signal);
  if (job.kind === 'prompt') return runPrompt(job, kit, signal);
  return runBuiltin(job, kit, signal);
}

async function runCommand(job: JobRow, kit: ScheduleContext, signal?: AbortSignal): Promise<JobOutcome> {
  let result: ExecResult;
  try {
    const box = openSandboxBackend({ db: kit.db, clock: kit.clock, config: kit.config, keiHome: kit.paths.home, env: kit.env });
    result = await box.exec(
      `job-${job.name
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, '-')
        .slice(0, 36)}`,
      { command: job.payload },
      { signal },
    );
  } catch (err) {
    if (!kit.config.schedule.allowUnsandboxed)
      return {
        status: 'refused',
        exitCode: null,
        output: `${(err as Error).message} (or allow unsandboxed jobs with schedule.allowUnsandboxed)`,
      };
    result = await runBounded(
      '/bin/sh',
      ['-c', job.payload],
      { timeoutMs: kit.config.sandbox.timeoutMs, outputBytes: kit.config.sandbox.outputBytes },
      { signal },
    );
  }
  return fromExec(result);
}

async function runPrompt(job: JobRow, kit: ScheduleContext, signal?: AbortSignal): Promise<JobOutcome> {
  const claude = kit.env.KEI_CLAUDE_BIN ?? 'claude';
  const args = ['-p', job.payload, '--output-format', 'json', '--max-turns', String(kit.config.schedule.promptMaxTurns)];
  const cwd = job.cwd ?? kit.paths.home;
  const r = await runBounded(
    '/bin/sh',
    ['-c', 'cd "$1" && shift && exec "$@"', 'kei-job', cwd, claude, ...args],
    { timeoutMs: PROMPT_TIMEOUT_MS, outputBytes: 4 * 1024 * 1024 },
    { signal },
  );
  const outcome = fromExec(r);
  try {
    const parsed = JSON.parse(r.stdout) as { result?: string; is_error?: boolean };
    return { ...outcome, status: parsed.is_error ? 'failed' : outcome.status, output: parsed.result ?? outcome.output };
  } catch {
    return outcome;
  }
}

async function runBuiltin(job: JobRow, kit: ScheduleContext, signal?: AbortSignal): Promise<JobOutcome> {
  if (job.payload === 'export-trajectories') return exportBuiltin(kit);
  if (job.payload === 'nightly') return nightlyBuiltin(kit, signal);
  if (job.payload !== 'prune-logs') return { status: 'refused', exitCode: null, output: `unknown builtin ${job.payload}` };
  const dir = join(kit.paths.logs, 'jobs');
  const cutoff = kit.clock.now() - 30 * 86_400_000;
  let removed = 0;
  for (const f of safeList(dir)) {
    const path = join(dir, f);
    if (statSync(path).mtimeMs < cutoff) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return { status: 'ok', exitCode: 0, output: `removed ${removed} job log(s) older than 30 days` };
}

/** The learning cycle; its report is stored in the ledger and summarised as the run's output. */
async function nightlyBuiltin(kit: ScheduleContext, signal?: AbortSignal): Promise<JobOutcome> {
  const { runNightly } = await import('../learn/nightly/run-nightly.js');
  const { summaryLine } = await import('../learn/nightly/report.js');
  const report = await runNightly(kit, { trigger: 'schedule', signal });
  const lines = report.items.map((i) => `${i.action}\t${i.subject}\t${i.detail}`);
  return { status: 'ok', exitCode: 0, output: [summaryLine(report), ...lines].join('\n') };
}

/** Completed trajectories exported to KEI_HOME/exports/trajectories-<date>.jsonl. */
async function exportBuiltin(kit: ScheduleContext): Promise<JobOutcome> {
  const dir = join(kit.paths.home, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const out = join(dir, `trajectories-${new Date(kit.clock.now()).toISOString().slice(0, 10)}.jsonl`);
  const r = await exportTrajectories(kit.db, { completedOnly: true, out });
  return { status: 'ok', exitCode: 0, output: `exported ${r.written} trajectories to ${out}` };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function fromExec(r: ExecResult): JobOutcome {
  const output = `${r.stdout}${r.stderr ? `\n[stderr]\n${r.stderr}` : ''}`;
  if (r.timedOut) return { status: 'timeout', exitCode: r.exitCode, output };
  return { status: r.exitCode === 0 ? 'ok' : 'failed', exitCode: r.exitCode, output };
}
