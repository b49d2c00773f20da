export interface ExecRequest {
  command: string;
  /** Relative to the sandbox work folder. */
  cwd?: string;
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
  /** Files written into the work folder before the command runs. */
  files?: { path: string; content: string }[];
  /** Host paths to mount read-only (local backends), on top of sandbox.readOnlyPaths in config.json. */
  readOnly?: string[];
}

export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  truncated: boolean;
  timedOut: boolean;
  /** The kernel killed a process for going over the sandbox's memory budget (local sandboxes with a memory cgroup). */
  outOfMemory?: boolean;
}

export interface ExecHooks {
  /** Called about once a second while the command runs. */
  onProgress?: (p: { elapsedMs: number; stdoutBytes: number; stderrBytes: number; tail: string }) => void;
  signal?: AbortSignal;
}

export interface SandboxInfo {
  name: string;
  backend: string;
  state: string;
  createdAt: number;
  lastUsedAt: number | null;
  remoteId?: string | null;
}

/** One interface for every place a command can run isolated. */
export interface SandboxBackend {
  readonly name: string;
  /** Without a sandbox name the command runs in a throw-away one. */
  exec(sandbox: string | undefined, req: ExecRequest, hooks?: ExecHooks): Promise<ExecResult>;
  create(sandbox: string): Promise<SandboxInfo>;
  get(sandbox: string): Promise<SandboxInfo | undefined>;
  stop(sandbox: string): Promise<void>;
  delete(sandbox: string): Promise<void>;
  list(): Promise<SandboxInfo[]>;
  upload(sandbox: string, path: string, content: Buffer): Promise<void>;
  download(sandbox: string, path: string): Promise<Buffer>;
}

export interface Limits {
  cpuSeconds: number;
  memoryMb: number;
  processes: number;
  fileSizeMb: number;
  outputBytes: number;
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  cpuSeconds: 60,
  memoryMb: 1024,
  processes: 256,
  fileSizeMb: 256,
  outputBytes: 1024 * 1024,
  timeoutMs: 120_000,
};
