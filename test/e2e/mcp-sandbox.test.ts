import { spawnSync } from 'node:child_process';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bwrapAvailable } from '../../src/sandbox/local.js';
import { connectKeiMcp, type McpSession } from '../helpers/mcp.js';
import { tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe.skipIf(!bwrapAvailable())('sandbox tools through the real kei-mcp', () => {
  it('runs a command, keeps a named sandbox, reports progress while it runs', async () => {
    session = await connectKeiMcp(tempDir('kei-home-'), { HOME: tempDir('kei-user-') });
    const progress: unknown[] = [];
    const r = await session.client.callTool(
      {
        name: 'sandbox_exec',
        arguments: { sandbox: 'work', command: 'for i in 1 2 3; do echo step $i; sleep 0.6; done; echo kept > f.txt' },
      },
      CallToolResultSchema,
      { onprogress: (p) => progress.push(p), timeout: 30_000 },
    );
    expect(r.structuredContent).toMatchObject({ exit_code: 0, backend: 'bwrap', timed_out: false });
    expect(progress.length).toBeGreaterThan(0);
    expect(JSON.stringify(progress)).toMatch(/step 1/);
    const again = await session.call('sandbox_exec', { sandbox: 'work', command: 'cat f.txt' });
    expect((again.structuredContent as { stdout: string }).stdout).toBe('kept\n');
    const list = await session.call('sandbox_list', {});
    expect((list.structuredContent as { sandboxes: { name: string }[] }).sandboxes.map((s) => s.name)).toEqual(['work']);
    expect((await session.call('sandbox_delete', { sandbox: 'work' })).isError).toBeFalsy();
  });

  it('cancelling the request kills the command', async () => {
    session = await connectKeiMcp(tempDir('kei-home-'), { HOME: tempDir('kei-user-') });
    const marker = `sleep 60.${Date.now() % 100000}`;
    const controller = new AbortController();
    const call = session.client.callTool({ name: 'sandbox_exec', arguments: { command: marker } }, CallToolResultSchema, {
      signal: controller.signal,
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(spawnSync('pgrep', ['-f', marker]).status).toBe(0);
    controller.abort();
    await expect(call).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 500));
    expect(spawnSync('pgrep', ['-f', marker]).status).not.toBe(0);
  });

  it('refuses unsandboxed runs unless the config says so', async () => {
    session = await connectKeiMcp(tempDir('kei-home-'), { HOME: tempDir('kei-user-') });
    const r = await session.call('sandbox_exec', { command: 'true', backend: 'none' });
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/"backend": "none"|backend.*none/);
  });

  it("keeps the server's own environment (API keys, its token) out of a sandboxed command's reach", async () => {
    session = await connectKeiMcp(tempDir('kei-home-'), {
      HOME: tempDir('kei-user-'),
      KEI_MCP_TOKEN: 'server-token-123',
      ANTHROPIC_API_KEY: 'sk-ant-server-key',
    });
    const r = await session.call('sandbox_exec', {
      command: 'for f in /proc/[0-9]*/environ; do tr "\\0" "\\n" < "$f"; done 2>/dev/null; env',
    });
    const out = (r.structuredContent as { stdout: string }).stdout;
    expect(out).toContain('PATH=');
    expect(out).not.toContain('server-token-123');
    expect(out).not.toContain('sk-ant-server-key');
  });
});
