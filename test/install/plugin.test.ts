import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/core/db.js';
import { runClaude, type ClaudeRun } from '../helpers/claude.js';
import { startModelServer, type ModelServer } from '../helpers/model-server.js';
import { buildPluginRelease } from '../helpers/plugin.js';
import { BIN, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

// Claude Code names a plugin's MCP tools mcp__plugin_<plugin>_<server>__<tool>.
const TOOL = (name: string) => `mcp__plugin_keiseikit_kei__${name}`;
const FACT = 'The user deploys with the fly CLI on Fridays';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the Claude Code plugin from a release folder, with the real claude CLI, offline', () => {
  let server: ModelServer;
  let home: string;
  let project: string;
  let keiHome: string;
  let release: string;
  let add: ClaudeRun;
  let install: ClaudeRun;
  let session: ClaudeRun;
  let db: Db;

  beforeAll(async () => {
    release = buildPluginRelease();
    home = suiteDir('kei-plugin-user-');
    project = suiteDir('kei-plugin-proj-');
    keiHome = join(home, '.keiseikit');
    mkdirSync(join(project, '.git'));
    server = await startModelServer([
      { toolUses: [{ name: TOOL('memory_add'), input: { content: FACT, scope: 'user' } }] },
      { toolUses: [{ name: TOOL('memory_search'), input: { query: 'deploys fly' } }] },
      { text: 'Done: remembered and found.' },
    ]);
    // claude -p connects MCP servers without waiting by default; a script that needs a server's tools in its
    // first request waits for them, as a user's headless run would.
    const o = { cwd: project, home, modelUrl: server.url, env: { MCP_CONNECTION_NONBLOCKING: 'false' } };
    add = await runClaude(['plugin', 'marketplace', 'add', release], o);
    install = await runClaude(['plugin', 'install', 'keiseikit@keiseikit'], o);
    // The first session after installing: nothing was built or downloaded in between.
    session = await runClaude(
      [
        '-p',
        'remember how I deploy, then look it up',
        '--output-format',
        'json',
        '--allowedTools',
        `${TOOL('memory_add')},${TOOL('memory_search')}`,
      ],
      { ...o, timeoutMs: 120_000 },
    );
    db = openDatabase(join(keiHome, 'kei.db'));
    // PostToolUse runs async: claude may exit while the last tool call's hook is still writing it (its deadline is
    // 14 s once started; on a loaded machine starting it takes seconds too).
    const recorded = () => (db.prepare('SELECT count(*) AS n FROM tool_calls').get() as { n: number }).n;
    for (const t0 = Date.now(); recorded() < 2 && Date.now() - t0 < 30_000;) await new Promise((r) => setTimeout(r, 100));
  }, 260_000);

  afterAll(async () => {
    db?.close();
    await server?.close();
    removeSuiteDirs();
  }, 120_000);

  it('adds the marketplace and installs the plugin', () => {
    expect(add.code, add.stderr + add.stdout).toBe(0);
    expect(install.code, install.stderr + install.stdout).toBe(0);
    expect(install.stdout).toMatch(/Successfully installed plugin: keiseikit@keiseikit/);
  });

  it('answers the MCP tools in the first session: memory_add, then memory_search finds it', () => {
    expect(session.code, session.stderr).toBe(0);
    expect(JSON.parse(session.stdout).result).toMatch(/Done/);
    const results = server.requests
      .filter((r) => r.main)
      .flatMap((r) => (r.body.messages as { content: unknown }[]).flatMap((m) => (Array.isArray(m.content) ? m.content : [])))
      .filter((c: { type?: string }) => c.type === 'tool_result');
    const last = JSON.stringify(results.at(-1));
    const offered = (server.requests.find((r) => r.main)?.body.tools as { name: string }[]).map((t) => t.name);
    expect(offered).toContain(TOOL('memory_add'));
    expect(last, JSON.stringify(results)).toContain(FACT);
    expect(last).not.toMatch(/first-time setup|is_error":true/);
  });

  it('records the first session through the plugin hooks: the session and its turn', () => {
    expect(db.prepare('SELECT cwd, user_turns FROM sessions').all()).toEqual([{ cwd: project, user_turns: 1 }]);
    expect(db.prepare('SELECT prompt FROM turns').all()).toEqual([{ prompt: 'remember how I deploy, then look it up' }]);
    const tools = db.prepare('SELECT tool_name, ok FROM tool_calls ORDER BY at, id').all();
    expect(tools).toEqual([
      { tool_name: TOOL('memory_add'), ok: 1 },
      { tool_name: TOOL('memory_search'), ok: 1 },
    ]);
  });

  it('keeps the data home private: folders 0700, files 0600', () => {
    expect(mode(keiHome)).toBe(0o700);
    expect(mode(join(keiHome, 'logs'))).toBe(0o700);
    expect(mode(join(keiHome, 'kei.db'))).toBe(0o600);
    for (const f of readdirSync(join(keiHome, 'logs'))) expect([f, mode(join(keiHome, 'logs', f))]).toEqual([f, 0o600]);
  });

  it('installed no dependency and built nothing in the plugin folder', () => {
    const installed = join(home, '.claude', 'plugins', 'cache', 'keiseikit', 'keiseikit');
    const [version] = readdirSync(installed);
    const folder = join(installed, version);
    expect(existsSync(join(folder, 'package-lock.json'))).toBe(false);
    expect(existsSync(join(folder, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(folder, 'src'))).toBe(false);
    expect(existsSync(join(keiHome, 'plugin-setup.lock'))).toBe(false);
  });

  const kei = (...args: string[]) =>
    spawnSync(process.execPath, [BIN.skills, ...args], {
      cwd: project,
      env: { ...process.env, HOME: home, KEI_HOME: keiHome },
      encoding: 'utf8',
    });
  const installationRow = () =>
    (JSON.parse(kei('doctor', '--json').stdout) as { name: string; detail: string }[]).find((c) => c.name === 'Claude Code installation');

  it('doctor names the plugin as the installation', () => {
    expect(installationRow()?.detail).toBe('the plugin keiseikit@keiseikit (its hooks and MCP server)');
  });

  it('with setup claude-code as well: setup and doctor say which records and how to remove the other; a session records once', async () => {
    const setup = kei('setup', 'claude-code', '--scope', 'user');
    expect(setup.status, setup.stderr).toBe(0);
    const both =
      'both the plugin keiseikit@keiseikit and kei-hook in the user settings.json are installed: the settings.json hooks record ' +
      "each event and the plugin's hooks step aside (each event once). To keep only the plugin: kei-skills uninstall claude-code " +
      '--scope user; to keep only the settings.json set-up: claude plugin uninstall keiseikit@keiseikit';
    expect(setup.stdout).toContain(`Note: ${both}.`);
    expect(installationRow()?.detail).toBe(both);
    server.script = [{ text: 'Hello again.' }];
    const again = await runClaude(['-p', 'a second session', '--output-format', 'json'], {
      cwd: project,
      home,
      modelUrl: server.url,
      env: { KEI_HOME: keiHome },
    });
    expect(again.code, again.stderr).toBe(0);
    expect(db.prepare('SELECT prompt FROM turns ORDER BY id').all()).toEqual([
      { prompt: 'remember how I deploy, then look it up' },
      { prompt: 'a second session' },
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n).toBe(2);
  }, 120_000);
});
