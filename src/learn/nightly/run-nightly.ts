import { errorMessage, hasCode } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { GuardBlockedError } from '../../gate/guard-blocked-error.js';
import type { LearnContext } from '../context.js';
import { archiveSkill } from '../archive.js';
import { extractSkill, markProcessed } from '../extract.js';
import { reextractSkill, validateSkill } from '../improve.js';
import { openInvoker, type Invoker } from '../invoker/index.js';
import { judgeBatch, pendingJudgements } from '../judge.js';
import { planInputFor, planNightly, type Plan } from './plan.js';
import { countItems, type NightlyReport, type ReportItem } from './report.js';

export interface NightlyOptions {
  dryRun?: boolean;
  /** At most this many extractions and re-extractions (default: nightly.maxChangesPerCycle). */
  max?: number;
  trigger?: string;
  signal?: AbortSignal;
  invoker?: Invoker;
  /** Called before each change with how many are done, how many there are, and the one starting. */
  onProgress?: (done: number, total: number, item: string) => void;
}

interface Cycle {
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'env' | 'log' | 'paths' | 'skills'>;
  invoker: Invoker;
  items: ReportItem[];
  deadline: number;
  signal?: AbortSignal;
  onProgress?: NightlyOptions['onProgress'];
  done: number;
  total: number;
}

const JUDGE_BATCHES = 3;

/** The nightly learning cycle: judge, plan, then extract, improve, archive and validate within the caps and the time budget. */
export async function runNightly(
  kit: Pick<LearnContext, 'clock' | 'config' | 'db' | 'env' | 'log' | 'paths' | 'skills'>,
  options: NightlyOptions = {},
): Promise<NightlyReport> {
  const startedAt = kit.clock.now();
  const invoker = options.invoker ?? openInvoker(kit, { tolerant: true });
  const cycle: Cycle = {
    kit,
    invoker,
    items: [],
    deadline: Date.now() + kit.config.nightly.timeBudgetMinutes * 60_000,
    signal: options.signal,
    onProgress: options.onProgress,
    done: 0,
    total: 0,
  };
  if (!options.dryRun) await judge(cycle);
  const plan = planNightly(planInputFor(kit, options.max));
  if (options.dryRun) describePlan(plan, cycle.items, kit.config.nightly.windowDays);
  else await execute(plan, cycle);
  const report: NightlyReport = {
    id: newId('night', startedAt),
    startedAt,
    finishedAt: kit.clock.now(),
    dryRun: options.dryRun === true,
    invoker: invoker.backendName ?? `none (${invoker.reason})`,
    items: cycle.items,
    counts: countItems(cycle.items),
  };
  if (!options.dryRun) {
    kit.db
      .prepare('INSERT INTO nightly_runs (id, started_at, finished_at, dry_run, trigger, report) VALUES (?, ?, ?, 0, ?, ?)')
      .run(report.id, startedAt, report.finishedAt, options.trigger ?? 'cli', JSON.stringify(report));
    kit.log.info('nightly cycle finished', { counts: report.counts });
  }
  return report;
}

async function judge(c: Cycle): Promise<void> {
  if (!c.invoker.available) return;
  const size = c.kit.config.nightly.judgeBatch;
  const pending = pendingJudgements(c.kit.db, c.kit.clock.now(), size * JUDGE_BATCHES);
  for (let i = 0; i < pending.length; i += size) {
    if (outOfTime(c))
      return void c.items.push({
        action: 'left',
        subject: `${pending.length - i} skill invocations`,
        detail: 'judging: the time budget is spent',
      });
    try {
      const stored = await judgeBatch(c.kit, c.invoker, pending.slice(i, i + size), c.signal);
      c.items.push({
        action: 'judged',
        subject: `${stored} of ${Math.min(size, pending.length - i)} invocations`,
        detail: 'success decided by the model judge',
      });
    } catch (err) {
      c.items.push({ action: 'skipped', subject: 'judging', detail: errorMessage(err) });
      if (hasCode(err, 'budget_exhausted')) return;
    }
  }
}

