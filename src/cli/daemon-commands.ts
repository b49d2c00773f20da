/** The commands that run jobs with no session open: run-due (for OS timers), the daemon, and the OS timer itself. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { executables } from '../install/executables.js';
import type { Kit } from '../kit.js';
import { jobStore, runDaemon, runDuePass } from '../schedule/index.js';
import { ensureNightlyJob, NIGHTLY_JOB } from '../schedule/jobs.js';
import { describePlan, detectTimer, installTimer, planTimer, timerStatus, uninstallTimer, type TimerKind } from '../schedule/os-timer.js';
import { printLine } from './output.js';
import { withKit } from './with-kit.js';

/** Written by a running `kei daemon` (its pid), so `schedule add` can tell whether anything will run a job. */
const DAEMON_PID = 'daemon.pid';

/** Said after `schedule add` when nothing would run the job: no OS timer for this data home, no daemon alive. */
export function noRunnerWarning(kit: Kit): string | undefined {
  if (daemonAlive(kit.paths.home)) return undefined;
  try {
    if (timerStatus(plan(kit)) !== 'not installed') return undefined;
  } catch {
    // No timer we can inspect on this machine: the warning below is the useful answer.
  }
  return (
    'Note: nothing runs scheduled jobs yet (no OS timer is installed and no daemon is running). ' +
    'Run: kei-skills daemon install   (or keep kei-skills daemon running)'
  );
}

function daemonAlive(home: string): boolean {
  try {
    process.kill(Number(readFileSync(join(home, DAEMON_PID), 'utf8')), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function registerRunners(program: Command): void {
  registerRunDue(program);
  const daemon = program
    .command('daemon')
    .description('run jobs in the foreground until SIGTERM/SIGINT (subcommands: install, uninstall, status)')
    .addHelpText('after', '\nExamples:\n  kei-skills daemon\n  kei-skills daemon install --dry-run')
    .action(() =>
      withKit(async (kit) => {
        const stop = new AbortController();
        for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => stop.abort());
        ensureNightlyJob(jobStore(kit));
        const pidFile = join(kit.paths.home, DAEMON_PID);
        writeFileSync(pidFile, String(process.pid), { mode: 0o600 });
        try {
          await runDaemon(kit, stop.signal);
        } finally {
          rmSync(pidFile, { force: true });
        }
      }),
    );
  registerDaemonInstall(daemon);
  registerDaemonUninstall(daemon);
  registerDaemonStatus(daemon);
}

function registerRunDue(program: Command): void {
  program
    .command('run-due')
    .description('run whatever is due now and exit (for OS timers)')
    .addHelpText('after', '\nExample (crontab):\n  * * * * * kei-skills run-due')
    .action(() =>
      withKit(async (kit) => {
        for (const r of await runDuePass(kit)) printLine(`${r.job}: ${r.status}`);
      }),
    );
}

function registerDaemonInstall(daemon: Command): void {
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
}

function registerDaemonUninstall(daemon: Command): void {
  daemon
    .command('uninstall')
    .option('--kind <kind>')
    .description('remove exactly what install added')
    .action((options: { kind?: string }) =>
      withKit((kit) => printLine(uninstallTimer(plan(kit, options.kind)).join('\n') || 'nothing to remove')),
    );
}

function registerDaemonStatus(daemon: Command): void {
  daemon
    .command('status')
    .option('--kind <kind>')
    .description('is the OS timer installed')
    .action((options: { kind?: string }) => withKit((kit) => printLine(timerStatus(plan(kit, options.kind)))));
}

/** The OS timer for this machine (or the kind asked for) that runs `kei run-due` with this data home. */
function plan(kit: Kit, kind?: string) {
  const exe = executables();
  return planTimer((kind as TimerKind) ?? detectTimer(), process.env.HOME ?? '', exe.node, exe.cli, kit.paths.home);
}

const nightlyJobNote = () => `would add the job "${NIGHTLY_JOB.name}" (builtin nightly learning cycle, ${NIGHTLY_JOB.when})`;
