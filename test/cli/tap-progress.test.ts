import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSkill } from '../helpers/skills.js';
import { BIN, tempDir } from '../helpers/temp.js';

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

// Issue 19, item 14: restore (a new machine, many skills) counts on a terminal, and is quiet in a pipe.
describe('tap restore progress', () => {
  it('shows restore n/total with the skill on a terminal; nothing on stderr without one', () => {
    const repo = tempDir('kei-tap-');
    git(repo, 'init', '-q');
    writeSkill(join(repo, 'skills'), 'tool', { description: 'Format the changelog of a release', body: '1. Read CHANGELOG.md\n' });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'skill');
    const home = tempDir('kei-home-');
    const env = { ...process.env, KEI_HOME: home, HOME: home };
    const kei = (...args: string[]) => spawnSync(process.execPath, [BIN.skills, ...args], { env, encoding: 'utf8', input: '' });
    expect(kei('tap', 'add', repo, '--name', 't').status).toBe(0);
    expect(kei('install', 't/tool', '--yes').status).toBe(0);
    rmSync(join(home, 'skills', 't'), { recursive: true, force: true });
    const tty = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN.skills}' restore --yes`, '/dev/null'], {
      env,
      encoding: 'utf8',
    });
    expect(tty.status, tty.stdout).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[Krestore 1\/1 tool/);
    rmSync(join(home, 'skills', 't'), { recursive: true, force: true });
    const piped = kei('restore', '--yes');
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).toBe('');
  });
});

describe('tap add on a terminal', () => {
  it('says it is cloning while it clones, and nothing on stderr in a pipe', () => {
    const repo = tempDir('kei-tap-');
    git(repo, 'init', '-q');
    writeSkill(join(repo, 'skills'), 'tool', { description: 'Format the changelog of a release', body: '1. Read CHANGELOG.md\n' });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'skill');
    const env = { ...process.env, KEI_HOME: tempDir('kei-home-') };
    const tty = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN.skills}' tap add '${repo}' --name t`, '/dev/null'], {
      env,
      encoding: 'utf8',
    });
    expect(tty.status, tty.stdout).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[Ktap add: cloning .*…/);
    expect(tty.stdout).toContain('Added tap t');
    const piped = spawnSync(process.execPath, [BIN.skills, 'tap', 'add', repo, '--name', 'u'], { env, encoding: 'utf8', input: '' });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).toBe('');
  });
});
