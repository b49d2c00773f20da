import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { sessionExists } from '../../src/ledger/sessions.js';
import { BIN, tempDir } from '../helpers/temp.js';

function hook(home: string, event: string, payload: object, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN.hook, event], {
    input: JSON.stringify(payload),
    env: { ...process.env, KEI_HOME: home, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout.trim() === '' ? undefined : (JSON.parse(r.stdout) as Record<string, unknown>) };
}

function recorded(home: string, id: string): boolean {
  const db = openDatabase(join(home, 'kei.db'));
  try {
    return sessionExists(db, id);
  } finally {
    db.close();
  }
}

describe('a bad config.json', () => {
  it.each([
    ['invalid JSON', '{"hooks": {', /config\.json: not valid JSON/],
    ['an unknown key', '{"memmory": {}}', /memmory/],
    ['a wrong type', '{"hooks": {"contextBudgetChars": "lots"}}', /hooks\.contextBudgetChars/],
    ['a wrong type outside the hook keys', '{"sandbox": {"backend": 5}}', /sandbox\.backend/],
  ])('with %s: the hooks keep recording and SessionStart says so in one line, every session', (_what, text, pattern) => {
    const home = tempDir('kei-home-');
    writeFileSync(join(home, 'config.json'), text);
    for (const id of ['one', 'two']) {
      const start = hook(home, 'SessionStart', { session_id: id, cwd: home });
      expect(start.code).toBe(0);
      const message = start.out?.systemMessage as string;
      expect(message).toMatch(pattern);
      expect(message).toMatch(/^KeiSeiKit: .*kei-skills doctor/);
      expect(message).not.toContain('\n');
      expect(recorded(home, id)).toBe(true);
    }
    const prompt = hook(home, 'UserPromptSubmit', { session_id: 'two', prompt: 'hello there' });
    expect(prompt.code).toBe(0);
    expect(prompt.out?.systemMessage).toBeUndefined();
  });

  it('is forgotten once fixed, and a bad environment override is named too', () => {
    const home = tempDir('kei-home-');
    writeFileSync(join(home, 'config.json'), '{"bogus": true}');
    expect(hook(home, 'SessionStart', { session_id: 'a', cwd: home }).out?.systemMessage).toMatch(/bogus/);
    writeFileSync(join(home, 'config.json'), '{"review": {"everyTurns": 3}}');
    expect(hook(home, 'SessionStart', { session_id: 'b', cwd: home }).out?.systemMessage).toBeUndefined();
    const env = hook(home, 'SessionStart', { session_id: 'c', cwd: home }, { KEI_REVIEW_EVERY: 'often' });
    expect(env.out?.systemMessage).toMatch(/KEI_REVIEW_EVERY/);
    expect(recorded(home, 'c')).toBe(true);
  });

  it('a data home that cannot be used is said at SessionStart, and the hook still exits 0', () => {
    const dir = tempDir('kei-home-');
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const start = hook(file, 'SessionStart', { session_id: 'x', cwd: dir });
    expect(start.code).toBe(0);
    expect(start.out?.systemMessage).toMatch(/^KeiSeiKit: this session is not being recorded: /);
  });
});
