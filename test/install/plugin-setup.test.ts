import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../helpers/mcp.js';
import { buildPluginRelease } from '../helpers/plugin.js';
import { REPO_ROOT, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

const mode = (path: string) => statSync(path).mode & 0o777;

/**
 * Whether better-sqlite3 runs cleanly under this Node (its addon built for this ABI, and no abort at exit: version 12
 * aborts at exit on Node 24). These cases pin the plugin to that engine, so without it they cannot become ready.
 */
const addonRunsHere =
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: REPO_ROOT, encoding: 'utf8' })
    .status === 0;
const BETTER_SQLITE_SKIP = 'better-sqlite3 does not run cleanly under this Node (the plugin uses node:sqlite here)';

/** A plugin folder whose SQLite addon is not usable (as when it was built for another Node): not ready. */
function breakAddon(release: string): { addon: string; hidden: string } {
  const build = join(release, 'node_modules', 'better-sqlite3', 'build');
  for (const f of readdirSync(build)) if (f.startsWith('kei-ok-')) rmSync(join(build, f));
  const addon = join(build, 'Release', 'better_sqlite3.node');
  const hidden = `${addon}.off`;
  if (existsSync(addon)) renameSync(addon, hidden);
  return { addon, hidden };
}

function env(keiHome: string, repair: string): Record<string, string> {
  // The engine is pinned so that Node's built-in SQLite (Node ≥ 22.13) does not make the folder ready by itself.
  return { ...(process.env as Record<string, string>), KEI_HOME: keiHome, KEI_SQLITE_ENGINE: 'better-sqlite3', KEI_PLUGIN_SETUP: repair };
}

function hook(release: string, e: Record<string, string>, cwd?: string) {
  return spawnSync(process.execPath, [join(release, 'bin', 'kei-plugin.js'), 'hook', 'UserPromptSubmit'], {
    env: e,
    cwd,
    input: JSON.stringify({ session_id: 's1', prompt: 'hi', cwd: '/tmp' }),
    encoding: 'utf8',
  });
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (check()) return true;
  return check();
}

