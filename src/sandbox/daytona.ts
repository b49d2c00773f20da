import type { Clock } from '../core/clock.js';
import { KeiError, hasCode } from '../core/errors.js';
import type { DaytonaClient } from './daytona-client.js';
import { checkSandboxName, type SandboxRecords } from './registry.js';
import type { ExecHooks, ExecRequest, ExecResult, SandboxBackend, SandboxInfo } from './types.js';

/** Named sandboxes on Daytona: each maps to a remote sandbox id kept in kei.db. */
export class DaytonaSandboxes implements SandboxBackend {
  readonly name = 'daytona';

  constructor(
    private readonly client: DaytonaClient,
    private readonly records: SandboxRecords,
    private readonly clock: Clock,
  ) {}

  async exec(sandbox: string | undefined, req: ExecRequest, hooks?: ExecHooks): Promise<ExecResult> {
    const name = sandbox ?? `tmp-${this.clock.now().toString(36)}`;
    const id = await this.remoteId(name, true);
    try {
      await this.client.ensureStarted(id);
      for (const f of req.files ?? []) await this.client.upload(id, f.path, Buffer.from(f.content));
      if (hooks?.signal?.aborted) throw new KeiError('cancelled', 'cancelled before the command started');
      const started = this.clock.now();
      const command =
        req.env && Object.keys(req.env).length > 0
          ? `env ${Object.entries(req.env)
              .map(([k, v]) => `${k}=${shellQuote(v)}`)
              .join(' ')} ${req.command}`
          : req.command;
      const r = await this.client.exec(id, command, req.cwd, req.timeoutMs ? Math.ceil(req.timeoutMs / 1000) : undefined);
      this.records.upsert(name, this.name, 'started', this.clock.now(), id);
      return {
        exitCode: r.exitCode,
        stdout: r.result,
        stderr: '',
        durationMs: this.clock.now() - started,
        truncated: false,
        timedOut: false,
      };
    } finally {
      if (sandbox === undefined) await this.delete(name);
    }
  }

  async create(sandbox: string): Promise<SandboxInfo> {
    await this.remoteId(sandbox, true);
    return this.records.get(sandbox) as SandboxInfo;
  }

  async get(sandbox: string): Promise<SandboxInfo | undefined> {
    const record = this.records.get(sandbox);
    if (!record?.remoteId) return record;
    const remote = await this.client.get(record.remoteId);
    return this.records.upsert(sandbox, this.name, remote.state, this.clock.now(), remote.id);
  }

  async stop(sandbox: string): Promise<void> {
    await this.client.lifecycle(await this.remoteId(sandbox, false), 'stop');
    this.records.upsert(sandbox, this.name, 'stopped', this.clock.now());
  }

  async delete(sandbox: string): Promise<void> {
    const record = this.records.get(sandbox);
    if (record?.remoteId)
      await this.client.delete(record.remoteId).catch((err: unknown) => {
        if (!hasCode(err, 'daytona_not_found')) throw err;
      });
    this.records.remove(sandbox);
  }

  async list(): Promise<SandboxInfo[]> {
    return this.records.list(this.name);
  }

  async upload(sandbox: string, path: string, content: Buffer): Promise<void> {
    const id = await this.remoteId(sandbox, true);
    await this.client.ensureStarted(id);
    await this.client.upload(id, path, content);
  }

  async download(sandbox: string, path: string): Promise<Buffer> {
    const id = await this.remoteId(sandbox, false);
    await this.client.ensureStarted(id);
    return this.client.download(id, path);
  }

  private async remoteId(sandbox: string, createIfMissing: boolean): Promise<string> {
    checkSandboxName(sandbox);
    const record = this.records.get(sandbox);
    if (record?.remoteId) return record.remoteId;
    if (!createIfMissing) throw new KeiError('sandbox_not_found', `no Daytona sandbox named "${sandbox}"`);
    const remote = await this.client.create({ keiseikit: sandbox });
    this.records.upsert(sandbox, this.name, remote.state, this.clock.now(), remote.id);
    return remote.id;
  }
}

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}
