import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db.js';
import { openKit } from '../../../src/kit.js';
import { BIN, tempDir } from '../../helpers/temp.js';

type Fixture = { events: [string, Record<string, unknown>][] };
const fixture = (agent: string): Fixture => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${agent}.json`), 'utf8')) as Fixture;

/** `kei-hook --agent <agent> <Event>` as set-up writes it, with the payload on stdin; its JSON answer or undefined. */
function hook(home: string, agent: string, event: string, payload: object): Record<string, unknown> | undefined {
  const run = spawnSync(process.execPath, [BIN.hook, '--agent', agent, event], {
    input: JSON.stringify(payload),
    env: { ...process.env, KEI_HOME: home },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return run.stdout.trim() === '' ? undefined : (JSON.parse(run.stdout) as Record<string, unknown>);
}

/** Plays an agent's documented session through the hook; the answers by event name. */
function play(home: string, agent: string): Map<string, Record<string, unknown> | undefined> {
  const answers = new Map<string, Record<string, unknown> | undefined>();
  for (const [event, payload] of fixture(agent).events) {
    const answer = hook(home, agent, event, payload);
    if (!answers.has(event)) answers.set(event, answer);
  }
  return answers;
}

function ledger(home: string) {
  const db = openDatabase(join(home, 'kei.db')); // whichever engine this Node runs
  try {
    return {
      sessions: db.prepare('SELECT id, client, agent_version, cwd, user_turns, ended_at FROM sessions').all() as Record<string, unknown>[],
      turns: db.prepare('SELECT prompt, tool_calls, tool_errors, ended_at FROM turns').all() as Record<string, unknown>[],
      calls: db.prepare('SELECT tool_name, ok FROM tool_calls ORDER BY id').all() as { tool_name: string; ok: number }[],
      skills: db.prepare('SELECT skill_name, source FROM skill_invocations').all() as Record<string, unknown>[],
    };
  } finally {
    db.close();
  }
}

function homeWithMemory(): string {
  const home = tempDir('kei-agents-');
  const kit = openKit({ home, cwd: home, env: {} });
  kit.memory.add('The user deploys this project with Fly.io using fly deploy');
  kit.close();
  return home;
}

describe('Codex CLI hooks (documented payloads)', () => {
  let home: string;
  let answers: Map<string, Record<string, unknown> | undefined>;
  beforeAll(() => {
    home = homeWithMemory();
    answers = play(home, 'codex');
  });

  it('records the session as codex, its prompt, and each tool call under the shared names, a non-zero exit as a failure', () => {
    const { sessions, turns, calls } = ledger(home);
    expect(sessions).toMatchObject([{ id: '019a-codex-1', client: 'codex', cwd: '/work/project', user_turns: 1 }]);
    expect(turns).toMatchObject([{ prompt: 'How do we deploy this project?', tool_calls: 3, tool_errors: 1 }]);
    expect(turns[0].ended_at).not.toBeNull();
    expect(calls).toEqual([
      { tool_name: 'Bash', ok: 1 },
      { tool_name: 'Bash', ok: 0 },
      { tool_name: 'Edit', ok: 1 },
    ]);
  });

  it("gives memories at SessionStart and with a prompt, in Codex's hookSpecificOutput and nothing else", () => {
    const start = answers.get('SessionStart') as { hookSpecificOutput: Record<string, string> };
    expect(Object.keys(start)).toEqual(['hookSpecificOutput']);
    expect(start.hookSpecificOutput.hookEventName).toBe('SessionStart');
    expect(start.hookSpecificOutput.additionalContext).toContain('Fly.io');
    const prompt = answers.get('UserPromptSubmit') as { hookSpecificOutput: Record<string, string> };
    expect(prompt.hookSpecificOutput).toMatchObject({ hookEventName: 'UserPromptSubmit' });
    expect(prompt.hookSpecificOutput.additionalContext).toContain('fly deploy');
  });
});

describe('Gemini CLI hooks (documented payloads)', () => {
  let home: string;
  let answers: Map<string, Record<string, unknown> | undefined>;
  beforeAll(() => {
    home = homeWithMemory();
    answers = play(home, 'gemini');
  });

  it('records BeforeAgent as the turn, AfterTool calls (error = failure), AfterAgent as its end and SessionEnd', () => {
    const { sessions, turns, calls } = ledger(home);
    expect(sessions).toMatchObject([{ id: 'gem-session-1', client: 'gemini', user_turns: 1 }]);
    expect(sessions[0].ended_at).not.toBeNull();
    expect(turns).toMatchObject([{ prompt: 'How do we deploy this project?', tool_calls: 2, tool_errors: 1 }]);
    expect(calls).toEqual([
      { tool_name: 'Bash', ok: 1 },
      { tool_name: 'Read', ok: 0 },
    ]);
  });

  it('gives memories at SessionStart and BeforeAgent as hookSpecificOutput.additionalContext', () => {
    const start = answers.get('SessionStart') as { hookSpecificOutput: Record<string, string> };
    expect(start.hookSpecificOutput).toMatchObject({ hookEventName: 'SessionStart' });
    expect(start.hookSpecificOutput.additionalContext).toContain('Fly.io');
    const prompt = answers.get('BeforeAgent') as { hookSpecificOutput: Record<string, string> };
    expect(prompt.hookSpecificOutput).toMatchObject({ hookEventName: 'BeforeAgent' });
    expect(prompt.hookSpecificOutput.additionalContext).toContain('fly deploy');
  });
});

describe('Cursor hooks (documented payloads)', () => {
  let home: string;
  let answers: Map<string, Record<string, unknown> | undefined>;
  beforeAll(() => {
    home = homeWithMemory();
    answers = play(home, 'cursor');
  });

  it('records the conversation as a cursor session with its version, folder, turn, tool calls and the skill it loaded', () => {
    const { sessions, turns, calls, skills } = ledger(home);
    expect(sessions).toMatchObject([{ id: 'cur-conv-1', client: 'cursor', agent_version: '2.1.50', cwd: '/work/project', user_turns: 1 }]);
    expect(sessions[0].ended_at).not.toBeNull();
    expect(turns).toMatchObject([{ prompt: 'How do we deploy this project?', tool_calls: 3, tool_errors: 1 }]);
    expect(calls).toEqual([
      { tool_name: 'Bash', ok: 1 },
      { tool_name: 'Read', ok: 0 },
      { tool_name: 'mcp__cursor__skill_load', ok: 1 },
    ]);
    expect(skills).toEqual([{ skill_name: 'deploy-fly', source: 'mcp' }]);
  });

  it('gives memories at sessionStart as additional_context; beforeSubmitPrompt only lets the prompt through; stop asks for no follow-up', () => {
    expect(answers.get('sessionStart')).toEqual({ additional_context: expect.stringContaining('Fly.io') });
    expect(answers.get('beforeSubmitPrompt')).toEqual({ continue: true });
    expect(answers.get('stop')).toBeUndefined();
  });
});

describe('kei-hook --agent', () => {
  it('ignores an unknown agent or an event it does not record (exit 0, nothing written), and still says nothing on stdout', () => {
    const home = tempDir('kei-agents-');
    expect(hook(home, 'windsurf', 'SessionStart', { session_id: 'x' })).toBeUndefined();
    expect(hook(home, 'codex', 'PermissionRequest', { session_id: 'x' })).toBeUndefined();
    expect(hook(home, 'gemini', 'BeforeModel', { session_id: 'x' })).toBeUndefined();
    const log = readFileSync(join(home, 'logs', 'hooks.log'), 'utf8');
    expect(log).toContain('unknown agent ignored');
    expect(log).toContain('event not recorded for this agent');
  });
});
