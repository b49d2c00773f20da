import type { Command } from 'commander';
import { executables } from '../install/executables.js';
import type { Kit } from '../kit.js';
import { jobStore, runDaemon, runDuePass, runJobNow } from '../schedule/index.js';
import { ensureNightlyJob, NIGHTLY_JOB } from '../schedule/jobs.js';
import { describePlan, detectTimer, installTimer, planTimer, timerStatus, uninstallTimer, type TimerKind } from '../schedule/os-timer.js';
import { formatTable, formatTime, printJson, printLine } from './output.js';
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
        const {
          job,
          when: w,
          next,
        } = jobStore(kit).create({
          name,
          when,
          kind: options.kind,
          payload: words.join(' '),
          cwd: options.cwd ?? (options.kind === 'prompt' ? process.cwd() : undefined),
          timezone: options.tz,
          maxRuns: options.maxRuns ? Number(options.maxRuns) : undefined,
          catchUp: options.catchUp,
        });
        if (options.json) return printJson({ job, interpretation: w.description, next });
        printLine(`Scheduled ${job.name}: ${w.description}\nNext runs: ${next.map((t) => new Date(t).toISOString()).join(', ') || 'none'}`);
      }),
    );
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
  schedule
    .command('rm')
    .argument('<job>')
    .description('cancel a job')
    .addHelpText('after', '\nExample:\n  kei-skills schedule rm tests')
    .action((job: string) => withKit((kit) => printLine(`Cancelled ${jobStore(kit).cancel(job).name}.`)));
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
  schedule
    .command('pause')
    .argument('<job>')
    .description('stop a job from running until resumed')
    .addHelpText('after', '\nExample:\n  kei-skills schedule pause tests')
    .action((job: string) => withKit((kit) => printLine(`Paused ${jobStore(kit).setEnabled(job, false).name}.`)));
  schedule
    .command('resume')
    .argument('<job>')
    .description('resume a paused job from its next future time')
    .addHelpText('after', '\nExample:\n  kei-skills schedule resume tests')
    .action((job: string) => withKit((kit) => printLine(`Resumed ${jobStore(kit).setEnabled(job, true).name}.`)));
  registerRunners(program);
}

function registerRunners(program: Command): void {
  program
    .command('run-due')
    .description('run whatever is due now and exit (for OS timers)')
    .addHelpText('after', '\nExample (crontab):\n  * * * * * kei-skills run-due')
    .action(() =>
      withKit(async (kit) => {
        for (const r of await runDuePass(kit)) printLine(`${r.job}: ${r.status}`);
      }),
    );
  const daemon = program
    .command('daemon')
    .description('run jobs in the foreground until SIGTERM/SIGINT (subcommands: install, uninstall, status)')
    .addHelpText('after', '\nExamples:\n  kei-skills daemon\n  kei-skills daemon install --dry-run')
    .action(() =>
      withKit(async (kit) => {
        const stop = new AbortController();
        for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => stop.abort());
        ensureNightlyJob(jobStore(kit));
        await runDaemon(kit, stop.signal);
      }),
    );
  const plan = (kit: Kit, kind?: string) => {
    const exe = executables();
    return planTimer((kind as TimerKind) ?? detectTimer(), process.env.HOME ?? '', exe.node, exe.cli, kit.paths.home);
  };
  daemon
    .command('install')
    .option('--kind <kind>', 'systemd | launchd | crontab (detected when absent)')
    .option('--dry-run', 'print what would be installed')
    .description('run due jobs every minute from the OS (systemd user timer with Persistent=true, launchd, or crontab)')
    .action((options: { kind?: string; dryRun?: boolean }) =>
      withKit((kit) => {
        const p = plan(kit, options.kind);
        if (options.dryRun) return printLine(`${describePlan(p)}\n${jobStore(kit).byName(NIGHTLY_JOB.name) ? '' : nightlyJobNote()}`);
        printLine(installTimer(p).join('\n'));
        if (ensureNightlyJob(jobStore(kit)))
          printLine('Added the job "nightly": the learning cycle at 03:00 local time (kei-skills schedule pause nightly to stop it).');
      }),
    );
  daemon
    .command('uninstall')
    .option('--kind <kind>')
    .description('remove exactly what install added')
    .action((options: { kind?: string }) =>
      withKit((kit) => printLine(uninstallTimer(plan(kit, options.kind)).join('\n') || 'nothing to remove')),
    );
  daemon
    .command('status')
    .option('--kind <kind>')
    .description('is the OS timer installed')
    .action((options: { kind?: string }) => withKit((kit) => printLine(timerStatus(plan(kit, options.kind)))));
}

const nightlyJobNote = () => `would add the job "${NIGHTLY_JOB.name}" (builtin nightly learning cycle, ${NIGHTLY_JOB.when})`;
