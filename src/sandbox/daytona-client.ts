import { KeiError } from '../core/errors.js';

export interface DaytonaOptions {
  apiUrl: string;
  apiKey: string;
  /** Minutes of inactivity before Daytona stops the sandbox; 0 (never) only with allowNoAutoStop. */
  autoStopMinutes: number;
  allowNoAutoStop?: boolean;
  fetch?: typeof fetch;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RemoteSandbox {
  id: string;
  state: string;
  [key: string]: unknown;
}

/** Daytona's REST API over fetch: sandbox lifecycle, process execution and files, with retries on 429. */
export class DaytonaClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: DaytonaOptions) {
    if (!options.apiKey)
      throw new KeiError('daytona_no_key', 'DAYTONA_API_KEY is not set; create a key in the Daytona dashboard and export it');
    if (options.autoStopMinutes === 0 && !options.allowNoAutoStop) {
      throw new KeiError(
        'daytona_autostop',
        'refusing autoStopInterval 0 (sandboxes would run, and bill, forever); set sandbox.daytona.allowNoAutoStop to true to mean it',
      );
    }
    this.fetchImpl = options.fetch ?? fetch;
  }

  create(labels: Record<string, string>): Promise<RemoteSandbox> {
    return this.json('POST', '/sandbox', { labels, autoStopInterval: this.options.autoStopMinutes }) as Promise<RemoteSandbox>;
  }

  get(id: string): Promise<RemoteSandbox> {
    return this.json('GET', `/sandbox/${encodeURIComponent(id)}`) as Promise<RemoteSandbox>;
  }

  async lifecycle(id: string, action: 'start' | 'stop' | 'archive'): Promise<void> {
    await this.json('POST', `/sandbox/${encodeURIComponent(id)}/${action}`);
  }

  async delete(id: string): Promise<void> {
    await this.json('DELETE', `/sandbox/${encodeURIComponent(id)}`);
  }

  /** A stopped or archived sandbox is started again before use (Daytona's hibernation). */
  async ensureStarted(id: string, pollMs = 200, maxPolls = 150): Promise<void> {
    let sandbox = await this.get(id);
    if (sandbox.state === 'stopped' || sandbox.state === 'archived') await this.lifecycle(id, 'start');
    for (let i = 0; sandbox.state !== 'started' && i < maxPolls; i++) {
      if (sandbox.state === 'error' || sandbox.state === 'destroyed')
        throw new KeiError('daytona_state', `sandbox ${id} is ${sandbox.state}`);
      await (this.options.sleep ?? sleep)(pollMs);
      sandbox = await this.get(id);
    }
    if (sandbox.state !== 'started') throw new KeiError('daytona_state', `sandbox ${id} did not start (state ${sandbox.state})`);
  }

  exec(id: string, command: string, cwd?: string, timeoutSeconds?: number): Promise<{ exitCode: number; result: string }> {
    return this.json('POST', `/toolbox/${encodeURIComponent(id)}/toolbox/process/execute`, {
      command,
      cwd,
      timeout: timeoutSeconds,
    }) as Promise<{ exitCode: number; result: string }>;
  }

  async upload(id: string, path: string, content: Buffer): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), path.split('/').pop() ?? 'file');
    await this.request('POST', `/toolbox/${encodeURIComponent(id)}/toolbox/files/upload?path=${encodeURIComponent(path)}`, form);
  }

  async download(id: string, path: string): Promise<Buffer> {
    const res = await this.request('GET', `/toolbox/${encodeURIComponent(id)}/toolbox/files/download?path=${encodeURIComponent(path)}`);
    return Buffer.from(await res.arrayBuffer());
  }

  private async json(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await this.request(method, path, body === undefined ? undefined : JSON.stringify(body));
    const text = await res.text();
    return text ? JSON.parse(text) : {};
  }

  private async request(method: string, path: string, body?: string | FormData): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.apiKey}` };
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    const url = `${this.options.apiUrl.replace(/\/$/, '')}${path}`;
    for (let attempt = 0; ; attempt++) {
      const res = await this.fetchImpl(url, { method, headers, body });
      if (res.ok) return res;
      if (res.status === 429 && attempt < (this.options.maxRetries ?? 3)) {
        await (this.options.sleep ?? sleep)(retryDelay(res.headers.get('retry-after'), attempt));
        continue;
      }
      throw await mapError(res, method, path);
    }
  }
}

function retryDelay(header: string | null, attempt: number): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 30_000) : Math.min(500 * 2 ** attempt, 8000);
}

async function mapError(res: Response, method: string, path: string): Promise<KeiError> {
  const detail = (await res.text().catch(() => '')).slice(0, 300);
  if (res.status === 401 || res.status === 403)
    return new KeiError('daytona_unauthorized', `Daytona refused the API key (${res.status}); check DAYTONA_API_KEY`, {
      status: res.status,
    });
  if (res.status === 404) return new KeiError('daytona_not_found', `Daytona has no such resource: ${method} ${path}`, { status: 404 });
  if (res.status === 429)
    return new KeiError('daytona_rate_limited', 'Daytona kept answering 429 (rate limited); try again later', { status: 429 });
  return new KeiError('daytona_error', `Daytona ${method} ${path} failed with ${res.status}: ${detail}`, { status: res.status });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
