import { fixedClock } from '../../src/core/clock.js';
import { openKit, type Kit } from '../../src/kit.js';
import { git } from '../helpers/git.js';
import { tempDir } from '../helpers/temp.js';

export type Member = Kit & { clock: ReturnType<typeof fixedClock>; home: string; clone: string };

/** A clone of acme/web with `origin` spelled as given (ssh or https: the same project). */
export function cloneOf(origin: string): string {
  const dir = tempDir('kei-clone-');
  git(dir, 'init', '-q');
  git(dir, 'remote', 'add', 'origin', origin);
  return dir;
}

/** A member: its own data home, its own clone, its own clock (starting at `start`). */
export function member(origin = 'git@github.com:acme/web.git', start = Date.UTC(2026, 0, 1)): Member {
  const home = tempDir('kei-home-');
  const clone = cloneOf(origin);
  const clock = fixedClock(start);
  const kit = openKit({ home, cwd: clone, env: { HOME: home }, clock });
  return Object.assign(kit, { clock, home, clone }) as Member;
}
