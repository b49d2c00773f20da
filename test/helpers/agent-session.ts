import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { BIN, REPO_ROOT, tempDir } from './temp.js';

/**
 * What the real-agent e2e tests (test/e2e/codex-session, gemini-session) share: finding the CLI, a home with
 * kei's hooks set up for it, and the scenario every agent must pass: a two-turn session whose shell calls store
 * a memory, and a next session that is given that memory at its start.
 */

/** The agent's CLI from `envVar`, node_modules/.bin or PATH; undefined (the test file skips) when none is found. */
export function findAgentCli(envVar: string, name: string): string | undefined {
  if (process.env[envVar]) return process.env[envVar];
  const local = join(REPO_ROOT, 'node_modules', '.bin', name);
  if (existsSync(local)) return local;
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

export interface AgentHome {
  home: string;
  kei: string;
  /** The project folder the agent runs in. */
  work: string;
}

/** A fresh HOME with `kei-skills setup <agent>` done in it, as a user would after installing. */
export function agentHome(agent: 'codex' | 'gemini'): AgentHome {
  const home = tempDir(`kei-${agent}-home-`);
  const m = { home, kei: join(home, 'kei'), work: join(home, 'project') };
  mkdirSync(m.work, { recursive: true });
  const setup = spawnSync(process.execPath, [BIN.skills, 'setup', agent], {
    env: { ...process.env, HOME: m.home, KEI_HOME: m.kei },
    encoding: 'utf8',
  });
  expect(setup.status, setup.stderr).toBe(0);
  return m;
}

export interface RunResult {
  code: number | null;
  out: string;
}

/** Runs the CLI in the project folder to its end, stdout and stderr together. */
export function runCli(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cli, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

export interface LedgerSession {
  id: string;
  client: string;
  agent_version: string | null;
  user_turns: number;
  transcript_path: string | null;
}

export function readLedger(kei: string): {
  sessions: LedgerSession[];
  calls: { session_id: string; tool_name: string; input_summary: string }[];
} {
  const db = openDatabase(join(kei, 'kei.db'));
  try {
    return {
      sessions: db
        .prepare('SELECT id, client, agent_version, user_turns, transcript_path FROM sessions ORDER BY started_at')
        .all() as LedgerSession[],
      calls: db.prepare('SELECT session_id, tool_name, input_summary FROM tool_calls ORDER BY id').all() as {
        session_id: string;
        tool_name: string;
        input_summary: string;
      }[],
    };
  } finally {
    db.close();
  }
}

export const REMEMBERED = 'The user deploys this project with Fly.io using fly deploy';

/** One model reply of the scripted server: a shell call to make, or the final text of the turn. */
export type Reply = { shell: string } | { text: string };

/** The agent under test, driven through its scripted model server. */
export interface ScriptedAgent {
  kei: string;
  run(prompt: string, resume?: boolean): Promise<RunResult>;
  /** What the server answers next, in the server's own format. */
  script(replies: Reply[]): void;
  /** The model requests the server has received, in order, as the agent sent them. */
  requests(): unknown[];
}

/**
 * The scenario: a session that stores a memory through a shell call and fails another, resumed for a second
 * turn, then a new session. Checks the ledger recorded both sessions under the agent's name with both turns
 * and the calls as `Bash`, and that the new session's first model request carried the memory. Returns the
 * sessions for what the caller checks beyond that.
 */
export async function expectMemorySessions(agent: ScriptedAgent, client: string): Promise<LedgerSession[]> {
  agent.script([
    { shell: `${process.execPath} ${BIN.skills} memory add '${REMEMBERED}'` },
    { shell: 'cat missing-notes.txt' },
    { text: 'Saved.' },
  ]);
  const first = await agent.run('Remember how we deploy');
  expect(first.code, first.out).toBe(0);
  agent.script([{ text: 'You are welcome.' }]);
  const again = await agent.run('Thanks', true);
  expect(again.code, again.out).toBe(0);
  const before = agent.requests().length;
  agent.script([{ text: 'With fly deploy.' }]);
  const next = await agent.run('How do we ship this?');
  expect(next.code, next.out).toBe(0);

  const { sessions, calls } = readLedger(agent.kei);
  expect(sessions.map((s) => s.client)).toEqual([client, client]);
  expect(sessions[0].user_turns).toBe(2);
  const shellCalls = calls.filter((c) => c.session_id === sessions[0].id).map((c) => [c.tool_name, JSON.parse(c.input_summary).command]);
  expect(shellCalls).toEqual([
    ['Bash', expect.stringContaining('memory add')],
    ['Bash', 'cat missing-notes.txt'],
  ]);
  // SessionStart's additionalContext reaches the model in the next session's first request.
  const firstOfNext = JSON.stringify(agent.requests()[before]);
  expect(firstOfNext).toContain('What KeiSeiKit remembers');
  expect(firstOfNext).toContain('Fly.io');
  return sessions;
}
