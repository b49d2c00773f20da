import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitToBranch } from '../../scripts/lib/plugin-branch.js';
import { runClaude, type ClaudeRun } from '../helpers/claude.js';
import { git } from '../helpers/git.js';
import { buildPluginRelease } from '../helpers/plugin.js';
import { REPO_ROOT, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

/**
 * The way users get the plugin: the main branch's marketplace.json names a git URL and the release branch; Claude Code
 * clones that branch. Here the repository is local (file://), so the test runs offline.
 */
describe('the plugin from a release branch (git URL source)', () => {
  let home: string;
  let install: ClaudeRun;
  let installed: string;

  beforeAll(async () => {
    const release = buildPluginRelease();
    const repo = suiteDir('kei-plugin-repo-');
    git(repo, 'init', '-q');
    process.env.GIT_AUTHOR_NAME = process.env.GIT_COMMITTER_NAME = 'Test';
    process.env.GIT_AUTHOR_EMAIL = process.env.GIT_COMMITTER_EMAIL = 'test@example.invalid';
    commitToBranch(repo, release, 'plugin', 'keiseikit plugin');
    // The main branch's marketplace.json, pointed at this local repository instead of GitHub.
    const ours = JSON.parse(readFileSync(join(REPO_ROOT, '.claude-plugin', 'marketplace.json'), 'utf8'));
    ours.plugins[0].source.url = `file://${repo}`;
    const marketplace = suiteDir('kei-plugin-market-');
    mkdirSync(join(marketplace, '.claude-plugin'));
    writeFileSync(join(marketplace, '.claude-plugin', 'marketplace.json'), JSON.stringify(ours));
    home = suiteDir('kei-plugin-user-');
    const o = { cwd: home, home, modelUrl: 'http://127.0.0.1:9' };
    const add = await runClaude(['plugin', 'marketplace', 'add', marketplace], o);
    expect(add.code, add.stderr + add.stdout).toBe(0);
    install = await runClaude(['plugin', 'install', 'keiseikit@keiseikit'], o);
    const list = JSON.parse(readFileSync(join(home, '.claude', 'plugins', 'installed_plugins.json'), 'utf8'));
    installed = list.plugins['keiseikit@keiseikit']?.[0]?.installPath ?? '';
  }, 180_000);
  // Four copies of the plugin (built, committed, cloned, installed): removing them takes a while on a busy machine.
  afterAll(() => removeSuiteDirs(), 180_000);

  it("main's marketplace.json installs the release branch of the GitHub repository", () => {
    const ours = JSON.parse(readFileSync(join(REPO_ROOT, '.claude-plugin', 'marketplace.json'), 'utf8'));
    expect(ours.plugins[0].source).toEqual({ source: 'url', url: 'https://github.com/KeiSeiKit/KeiSeiKit.git', ref: 'plugin' });
  });

  it('installs the branch as built: compiled, with its dependencies, nothing to install', () => {
    expect(install.code, install.stderr + install.stdout).toBe(0);
    for (const part of [
      'bin/kei-plugin.js',
      'dist/server/main.js',
      'dist/hooks/hook.cjs',
      'node_modules/@modelcontextprotocol/sdk/package.json',
    ])
      expect([part, existsSync(join(installed, part))]).toEqual([part, true]);
    expect(existsSync(join(installed, 'package-lock.json'))).toBe(false);
  });

  it('its MCP server lists the kit tools at once', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(installed, 'bin', 'kei-plugin.js'), 'mcp'],
      env: { ...(process.env as Record<string, string>), HOME: home, KEI_HOME: join(home, '.keiseikit') },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'kei-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('memory_search');
    } finally {
      await client.close();
    }
  }, 30_000);
});
