import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executables } from '../../src/install/executables.js';
import { BIN, tempDir } from '../helpers/temp.js';

function kei(args: string[], home: string, cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, KEI_HOME: join(home, '.keiseikit') };
  delete env.XDG_CONFIG_HOME;
  const r = spawnSync(process.execPath, [BIN.skills, ...args], { env, cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every file under a folder, relative, skipping KeiSeiKit's own data home. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !(prefix === '' && e.name === '.keiseikit'))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** Every folder under a folder (empty ones included), skipping KeiSeiKit's own data home. */
function foldersUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((rel) => rel !== '.keiseikit' && !rel.startsWith('.keiseikit/'));
}

describe('setup and uninstall through the CLI', () => {
  it('refuses a scope it does not know (nothing written), and user-only clients refuse --scope project', () => {
    const home = tempDir('kei-user-');
    const project = tempDir('kei-proj-');
    const r = kei(['setup', 'claude-code', '--scope', 'global'], home, project);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('kei-skills: unknown scope "global"; use --scope user or --scope project');
    expect(filesUnder(project)).toEqual([]);
    expect(filesUnder(home)).toEqual([]);
    expect(kei(['uninstall', 'cursor', '--scope', 'everywhere'], home, project).code).toBe(1);
    for (const client of ['zed', 'codex']) {
      const z = kei(['setup', client, '--scope', 'project'], home, project);
      expect(z.code, client).toBe(1);
      expect(z.err).toContain(`${client} is set up per user only`);
    }
  });

  it('vscode follows --scope: the project .vscode/mcp.json (its default) or the user profile mcp.json', () => {
    const home = tempDir('kei-user-');
    const project = tempDir('kei-proj-');
    const exe = executables();
    expect(kei(['setup', 'vscode'], home, project).code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, '.vscode', 'mcp.json'), 'utf8')).servers.kei.command).toBe(exe.node);
    expect(kei(['setup', 'vscode', '--scope', 'user'], home, project).code).toBe(0);
    const userFile =
      process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support', 'Code', 'User', 'mcp.json')
        : join(home, '.config', 'Code', 'User', 'mcp.json');
    expect(JSON.parse(readFileSync(userFile, 'utf8')).servers.kei.args).toEqual([exe.mcp]);
  });

  it.each([
    ['claude-code', ['--scope', 'user']],
    ['claude-code', ['--scope', 'project']],
    ['cursor', []],
    ['vscode', ['--scope', 'user']],
    ['zed', []],
    ['codex', []],
  ])('%s %s: setup says what it created and what to do next; uninstall removes what it created, no stubs', (client, scope) => {
    const home = tempDir('kei-user-');
    const project = tempDir('kei-proj-');
    const setup = kei(['setup', client, ...scope], home, project);
    expect(setup.code).toBe(0);
    expect(setup.out).toMatch(/^created /m);
    expect(setup.out.trim().split('\n').pop()).toMatch(/^Next: restart .+, then run: kei-skills doctor$/);
    expect(filesUnder(home).length + filesUnder(project).length).toBeGreaterThan(0);
    const removed = kei(['uninstall', client, ...scope], home, project);
    expect(removed.code).toBe(0);
    expect(removed.out).not.toMatch(/^unchanged /m);
    expect(removed.out).toMatch(/^removed /m);
    expect(removed.out.trim().split('\n').pop()).toMatch(/^Next: restart .+ so it stops starting kei/);
    expect(filesUnder(home)).toEqual([]);
    expect(filesUnder(project)).toEqual([]);
    expect(foldersUnder(home), 'folders setup created (e.g. an empty ~/.claude)').toEqual([]);
    expect(foldersUnder(project)).toEqual([]);
    expect(kei(['uninstall', client, ...scope], home, project).out).toMatch(/Nothing of KeiSeiKit was set up/);
  });

  it('uninstall keeps a file that held more than our entry, and the user`s own content in it', () => {
    const home = tempDir('kei-user-');
    const project = tempDir('kei-proj-');
    mkdirSync(join(project, '.cursor'));
    const mine = '{\n  "mcpServers": {}\n  // my note\n}\n';
    writeFileSync(join(project, '.cursor', 'mcp.json'), mine);
    expect(kei(['setup', 'cursor', '--scope', 'project'], home, project).out).toMatch(/^updated .*backup/m);
    expect(kei(['uninstall', 'cursor', '--scope', 'project'], home, project).out).toMatch(/^updated /m);
    expect(readFileSync(join(project, '.cursor', 'mcp.json'), 'utf8')).toBe(mine);
  });
});
