import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { KeiError } from '../core/errors.js';
import { openKit, type Kit } from '../kit.js';
import { createServer } from './create-server.js';
import { LOOPBACK, normalizeToken, refusal, type GuardOptions } from './http-guard.js';
import { isInitialize, MAX_BODY_BYTES, NOT_JSON, readBody, reply } from './http-io.js';
import { SessionPool } from './http-sessions.js';
import { reclaimWhenQuiet } from './reclaim-memory.js';

export interface HttpOptions {
  host: string;
  port: number;
  token?: string;
  allowedOrigins?: string[];
}

/**
 * `kei-mcp --http`: the same tools, prompts and resources over Streamable HTTP at /mcp. With
 * KEI_MCP_TOKEN every request needs `Authorization: Bearer <token>` (constant-time compare);
 * without one it only binds to loopback. Origin and Host are checked against DNS rebinding,
 * request bodies are capped at 1 MiB, and sessions are bounded in number and idle time
 * (config `mcp.httpMaxSessions`, `mcp.httpSessionIdleMs`).
 */
export async function runHttpServer(options: HttpOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const o: HttpOptions = { ...options, token: normalizeToken(options.token) };
  if (!o.token && !LOOPBACK.has(o.host)) {
    const why = options.token === undefined || options.token === '' ? 'without KEI_MCP_TOKEN' : 'without KEI_MCP_TOKEN (it is blank)';
    throw new KeiError('http_unprotected', `refusing to listen on ${o.host} ${why}; set a token or use --host 127.0.0.1`);
  }
  const kit = openKit({ logName: 'mcp-http' });
  const pool = openPool(kit);
  const server = createHttpServer(
    (req, res) =>
      void handle(kit, pool, o, req, res).catch((err) => {
        kit.log.error('http request failed', { error: String(err) });
        if (!res.headersSent) reply(res, 500, 'internal error');
      }),
  );
  await new Promise<void>((resolve) => server.listen(o.port, o.host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/mcp`;
  kit.log.info('kei-mcp listening over HTTP', { url, auth: Boolean(o.token), ...pool.limits });
  return {
    url,
    close: async () => {
      await pool.closeAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      kit.close();
    },
  };
}

/** Fewer freed sessions than this leave too little garbage to be worth a full collection. */
const RECLAIM_AFTER = 16;
const RECLAIM_QUIET_MS = 1000;

function openPool(kit: Kit): SessionPool {
  const { httpMaxSessions: maxSessions, httpSessionIdleMs: idleMs } = kit.config.mcp;
  // Every session's server listens for skill changes; that many listeners is by design, not a leak.
  kit.skills.registry.setMaxListeners(maxSessions + 10);
  const reclaim = reclaimWhenQuiet(RECLAIM_AFTER, RECLAIM_QUIET_MS, (closed, reclaimed) =>
    kit.log.info('idle http sessions closed', { closed, reclaimed }),
  );
  return new SessionPool({ maxSessions, idleMs }, reclaim);
}

/**
 * Routes one request. Only an initialize creates anything, and only within the session limit;
 * every other request either names a live session or is answered without allocating a server,
 * so a flood of session-less or stale requests costs nothing that outlives it.
 */
async function handle(kit: Kit, pool: SessionPool, options: GuardOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refused = refusal(req, options);
  if (refused) return reply(res, refused.status, refused.message);
  if (!(req.url ?? '').startsWith('/mcp')) return reply(res, 404, 'not found; the endpoint is /mcp');
  const body = req.method === 'POST' ? await readBody(req) : undefined;
  if (body === null) return reply(res, 413, `request body over ${MAX_BODY_BYTES} bytes`);
  if (body === NOT_JSON) return reply(res, 400, 'request body is not JSON');
  const id = req.headers['mcp-session-id'];
  if (typeof id === 'string') {
    const session = pool.use(id, res);
    if (!session) return reply(res, 404, 'session not found (it ended or expired); start a new one with initialize', -32001);
    return session.transport.handleRequest(req, res, body);
  }
  if (req.method !== 'POST' || !isInitialize(body))
    return reply(res, 400, 'no session: send initialize first, then the mcp-session-id header it returns');
  return openSession(kit, pool, req, res, body);
}

async function openSession(kit: Kit, pool: SessionPool, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
  const { maxSessions, idleMs } = pool.limits;
  if (!pool.reserve()) {
    warnRefused(kit, maxSessions);
    const message =
      `session limit (${maxSessions}) reached; end a session (DELETE /mcp) or wait for an idle one to expire (after ` +
      `${Math.round(idleMs / 1000)} s)`;
    return reply(res, 503, message, -32000, { 'retry-after': String(Math.ceil(idleMs / 1000)) });
  }
  const { server: mcp, cleanup } = createServer({ kit });
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (sid) => pool.add(sid, { transport, cleanup }),
  });
  transport.onclose = () => {
    if (transport.sessionId) pool.remove(transport.sessionId);
    void cleanup();
  };
  try {
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  } finally {
    pool.settle();
    // An initialize the SDK rejected never got a session: free its server now rather than never.
    if (!transport.sessionId) await cleanup();
  }
}

/** One warning a minute at most: a flood of refused initializes must not become a flood of log lines. */
let lastRefusalLog = 0;
let refusedSince = 0;
function warnRefused(kit: Kit, maxSessions: number): void {
  refusedSince++;
  if (Date.now() - lastRefusalLog < 60_000) return;
  kit.log.warn('http session limit reached; initialize refused', { maxSessions, refused: refusedSince });
  lastRefusalLog = Date.now();
  refusedSince = 0;
}
