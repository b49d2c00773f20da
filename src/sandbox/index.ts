import { spawnSync } from 'node:child_process';
import type { Clock } from '../core/clock.js';
import type { KeiConfig } from '../core/config.js';
import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { DaytonaClient } from './daytona-client.js';
import { DaytonaSandboxes } from './daytona.js';
import { bwrapAvailable, LocalSandboxes } from './local.js';
import { SandboxRecords } from './registry.js';
import type { SandboxBackend } from './types.js';

export interface SandboxContext {
  db: Db;
  clock: Clock;
  config: KeiConfig;
  keiHome: string;
  env: NodeJS.ProcessEnv;
}

const INSTALL_HINT =
  'No isolating sandbox is available. On Debian/Ubuntu: sudo apt-get install bubblewrap; on Fedora: ' +
  'sudo dnf install bubblewrap; on macOS sandbox-exec is built in; or set DAYTONA_API_KEY for remote ' +
  'sandboxes. To run commands without isolation anyway, set "sandbox": {"backend": "none"} in ' +
  'config.json.';

/** The backend to use, by configuration; "auto" picks the first isolating one available and refuses otherwise. */
export function openSandboxBackend(ctx: SandboxContext, requested?: string): SandboxBackend {
  const choice = requested ?? ctx.config.sandbox.backend;
  const records = new SandboxRecords(ctx.db);
  const s = ctx.config.sandbox;
  const limits = {
    cpuSeconds: s.cpuSeconds,
    memoryMb: s.memoryMb,
    processes: s.processes,
    fileSizeMb: s.fileSizeMb,
    outputBytes: s.outputBytes,
    timeoutMs: s.timeoutMs,
  };
  const local = (mode: 'bwrap' | 'sandbox-exec' | 'none') =>
    new LocalSandboxes({ keiHome: ctx.keiHome, records, clock: ctx.clock, limits, mode, home: ctx.env.HOME, readOnly: s.readOnlyPaths });
  const daytona = () =>
    new DaytonaSandboxes(
      new DaytonaClient({
        apiUrl: s.daytona.apiUrl,
        apiKey: ctx.env.DAYTONA_API_KEY ?? '',
        autoStopMinutes: s.daytona.autoStopMinutes,
        allowNoAutoStop: s.daytona.allowNoAutoStop,
      }),
      records,
      ctx.clock,
    );
  switch (choice) {
    case 'bwrap':
      if (!bwrapAvailable()) throw new KeiError('sandbox_unavailable', `bubblewrap is not installed. ${INSTALL_HINT}`);
      return local('bwrap');
    case 'sandbox-exec':
      return local('sandbox-exec');
    case 'daytona':
      return daytona();
    case 'none':
      if (ctx.config.sandbox.backend !== 'none')
        throw new KeiError('sandbox_unsandboxed_refused', 'running without isolation needs "sandbox": {"backend": "none"} in config.json');
      return local('none');
    case 'auto':
      break;
    default:
      throw new KeiError('invalid_backend', `unknown sandbox backend "${choice}"; use auto, bwrap, sandbox-exec, daytona or none`, {
        field: 'backend',
      });
  }
  if (process.platform === 'linux' && bwrapAvailable()) return local('bwrap');
  if (process.platform === 'darwin' && spawnSync('which', ['sandbox-exec']).status === 0) return local('sandbox-exec');
  if (ctx.env.DAYTONA_API_KEY) return daytona();
  throw new KeiError('sandbox_unavailable', INSTALL_HINT);
}

export type { ExecRequest, ExecResult, SandboxBackend, SandboxInfo } from './types.js';
