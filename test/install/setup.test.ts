import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChange, lineDiff } from '../../src/install/file-change.js';
import { planSetup } from '../../src/install/plan.js';
import { hookChecks } from '../../src/install/doctor-hooks.js';
import { executables } from '../../src/install/executables.js';
import { tempDir } from '../helpers/temp.js';

function setup(client: string, home: string, project: string, scope: 'user' | 'project' = 'user', remove = false) {
  const changes = planSetup({ client, scope, home, project, remove });
  for (const c of changes) applyChange(c);
  return changes;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const exe = executables();

const CASES: {
  client: string;
  scope?: 'user' | 'project';
  file: (home: string, project: string) => string;
  existing: string;
  check: (text: string) => void;
}[] = [
  {
    client: 'claude-code',
    file: (h) => join(h, '.claude', 'settings.json'),
    existing:
      '{\n  // keep me\n  "model": "opus",\n  "hooks": {\n    "Stop": [ { "hooks": [ { "type": "command", "command": "say done" } ] } ]\n  }\n}\n',
    check: (t) => {
      expect(t).toContain('"command": "say done"');
      expect(t.match(/kei-hook\.cjs/g)).toHaveLength(8);
      expect(t).toContain(exe.hook);
    },
  },
  {
    client: 'cursor',
    scope: 'project',
    file: (_h, p) => join(p, '.cursor', 'mcp.json'),
    existing: '{\n  "mcpServers": {\n    "other": { "command": "other-server" }\n  }\n}\n',
    check: (t) =>
      expect(JSON.parse(t).mcpServers).toEqual({ other: { command: 'other-server' }, kei: { command: exe.node, args: [exe.mcp] } }),
  },
  {
    client: 'zed',
    file: (h) => join(h, '.config', 'zed', 'settings.json'),
    existing: '// Zed settings\n{\n  "theme": "One Dark", // my theme\n  "context_servers": {}\n}\n',
    check: (t) => {
      expect(t).toContain('"theme": "One Dark", // my theme');
      expect(t).toContain('"kei"');
    },
  },
  {
    client: 'vscode',
    scope: 'project',
    file: (_h, p) => join(p, '.vscode', 'mcp.json'),
    existing: '{\n  /* team servers */\n  "servers": {\n    "github": { "type": "http", "url": "https://example.invalid/mcp" }\n  }\n}\n',
    check: (t) => {
      expect(t).toContain('/* team servers */');
      expect(t).toContain('"type": "stdio"');
    },
  },
  {
    client: 'codex',
    file: (h) => join(h, '.codex', 'config.toml'),
    existing: '# my codex config\nmodel = "o4"\n\n[mcp_servers.other]\ncommand = "other"\n',
    check: (t) => {
      expect(t).toContain('[mcp_servers.other]\ncommand = "other"\n');
      expect(t).toContain(`[mcp_servers.kei]\ncommand = ${JSON.stringify(exe.node)}\nargs = [${JSON.stringify(exe.mcp)}]\n`);
    },
  },
];

describe.each(CASES)('setup $client', ({ client, scope, file, existing, check }) => {
  it('merges into existing config, is idempotent, backs up, and uninstall restores the bytes', () => {
    const home = tempDir('kei-home-');
    const project = tempDir('kei-proj-');
    const path = file(home, project);
    write(path, existing);
    setup(client, home, project, scope);
    const installed = readFileSync(path, 'utf8');
    check(installed);
    expect(readdirSync(dirname(path)).some((f) => f.includes('.kei-backup-'))).toBe(true);
    const again = planSetup({ client, scope: scope ?? 'user', home, project });
    expect(again.every((c) => c.after === c.before || c.path !== path)).toBe(true);
    setup(client, home, project, scope, true);
    expect(readFileSync(path, 'utf8')).toBe(existing);
  });

  it('creates the config when there is none, and --dry-run shows the exact diff without writing', () => {
    const home = tempDir('kei-home-');
    const project = tempDir('kei-proj-');
    const path = file(home, project);
    const changes = planSetup({ client, scope: scope ?? 'user', home, project });
    const diff = changes.map(lineDiff).join('\n');
    expect(diff).toContain(path);
    expect(diff).toMatch(/\n\+.*kei/);
    expect(existsSync(path)).toBe(false);
    setup(client, home, project, scope);
    expect(existsSync(path)).toBe(true);
  });
});

describe('setup claude-code', () => {
  it('registers the MCP server as "kei" (tools appear as mcp__kei__…) with absolute paths', () => {
    const home = tempDir('kei-home-');
    const project = tempDir('kei-proj-');
    setup('claude-code', home, project, 'project');
    expect(JSON.parse(readFileSync(join(project, '.mcp.json'), 'utf8')).mcpServers.kei).toEqual({ command: exe.node, args: [exe.mcp] });
    const settings = JSON.parse(readFileSync(join(project, '.claude', 'settings.json'), 'utf8'));
    expect(Object.keys(settings.hooks).sort()).toEqual([
      'PostToolUse',
      'PostToolUseFailure',
      'PreCompact',
      'SessionEnd',
      'SessionStart',
      'Stop',
      'UserPromptExpansion',
      'UserPromptSubmit',
    ]);
  });

  it('installs the shipped /extract-skill skill, never overwrites an edited copy, and removes only its own', () => {
    const home = tempDir('kei-home-');
    const skill = join(home, '.claude', 'skills', 'extract-skill', 'SKILL.md');
    setup('claude-code', home, home);
    expect(readFileSync(skill, 'utf8')).toMatch(/^---\nname: extract-skill\n[\s\S]*skill_extract/);
    setup('claude-code', home, home, 'user', true);
    expect(existsSync(dirname(skill))).toBe(false);
    write(skill, '---\nname: extract-skill\ndescription: mine\n---\nMy own version.\n');
    setup('claude-code', home, home);
    setup('claude-code', home, home, 'user', true);
    expect(readFileSync(skill, 'utf8')).toContain('My own version.');
  });

  it('replaces hook entries of an older install (bin/kei-hook.js) instead of adding a second set', () => {
    const home = tempDir('kei-home-');
    const old = `node ${exe.hook.replace(/\.cjs$/, '.js')} Stop`;
    write(join(home, '.claude', 'settings.json'), JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: old }] }] } }));
    setup('claude-code', home, home);
    const text = readFileSync(join(home, '.claude', 'settings.json'), 'utf8');
    expect(text).not.toContain('kei-hook.js');
    expect(JSON.parse(text).hooks.Stop).toHaveLength(1);
  });

  it('runs the events whose answer Claude Code does not need in the background, in exec form, and upgrades an older sync shell entry once', () => {
    const home = tempDir('kei-home-');
    const path = join(home, '.claude', 'settings.json');
    const syncEntry = (event: string) => [
      { matcher: '*', hooks: [{ type: 'command', command: `'${exe.node}' '${exe.hook}' ${event}`, timeout: 5 }] },
    ];
    write(path, JSON.stringify({ hooks: { PostToolUse: syncEntry('PostToolUse') } }, null, 2));
    expect(hookChecks(home, home)[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/^1 of 8 events/) });
    setup('claude-code', home, home);
    const hooks = JSON.parse(readFileSync(path, 'utf8')).hooks;
    const asyncOf = (event: string) => hooks[event].map((g: { hooks: { async?: boolean }[] }) => g.hooks[0].async ?? false);
    expect(hooks.PostToolUse[0].hooks[0]).toMatchObject({ command: exe.node, args: [exe.hook, 'PostToolUse'] });
    expect(asyncOf('PostToolUse')).toEqual([true]);
    expect(asyncOf('PostToolUseFailure')).toEqual([true]);
    expect(asyncOf('PreCompact')).toEqual([true]);
    for (const event of ['SessionStart', 'UserPromptSubmit', 'UserPromptExpansion', 'Stop', 'SessionEnd'])
      expect(asyncOf(event)).toEqual([false]);
    expect(hookChecks(home, home)[0]).toMatchObject({ ok: true, detail: expect.stringMatching(/^8 events/) });
    const once = readFileSync(path, 'utf8');
    expect(setup('claude-code', home, home).find((c) => c.path === path)?.after).toBe(once);
  });

  it('refuses to touch a file it cannot parse', () => {
    const home = tempDir('kei-home-');
    write(join(home, '.claude', 'settings.json'), '{ broken');
    expect(() => planSetup({ client: 'claude-code', home, project: home })).toThrow(/not valid JSON/);
    expect(readFileSync(join(home, '.claude', 'settings.json'), 'utf8')).toBe('{ broken');
  });
});
