import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { KeiError } from '../core/errors.js';
import { openKit } from '../kit.js';
import { createServer } from './create-server.js';

export interface HttpOptions {
  host: string;
  port: number;
  token?: string;
  allowedOrigins?: string[];
}

const MAX_BODY_BYTES = 1024 * 1024;
const NOT_JSON = Symbol('not JSON');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * `kei-mcp --http`: the same tools, prompts and resources over Streamable HTTP at /mcp. With
 * KEI_MCP_TOKEN every request needs `Authorization: Bearer <token>` (constant-time compare);
 * without one it only binds to loopback. Origin and Host are checked against DNS rebinding,
 * and request bodies are capped at 1 MiB.
 */
export async function runHttpServer(o: HttpOptions): Promise<{ url: string; close: () => Promise<void> }> {
  if (!o.token && !LOOPBACK.has(o.host)) throw new KeiError('http_unprotected', `refusing to listen on ${o.host} without KEI_MCP_TOKEN; set a token or use --host 127.0.0.1`);
  const kit = openKit({ logName: 'mcp-http' });
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; cleanup: () => Promise<void> }>();
  const server = createHttpServer((req, res) => void handle(req, res).catch((err) => {
    kit.log.error('http request failed', { error: String(err) });
    if (!res.headersSent) reply(res, 500, 'internal error');
  }));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = check(req, o, (server.address() as AddressInfo).port);
    if (refusal) return reply(res, refusal.status, refusal.message);
    if (!(req.url ?? '').startsWith('/mcp')) return reply(res, 404, 'not found; the endpoint is /mcp');
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    if (body === null) return reply(res, 413, `request body over ${MAX_BODY_BYTES} bytes`);
    if (body === NOT_JSON) return reply(res, 400, 'request body is not JSON');
    const id = req.headers['mcp-session-id'];
    const existing = typeof id === 'string' ? sessions.get(id) : undefined;
    if (existing) return existing.transport.handleRequest(req, res, body);
    if (req.method !== 'POST') return reply(res, 400, 'no such session; start with an initialize request');
    const { server: mcp, cleanup } = createServer({ kit });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => { sessions.set(sid, { transport, cleanup }); },
    });
    transport.onclose = () => { if (transport.sessionId) sessions.delete(transport.sessionId); void cleanup(); };
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  await new Promise<void>((resolve) => server.listen(o.port, o.host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/mcp`;
  kit.log.info('kei-mcp listening over HTTP', { url, auth: Boolean(o.token) });
  return {
    url,
    close: async () => {
      for (const s of sessions.values()) await s.cleanup();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      kit.close();
    },
  };
}

function check(req: IncomingMessage, o: HttpOptions, port: number): { status: number; message: string } | undefined {
  if (o.token && !tokenMatches(req.headers.authorization, o.token)) return { status: 401, message: 'missing or wrong bearer token' };
  const origin = req.headers.origin;
  if (origin && !originAllowed(origin, o)) return { status: 403, message: `origin ${origin} is not allowed` };
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!o.token && host && !LOOPBACK.has(host)) return { status: 403, message: `host ${host} is not allowed (DNS rebinding protection)` };
  void port;
  return undefined;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

function originAllowed(origin: string, o: HttpOptions): boolean {
  if (o.allowedOrigins?.includes(origin)) return true;
  try {
    return LOOPBACK.has(new URL(origin).hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}

/** The parsed body, or null when it is over the cap (the rest is drained so the 413 reaches the client). */
function readBody(req: IncomingMessage): Promise<unknown | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return resolve(null);
      try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')); } catch { resolve(NOT_JSON); }
    });
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
