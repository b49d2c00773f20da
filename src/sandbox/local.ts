import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../core/clock.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { KeiError } from '../core/errors.js';
import { resolveInside } from '../core/safe-path.js';
import { bwrapArgs, checkReadOnlyPaths, pickEnv, sandboxHome } from './bwrap-args.js';
import { seatbeltArgs } from './seatbelt.js';
import { createSandboxCgroup, type SandboxCgroup } from './sandbox-cgroup.js';
import { findExecutable } from './find-executable.js';
import { checkSandboxName, SandboxRecords } from './registry.js';
import { runBounded } from './run-process.js';
import type { ExecHooks, ExecRequest, ExecResult, Limits, SandboxBackend, SandboxInfo } from './types.js';

export interface LocalOptions {
  keiHome: string;
  records: SandboxRecords;
  clock: Clock;
  limits: Limits;
  /** 'bwrap' isolates; 'none' runs unsandboxed and exists only when the user set `sandbox.backend: "none"`. */
  mode: 'bwrap' | 'sandbox-exec' | 'none';
  home?: string;
  /** Host paths every command may read (sandbox.readOnlyPaths). */
  readOnly?: string[];
}

export function bwrapAvailable(): boolean {
  return spawnSync('bwrap', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** bwrap and the shell that enters the cgroup start with no environment: pid 1 inside shows nothing of ours. */
const EMPTY_ENV: NodeJS.ProcessEnv = {};

interface RunPlan {
  work: string;
  cwd: string;
  req: ExecRequest;
  limits: Limits;
  readOnly: string[];
  cgroup?: SandboxCgroup;
}

/** Sandboxes on this machine: a work folder under KEI_HOME/sandboxes/<name>, commands run under bubblewrap. */
export class LocalSandboxes implements SandboxBackend {
  readonly name: string;

  constructor(private readonly options: LocalOptions) {
    this.name = options.mode;
  }

  async exec(sandbox: string | undefined, req: ExecRequest, hooks?: ExecHooks): Promise<ExecResult> {
    const readOnly = checkReadOnlyPaths([...(this.options.readOnly ?? []), ...(req.readOnly ?? [])]);
    const ephemeral = sandbox === undefined;
    const work = ephemeral ? mkdtempSync(join(this.root(), '.tmp-')) : this.folder((await this.create(sandbox)).name);
    try {
      for (const f of req.files ?? []) writeFileAtomic(resolveInside(work, f.path), f.content);
      const cwd = req.cwd ? resolveInside(work, req.cwd) : work;
      mkdirSync(cwd, { recursive: true });
      mkdirSync(sandboxHome(work), { recursive: true, mode: 0o700 });
      const limits = { ...this.options.limits, timeoutMs: req.timeoutMs ?? this.options.limits.timeoutMs };
      const cgroup =
        this.options.mode === 'none'
          ? undefined
          : createSandboxCgroup({ processes: limits.processes, memoryBytes: limits.memoryMb * 1024 * 1024 });
      try {
        return await this.run({ work, cwd, req, limits, readOnly, cgroup }, hooks);
      } finally {
        cgroup?.release();
      }
    } finally {
      if (ephemeral) rmSync(work, { recursive: true, force: true });
      else this.options.records.upsert(sandbox, this.name, 'ready', this.options.clock.now());
    }
  }

  private async run(r: RunPlan, hooks?: ExecHooks): Promise<ExecResult> {
    const [file, args] = this.command(r);
    const isolated = this.options.mode === 'bwrap';
    const bounds = {
      stdin: r.req.stdin,
      timeoutMs: r.limits.timeoutMs,
      outputBytes: r.limits.outputBytes,
      env: this.childEnv(r.req),
      cwd: isolated ? '/' : undefined,
    };
    if (!r.cgroup) return runBounded(file, args, bounds, hooks);
    const result = await runBounded('/bin/sh', ['-c', r.cgroup.enterCommand, file, ...args], bounds, hooks);
    if (!r.cgroup.oomKilled()) return result;
    const note =
      `kei: killed for going over the sandbox's memory budget (` +
      `${r.limits.memoryMb} MB for all its processes and /tmp together); raise sandbox.memoryMb in ` +
      `config.json if the command ` +
      `needs more\n`;
    return { ...result, outOfMemory: true, stderr: result.stderr + note };
  }

  /**
   * bwrap starts with nothing (it sets the command's own environment itself); sandbox-exec cannot clear
   * one, so its child gets only the allow-list and what the caller passed; "none" is unsandboxed by choice.
   */
  private childEnv(req: ExecRequest): NodeJS.ProcessEnv | undefined {
    if (this.options.mode === 'bwrap') return EMPTY_ENV;
    if (this.options.mode === 'sandbox-exec') return { ...pickEnv(process.env), ...(req.env ?? {}) };
    return undefined;
  }

  private command(r: RunPlan): [string, string[]] {
    const { work, cwd, req, limits } = r;
    const home = this.options.home ?? homedir();
    if (this.options.mode === 'bwrap') {
      const plan = {
        work,
        cwd,
        home,
        keiHome: this.options.keiHome,
        readOnly: r.readOnly,
        env: req.env ?? {},
        limits,
        memoryCgroup: r.cgroup?.enforces.memory ?? false,
      };
      return [findExecutable('bwrap') ?? 'bwrap', bwrapArgs(plan, req.command)];
    }
    if (this.options.mode === 'sandbox-exec')
      return [
        'sandbox-exec',
        seatbeltArgs({ work, home, keiHome: this.options.keiHome, readOnly: r.readOnly }, `cd ${JSON.stringify(cwd)} && ${req.command}`),
      ];
    return ['/bin/sh', ['-c', 'cd "$1" && exec /bin/sh -c "$2"', 'kei', cwd, req.command]];
  }

  async create(sandbox: string): Promise<SandboxInfo> {
    checkSandboxName(sandbox);
    mkdirSync(this.folder(sandbox), { recursive: true, mode: 0o700 });
    return this.options.records.get(sandbox) ?? this.options.records.upsert(sandbox, this.name, 'ready', this.options.clock.now());
  }

  async get(sandbox: string): Promise<SandboxInfo | undefined> {
    return this.options.records.get(sandbox);
  }

  async stop(sandbox: string): Promise<void> {
    if (!this.options.records.get(sandbox)) throw new KeiError('sandbox_not_found', `no sandbox named "${sandbox}"`);
    this.options.records.upsert(sandbox, this.name, 'stopped', this.options.clock.now());
  }

  async delete(sandbox: string): Promise<void> {
    checkSandboxName(sandbox);
    rmSync(this.folder(sandbox), { recursive: true, force: true });
    this.options.records.remove(sandbox);
  }

  async list(): Promise<SandboxInfo[]> {
    return this.options.records.list(this.name);
  }

  async upload(sandbox: string, path: string, content: Buffer): Promise<void> {
    await this.create(sandbox);
    writeFileAtomic(resolveInside(this.folder(sandbox), path), content);
  }

  async download(sandbox: string, path: string): Promise<Buffer> {
    const file = resolveInside(this.folder(checkSandboxName(sandbox)), path);
    if (!existsSync(file)) throw new KeiError('file_not_found', `${path} does not exist in sandbox ${sandbox}`);
    return readFileSync(file);
  }

  private root(): string {
    const root = join(this.options.keiHome, 'sandboxes');
    mkdirSync(root, { recursive: true, mode: 0o700 });
    return root;
  }

  private folder(sandbox: string): string {
    return join(this.root(), sandbox);
  }
}
