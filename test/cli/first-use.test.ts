import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/temp.js';

function kei(home: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN.skills, ...args], { env: { ...process.env, KEI_HOME: home, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function hook(home: string, event: string, payload: object): void {
  const r = spawnSync(process.execPath, [BIN.hook, event], { input: JSON.stringify(payload), env: { ...process.env, KEI_HOME: home } });
  expect(r.status).toBe(0);
}

describe('ledger stats --session', () => {
  it('counts only that session, and an unknown id is an error', () => {
    const home = tempDir('kei-home-');
    hook(home, 'SessionStart', { session_id: 'one', cwd: home });
    hook(home, 'UserPromptSubmit', { session_id: 'one', prompt: 'first question' });
    hook(home, 'SessionStart', { session_id: 'two', cwd: home });
    for (const prompt of ['a question', 'another question']) hook(home, 'UserPromptSubmit', { session_id: 'two', prompt });
    const all = JSON.parse(kei(home, ['ledger', 'stats', '--json']).out)[0];
    expect(all).toMatchObject({ kind: 'totals', sessions: 2, turns: 3 });
    const one = JSON.parse(kei(home, ['ledger', 'stats', '--session', 'one', '--json']).out)[0];
    expect(one).toMatchObject({ kind: 'totals', session: 'one', turns: 1, tool_calls: 0 });
    expect(JSON.parse(kei(home, ['ledger', 'stats', '--session', 'two', '--json']).out)[0].turns).toBe(2);
    for (const view of ['stats', 'turns']) {
      const unknown = kei(home, ['ledger', view, '--session', 'nope']);
      expect(unknown.code).toBe(1);
      expect(unknown.err.trim()).toBe('kei-skills: no session "nope" in the ledger; list them with: kei-skills ledger sessions');
    }
  });
});

describe('memory search output', () => {
  it('shows how well each hit matches, not 0.00 for every one (a word in most memories scores ~1e-6 in bm25)', () => {
    const home = tempDir('kei-home-');
    for (const text of [
      'Prefers pnpm over npm for installs',
      'The deploy uses pnpm and docker and a long list of other steps',
      'Uses vitest',
    ])
      expect(kei(home, ['memory', 'add', text]).code).toBe(0);
    const hits = JSON.parse(kei(home, ['memory', 'search', 'pnpm', '--json']).out) as { score: number }[];
    expect(hits).toHaveLength(2);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
    const table = kei(home, ['memory', 'search', 'pnpm']).out.split('\n');
    expect(table[0]).toMatch(/relevance/);
    const values = table.slice(2).map((l) => /\s(\d\.\d\d)\s/.exec(l)?.[1]);
    // Scores within a thousandth rank as equal (newest first), so the best need not come first.
    const numbers = values.map(Number).sort();
    expect(numbers[1]).toBe(1);
    expect(numbers[0]).toBeGreaterThan(0);
    expect(numbers[0]).toBeLessThan(1);
  });
});

describe('schedule add', () => {
  it('prints next runs in the job`s time zone, and warns when no daemon or OS timer would run it', () => {
    const home = tempDir('kei-home-');
    const r = kei(home, ['schedule', 'add', 'standup', '0 9 * * 1-5', '--tz', 'Europe/Berlin', '--', 'echo', 'hi'], { HOME: home });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Next runs: \d{4}-\d\d-\d\d 09:00 Europe\/Berlin, /);
    expect(r.err).toMatch(/^Note: nothing runs scheduled jobs yet .*kei-skills daemon install/);
    const utc = kei(home, ['schedule', 'add', 'nightly-ish', '0 3 * * *', '--json', '--', 'true'], { HOME: home });
    expect(JSON.parse(utc.out).job.name).toBe('nightly-ish');
  });
});

describe('kei-mcp arguments', () => {
  it.each([['--bogus'], ['serve'], ['--http', '--port'], ['--port', '9000']])(
    'refuses %s with a clear error and does not start',
    (...args) => {
      const r = spawnSync(process.execPath, [BIN.mcp, ...args], {
        env: { ...process.env, KEI_HOME: tempDir('kei-home-') },
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^kei-mcp: (unknown (option|argument) "|--port)/);
      expect(r.stderr).toContain('Usage: kei-mcp');
    },
  );
});

describe('setup on a broken settings.json', () => {
  it('names the line and column, not a character offset', () => {
    const user = tempDir('kei-user-');
    mkdirSync(join(user, '.claude'));
    writeFileSync(join(user, '.claude', 'settings.json'), '{\n  "model": "opus",\n  "hooks": {,\n}\n');
    const r = kei(join(user, 'kei'), ['setup', 'claude-code'], { HOME: user });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/settings\.json is not valid JSON \(\w+ at line 3, column 13\)/);
    expect(r.err).not.toMatch(/offset/);
  });
});

describe('new', () => {
  it('says an invalid name before a missing --description', () => {
    const home = tempDir('kei-home-');
    const bad = kei(home, ['new', 'my skill']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^kei-skills: invalid skill name: name "my skill" must be lowercase letters/);
    const noDescription = kei(home, ['new', 'my-skill']);
    expect(noDescription.code).toBe(2);
    expect(noDescription.err).toContain("required option '--description <text>' not specified");
    expect(kei(home, ['new', 'my-skill', '--description', 'Does a thing when asked']).code).toBe(0);
  });
});
