import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TOOLS } from '../../src/tools/index.js';
import { runNode22 } from '../helpers/node22.js';
import { writeSkill } from '../helpers/skills.js';
import { BIN, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

const NAME = /^[A-Za-z0-9_./-]{1,64}$/;

describe('the MCP Inspector CLI (Node 22, from the npm registry) against kei-mcp over stdio', () => {
  let home: string;
  let lastStderr = '';
  const inspect = async (...args: string[]) => {
    // The Inspector gives the server only a default environment (HOME, PATH, …): KEI_HOME is the default under HOME.
    const r = await runNode22('mcp-inspector', ['--cli', process.execPath, BIN.mcp, ...args], { HOME: home });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    lastStderr = r.stderr;
    return JSON.parse(r.stdout) as Record<string, { name: string; description?: string }[]> & Record<string, unknown>;
  };

  beforeAll(() => {
    home = suiteDir('kei-inspector-');
    writeSkill(`${home}/.keiseikit/skills/general`, 'tidy-imports', {
      description: 'Use to sort and tidy import statements',
      body: 'Sort them.\n',
    });
    const add = spawnSync(process.execPath, [BIN.skills, 'memory', 'add', 'The user prefers pnpm over npm'], {
      env: { ...process.env, KEI_HOME: `${home}/.keiseikit`, HOME: home },
      encoding: 'utf8',
    });
    expect(add.status, add.stderr).toBe(0);
  });
  afterAll(() => removeSuiteDirs());

  it('lists every tool, each with a valid name, a description and schemas with no portability warnings', async () => {
    const { tools } = await inspect('--method', 'tools/list', '--strict');
    expect(lastStderr).not.toMatch(/Warning: tool/);
    expect(tools.map((t) => t.name).sort()).toEqual(ALL_TOOLS.map((t) => t.name).sort());
    for (const tool of tools) {
      expect(tool.name).toMatch(NAME);
      expect(tool.description?.length ?? 0).toBeGreaterThan(40);
    }
  }, 300_000);

  it('calls memory_search and gets the stored memory back', async () => {
    const result = await inspect('--method', 'tools/call', '--tool-name', 'memory_search', '--tool-arg', 'query=pnpm');
    expect(result.structuredContent).toMatchObject({ count: 1, results: [{ content: 'The user prefers pnpm over npm' }] });
  }, 300_000);

  it('lists skills as prompts and resources, each with a description', async () => {
    const { prompts } = await inspect('--method', 'prompts/list');
    const { resources } = await inspect('--method', 'resources/list');
    expect(prompts.map((p) => p.name)).toContain('tidy-imports');
    expect(resources.length).toBeGreaterThan(0);
    for (const entry of [...prompts, ...resources]) expect(entry.description?.length ?? 0).toBeGreaterThan(5);
  }, 300_000);
});

describe('the official MCP conformance suite against kei-mcp --http', () => {
  let server: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const home = suiteDir('kei-conformance-');
    server = spawn(process.execPath, [BIN.mcp, '--http', '--port', '0'], {
      env: { ...process.env, KEI_HOME: home, HOME: home, KEI_MCP_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      server?.stderr?.on('data', (d) => {
        stderr += d;
        const m = /listening on (\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      server?.on('exit', () => reject(new Error(stderr)));
    });
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    removeSuiteDirs();
  });

  it.each(['server-initialize', 'ping', 'logging-set-level', 'tools-list', 'prompts-list', 'resources-list', 'dns-rebinding-protection'])(
    'passes %s',
    async (scenario) => {
      const r = await runNode22('conformance', ['server', '--url', url, '--scenario', scenario]);
      expect(r.stdout, r.stderr.slice(-2000)).toMatch(/Passed: (\d+)\/\1, 0 failed/);
      expect(r.code).toBe(0);
    },
    300_000,
  );
});
