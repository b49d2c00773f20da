import type { Command } from 'commander';
import { openKit, type Kit } from '../kit.js';
import { archivedFolders, unarchiveSkill } from '../learn/archive.js';
import { openInvoker } from '../learn/invoker/index.js';
import { runNightly } from '../learn/nightly/run-nightly.js';
import { summaryLine, type NightlyReport } from '../learn/nightly/report.js';
import { extractFromSession } from '../learn/on-demand.js';
import { runReview } from '../learn/review/run-review.js';
import { sessionCwd } from '../ledger/sessions.js';
import { failWith, formatTable, printJson, printLine } from './output.js';
import { progress, whileShowing } from './progress.js';
import { withKit } from './with-kit.js';

export function registerLearnCommands(program: Command): void {
  registerReview(program);
  registerNightly(program);
  registerExtract(program);
  registerUnarchive(program);
  registerArchived(program);
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number ≥ 0 (got "${value}")`);
  return n;
}

/**
 * Opens the kit in the session's own folder (so project memories land in its project) and runs one
 * review. The Stop hook's lock names this process; it goes stale when the process is gone.
 */
async function review(options: { session: string; json?: boolean }): Promise<void> {
  let kit: Kit | undefined;
  const hardStop = setTimeout(() => process.exit(3), 10 * 60_000);
  hardStop.unref();
  try {
    kit = openKit({ logName: 'review' });
    const cwd = sessionCwd(kit.db, options.session);
    if (cwd && cwd !== process.cwd()) {
      kit.close();
      kit = openKit({ logName: 'review', cwd });
    }
    const reviewing = kit;
    const result = await whileShowing(`review: reading session ${options.session} and asking the model…`, () =>
      runReview(reviewing, openInvoker(reviewing), options.session),
    );
    kit.log.info('review finished', {
      session: options.session,
      status: result.status,
      ops: result.applied.map((a) => `${a.op.op}:${a.outcome}`),
    });
    if (options.json) printJson(result);
    else printLine(result.notice ?? `${result.status}${result.reason ? `: ${result.reason}` : ''}`);
  } catch (err) {
    kit?.log.warn('review failed', { session: options.session, error: String(err) });
    kit?.close();
    failWith(err);
  }
  kit?.close();
}

export function printReport(report: NightlyReport): void {
  printLine(summaryLine(report));
  if (report.items.length === 0) return;
  printLine();
  printLine(
    formatTable(
      ['action', 'subject', 'detail'],
      report.items.map((i) => [i.action, i.subject, i.detail]),
      110,
    ),
  );
}

function registerReview(program: Command): void {
  program
    .command('review')
    .requiredOption('--session <id>', 'the Claude Code session to review')
    .option('--json')
    .description('save what the user revealed in a session since its last review (the Stop hook runs this every N turns)')
    .addHelpText('after', '\nExample:\n  kei-skills review --session 8f3c2a… --json')
    .action((options: { session: string; json?: boolean }) => review(options));
}

function registerNightly(program: Command): void {
  program
    .command('nightly')
    .option('--dry-run', 'show the plan; write nothing, call no model')
    .option('--max <n>', 'at most this many extractions and re-extractions')
    .option('--json')
    .description(
      'the nightly learning cycle: extract skills from good sessions, fix failing ones, archive unused ones, validate proven ones',
    )
    .addHelpText('after', '\nExamples:\n  kei-skills nightly --dry-run\n  kei-skills nightly --max 2 --json')
    .action((options: { dryRun?: boolean; max?: string; json?: boolean }) =>
      withKit(async (kit) => {
        const shown = progress('nightly');
        const report = await runNightly(kit, {
          dryRun: options.dryRun,
          max: options.max === undefined ? undefined : positiveInt(options.max, '--max'),
          trigger: 'cli',
          onProgress: (done, total, item) => shown.update(done, total, item),
        }).finally(() => shown.end());
        if (options.json) printJson(report);
        else printReport(report);
      }),
    );
}

function registerExtract(program: Command): void {
  program
    .command('extract')
    .option('--session <id>', 'default: the latest session of this project')
    .option('--json')
    .description('extract a skill from one session now (what the skill_extract tool does)')
    .action((options: { session?: string; json?: boolean }) =>
      withKit(async (kit) => {
        const done = await extractFromSession(kit, openInvoker(kit, { tolerant: true }), options.session);
        if (options.json) printJson(done);
        else printLine(`Extracted ${done.skill} (${done.extractor}${done.note ? `; ${done.note}` : ''}): ${done.path}`);
      }),
    );
}

function registerUnarchive(program: Command): void {
  program
    .command('unarchive')
    .argument('<name>')
    .description('bring back a skill the nightly cycle archived')
    .action((name: string) => withKit((kit) => printLine(`Restored ${name} to ${unarchiveSkill(kit, name)}`)));
}

function registerArchived(program: Command): void {
  program
    .command('archived')
    .option('--json')
    .description('list the skills in KEI_HOME/skills/_archive')
    .action((options: { json?: boolean }) =>
      withKit((kit) => {
        const folders = archivedFolders(kit.paths.archive);
        if (options.json) return printJson(folders);
        printLine(folders.length ? folders.join('\n') : 'No archived skills.');
      }),
    );
}
