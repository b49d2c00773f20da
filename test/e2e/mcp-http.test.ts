import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { BIN, tempDir } from '../helpers/temp.js';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

function startHttp(home: string, args: string[], token?: string): Promise<{ url?: string; code?: number | null; stderr: string }> {
  return new Promise((resolve) => {
    child = spawn(process.execPath, [BIN.mcp, '--http', '--port', '0', ...args], {
      env: { ...process.env, KEI_HOME: home, HOME: home, KEI_MCP_TOKEN: token ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
      const m = /listening on (\S+)/.exec(stderr);
      if (m) resolve({ url: m[1], stderr });
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** fetch cannot set Host (a forbidden header), so the rebinding case goes through node:http. */
function rawStatus(url: string, headers: Record<string, string>): Promise<number | undefined> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(initialize));
  });
}

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });

describe('kei-mcp --http', () => {
  it('refuses requests without or with a wrong token (401) and changes nothing; a real client with the token works', async () => {
    const home = tempDir('kei-home-');
    const { url } = await startHttp(home, [], 's3cret-token');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect((await post(url as string, initialize)).status).toBe(401);
    expect((await post(url as string, initialize, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect(
      (
        await post(
          url as string,
          { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'memory_add', arguments: { content: 'sneaky' } } },
          { authorization: 'Bearer wrong' },
        )
      ).status,
    ).toBe(401);
    const client = new Client({ name: 'http-test', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url as string), { requestInit: { headers: { authorization: 'Bearer s3cret-token' } } }),
    );
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('memory_search');
    const added = await client.callTool({ name: 'memory_add', arguments: { content: 'Added over HTTP' } });
    expect(added.isError).toBeFalsy();
    await client.close();
    const db = openDatabase(join(home, 'kei.db'));
    expect(db.prepare('SELECT content FROM memories').all()).toEqual([{ content: 'Added over HTTP' }]);
    db.close();
  });

  it('rejects foreign origins and hosts (DNS rebinding), and oversize bodies', async () => {
    const { url } = await startHttp(tempDir('kei-home-'), []);
    expect((await post(url as string, initialize, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await rawStatus(url as string, { host: 'evil.example' })).toBe(403);
    const big = { ...initialize, params: { ...initialize.params, padding: 'x'.repeat(2 * 1024 * 1024) } };
    expect((await post(url as string, big)).status).toBe(413);
    expect(
      (await fetch(url as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })).status,
    ).toBe(400);
    expect((await post(url as string, initialize, { origin: 'http://localhost:3000' })).status).toBe(200);
  });

  it('refuses to listen beyond loopback without a token', async () => {
    const r = await startHttp(tempDir('kei-home-'), ['--host', '0.0.0.0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without KEI_MCP_TOKEN/);
  });
});
