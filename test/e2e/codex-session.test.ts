import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { startResponsesServer, type ResponsesServer } from '../helpers/responses-server.js';
import { BIN, REPO_ROOT, tempDir } from '../helpers/temp.js';

/**
 * The real Codex CLI, offline: a custom model provider whose base_url is a scripted Responses server on 127.0.0.1.
 * Codex is not a dependency (its npm package is 424 MB): set KEI_TEST_CODEX to its `codex`, or have it in
 * node_modules/.bin or on PATH; otherwise this file is skipped and says so.
 */
function findCodex(): string | undefined {
  if (process.env.KEI_TEST_CODEX) return process.env.KEI_TEST_CODEX;
  const local = join(REPO_ROOT, 'node_modules', '.bin', 'codex');
  if (existsSync(local)) return local;
  const which = spawnSync('which', ['codex'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}
const CODEX = findCodex();

interface Machine {
  home: string;
  kei: string;
  work: string;
  server: ResponsesServer;
}

/** `codex exec` (or `codex exec resume --last`) as a user would run it, with kei's hooks trusted for this run only. */
function codex(m: Machine, prompt: string, resume = false): Promise<{ code: number | null; out: string }> {
  const provider = `model_providers.mock={name="mock",base_url="${m.server.url}",wire_api="responses"}`;
  const args = [
    'exec',
    ...(resume ? ['resume', '--last'] : []),
    '--dangerously-bypass-hook-trust',
    '--skip-git-repo-check',
    '-c',
    'model_provider=mock',
    '-c',
    provider,
    '-c',
    'model=gpt-test',
    '-c',
    'sandbox_mode="danger-full-access"',
    prompt,
  ];
  const env = { ...process.env, HOME: m.home, KEI_HOME: m.kei, CODEX_HOME: undefined, OPENAI_API_KEY: undefined };
  return new Promise((resolve) => {
    const child = spawn(CODEX as string, args, { cwd: m.work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

function ledger(kei: string) {
  const db = openDatabase(join(kei, 'kei.db'));
  try {
    return {
      sessions: db.prepare('SELECT id, client, agent_version, user_turns, transcript_path FROM sessions ORDER BY started_at').all() as {
        id: string;
        client: string;
        agent_version: string | null;
        user_turns: number;
        transcript_path: string | null;
      }[],
      calls: db.prepare('SELECT session_id, tool_name, input_summary FROM tool_calls ORDER BY id').all() as Record<string, string>[],
    };
  } finally {
    db.close();
  }
}

const MEMORY = 'The user deploys this project with Fly.io using fly deploy';

describe.skipIf(!CODEX)('the real Codex CLI records into the ledger through kei-setup hooks', () => {
  const m = {} as Machine;
  beforeAll(async () => {
    m.home = tempDir('kei-codex-home-');
    m.kei = join(m.home, 'kei');
    m.work = join(m.home, 'project');
    mkdirSync(m.work, { recursive: true });
    const setup = spawnSync(process.execPath, [BIN.skills, 'setup', 'codex'], {
      env: { ...process.env, HOME: m.home, KEI_HOME: m.kei },
      encoding: 'utf8',
    });
    expect(setup.status, setup.stderr).toBe(0);
    m.server = await startResponsesServer();
  });
  afterAll(() => m.server?.close());

  it('a two-turn session with shell calls, one of which stores a memory that the next session is given at its start', async () => {
    m.server.script = [
      { cmd: `${process.execPath} ${BIN.skills} memory add '${MEMORY}'` },
      { cmd: 'cat missing-notes.txt' },
      { text: 'Saved.' },
    ];
    const first = await codex(m, 'Remember how we deploy');
    expect(first.code, first.out).toBe(0);
    m.server.script = [{ text: 'You are welcome.' }];
    const second = await codex(m, 'Thanks', true);
    expect(second.code, second.out).toBe(0);

    const before = m.server.requests.length;
    m.server.script = [{ text: 'With fly deploy.' }];
    const next = await codex(m, 'How do we ship this?');
    expect(next.code, next.out).toBe(0);

    const { sessions, calls } = ledger(m.kei);
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => s.client)).toEqual(['codex', 'codex']);
    expect(sessions[0].agent_version).toMatch(/^\d+\.\d+\.\d+/);
    expect(sessions[0].user_turns).toBe(2);
    expect(calls.filter((c) => c.session_id === sessions[0].id).map((c) => [c.tool_name, JSON.parse(c.input_summary).command])).toEqual([
      ['Bash', expect.stringContaining('memory add')],
      ['Bash', 'cat missing-notes.txt'],
    ]);
    // SessionStart's additionalContext reaches the model as a developer message of the next session's first request.
    const firstOfNext = JSON.stringify(m.server.requests[before].input);
    expect(firstOfNext).toContain('What KeiSeiKit remembers');
    expect(firstOfNext).toContain('Fly.io');

    // Export reads the session where Codex wrote it (its rollout), as for a Claude Code session.
    const exported = spawnSync(process.execPath, [BIN.skills, 'export-trajectories', '--session', sessions[0].id], {
      env: { ...process.env, HOME: m.home, KEI_HOME: m.kei },
      encoding: 'utf8',
    });
    expect(exported.status, exported.stderr).toBe(0);
    const record = JSON.parse(exported.stdout.trim().split('\n')[0]) as {
      conversations: { from: string; value: string }[];
      metadata: object;
    };
    expect(record.metadata).toMatchObject({ client: 'codex' });
    const said = (from: string) => record.conversations.filter((c) => c.from === from).map((c) => c.value);
    expect(said('human')).toEqual(['Remember how we deploy', 'Thanks']);
    expect(said('gpt').join('\n')).toContain('exec_command');
    expect(said('tool').join('\n')).toContain('No such file or directory');
  }, 240_000);
});
