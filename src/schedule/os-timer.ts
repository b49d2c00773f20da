import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';

export type TimerKind = 'systemd' | 'launchd' | 'crontab';
const MARK = '# keiseikit run-due';

export interface TimerPlan {
  kind: TimerKind;
  files: { path: string; content: string }[];
  crontabLine?: string;
}

/** What `daemon install` adds: a systemd user timer (Persistent=true), a launchd agent, or one marked crontab line. */
export function planTimer(kind: TimerKind, home: string, node: string, cli: string, keiHome: string): TimerPlan {
  const run = `${node} ${cli} run-due`;
  if (kind === 'systemd') {
    const dir = join(home, '.config', 'systemd', 'user');
    return {
      kind,
      files: [
        {
          path: join(dir, 'keiseikit.service'),
          content: `[Unit]\nDescription=KeiSeiKit: run due jobs\n\n[Service]\nType=oneshot\nEnvironment=KEI_HOME=${keiHome}\nExecStart=${run}\n`,
        },
        {
          path: join(dir, 'keiseikit.timer'),
          content:
            '[Unit]\nDescription=KeiSeiKit: run due jobs every minute\n\n[Timer]\nOnCalendar=*-*-* ' +
            '*:*:00\nPersistent=true\nUnit=keiseikit.service\n\n[Install]\nWantedBy=timers.target\n',
        },
      ],
    };
  }
  if (kind === 'launchd') {
    const args = [node, cli, 'run-due'].map((a) => `    <string>${a}</string>`).join('\n');
    return {
      kind,
      files: [
        {
          path: join(home, 'Library', 'LaunchAgents', 'io.keiseikit.run-due.plist'),
          content:
            `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" ` +
            `"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n  ` +
            `<key>Label</key>\n  <string>io.keiseikit.run-due</string>\n  <key>ProgramArguments</key>\n  ` +
            `<array>\n${args}\n  </array>\n  <key>EnvironmentVariables</key>\n  <dict>\n    <key>KEI_HOME</key>\n    <string>` +
            `${keiHome}</string>\n  </dict>\n  <key>StartInterval</key>\n  <integer>60</integer>\n  ` +
            `<key>RunAtLoad</key>\n  <true/>\n</dict>\n</plist>\n`,
        },
      ],
    };
  }
  return { kind, files: [], crontabLine: `* * * * * KEI_HOME=${keiHome} ${run} >/dev/null 2>&1 ${MARK}` };
}

/** systemd on Linux with a user manager, launchd on macOS, else crontab. */
export function detectTimer(): TimerKind {
  if (process.platform === 'darwin') return 'launchd';
  if (spawnSync('systemctl', ['--user', 'show-environment'], { stdio: 'ignore' }).status === 0) return 'systemd';
  return 'crontab';
}

export function describePlan(plan: TimerPlan): string {
  if (plan.crontabLine) return `crontab: add the line\n${plan.crontabLine}`;
  return (
    plan.files.map((f) => `--- ${f.path}\n${f.content}`).join('\n') +
    (plan.kind === 'systemd'
      ? '\nthen: systemctl --user daemon-reload && systemctl --user enable --now keiseikit.timer'
      : '\nthen: launchctl load -w <plist>')
  );
}

export function installTimer(plan: TimerPlan): string[] {
  const done: string[] = [];
  for (const f of plan.files) {
    writeFileAtomic(f.path, f.content);
    done.push(`wrote ${f.path}`);
  }
  if (plan.kind === 'systemd') {
    spawnSync('systemctl', ['--user', 'daemon-reload']);
    spawnSync('systemctl', ['--user', 'enable', '--now', 'keiseikit.timer']);
  }
  if (plan.kind === 'launchd') spawnSync('launchctl', ['load', '-w', plan.files[0].path]);
  if (plan.crontabLine) {
    const current = readCrontab().filter((l) => !l.includes(MARK));
    writeCrontab([...current, plan.crontabLine]);
    done.push('added the crontab line');
  }
  return done;
}

/** Removes exactly what install added (our files, our marked crontab line). */
export function uninstallTimer(plan: TimerPlan): string[] {
  const done: string[] = [];
  if (plan.kind === 'systemd') spawnSync('systemctl', ['--user', 'disable', '--now', 'keiseikit.timer']);
  if (plan.kind === 'launchd' && plan.files[0] && existsSync(plan.files[0].path)) spawnSync('launchctl', ['unload', plan.files[0].path]);
  for (const f of plan.files)
    if (existsSync(f.path)) {
      rmSync(f.path);
      done.push(`removed ${f.path}`);
    }
  if (plan.kind === 'crontab') {
    const lines = readCrontab();
    const kept = lines.filter((l) => !l.includes(MARK));
    if (kept.length !== lines.length) {
      writeCrontab(kept);
      done.push('removed the crontab line');
    }
  }
  return done;
}

export function timerStatus(plan: TimerPlan): string {
  if (plan.kind === 'crontab') return readCrontab().some((l) => l.includes(MARK)) ? 'crontab line installed' : 'not installed';
  const present = plan.files.filter((f) => existsSync(f.path) && readFileSync(f.path, 'utf8') === f.content).length;
  return present === plan.files.length
    ? `${plan.kind} files installed`
    : present === 0
      ? 'not installed'
      : `${plan.kind} files differ from this installation; run daemon install again`;
}

function readCrontab(): string[] {
  const r = spawnSync('crontab', ['-l'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').filter((l) => l !== '') : [];
}

function writeCrontab(lines: string[]): void {
  spawnSync('crontab', ['-'], { input: `${lines.join('\n')}\n` });
}
