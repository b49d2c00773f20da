import { existsSync, rmSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { resolvesInside } from '../core/safe-path.js';
import { discoverSkillFiles } from '../skills/discover.js';
import { readSkill } from '../skills/parse.js';
import { searchSkills, type SkillHit } from '../skills/search.js';
import type { Skill } from '../skills/types.js';
import { checkGitUrl, pull, shallowClone } from './git.js';

export interface Tap {
  name: string;
  url: string;
  subpath: string;
  commit_sha: string | null;
  added_at: number;
  updated_at: number | null;
}

/** Taps: git repositories (or folders) of skills, cloned shallowly under KEI_HOME/taps/<name>. */
export class TapStore {
  constructor(
    private readonly db: Db,
    private readonly keiHome: string,
    private readonly now: () => number,
  ) {}

  add(urlOrPath: string, options: { path?: string; name?: string } = {}): Tap {
    checkGitUrl(urlOrPath);
    const url = /^[\w+.-]+:\/\//.test(urlOrPath) || urlOrPath.includes('@') ? urlOrPath : resolve(urlOrPath);
    const name =
      options.name ??
      basename(url)
        .replace(/\.git$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, '-');
    if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(name))
      throw new KeiError('invalid_tap_name', `tap name "${name}" must be lowercase letters, digits, - or _; pass --name`);
    if (this.find(name)) throw new KeiError('tap_exists', `a tap named "${name}" exists; remove it first or pass --name`);
    const dir = this.dir(name);
    rmSync(dir, { recursive: true, force: true });
    const commit = shallowClone(isAbsolute(url) ? `file://${url}` : url, dir);
    this.db
      .prepare('INSERT INTO taps (name, url, subpath, commit_sha, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, url, options.path ?? '', commit, this.now());
    return this.get(name);
  }

  list(): Tap[] {
    return this.db.prepare('SELECT * FROM taps ORDER BY name').all() as Tap[];
  }

  find(name: string): Tap | undefined {
    return this.db.prepare('SELECT * FROM taps WHERE name = ?').get(name) as Tap | undefined;
  }

  get(name: string): Tap {
    const tap = this.find(name);
    if (!tap) throw new KeiError('tap_not_found', `no tap named "${name}" (kei-skills tap list)`);
    return tap;
  }

  remove(name: string): void {
    this.get(name);
    rmSync(this.dir(name), { recursive: true, force: true });
    this.db.prepare('DELETE FROM taps WHERE name = ?').run(name);
  }

  update(name: string): Tap {
    const tap = this.get(name);
    if (!existsSync(join(this.dir(name), '.git'))) shallowClone(this.cloneUrl(tap), this.dir(name));
    const commit = pull(this.dir(name));
    this.db.prepare('UPDATE taps SET commit_sha = ?, updated_at = ? WHERE name = ?').run(commit, this.now(), name);
    return this.get(name);
  }

  /** Skills of every tap (or one), as the registry would load them. */
  skills(only?: string): Skill[] {
    const out: Skill[] = [];
    for (const tap of this.list().filter((t) => !only || t.name === only)) {
      const root = join(this.dir(tap.name), tap.subpath);
      for (const file of discoverSkillFiles(root).files) {
        // A tap is someone else's repository: a SKILL.md reached through a link out of it is a host file, not theirs.
        if (!resolvesInside(this.dir(tap.name), file)) continue;
        const o = readSkill(file, { path: root, label: `tap:${tap.name}` });
        if ('skill' in o) out.push(o.skill);
      }
    }
    return out;
  }

  search(query: string, limit = 20): SkillHit[] {
    return searchSkills(this.skills(), query, limit);
  }

  dir(name: string): string {
    return join(this.keiHome, 'taps', name);
  }

  cloneUrl(tap: Tap): string {
    return isAbsolute(tap.url) ? `file://${tap.url}` : tap.url;
  }
}
