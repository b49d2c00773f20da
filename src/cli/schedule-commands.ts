import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import { jobStore, runJobNow, type JobRow } from '../schedule/index.js';
import { zonedParts } from '../schedule/when.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
import { noRunnerWarning, registerRunners } from './daemon-commands.js';
import { shellCommandFor } from './shell-words.js';
import { withKit } from './with-kit.js';

type AddOptions = {
  kind: 'command' | 'prompt' | 'builtin';
  cwd?: string;
  tz?: string;
  maxRuns?: string;
  catchUp?: 'none' | 'once';
  json?: boolean;
};

export function registerScheduleCommands(program: Command): void {
  const schedule = program.command('schedule').description('jobs that run whether or not an agent is open');
  registerScheduleAdd(schedule);
  registerScheduleList(schedule);
  registerScheduleRm(schedule);
  registerScheduleRun(schedule);
  registerScheduleRuns(schedule);
  registerSchedulePause(schedule);
  registerScheduleResume(schedule);
  registerRunners(program);
}

function registerScheduleAdd(schedule: Command): void {
  schedule
    .command('add')
    .argument('<name>')
    .argument('<when>', '30m | in 2h | 2026-12-01T09:00 | every 1h | "0 9 * * 1-5" | @daily')
    .argument('<payload...>', 'command, prompt or builtin name')
    .option('--kind <kind>', 'command (default, sandboxed) | prompt (headless Claude Code) | builtin', 'command')
    .option('--cwd <dir>')
    .option('--tz <zone>', 'IANA time zone')
    .option('--max-runs <n>')
    .option('--catch-up <policy>', 'once (default) | none')
    .option('--json')
    .description('schedule a job; prints how the time was understood and the next three runs')
    .addHelpText(
      'after',
      '\nExamples:\n  kei-skills schedule add tests "every 1h" -- npm test\n  kei-skills schedule add standup ' +
        '"0 9 * * 1-5" --kind prompt --cwd ~/app -- "summarise yesterday\'s commits"\n  kei-skills schedule ' +
        'add remind 30m -- echo stretch',
    )
    .action((name: string, when: string, words: string[], options: AddOptions) =>
      withKit((kit) => {
        const created = jobStore(kit).create({
          name,
          when,
          kind: options.kind,
          payload: options.kind === 'command' ? shellCommandFor(words) : words.join(' '),
          cwd: options.cwd ?? (options.kind === 'prompt' ? process.cwd() : undefined),
          timezone: options.tz,
          maxRuns: options.maxRuns ? Number(options.maxRuns) : undefined,
          catchUp: options.catchUp,
        });
        printScheduled(kit, created.job, created.when.description, created.next, options.json);
      }),
    );
}

function registerScheduleList(schedule: Command): void {
  schedule
    .command('list')
    .option('--json')
    .description('list jobs')
    .addHelpText('after', '\nExample:\n  kei-skills schedule list')
    .action((options: { json?: boolean }) =>
      withKit((kit) => {
        const jobs = jobStore(kit).list();
        if (options.json) return printJson(jobs);
        printLine(
          jobs.length === 0
            ? 'No jobs.'
            : formatTable(
                ['name', 'when', 'kind', 'enabled', 'next', 'last'],
                jobs.map((j) => [
                  j.name,
                  j.when_spec,
                  j.kind,
                  j.enabled ? 'yes' : 'no',
                  formatTime(j.next_run_at),
                  formatTime(j.last_run_at),
                ]),
              ),
        );
      }),
    );
}

function registerScheduleRm(schedule: Command): void {
  schedule
    .command('rm')
    .argument('<job>')
    .description('cancel a job')
    .addHelpText('after', '\nExample:\n  kei-skills schedule rm tests')
    .action((job: string) => withKit((kit) => printLine(`Cancelled ${jobStore(kit).cancel(job).name}.`)));
}

function registerScheduleRun(schedule: Command): void {
  schedule
    .command('run')
    .argument('<job>')
    .description('run a job now')
    .addHelpText('after', '\nExample:\n  kei-skills schedule run tests')
    .action((job: string) =>
      withKit(async (kit) => {
        const r = await runJobNow(kit, jobStore(kit).get(job));
        printLine(`${r.job}: ${r.status}`);
      }),
    );
}

function registerScheduleRuns(schedule: Command): void {
  schedule
    .command('runs')
    .argument('[job]')
    .option('--json')
    .description('run history')
    .addHelpText('after', '\nExample:\n  kei-skills schedule runs tests')
    .action((job: string | undefined, options: { json?: boolean }) =>
      withKit((kit) => {
        const runs = jobStore(kit).runs(job);
        if (options.json) return printJson(runs);
        printLine(
          runs.length === 0
            ? 'No runs yet.'
            : formatTable(
                ['job', 'scheduled', 'status', 'exit', 'output'],
                runs.map((r) => [r.job, formatTime(r.scheduled_for), r.status, String(r.exit_code ?? ''), r.output]),
              ),
        );
      }),
    );
}

function registerSchedulePause(schedule: Command): void {
  schedule
    .command('pause')
    .argument('<job>')
    .description('stop a job from running until resumed')
    .addHelpText('after', '\nExample:\n  kei-skills schedule pause tests')
    .action((job: string) => withKit((kit) => printLine(`Paused ${jobStore(kit).setEnabled(job, false).name}.`)));
}

function registerScheduleResume(schedule: Command): void {
  schedule
    .command('resume')
    .argument('<job>')
    .description('resume a paused job from its next future time')
    .addHelpText('after', '\nExample:\n  kei-skills schedule resume tests')
    .action((job: string) => withKit((kit) => printLine(`Resumed ${jobStore(kit).setEnabled(job, true).name}.`)));
}

/** How the time was understood and the next runs in the job's own zone; a warning when nothing would run it. */
function printScheduled(kit: Kit, job: JobRow, interpretation: string, next: number[], json?: boolean): void {
  if (json) printJson({ job, interpretation, next });
  else {
    const runs = next.map((t) => timeIn(t, job.timezone ?? undefined)).join(', ');
    printLine(`Scheduled ${job.name}: ${interpretation}\nNext runs: ${runs || 'none'}`);
  }
  const warning = noRunnerWarning(kit);
  if (warning) process.stderr.write(`${warning}\n`);
}

/** A run time as the job's zone reads it (`2026-12-03 09:00 Europe/Berlin`); UTC when the job has none. */
function timeIn(ms: number, zone = 'UTC'): string {
  const p = zonedParts(ms, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${zone}`;
}
