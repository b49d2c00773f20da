import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { buildPluginRelease } from '../helpers/plugin.js';
import { BIN, removeSuiteDirs, suiteDir } from '../helpers/temp.js';

/** One hook event through one real entry point, as Claude Code starts it: command line, event JSON on stdin. */
function fire(entry: string[], event: string, payload: object, env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...entry, event], { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('close', resolve);
    child.stdin.end(JSON.stringify({ hook_event_name: event, ...payload }));
  });
}

interface Install {
  home: string;
  keiHome: string;
  project: string;
  env: Record<string, string>;
}

function newInstall(): Install {
  const home = suiteDir('kei-dup-user-');
  const project = suiteDir('kei-dup-proj-');
  const keiHome = join(home, '.keiseikit');
  return { home, project, keiHome, env: { HOME: home, KEI_HOME: keiHome, CLAUDE_PROJECT_DIR: project } };
}

/** Five prompts in one session; each event goes to every entry point at once (Claude Code runs matching hooks in parallel). */
async function fivePrompts(entries: string[][], i: Install): Promise<{ sessions: number; turns: string[] }> {
  const base = { session_id: 'dup-session', transcript_path: join(i.project, 't.jsonl'), cwd: i.project };
  const all = (event: string, extra: object = {}) => Promise.all(entries.map((e) => fire(e, event, { ...base, ...extra }, i.env)));
  await all('SessionStart', { source: 'startup' });
  for (let n = 1; n <= 5; n++) {
    // The same words twice: two turns all the same (a payload hash would have merged them).
    await all('UserPromptSubmit', { prompt: n === 5 ? 'prompt 4' : `prompt ${n}` });
    await all('Stop', { stop_hook_active: false });
  }
  const db = openDatabase(join(i.keiHome, 'kei.db'));
  try {
    const sessions = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    const turns = (db.prepare('SELECT prompt FROM turns ORDER BY turn_index').all() as { prompt: string }[]).map((t) => t.prompt);
    return { sessions, turns };
  } finally {
    db.close();
  }
}

const FIVE = ['prompt 1', 'prompt 2', 'prompt 3', 'prompt 4', 'prompt 4'];

describe('plugin hooks and `setup claude-code` hooks installed together', () => {
  let plugin: string[];
  const settingsHook = [BIN.hook];

  beforeAll(() => {
    plugin = [join(buildPluginRelease(), 'bin', 'kei-plugin.js'), 'hook'];
  }, 120_000);
  afterAll(() => removeSuiteDirs(), 120_000);

  const setup = (i: Install, scope: 'user' | 'project') => {
    const r = spawnSync(process.execPath, [BIN.skills, 'setup', 'claude-code', '--scope', scope], {
      cwd: i.project,
      env: { ...process.env, ...i.env },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('records each of 5 prompts once, not twice (hooks in the user settings.json)', async () => {
    const i = newInstall();
    setup(i, 'user');
    expect(await fivePrompts([plugin, settingsHook], i)).toEqual({ sessions: 1, turns: FIVE });
  }, 60_000);

  it('records each prompt once with the hooks in the project settings.json', async () => {
    const i = newInstall();
    setup(i, 'project');
    expect(await fivePrompts([plugin, settingsHook], i)).toEqual({ sessions: 1, turns: FIVE });
  }, 60_000);

  it('the plugin alone records every prompt', async () => {
    const i = newInstall();
    expect(await fivePrompts([plugin], i)).toEqual({ sessions: 1, turns: FIVE });
  }, 60_000);

  it('the plugin records when the settings.json hooks point at a kei-hook that is gone', async () => {
    const i = newInstall();
    setup(i, 'user');
    const settings = join(i.home, '.claude', 'settings.json');
    const moved = join(i.home, 'moved', 'bin', 'kei-hook.cjs');
    writeFileSync(settings, readFileSync(settings, 'utf8').replaceAll(BIN.hook, moved));
    mkdirSync(join(i.home, 'moved'));
    expect(await fivePrompts([plugin], i)).toEqual({ sessions: 1, turns: FIVE });
  }, 60_000);
});
