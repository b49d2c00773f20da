import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../../src/cli/setup-detected.js';
import { executables } from '../../src/install/executables.js';
import { BIN, tempDir } from '../helpers/temp.js';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

/** A home folder with these client folders, and a PATH of one folder holding these (empty) commands. */
function machine(folders: string[], commands: string[] = []) {
  const home = tempDir('kei-home-');
  for (const f of folders) mkdirSync(join(home, f), { recursive: true });
  const bin = join(home, 'bin');
  mkdirSync(bin);
  for (const c of commands) {
    writeFileSync(join(bin, c), '#!/bin/sh\n');
    chmodSync(join(bin, c), 0o755);
  }
  const env: NodeJS.ProcessEnv = { HOME: home, KEI_HOME: join(home, '.keiseikit'), PATH: bin, LANG: 'C' };
  return { home, env, project: tempDir('kei-proj-') };
}

function kei(m: ReturnType<typeof machine>, args: string[]) {
  const r = spawnSync(process.execPath, [BIN.skills, ...args], { env: m.env, cwd: m.project, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `kei-skills setup` on a pseudo-terminal (util-linux script): each `[y/N]` question gets the next answer. */
function onTerminal(m: ReturnType<typeof machine>, answers: string[]): Promise<{ code: number | null; out: string }> {
  const command = [process.execPath, BIN.skills, 'setup'].map((a) => JSON.stringify(a)).join(' ');
  const child = spawn(SCRIPT as string, ['-qec', command, '/dev/null'], { env: m.env, cwd: m.project });
  let out = '';
  let asked = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const questions = out.split('[y/N]').length - 1;
    for (; asked < questions; asked++) child.stdin.write(`${answers[asked] ?? ''}\n`);
  });
  return new Promise((done) => child.on('close', (code) => done({ code, out: out.replace(/\r/g, '') })));
}

const mcpOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { mcpServers: Record<string, { args: string[] }> }).mcpServers;

