import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIALIZE, inParallel, postMcp, startHttpServer, writeConfig, type HttpServerProcess } from '../helpers/mcp-http.js';
import { REPO_ROOT, tempDir } from '../helpers/temp.js';

let server: HttpServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function connectClient(url: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: 'live', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  return { client, transport };
}

const LIST_TOOLS = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

/** Waits until `probe` is true or the time is up; returns the last value of `read`. */
async function settle(read: () => number, ok: (v: number) => boolean, ms: number): Promise<number> {
  const end = Date.now() + ms;
  let v = read();
  while (!ok(v) && Date.now() < end) {
    await sleep(250);
    v = read();
  }
  return v;
}

const MEMORY_PROBE = join(REPO_ROOT, 'test', 'helpers', 'memory-probe.cjs');

/** The server's memory in MB in the state a full collection leaves (see memory-probe.cjs). */
type Memory = { rss: number; heapUsed: number; external: number };

async function memoryAfterCollection(proc: HttpServerProcess, out: string, rssBelow: number): Promise<Memory> {
  rmSync(out, { force: true });
  proc.child.kill('SIGUSR2');
  const end = Date.now() + 15_000;
  while (!existsSync(out)) {
    if (Date.now() > end) throw new Error('the memory probe in kei-mcp did not answer');
    await sleep(100);
  }
  const { heapUsed, external } = JSON.parse(readFileSync(out, 'utf8')) as Memory;
  // V8 hands freed pages back on a background thread after the collection: RSS gets a few seconds to settle.
  await sleep(1000);
  const rss = await settle(
    () => proc.rssMb(),
    (v) => v < rssBelow,
    5000,
  );
  return { rss, heapUsed, external };
}

interface Flood {
  firstSession: string;
  peak: number;
}

/**
 * 1,500 initializes, 2,000 session-less and 2,000 unknown-session requests (before sessions were bounded, each
 * kept ~100 KB for good: ~550 MB); checks their answers, then waits until the server's log reports every
 * session closed for idleness.
 */
async function floodUntilExpired(proc: HttpServerProcess, home: string): Promise<Flood> {
  const closedBefore = sessionsClosed(home);
  const inits = await inParallel(1500, 16, () => postMcp(proc.url, INITIALIZE));
  const sessionless = await inParallel(2000, 16, () => postMcp(proc.url, LIST_TOOLS));
  const unknown = await inParallel(2000, 16, (i) => postMcp(proc.url, LIST_TOOLS, { 'mcp-session-id': `no-such-session-${i}` }));
  const peak = proc.rssMb();

  expect(inits.every((r) => r.status === 200 && r.sessionId)).toBe(true);
  expect(new Set(sessionless.map((r) => r.status))).toEqual(new Set([400]));
  // An unknown (or expired) session is 404, as the protocol asks, so a client knows to start again.
  expect(new Set(unknown.map((r) => r.status))).toEqual(new Set([404]));
  const closed = await settle(
    () => sessionsClosed(home) - closedBefore,
    (n) => n >= inits.length,
    20_000,
  );
  expect(closed, 'idle sessions the server closed').toBe(inits.length);
  return { firstSession: inits[0].sessionId as string, peak };
}

function show(m: Memory): string {
  return `RSS ${m.rss.toFixed(0)} MB, heap ${m.heapUsed.toFixed(1)} MB, external ${m.external.toFixed(1)} MB`;
}

/** Sessions the server reports it closed for idleness, from its log. */
function sessionsClosed(home: string): number {
  const log = join(home, 'logs', 'mcp-http.log');
  if (!existsSync(log)) return 0;
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"idle http sessions closed"'))
    .reduce((sum, line) => sum + Number(/"closed":(\d+)/.exec(line)?.[1] ?? 0), 0);
}

