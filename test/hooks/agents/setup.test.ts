import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChange, lineDiff } from '../../../src/install/file-change.js';
import { agentEvents, agentHookCommand, type HookAgent } from '../../../src/install/agent-hooks.js';
import { executables } from '../../../src/install/executables.js';
import { planSetup } from '../../../src/install/plan.js';
import { agentHookChecks } from '../../../src/install/doctor-agent-hooks.js';
import { tempDir } from '../../helpers/temp.js';

const exe = executables();

function setup(client: string, home: string, project: string, scope: 'user' | 'project', remove = false) {
  const changes = planSetup({ client, scope, home, project, remove });
  for (const c of changes) applyChange(c);
  return changes;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Every command registered for each event, in order. */
function commands(agent: HookAgent, text: string): Record<string, string[]> {
  const hooks = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')).hooks as Record<string, { command?: string; hooks?: { command: string }[] }[]>;
  return Object.fromEntries(
    Object.entries(hooks).map(([event, list]) => [event, list.flatMap((e) => (agent === 'cursor' ? [e.command as string] : (e.hooks ?? []).map((h) => h.command)))]),
  );
}

const CASES: { agent: HookAgent; scope: 'user' | 'project'; file: (h: string, p: string) => string; existing: string; userEvent: string }[] = [
  {
    agent: 'codex',
    scope: 'user',
    file: (h) => join(h, '.codex', 'hooks.json'),
    existing: '{\n  "hooks": {\n    "Stop": [ { "hooks": [ { "type": "command", "command": "notify-send done", "timeout": 3 } ] } ]\n  }\n}\n',
    userEvent: 'Stop',
  },
  {
    agent: 'gemini',
    scope: 'project',
    file: (_h, p) => join(p, '.gemini', 'settings.json'),
    existing:
      '{\n  // my theme\n  "ui": { "theme": "GitHub" },\n  "hooks": {\n    "AfterTool": [ { "matcher": "write_file", "hooks": [ { "type": "command", "command": "prettier --write" } ] } ]\n  }\n}\n',
    userEvent: 'AfterTool',
  },
  {
    agent: 'cursor',
    scope: 'user',
    file: (h) => join(h, '.cursor', 'hooks.json'),
    existing: '{\n  "version": 1,\n  "hooks": {\n    "afterFileEdit": [ { "command": "./format.sh" } ],\n    "stop": [ { "command": "./audit.sh" } ]\n  }\n}\n',
    userEvent: 'stop',
  },
];

describe.each(CASES)('setup $agent writes its hooks', ({ agent, scope, file, existing, userEvent }) => {
  it('adds kei-hook --agent for every event after the user’s own, is idempotent, and uninstall restores the original bytes', () => {
    const home = tempDir('kei-home-');
    const project = tempDir('kei-proj-');
    const path = file(home, project);
    write(path, existing);
    setup(agent, home, project, scope);
    const installed = commands(agent, readFileSync(path, 'utf8'));
    for (const event of agentEvents(agent)) expect(installed[event]?.at(-1)).toBe(agentHookCommand(exe, agent, event));
    expect(installed[userEvent][0]).not.toContain('kei-hook');
    expect(readdirSync(dirname(path)).some((f) => f.includes('.kei-backup-'))).toBe(true);
    expect(planSetup({ client: agent, scope, home, project }).every((c) => c.before === c.after)).toBe(true);
    setup(agent, home, project, scope, true);
    expect(readFileSync(path, 'utf8')).toBe(existing);
  });

  it('creates the file when there is none (dry run: a diff, nothing written) and uninstall removes it again', () => {
    const home = tempDir('kei-home-');
    const project = tempDir('kei-proj-');
    const path = file(home, project);
    const diff = planSetup({ client: agent, scope, home, project }).map(lineDiff).join('\n');
    expect(diff).toContain(`--- ${path} (new file)`);
    expect(diff).toContain(`--agent ${agent}`);
    expect(existsSync(path)).toBe(false);
    setup(agent, home, project, scope);
    const text = readFileSync(path, 'utf8');
    if (agent === 'cursor') expect(JSON.parse(text).version).toBe(1);
    expect(Object.keys(commands(agent, text))).toEqual([...agentEvents(agent)]);
    setup(agent, home, project, scope, true);
    expect(existsSync(path)).toBe(false);
  });
});

describe('doctor checks the agents’ hooks', () => {
  it('says not installed, then the events set up, and fails when an event is missing or kei-hook moved', () => {
    const home = tempDir('kei-home-');
    const row = (name: string) => agentHookChecks(home, home).find((c) => c.name === name);
    expect(row('Codex hooks')).toMatchObject({ ok: true, optional: true, detail: 'not installed' });
    setup('codex', home, home, 'user');
    setup('cursor', home, home, 'project');
    expect(row('Codex hooks')).toMatchObject({ ok: true, detail: expect.stringContaining('5 events') });
    expect(row('Cursor hooks (project)')).toMatchObject({ ok: true, detail: expect.stringContaining('7 events') });
    const path = join(home, '.codex', 'hooks.json');
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(exe.hook, '/gone/kei-hook.cjs'));
    expect(row('Codex hooks')).toMatchObject({ ok: false, detail: 'points at missing /gone/kei-hook.cjs', fix: 'kei-skills setup codex' });
    const cursor = join(home, '.cursor', 'hooks.json');
    const data = JSON.parse(readFileSync(cursor, 'utf8'));
    delete data.hooks.stop;
    writeFileSync(cursor, JSON.stringify(data));
    expect(row('Cursor hooks (project)')).toMatchObject({ ok: false, detail: '6 of 7 events; missing stop' });
  });
});
