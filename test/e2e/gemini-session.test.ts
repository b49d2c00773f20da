import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { startGeminiServer, type GeminiServer } from '../helpers/gemini-server.js';
import { BIN, REPO_ROOT, tempDir } from '../helpers/temp.js';

/**
 * The real Gemini CLI, offline: GOOGLE_GEMINI_BASE_URL points it at a scripted Gemini API on 127.0.0.1, with an
 * API-key sign-in that is never checked. Not a dependency (96 MB): set KEI_TEST_GEMINI to its `gemini`, or have it
 * in node_modules/.bin or on PATH; otherwise this file is skipped.
 */
function findGemini(): string | undefined {
  if (process.env.KEI_TEST_GEMINI) return process.env.KEI_TEST_GEMINI;
  const local = join(REPO_ROOT, 'node_modules', '.bin', 'gemini');
  if (existsSync(local)) return local;
  const which = spawnSync('which', ['gemini'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}
const GEMINI = findGemini();

interface Machine {
  home: string;
  kei: string;
  work: string;
  server: GeminiServer;
}

function gemini(m: Machine, prompt: string, resume = false): Promise<{ code: number | null; out: string }> {
  const args = [...(resume ? ['--resume', 'latest'] : []), '--approval-mode', 'yolo', '-p', prompt];
  const env = { ...process.env, HOME: m.home, KEI_HOME: m.kei, GEMINI_API_KEY: 'offline-test-key', GOOGLE_GEMINI_BASE_URL: m.server.url };
  return new Promise((resolve) => {
    const child = spawn(GEMINI as string, args, { cwd: m.work, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
      sessions: db.prepare('SELECT id, client, user_turns FROM sessions ORDER BY started_at').all() as {
        id: string;
        client: string;
        user_turns: number;
      }[],
      calls: db.prepare('SELECT session_id, tool_name, ok, input_summary FROM tool_calls ORDER BY id').all() as Record<
        string,
        string | number
      >[],
    };
  } finally {
    db.close();
  }
}

const MEMORY = 'The user deploys this project with Fly.io using fly deploy';

describe.skipIf(!GEMINI)('the real Gemini CLI records into the ledger through kei-setup hooks', () => {
  const m = {} as Machine;
  beforeAll(async () => {
    m.home = tempDir('kei-gemini-home-');
    m.kei = join(m.home, 'kei');
    m.work = join(m.home, 'project');
    mkdirSync(m.work, { recursive: true });
    const setup = spawnSync(process.execPath, [BIN.skills, 'setup', 'gemini'], {
      env: { ...process.env, HOME: m.home, KEI_HOME: m.kei },
      encoding: 'utf8',
    });
    expect(setup.status, setup.stderr).toBe(0);
    // What a signed-in user with a trusted folder has: an API key sign-in (never checked offline), no folder prompt.
    const settings = join(m.home, '.gemini', 'settings.json');
    const data = JSON.parse(readFileSync(settings, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      settings,
      JSON.stringify({ ...data, security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: false } } }),
    );
    m.server = await startGeminiServer();
  });
  afterAll(() => m.server?.close());

  it('a resumed session with shell calls, one storing a memory that the next session is given', async () => {
    m.server.script = [
      { command: `${process.execPath} ${BIN.skills} memory add '${MEMORY}'` },
      { command: 'cat missing-notes.txt' },
      { text: 'Saved.' },
    ];
    const first = await gemini(m, 'Remember how we deploy');
    expect(first.code, first.out).toBe(0);
    m.server.script = [{ text: 'You are welcome.' }];
    const again = await gemini(m, 'Thanks', true);
    expect(again.code, again.out).toBe(0);
    const before = m.server.requests.length;
    m.server.script = [{ text: 'With fly deploy.' }];
    const next = await gemini(m, 'How do we ship this?');
    expect(next.code, next.out).toBe(0);

    const { sessions, calls } = ledger(m.kei);
    expect(sessions.map((s) => s.client)).toEqual(['gemini', 'gemini']);
    expect(sessions[0].user_turns).toBe(2);
    expect(
      calls.filter((c) => c.session_id === sessions[0].id).map((c) => [c.tool_name, JSON.parse(String(c.input_summary)).command]),
    ).toEqual([
      ['Bash', expect.stringContaining('memory add')],
      ['Bash', 'cat missing-notes.txt'],
    ]);
    // Non-interactive: SessionStart's additionalContext is prepended to the prompt of the next session.
    const firstOfNext = JSON.stringify(m.server.requests[before].contents);
    expect(firstOfNext).toContain('What KeiSeiKit remembers');
    expect(firstOfNext).toContain('Fly.io');
  }, 300_000);
});