describe('kei-mcp --http under a request flood', () => {
  it('frees expired sessions and keeps nothing for session-less requests: flood after flood the process holds what it held at its start; a live session keeps working', async () => {
    const home = tempDir('kei-home-');
    // A high limit so the flood really opens hundreds of sessions, and a short idle expiry to watch them go.
    writeConfig(home, { mcp: { httpMaxSessions: 2000, httpSessionIdleMs: 1500 } });
    const memoryOut = join(home, 'memory.json');
    server = await startHttpServer(home, { NODE_OPTIONS: `--require "${MEMORY_PROBE}"`, KEI_TEST_MEMORY_OUT: memoryOut });
    const live = await connectClient(server.url);
    expect((await live.client.listTools()).tools.length).toBeGreaterThan(5);
    await sleep(500);
    const start = await memoryAfterCollection(server, memoryOut, Infinity);

    // The live client keeps its session busy; the floods' sessions sit idle and expire.
    const keepAlive = setInterval(() => void live.client.ping().catch(() => undefined), 300);
    let first: Flood, second: Flood, afterFirst: Memory, afterSecond: Memory;
    try {
      first = await floodUntilExpired(server, home);
      afterFirst = await memoryAfterCollection(server, memoryOut, start.rss + 60);
      second = await floodUntilExpired(server, home);
      afterSecond = await memoryAfterCollection(server, memoryOut, afterFirst.rss + 15);
    } finally {
      clearInterval(keepAlive);
    }
    // What a leak would show on every Node version: live objects (heap) and memory held for them outside the heap
    // (external) after a full collection; 1,500 sessions kept alive would be ~150 MB of heap. Measured: the heap
    // ends within 3 MB of its start on Node 20, 22 and 24.
    const report =
      `start ${show(start)}; peak RSS ${first.peak.toFixed(0)} MB; after expiry ${show(afterFirst)}; ` +
      `second flood: peak RSS ${second.peak.toFixed(0)} MB, after expiry ${show(afterSecond)}`;
    for (const after of [afterFirst, afterSecond]) {
      expect(after.heapUsed, report).toBeLessThan(start.heapUsed + 10);
      expect(after.external, report).toBeLessThan(start.external + 5);
    }
    // Resident memory, for what lives outside V8 (SQLite, sockets). Freed native memory may stay mapped (glibc keeps
    // ~35 MB of it on Node 24), so one flood may leave RSS somewhat above its start; but that retention is paid once,
    // while a leak grows with every flood: the second must leave RSS where the first did.
    expect(afterFirst.rss, report).toBeLessThan(start.rss + 60);
    expect(afterSecond.rss, report).toBeLessThan(afterFirst.rss + 15);

    const expired = await postMcp(server.url, LIST_TOOLS, {
      'mcp-session-id': first.firstSession,
      'mcp-protocol-version': '2025-06-18',
    });
    expect(expired.status).toBe(404);
    const added = await live.client.callTool({ name: 'memory_add', arguments: { content: 'Still here after the flood' } });
    expect(added.isError).toBeFalsy();
    await live.client.close();
  }, 240_000);

  it('refuses an initialize beyond the session limit with a clear error, while open sessions keep working; a closed or expired one frees a slot', async () => {
    const home = tempDir('kei-home-');
    writeConfig(home, { mcp: { httpMaxSessions: 2, httpSessionIdleMs: 1000 } });
    server = await startHttpServer(home);
    const { url } = server;
    const a = await connectClient(url);
    const b = await connectClient(url);

    const refused = await postMcp(url, INITIALIZE);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.text)).toMatchObject({
      jsonrpc: '2.0',
      error: { message: expect.stringMatching(/session limit \(2\) reached/) },
    });
    await expect(connectClient(url)).rejects.toThrow(/session limit/);

    // Both open sessions still answer, and are not evicted to make room.
    expect((await a.client.listTools()).tools.length).toBeGreaterThan(5);
    expect((await b.client.listTools()).tools.length).toBeGreaterThan(5);

    // Ending a session (DELETE) frees its slot at once.
    await b.transport.terminateSession();
    await b.client.close();
    const c = await connectClient(url);
    expect((await c.client.listTools()).tools.length).toBeGreaterThan(5);

    // A session whose client went away (no open stream, no requests) expires after the idle time.
    const raw = await postMcp(url, INITIALIZE);
    expect(raw.status).toBe(503);
    await a.client.close();
    await sleep(2000);
    const fresh = await postMcp(url, INITIALIZE);
    expect(fresh.status).toBe(200);
    expect((await c.client.listTools()).tools.length).toBeGreaterThan(5);
    await c.client.close();
  }, 30_000);

  it('treats a blank KEI_MCP_TOKEN as no token: refuses to listen beyond loopback, with a clear error', async () => {
    for (const token of ['   ', '\t\n']) {
      const started = startHttpServer(tempDir('kei-home-'), { KEI_MCP_TOKEN: token }, ['--host', '0.0.0.0']);
      await expect(started).rejects.toThrow(/exited 1: kei-mcp: refusing to listen on 0\.0\.0\.0 without KEI_MCP_TOKEN \(it is blank\)/);
    }
  });

  it('trims a pasted token: the server accepts the token without its surrounding whitespace', async () => {
    server = await startHttpServer(tempDir('kei-home-'), { KEI_MCP_TOKEN: ' s3cret\n' });
    expect((await postMcp(server.url, INITIALIZE, { authorization: 'Bearer s3cret' })).status).toBe(200);
    expect((await postMcp(server.url, INITIALIZE)).status).toBe(401);
  });
});