describe('the plugin before its SQLite module is usable', () => {
  let release: string;
  beforeAll(() => {
    release = buildPluginRelease();
  }, 120_000);
  afterAll(() => removeSuiteDirs(), 120_000);

  it('serves MCP at once: tools say setup is under way, then the real tools answer on the same connection', async (ctx) => {
    if (!addonRunsHere) ctx.skip(BETTER_SQLITE_SKIP);
    const { addon, hidden } = breakAddon(release);
    const keiHome = join(suiteDir('kei-standin-'), 'home');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(release, 'bin', 'kei-plugin.js'), 'mcp'],
      env: env(keiHome, `sleep 2 && mv '${hidden}' '${addon}'`),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'kei-test', version: '1.0.0' });
    let changed = false;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changed = true;
    });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['kei_setup_status']);
      const early = (await client.callTool({ name: 'memory_add', arguments: { content: 'x' } })) as CallToolResult;
      expect(early.isError).toBe(true);
      expect(textOf(early)).toMatch(/KeiSeiKit is finishing its first-time setup: .*plugin-setup\.log/);
      expect(await waitFor(() => changed, 30_000)).toBe(true);
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('memory_add');
      const add = (await client.callTool({
        name: 'memory_add',
        arguments: { content: 'The user deploys on Fridays', scope: 'user' },
      })) as CallToolResult;
      expect(add.isError ?? false, textOf(add)).toBe(false);
      const found = (await client.callTool({ name: 'memory_search', arguments: { query: 'deploys Fridays' } })) as CallToolResult;
      expect(textOf(found)).toContain('The user deploys on Fridays');
    } finally {
      await client.close();
    }
    expect(existsSync(join(keiHome, 'plugin-setup.lock'))).toBe(false);
    expect(mode(keiHome)).toBe(0o700);
    expect(mode(join(keiHome, 'logs'))).toBe(0o700);
    expect(mode(join(keiHome, 'logs', 'plugin-setup.log'))).toBe(0o600);
    expect(mode(join(keiHome, 'kei.db'))).toBe(0o600);
  }, 60_000);

  it('replaces a lock left by a repair that died, or one too old; leaves a live one alone', async () => {
    breakAddon(release);
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => dead.on('close', () => resolve(dead.pid as number)));
    const cases = [
      { lock: { pid: deadPid, started: Date.now() }, repairs: true },
      { lock: { pid: process.pid, started: Date.now() - 60 * 60 * 1000 }, repairs: true },
      { lock: { pid: process.pid, started: Date.now() }, repairs: false },
    ];
    for (const c of cases) {
      const keiHome = suiteDir('kei-lock-');
      const marker = join(keiHome, 'repaired');
      writeFileSync(join(keiHome, 'plugin-setup.lock'), JSON.stringify(c.lock));
      const r = hook(release, env(keiHome, `touch '${marker}'`));
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect([c.lock, await waitFor(() => existsSync(marker), c.repairs ? 10_000 : 1500)]).toEqual([c.lock, c.repairs]);
      if (c.repairs) expect(await waitFor(() => !existsSync(join(keiHome, 'plugin-setup.lock')), 5000)).toBe(true);
    }
  }, 60_000);

  it('waits after a failed repair instead of starting one on every event', async () => {
    breakAddon(release);
    const keiHome = suiteDir('kei-failed-');
    const count = join(keiHome, 'attempts');
    const e = env(keiHome, `echo x >> '${count}'; exit 1`);
    hook(release, e);
    expect(await waitFor(() => existsSync(join(keiHome, 'plugin-setup.failed')), 10_000)).toBe(true);
    hook(release, e);
    await new Promise((r) => setTimeout(r, 1000));
    expect(readdirSync(keiHome)).not.toContain('plugin-setup.lock');
    expect(spawnSync('wc', ['-l', count], { encoding: 'utf8' }).stdout.trim().split(' ')[0]).toBe('1');
    expect(mode(join(keiHome, 'plugin-setup.failed'))).toBe(0o600);
  }, 30_000);

  it('refuses a relative KEI_HOME as the CLI does: says so over MCP, creates no folder', async () => {
    breakAddon(release);
    const cwd = suiteDir('kei-rel-');
    const e = { ...env('', 'true'), KEI_HOME: 'relative/home' };
    expect(hook(release, e, cwd).status).toBe(0);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(release, 'bin', 'kei-plugin.js'), 'mcp'],
      env: e,
      cwd,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'kei-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const r = (await client.callTool({ name: 'kei_setup_status', arguments: {} })) as CallToolResult;
      expect(textOf(r)).toMatch(/KEI_HOME must be an absolute path \(got "relative\/home"\).*KEI_HOME=\//);
    } finally {
      await client.close();
    }
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);

  it('answers with what is wrong when the compiled server cannot load (a dependency missing), instead of exiting', async (ctx) => {
    if (!addonRunsHere) ctx.skip(BETTER_SQLITE_SKIP);
    const { addon, hidden } = breakAddon(release);
    renameSync(hidden, addon); // the SQLite module is fine here
    const sdk = join(release, 'node_modules', '@modelcontextprotocol', 'sdk');
    renameSync(sdk, `${sdk}.off`);
    const e = env(join(suiteDir('kei-broken-'), 'home'), 'true');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(release, 'bin', 'kei-plugin.js'), 'mcp'],
      env: e,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'kei-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const r = (await client.callTool({ name: 'memory_search', arguments: { query: 'x' } })) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/KeiSeiKit could not load its MCP server \(.*@modelcontextprotocol\/sdk.*\); reinstall the plugin/);
    } finally {
      await client.close();
      renameSync(`${sdk}.off`, sdk);
    }
  }, 30_000);
});
