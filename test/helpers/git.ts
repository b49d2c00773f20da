import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeSkill } from './skills.js';
import { BIN, tempDir } from './temp.js';

/** Real git with a fixed identity and branch, so tests run the same on any machine; throws with git's stderr. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** A real git repository (a tap) holding one skill under skills/<name>, shaped by `shape`, committed. */
export function tapRepo(
  name: string,
  skill: { description: string; body: string },
  shape: (folder: string) => void = () => undefined,
): string {
  const work = tempDir('kei-tap-');
  git(work, 'init', '-q');
  writeSkill(join(work, 'skills'), name, skill);
  shape(join(work, 'skills', name));
  git(work, 'add', '-A');
  git(work, 'commit', '-qm', 'skill');
  return work;
}

/** The real CLI against a data home, with no terminal and empty stdin. */
export function keiIn(home: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN.skills, ...args], {
    env: { ...process.env, KEI_HOME: home, HOME: home },
    encoding: 'utf8',
    input: '',
  });
}
