import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../core/log.js';
import { discoverSkillFiles, listSkillFiles, MAX_DEPTH } from './discover.js';
import { readSkill, type SkillRoot } from './parse.js';
import { searchSkills, type SkillHit } from './search.js';
import type { Skill, SkillProblem } from './types.js';

export interface Clash {
  name: string;
  winner: string;
  shadowed: string[];
}

export interface ListFilter {
  category?: string;
  root?: string;
}

const RELOAD_DEBOUNCE_MS = 60;

/**
 * All skills visible from here, by precedence of their roots. Loads leniently, reports clashes
 * and problems, and (when watching) reloads within ~100 ms of a change, emitting `changed`.
 */
export class SkillRegistry extends EventEmitter {
  private byName = new Map<string, Skill>();
  private perRoot = new Map<string, Skill[]>();
  private problemsByRoot = new Map<string, SkillProblem[]>();
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  clashes: Clash[] = [];

  constructor(
    readonly roots: readonly SkillRoot[],
    private readonly log: Logger,
  ) {
    super();
  }

  load(): this {
    for (const root of this.roots) this.loadRoot(root);
    this.rebuild();
    return this;
  }

  all(): Skill[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): Skill | undefined {
    return this.byName.get(name);
  }

  list(filter: ListFilter = {}): Skill[] {
    return this.all().filter(
      (s) =>
        (!filter.category || s.category === filter.category) && (!filter.root || s.rootLabel === filter.root || s.root === filter.root),
    );
  }

  search(query: string, limit?: number): SkillHit[] {
    return searchSkills(this.all(), query, limit);
  }

  problems(): SkillProblem[] {
    return [...this.problemsByRoot.values()].flat();
  }

  filesOf(skill: Skill): string[] {
    return listSkillFiles(skill.folder);
  }

  /** Re-reads the root holding `path` now (after our own writes, so the next call sees them). */
  refresh(path: string): void {
    const root = this.rootOf(path);
    if (!root) return;
    this.loadRoot(root);
    this.rebuild();
    this.emit('changed');
  }

  watch(): void {
    const existing = this.roots.map((r) => r.path).filter((p) => existsSync(p));
    if (existing.length === 0 || this.watcher) return;
    this.watcher = watch(existing, {
      ignoreInitial: true,
      depth: MAX_DEPTH,
      followSymlinks: true,
      ignored: (p: string) => /(?:^|[\\/])(?:node_modules|\.git|_archive)(?:[\\/]|$)/.test(p),
    });
    this.watcher.on('all', (_event: string, path: string) => this.schedule(path));
    this.watcher.on('error', (err: unknown) => this.log.warn('skill watcher error', { error: String(err) }));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.watcher?.close();
    this.watcher = undefined;
  }

  private schedule(path: string): void {
    const root = this.rootOf(path);
    if (root) this.pending.add(root.path);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const roots = this.roots.filter((r) => this.pending.has(r.path));
      this.pending.clear();
      for (const r of roots) this.loadRoot(r);
      this.rebuild();
      this.emit('changed');
    }, RELOAD_DEBOUNCE_MS);
  }

  private rootOf(path: string): SkillRoot | undefined {
    return this.roots.find((r) => path === r.path || path.startsWith(r.path + sep));
  }

  private loadRoot(root: SkillRoot): void {
    const { files, truncated } = discoverSkillFiles(root.path);
    const skills: Skill[] = [];
    const problems: SkillProblem[] = [];
    for (const file of files) {
      const outcome = readSkill(file, root);
      if ('skill' in outcome) skills.push(outcome.skill);
      else problems.push(outcome.problem);
    }
    if (truncated) problems.push({ path: root.path, reason: 'more than 2,000 skill folders; the rest were not loaded' });
    for (const p of problems) this.log.info('skill not loaded', { path: p.path, reason: p.reason });
    this.perRoot.set(root.path, skills);
    this.problemsByRoot.set(root.path, problems);
  }

  private rebuild(): void {
    const byName = new Map<string, Skill>();
    const shadowed = new Map<string, string[]>();
    for (const root of this.roots) {
      for (const skill of this.perRoot.get(root.path) ?? []) {
        const winner = byName.get(skill.name);
        if (!winner) byName.set(skill.name, skill);
        else shadowed.set(skill.name, [...(shadowed.get(skill.name) ?? []), skill.path]);
      }
    }
    this.byName = byName;
    this.clashes = [...shadowed].map(([name, paths]) => ({ name, winner: (byName.get(name) as Skill).path, shadowed: paths }));
  }
}

export function skillFolderName(skill: Skill): string {
  return relative(skill.root, dirname(skill.path));
}
