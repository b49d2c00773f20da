import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { connectKeiMcp, textOf, type McpSession } from '../helpers/mcp.js';
import { BIN, tempDir } from '../helpers/temp.js';

const MB20 = 20 * 1024 * 1024;
let session: McpSession | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  // Waited for, so the server has stopped writing to KEI_HOME before the temp folder is removed.
  if (child && child.exitCode === null)
    await new Promise((resolve) => {
      child?.once('exit', resolve);
      child?.kill('SIGTERM');
    });
  child = undefined;
});

/** The real kei-mcp on raw stdio: write lines, read replies by id. */
function rawKeiMcp(env: Record<string, string> = {}) {
  const home = tempDir('kei-home-');
  child = spawn(process.execPath, [BIN.mcp], {
    env: { ...process.env, KEI_HOME: home, HOME: home, ...env },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const replies: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    replies.push(JSON.parse(line) as Record<string, unknown>);
    for (const w of waiters.splice(0)) w();
  });
  const stdin = child.stdin as NodeJS.WritableStream;
  // A server that stalls is killed by afterEach while a write may still be pending: not this test's failure.
  stdin.on('error', () => undefined);
  return {
    send: (line: string) => new Promise<void>((resolve) => stdin.write(`${line}\n`, () => resolve())),
    reply: async (match: (r: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
      for (;;) {
        const found = replies.find(match);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};

describe('kei-mcp over stdio: message line size', () => {
  it('refuses a 20 MB request at once with an error for that request, and serves the next one', async () => {
    session = await connectKeiMcp(tempDir('kei-home-'));
    const started = Date.now();
    await expect(session.call('memory_add', { content: 'x'.repeat(MB20) })).rejects.toThrow(/over the 4194304-byte stdio limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await session.call('memory_add', { content: 'The user prefers tabs' })).isError).toBeFalsy();
    expect(textOf(await session.call('memory_search', { query: 'tabs' }))).toMatch(/prefers tabs/);
  }, 30_000);

  it('answers a 20 MB line that is not JSON with an id-less error, then serves the next line', async () => {
    const mcp = rawKeiMcp();
    await mcp.send(JSON.stringify(INITIALIZE));
    await mcp.reply((r) => r.id === 1);
    await mcp.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    const started = Date.now();
    await mcp.send('{"junk": "'.padEnd(MB20, 'y'));
    await mcp.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }));
    const refused = await mcp.reply((r) => r.id === null);
    expect(refused).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/message of 20971520 bytes is over/) } });
    const tools = await mcp.reply((r) => r.id === 7);
    expect((tools.result as { tools: unknown[] }).tools.length).toBeGreaterThan(5);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('takes its limit from KEI_MCP_MAX_LINE_BYTES (config mcp.stdioMaxLineBytes): a line over it is refused, one under it works', async () => {
    const mcp = rawKeiMcp({ KEI_MCP_MAX_LINE_BYTES: '65536' });
    await mcp.send(JSON.stringify({ ...INITIALIZE, id: 'init' }));
    await mcp.reply((r) => r.id === 'init');
    await mcp.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    const call = (id: string, chars: number) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'memory_add', arguments: { content: `note ${'z'.repeat(chars)}` } },
      });
    await mcp.send(call('big', 70_000));
    await mcp.send(call('small', 1000));
    expect(await mcp.reply((r) => r.id === 'big')).toMatchObject({
      error: { message: expect.stringMatching(/over the 65536-byte stdio limit/) },
    });
    const small = await mcp.reply((r) => r.id === 'small');
    expect(small.error).toBeUndefined();
    expect((small.result as { isError?: boolean }).isError).toBeFalsy();
  }, 30_000);
});
