import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/core/db.js';
import { runClaude } from '../helpers/claude.js';
import { startModelServer, type ModelServer } from '../helpers/model-server.js';
import { BIN, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

/** Polls until `probe` holds or `ms` have passed: an async hook may still be finishing when claude exits. */
async function until(probe: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!probe() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return probe();
}

/** What the hooks logged, to say why an event is missing when one is. */
function hookLog(keiHome: string): string {
  const dir = join(keiHome, 'logs');
  return existsSync(dir)
    ? readdirSync(dir)
        .map((f) => `${f}: ${readFileSync(join(dir, f), 'utf8').slice(-2000)}`)
        .join('\n')
    : '(no logs)';
}

// Issue 21: PostToolUse runs in the background (the session does not wait for it), and still lands in the ledger.
describe('async PostToolUse in a real Claude Code session', () => {
  let server: ModelServer;
  let project: string;
  let keiHome: string;
  let run: Awaited<ReturnType<typeof runClaude>>;
  let db: Db | undefined;

  beforeAll(async () => {
    project = suiteDir('kei-async-proj-');
    const home = suiteDir('kei-async-user-');
    keiHome = join(home, '.keiseikit');
    mkdirSync(join(project, '.git'));
    const setup = spawnSync(process.execPath, [BIN.skills, 'setup', 'claude-code', '--scope', 'project'], {
      cwd: project,
      env: { ...process.env, HOME: home, KEI_HOME: keiHome },
      encoding: 'utf8',
    });
    expect(setup.status, setup.stderr).toBe(0);
    const bash = (command: string) => ({ name: 'Bash', input: { command, description: 'run' } });
    // The last tool call is followed at once by the answer and the exit: its hook races the end of the session.
    server = await startModelServer([
      { toolUses: [bash('echo async-one')] },
      { toolUses: [bash('echo async-two'), bash('false')] },
      { text: 'Done.' },
    ]);
    run = await runClaude(['-p', 'run the checks', '--output-format', 'json', '--allowedTools', 'Bash'], {
      cwd: project,
      home,
      modelUrl: server.url,
      env: { KEI_HOME: keiHome },
    });
  }, 180_000);

  afterAll(async () => {
    db?.close();
    await server?.close();
    removeSuiteDirs();
  });

  it('is installed as an async hook', () => {
    const hooks = JSON.parse(readFileSync(join(project, '.claude', 'settings.json'), 'utf8')).hooks;
    expect(hooks.PostToolUse[0].hooks[0]).toMatchObject({ type: 'command', async: true });
    expect(hooks.PostToolUseFailure[0].hooks[0]).toMatchObject({ async: true });
    expect(hooks.UserPromptSubmit[0].hooks[0].async).toBeUndefined();
  });

  it('records every tool call of the session in the ledger, in its turn, after the session ended', { timeout: 60_000 }, async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).result).toBe('Done.');
    db = openDatabase(join(keiHome, 'kei.db'));
    const calls = () =>
      db!.prepare('SELECT tool_name, turn_index, ok, response_summary FROM tool_calls ORDER BY at, id').all() as {
        tool_name: string;
        turn_index: number;
        ok: number;
        response_summary: string;
      }[];
    // The hook's own deadline is 14 s once started; on a loaded machine starting it takes seconds too.
    const landed = await until(() => calls().length >= 3, 30_000);
    expect(landed, `recorded: ${JSON.stringify(calls())}\nhook log:\n${hookLog(keiHome)}`).toBe(true);
    const rows = calls();
    expect(rows.map((r) => [r.tool_name, r.turn_index])).toEqual([
      ['Bash', 1],
      ['Bash', 1],
      ['Bash', 1],
    ]);
    expect(rows.map((r) => r.ok).sort()).toEqual([0, 1, 1]);
    expect(rows.map((r) => r.response_summary).join('\n')).toMatch(/async-one[\s\S]*async-two|async-two[\s\S]*async-one/);
  });
});
