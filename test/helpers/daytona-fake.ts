import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakeSandbox {
  id: string;
  state: string;
  labels: Record<string, string>;
  autoStopInterval: number;
  files: Map<string, Buffer>;
}

export interface DaytonaFake {
  url: string;
  sandboxes: Map<string, FakeSandbox>;
  calls: string[];
  /** Answer the next N requests with 429 (Retry-After: 0). */
  throttleNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A local server with Daytona's documented endpoints and payloads: /sandbox lifecycle (create, get,
 * start, stop, archive, delete) and the toolbox (process/execute, files upload/download), bearer auth.
 * "Commands" are a tiny interpreter: echo, cat <file>, exit <n>.
 */
export async function startDaytonaFake(apiKey: string): Promise<DaytonaFake> {
  const sandboxes = new Map<string, FakeSandbox>();
  const calls: string[] = [];
  let throttle = 0;
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(`${req.method} ${url.pathname}`);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(data === undefined ? '' : JSON.stringify(data));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`) return send(401, { message: 'Unauthorized' });
    if (throttle > 0) {
      throttle--;
      return send(429, { message: 'Too many requests' }, { 'retry-after': '0' });
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'POST' && url.pathname === '/sandbox') {
      const input = JSON.parse(body.toString() || '{}');
      const sb: FakeSandbox = {
        id: `sb-${++counter}`,
        state: 'started',
        labels: input.labels ?? {},
        autoStopInterval: input.autoStopInterval ?? 15,
        files: new Map(),
      };
      sandboxes.set(sb.id, sb);
      return send(200, { id: sb.id, state: sb.state, labels: sb.labels, autoStopInterval: sb.autoStopInterval });
    }
    const sb = sandboxes.get(parts[1]);
    if (!sb) return send(404, { message: 'Sandbox not found' });
    if (parts[0] === 'sandbox') {
      if (req.method === 'GET' && parts.length === 2)
        return send(200, { id: sb.id, state: sb.state, autoStopInterval: sb.autoStopInterval });
      if (req.method === 'DELETE') {
        sandboxes.delete(sb.id);
        return send(200, {});
      }
      const action = parts[2];
      if (action === 'start') sb.state = 'started';
      else if (action === 'stop') sb.state = 'stopped';
      else if (action === 'archive') sb.state = 'archived';
      else return send(404, { message: 'unknown action' });
      return send(200, {});
    }
    if (sb.state !== 'started') return send(400, { message: `sandbox is ${sb.state}` });
    const op = parts.slice(3).join('/');
    if (op === 'process/execute') return send(200, run(sb, JSON.parse(body.toString()).command));
    if (op === 'files/upload') {
      sb.files.set(url.searchParams.get('path') ?? '', fileFromMultipart(body));
      return send(200, {});
    }
    if (op === 'files/download') {
      const file = sb.files.get(url.searchParams.get('path') ?? '');
      if (!file) return send(404, { message: 'file not found' });
      return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
    }
    return send(404, { message: 'unknown toolbox endpoint' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sandboxes,
    calls,
    throttleNext: (n) => {
      throttle = n;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function run(sb: FakeSandbox, command: string): { exitCode: number; result: string } {
  const m = /^(?:env (?:\S+=\S+ )*)?(echo|cat|exit) ?(.*)$/.exec(command);
  if (!m) return { exitCode: 127, result: `unknown command: ${command}` };
  if (m[1] === 'echo') return { exitCode: 0, result: `${m[2]}\n` };
  if (m[1] === 'exit') return { exitCode: Number(m[2]), result: '' };
  const file = sb.files.get(m[2]);
  return file ? { exitCode: 0, result: file.toString() } : { exitCode: 1, result: `cat: ${m[2]}: No such file` };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function fileFromMultipart(body: Buffer): Buffer {
  const text = body.toString('latin1');
  const start = text.indexOf('\r\n\r\n') + 4;
  const end = text.lastIndexOf('\r\n--');
  return Buffer.from(text.slice(start, end), 'latin1');
}
