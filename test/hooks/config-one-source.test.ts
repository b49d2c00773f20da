import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, withEnvOverrides } from '../../src/core/config.js';
import { readHookConfig } from '../../src/hooks/hook-config.js';
import { openKit } from '../../src/kit.js';
import { BIN, tempDir } from '../helpers/temp.js';

function configFile(content: object | undefined): string {
  const file = join(tempDir('kei-config-'), 'config.json');
  if (content) writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('one source for config: the kit and the hook read the same file and environment alike', () => {
  const cases: [string, object | undefined, Record<string, string>][] = [
    ['no file', undefined, {}],
    ['values in the file', { hooks: { contextBudgetChars: 1234, promptContextChars: 0 }, review: { everyTurns: 3 } }, {}],
    ['the environment over the file', { review: { everyTurns: 3 } }, { KEI_REVIEW_EVERY: '7' }],
    ['KEI_REVIEW_EVERY=0 turns the reviewer off', {}, { KEI_REVIEW_EVERY: '0' }],
    ['the extremes of each range', { hooks: { contextBudgetChars: 10_000, promptContextChars: 5000 }, review: { everyTurns: 1000 } }, {}],
  ];
  it.each(cases)('%s', (_name, content, env) => {
    const file = configFile(content);
    const kit = withEnvOverrides(loadConfig(file), env);
    const hook = readHookConfig(file, env);
    expect(hook.problems).toEqual([]);
    expect(hook).toMatchObject({
      contextBudgetChars: kit.hooks.contextBudgetChars,
      promptContextChars: kit.hooks.promptContextChars,
      reviewEveryTurns: kit.review.everyTurns,
    });
  });

  it('a value out of range is refused by the kit and not clamped by the hook: it falls back to the default and says why', () => {
    const file = configFile({ hooks: { contextBudgetChars: 50_000 }, review: { everyTurns: -1 } });
    expect(() => loadConfig(file)).toThrow(/hooks\.contextBudgetChars/);
    const hook = readHookConfig(file, {});
    expect(hook.contextBudgetChars).toBe(withEnvOverrides(loadConfig(configFile(undefined)), {}).hooks.contextBudgetChars);
    expect(hook.reviewEveryTurns).toBe(10);
    expect(hook.problems.join('\n')).toMatch(/hooks\.contextBudgetChars: too big/);
    expect(() => withEnvOverrides(loadConfig(configFile(undefined)), { KEI_REVIEW_EVERY: 'often' })).toThrow(/KEI_REVIEW_EVERY/);
    expect(readHookConfig(configFile(undefined), { KEI_REVIEW_EVERY: 'often' }).problems.join('')).toMatch(
      /KEI_REVIEW_EVERY: expected a number/,
    );
  });
});

describe('KEI_REVIEW_EVERY through the real Stop hook', () => {
  /** Fires Stop at user turns 1..turns; returns how many reviewers the hook reported starting. */
  function stopsAt(turns: number, every: string): number {
    const home = tempDir('kei-review-every-');
    const transcript = join(home, 't.jsonl');
    writeFileSync(transcript, `${JSON.stringify({ type: 'user', message: { role: 'user', content: 'I prefer tabs.' } })}\n`);
    const kit = openKit({ home, env: {} });
    kit.db
      .prepare('INSERT INTO sessions (id, cwd, transcript_path, started_at, user_turns) VALUES (?, ?, ?, ?, 0)')
      .run('s1', home, transcript, Date.now());
    const env = {
      ...process.env,
      KEI_HOME: home,
      KEI_REVIEW_EVERY: every,
      KEI_INVOKER: 'command',
      KEI_INVOKER_COMMAND: `echo '{"operations": []}'`,
    };
    for (let turn = 1; turn <= turns; turn++) {
      kit.db.prepare('UPDATE sessions SET user_turns = ? WHERE id = ?').run(turn, 's1');
      const r = spawnSync(process.execPath, [BIN.hook, 'Stop'], {
        input: JSON.stringify({ hook_event_name: 'Stop', session_id: 's1', cwd: home, transcript_path: transcript }),
        env,
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
    }
    kit.close();
    const logs = join(home, 'logs');
    const text = existsSync(logs)
      ? readdirSync(logs)
          .map((f) => readFileSync(join(logs, f), 'utf8'))
          .join('\n')
      : '';
    return (text.match(/reviewer started/g) ?? []).length;
  }

  it('0 starts no reviewer over any number of turns; 5 does start them (the same test can see one)', () => {
    expect(stopsAt(25, '0')).toBe(0);
    expect(stopsAt(10, '5')).toBeGreaterThan(0);
  });
});