async function execute(plan: Plan, c: Cycle): Promise<void> {
  c.total = plan.reextract.length + plan.extract.length + plan.archive.length + plan.validate.length;
  for (const d of plan.duplicates) {
    markProcessed(c.kit, d.trajectory, `duplicate of ${d.similar.skill}`);
    c.items.push({ action: 'skipped', subject: d.trajectory, detail: similarText(d.similar) });
  }
  for (const r of plan.reextract) {
    if (outOfTime(c)) {
      c.items.push({ action: 'left', subject: r.skill.name, detail: 're-extraction: the time budget is spent' });
      continue;
    }
    await attempt(c, r.skill.name, async () => {
      const done = await reextractSkill(c.kit, c.invoker, r.skill.name, r.metrics.failing, c.signal);
      return {
        action: 'improved',
        subject: r.skill.name,
        detail: `${rateText(r.metrics)} → version ${done.version} by ${done.extractor}${done.note ? ` (${done.note})` : ''}`,
      };
    });
  }
  for (const e of plan.extract) {
    if (outOfTime(c)) {
      c.items.push({ action: 'left', subject: e.evidence.id, detail: 'extraction: the time budget is spent' });
      continue;
    }
    await attempt(
      c,
      e.evidence.id,
      async () => {
        const done = await extractSkill(c.kit, c.invoker, e.evidence, e.fingerprint, c.signal);
        return {
          action: 'extracted',
          subject: done.skill,
          detail: `from ${e.evidence.id} by ${done.extractor}${done.note ? ` (${done.note})` : ''}: ${done.path}`,
        };
      },
      e.evidence.id,
    );
  }
  for (const a of plan.archive)
    await attempt(c, a.skill.name, () => ({
      action: 'archived',
      subject: a.skill.name,
      detail: `${unusedText(a.lastUse, c.kit.config.nightly.windowDays)} → ${archiveSkill(c.kit, a.skill.name)}`,
    }));
  for (const v of plan.validate)
    await attempt(c, v.skill.name, () => ({
      action: 'validated',
      subject: v.skill.name,
      detail: `${rateText(v.metrics)} → stability: validated (version ${validateSkill(c.kit, v.skill.name)})`,
    }));
  for (const d of plan.deferred) c.items.push({ action: 'left', subject: d.subject, detail: d.reason });
}

/** Runs one change; a guard block or a failure becomes a report line, and a trajectory that failed is not retried forever. */
async function attempt(c: Cycle, subject: string, work: () => ReportItem | Promise<ReportItem>, trajectory?: string): Promise<void> {
  c.onProgress?.(c.done++, c.total, subject);
  try {
    c.items.push(await work());
  } catch (err) {
    const blocked = err instanceof GuardBlockedError;
    c.items.push({
      action: blocked ? 'skipped' : 'failed',
      subject,
      detail: blocked ? `blocked by the guard: ${err.message}` : errorMessage(err),
    });
    if (trajectory) markProcessed(c.kit, trajectory, `${blocked ? 'blocked' : 'failed'}: ${errorMessage(err).slice(0, 200)}`);
  }
}

function describePlan(plan: Plan, items: ReportItem[], windowDays: number): void {
  for (const d of plan.duplicates) items.push({ action: 'skipped', subject: d.trajectory, detail: similarText(d.similar) });
  for (const r of plan.reextract)
    items.push({ action: 'improved', subject: r.skill.name, detail: `would re-extract: ${rateText(r.metrics)}` });
  for (const e of plan.extract)
    items.push({
      action: 'extracted',
      subject: e.evidence.id,
      detail: `would extract a skill (${e.evidence.calls.length} tool calls, ${e.evidence.prompts.length} turns)`,
    });
  for (const a of plan.archive)
    items.push({ action: 'archived', subject: a.skill.name, detail: `would archive: ${unusedText(a.lastUse, windowDays)}` });
  for (const v of plan.validate)
    items.push({ action: 'validated', subject: v.skill.name, detail: `would mark validated: ${rateText(v.metrics)}` });
  for (const d of plan.deferred) items.push({ action: 'left', subject: d.subject, detail: d.reason });
}

function outOfTime(c: Cycle): boolean {
  return Date.now() >= c.deadline || c.signal?.aborted === true;
}

function similarText(s: { skill: string; score: number; measure: string }): string {
  return `${Math.round(s.score * 100)}% similar to ${s.skill} (${s.measure}); not extracted again`;
}

function rateText(m: { uses: number; successes: number; known: number; rate?: number }): string {
  return `${m.uses} uses, ${m.successes}/${m.known} known succeeded (${Math.round((m.rate ?? 0) * 100)}%)`;
}

function unusedText(lastUse: number | undefined, days: number): string {
  return lastUse ? `not used in ${days} days (last ${new Date(lastUse).toISOString().slice(0, 10)})` : `never used in ${days}+ days`;
}
