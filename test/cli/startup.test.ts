import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS } from '../../src/cli/command-groups.js';
import { formatTable } from '../../src/cli/output.js';
import { BIN, tempDir } from '../helpers/temp.js';

function kei(home: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN.skills, ...args], { env: { ...process.env, KEI_HOME: home, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Issue 19, item 15: help loads no command module; tables fit the terminal.
describe('kei-skills start-up and tables', () => {
  it("names each module's top-level commands exactly as the module registers them", async () => {
    for (const group of COMMAND_GROUPS) {
      const program = new Command('kei-skills');
      (await group.load())(program);
      expect(Object.fromEntries(program.commands.map((c) => [c.name(), c.description()]))).toEqual(group.commands);
    }
  });

  it('--help lists every command; a command (and help for it) loads its module', () => {
    const home = tempDir('kei-home-');
    const help = kei(home, ['--help']);
    expect(help.code).toBe(0);
    for (const name of COMMAND_GROUPS.flatMap((g) => Object.keys(g.commands))) expect(help.out).toMatch(new RegExp(`\\n  ${name}\\b`));
    expect(kei(home, ['memory', '--help']).out).toMatch(/\n {2}search \[options\]/);
    expect(kei(home, ['help', 'memory']).out).toMatch(/\n {2}search \[options\]/);
    expect(kei(home, ['memory', 'add', 'Prefers pnpm', '--json']).code).toBe(0);
  });

  it('fits tables to the terminal width with an ellipsis; --json keeps full values', () => {
    const home = tempDir('kei-home-');
    const long = 'echo this command line is much longer than any terminal column should be';
    expect(kei(home, ['schedule', 'add', 'a-very-long-job-name-for-a-table', 'every 1h', '--', long]).code).toBe(0);
    const table = kei(home, ['schedule', 'list'], { COLUMNS: '50' }).out.trimEnd().split('\n');
    expect(table.length).toBe(3);
    for (const row of table) expect(row.length).toBeLessThanOrEqual(50);
    expect(table[2]).toMatch(/^a-very…/);
    expect(kei(home, ['schedule', 'list', '--json'], { COLUMNS: '50' }).out).toContain('a-very-long-job-name-for-a-table');
    expect(formatTable(['a', 'b'], [['x'.repeat(30), 'y'.repeat(30)]], 60, 40).split('\n')[2]).toHaveLength(40);
    expect(formatTable(['a'], [['short']], 60, 40)).toBe('a\n-----\nshort');
  });
});