describe('setup without a client: find the installed clients and offer to connect each', () => {
  it('without a terminal or --yes: lists what it found, by folder or command, and the commands to run; writes nothing', () => {
    const m = machine(['.cursor', '.codex'], ['gemini']);
    const r = kei(m, ['setup']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Found 3 clients:/);
    expect(r.out).toMatch(/Cursor\s+~\/\.cursor\s+not connected/);
    expect(r.out).toMatch(/Gemini CLI\s+gemini on PATH\s+not connected/);
    expect(r.out).not.toMatch(/Claude Code|Zed|VS Code/);
    expect(r.out).toContain('  kei-skills setup cursor\n  kei-skills setup codex\n  kei-skills setup gemini\n');
    expect(r.out).toContain('or all at once: kei-skills setup --yes');
    expect(existsSync(join(m.home, '.cursor', 'mcp.json')) || existsSync(join(m.home, '.codex', 'config.toml'))).toBe(false);
    expect(existsSync(join(m.home, '.gemini'))).toBe(false);
  });

  it('--dry-run shows each diff and writes nothing', () => {
    const m = machine(['.codex', '.config/zed']);
    const r = kei(m, ['setup', '--dry-run']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('# Zed');
    expect(r.out).toContain(`+++ ${join(m.home, '.codex', 'config.toml')}`);
    expect(r.out).toContain('+[mcp_servers.kei]');
    expect(existsSync(join(m.home, '.codex', 'config.toml'))).toBe(false);
    expect(existsSync(join(m.home, '.config', 'zed', 'settings.json'))).toBe(false);
  });

  it('--yes connects every client found, says what to do next, and a second run finds them connected', () => {
    const m = machine(['.claude', '.gemini', '.config/Code/User']);
    const r = kei(m, ['setup', '--yes']);
    expect(r.code, r.err).toBe(0);
    const exe = executables();
    expect(mcpOf(join(m.home, '.claude.json')).kei.args).toEqual([exe.mcp]);
    expect(readFileSync(join(m.home, '.claude', 'settings.json'), 'utf8')).toContain('kei-hook');
    expect(mcpOf(join(m.home, '.gemini', 'settings.json')).kei.args).toEqual([exe.mcp]);
    // VS Code was found by its user folder, so it is set up there (not in the folder the command ran in).
    expect(existsSync(join(m.home, '.config', 'Code', 'User', 'mcp.json'))).toBe(true);
    expect(existsSync(join(m.project, '.vscode'))).toBe(false);
    expect(r.out).toContain('Connected: Claude Code, VS Code and Gemini CLI.');
    expect(r.out).toMatch(
      /Next: restart Claude Code, VS Code and Gemini CLI \(a running client reads its configuration only at start\), then run: kei-skills doctor/,
    );

    const again = kei(m, ['setup', '--yes']);
    expect(again.out).toMatch(/Gemini CLI\s+~\/\.gemini\s+connected/);
    expect(again.out).toContain('Nothing else to do. Check it with: kei-skills doctor');
    expect(kei(m, ['uninstall', 'gemini']).code).toBe(0);
    expect(existsSync(join(m.home, '.gemini', 'settings.json'))).toBe(false);
  });

  it('a client whose config is broken is named with the reason; --yes connects the others and exits 1', () => {
    const m = machine(['.cursor', '.codex']);
    writeFileSync(join(m.home, '.cursor', 'mcp.json'), '{ "mcpServers": ');
    const r = kei(m, ['setup', '--yes']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Cursor\s+~\/\.cursor\s+cannot connect: .*mcp\.json/);
    expect(readFileSync(join(m.home, '.codex', 'config.toml'), 'utf8')).toContain('[mcp_servers.kei]');
    expect(readFileSync(join(m.home, '.cursor', 'mcp.json'), 'utf8')).toBe('{ "mcpServers": ');
    // Run again: Codex is connected now, Cursor still cannot be; --yes still says so with exit 1.
    const again = kei(m, ['setup', '--yes']);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Codex\s+~\/\.codex\s+connected/);
  });

  it('with no client anywhere it says where it looked and how to name one (exit 0)', () => {
    const r = kei(machine([]), ['setup']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^No supported client found \(looked for Claude Code, Cursor, Zed, VS Code, Codex, Gemini CLI/);
    expect(r.out).toContain('kei-skills setup <claude-code|cursor|zed|vscode|codex|gemini>');
  });

  it('names the command to run again as the user can: npx keiseikit from the npx cache, kei-skills otherwise', () => {
    expect(cliCommand('/home/u/.npm/_npx/9260c59e781da4ce/node_modules/keiseikit')).toBe('npx keiseikit');
    expect(cliCommand('/usr/local/lib/node_modules/keiseikit')).toBe('kei-skills');
  });

  it.skipIf(!SCRIPT)('on a terminal it asks per client and connects only those answered yes', async () => {
    const m = machine(['.claude', '.cursor'], ['codex']);
    const r = await onTerminal(m, ['y', 'n', 'yes']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/Connect Claude Code\? This changes ~\/\.claude\/settings\.json, ~\/\.claude\.json, .*\[y\/N\]/);
    expect(r.out).toMatch(/Connect Cursor\? This changes ~\/\.cursor\/mcp\.json, ~\/\.cursor\/hooks\.json \[y\/N\]/);
    expect(existsSync(join(m.home, '.claude.json'))).toBe(true);
    expect(existsSync(join(m.home, '.cursor', 'mcp.json'))).toBe(false);
    expect(readFileSync(join(m.home, '.codex', 'config.toml'), 'utf8')).toContain('[mcp_servers.kei]');
    expect(r.out).toContain('Connected: Claude Code and Codex.');
    expect(r.out).toContain('Not connected: Cursor. Later: kei-skills setup cursor');
  });
});
