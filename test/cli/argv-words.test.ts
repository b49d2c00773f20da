import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/temp.js';

function kei(home: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN.skills, ...args], { env: { ...process.env, KEI_HOME: home }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Words after `--` are argv as given: several words are never re-parsed by a shell; one word is a shell command line.
describe('argv after -- (issue 19, item 10)', () => {
  it('sandbox exec keeps a quoted script and arguments with spaces', () => {
    const home = tempDir('kei-home-');
    const script = kei(home, ['sandbox', 'exec', '--', 'sh', '-c', 'echo a; echo b']);
    expect(script.err).toBe('');
    expect(script.out).toBe('a\nb\n');
    expect(kei(home, ['sandbox', 'exec', '--', 'printf', '[%s]\\n', 'a b', 'c']).out).toBe('[a b]\n[c]\n');
    expect(kei(home, ['sandbox', 'exec', '--', "echo it's"]).code).not.toBe(0);
    expect(kei(home, ['sandbox', 'exec', '--', 'echo one && echo two']).out).toBe('one\ntwo\n');
  });

  it('schedule add stores a command job that runs the words as given', () => {
    const home = tempDir('kei-home-');
    expect(kei(home, ['schedule', 'add', 'words', 'every 1h', '--', 'sh', '-c', 'echo a; echo "$0"', 'x y']).code).toBe(0);
    expect(kei(home, ['schedule', 'add', 'line', 'every 1h', '--', 'echo one && echo two']).code).toBe(0);
    expect(kei(home, ['schedule', 'run', 'words']).out).toMatch(/words: ok|words: success|words: \w+/);
    kei(home, ['schedule', 'run', 'line']);
    const runs = JSON.parse(kei(home, ['schedule', 'runs', '--json']).out) as { job: string; output: string; exit_code: number }[];
    const byJob = Object.fromEntries(runs.map((r) => [r.job, r]));
    expect(byJob.words).toMatchObject({ exit_code: 0 });
    expect(byJob.words.output).toContain('a\nx y');
    expect(byJob.line.output).toContain('one\ntwo');
  });
});
