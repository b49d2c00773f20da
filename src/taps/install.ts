import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { KeiError } from '../core/errors.js';
import { childPath } from '../core/safe-path.js';
import type { TapsContext } from './context.js';
import { cloneAt, shallowClone } from './git.js';
import { judgeFlaggedFiles, type FileJudge } from './judge-files.js';
import { folderHash, readLock, writeLock, type LockEntry } from './lock.js';
import { listFindings as list, scanSkillFolder, type FolderScan } from './scan-folder.js';
import { assertFolderInside, copySkillFiles, listSkillEntries } from './skill-entries.js';
import { TapStore } from './taps.js';

export interface InstallOptions {
  force?: boolean;
  yes?: boolean;
  /** Asked on a terminal when there are warnings and no --yes. */
  confirm?: (scan: FolderScan) => Promise<boolean>;
  /** The model judge of grey-zone files (config guard.judgeTaps, with a model back end); the guard alone without it. */
  judgeFile?: FileJudge;
  /** Called before each skill of a restore or update: how many are done, how many there are, the one starting. */
  onProgress?: (done: number, total: number, item: string) => void;
}

export interface InstallReport {
  name: string;
  path: string;
  scan: FolderScan;
  commit: string;
  source: string;
}

/** `root`: the repository (clone or tap) the skill folder must lie inside. */
interface Source {
  folder: string;
  root: string;
  source: string;
  tap?: string;
  repoPath: string;
  commit: string;
  category: string;
  cleanup: () => void;
}

export function tapStore(kit: TapsContext): TapStore {
  return new TapStore(kit.db, kit.paths.home, () => kit.clock.now());
}

/**
 * `install <tap>/<skill>` or `install <git-url>#<path>`: copy into quarantine, validate, scan every
 * file, show the findings, then move into KEI_HOME/skills in one rename and record it in the lock.
 * Critical findings block even with --force; other blocks need --force; warnings need --yes off a TTY.
 */
export async function installSkill(kit: TapsContext, spec: string, options: InstallOptions = {}): Promise<InstallReport> {
  const src = resolveSource(kit, spec);
  try {
    return await installFrom(kit, src, options);
  } finally {
    src.cleanup();
  }
}

function resolveSource(kit: TapsContext, spec: string): Source {
  const hash = spec.lastIndexOf('#');
  if (hash > 0) {
    const url = spec.slice(0, hash);
    const repoPath = spec.slice(hash + 1).replace(/^\/+|\/+$/g, '');
    const tmp = mkdtempSync(join(workDir(kit), 'clone-'));
    const commit = shallowClone(/^[\w+.-]+:\/\//.test(url) || url.includes('@') ? url : `file://${url}`, join(tmp, 'repo'));
    return {
      folder: join(tmp, 'repo', repoPath),
      root: join(tmp, 'repo'),
      source: url,
      repoPath,
      commit,
      category: 'installed',
      cleanup: () => rmSync(tmp, { recursive: true, force: true }),
    };
  }
  const [tapName, skillName] = spec.split('/');
  if (!tapName || !skillName) throw new KeiError('invalid_install_spec', `"${spec}" is neither <tap>/<skill> nor <git-url>#<path>`);
  const store = tapStore(kit);
  const tap = store.get(tapName);
  const skill = store.skills(tapName).find((s) => s.name === skillName || basename(s.folder) === skillName);
  if (!skill) throw new KeiError('skill_not_in_tap', `tap ${tapName} has no skill "${skillName}" (kei-skills search ${skillName})`);
  return {
    folder: skill.folder,
    root: store.dir(tap.name),
    source: tap.url,
    tap: tap.name,
    repoPath: relative(store.dir(tap.name), skill.folder),
    commit: tap.commit_sha ?? '',
    category: tap.name,
    cleanup: () => undefined,
  };
}

async function installFrom(kit: TapsContext, src: Source, options: InstallOptions): Promise<InstallReport> {
  assertFolderInside(src.root, src.folder, src.repoPath || src.folder);
  // Listed without following links, and refused past the size limits before a byte is copied.
  const entries = listSkillEntries(src.folder);
  if (![...entries.files, ...entries.links].some((e) => e.path === 'SKILL.md'))
    throw new KeiError('not_a_skill', `${src.repoPath || src.folder} has no SKILL.md`);
  const quarantine = mkdtempSync(join(workDir(kit), 'quarantine-'));
  try {
    copySkillFiles(entries, src.folder, quarantine);
    const scan = scanSkillFolder(quarantine, entries);
    await decide(scan, options, quarantine);
    const name = scan.name as string;
    const target = installTarget(kit, src.category, name);
    moveInto(quarantine, target);
    const entry: LockEntry = {
      source: src.source,
      tap: src.tap,
      path: src.repoPath,
      commit: src.commit,
      hash: folderHash(target),
      category: src.category,
      installedAt: new Date(kit.clock.now()).toISOString(),
    };
    const lock = readLock(kit.paths.home);
    lock.skills[name] = entry;
    writeLock(kit.paths.home, lock);
    kit.skills.registry.refresh(target);
    return { name, path: target, scan, commit: src.commit, source: src.source };
  } finally {
    rmSync(quarantine, { recursive: true, force: true });
  }
}

async function decide(scan: FolderScan, options: InstallOptions, dir: string): Promise<void> {
  await judgeFlaggedFiles(dir, scan, options.judgeFile);
  if (!scan.loadable || scan.specErrors.length > 0)
    throw new KeiError(
      'install_invalid',
      `the skill does not validate: ${scan.specErrors.join('; ')} (fix its SKILL.md; kei-skills validate <folder> lists every rule)`,
    );
  if (scan.critical.length > 0)
    throw new KeiError('install_blocked_critical', `refused: critical findings (--force cannot override):\n${list(scan.critical)}`, {
      findings: scan.critical,
    });
  if (scan.blocked.length > 0 && !options.force)
    throw new KeiError('install_blocked', `refused: the guard blocks these files (review them, then --force):\n${list(scan.blocked)}`, {
      findings: scan.blocked,
    });
  if (scan.warnings.length === 0 || options.yes) return;
  if (options.confirm && (await options.confirm(scan))) return;
  throw new KeiError('install_needs_confirmation', `warnings need confirmation (--yes when not on a terminal):\n${list(scan.warnings)}`, {
    findings: scan.warnings,
  });
}

/** KEI_HOME/skills/<category>/<name>: both come from outside (a tap name, a frontmatter name), so both are checked. */
function installTarget(kit: TapsContext, category: string, name: string): string {
  mkdirSync(kit.paths.skills, { recursive: true });
  const folder = childPath(kit.paths.skills, category, 'category');
  mkdirSync(folder, { recursive: true });
  return childPath(folder, name, 'skill name');
}

/** Replaces the target folder in two renames (old aside, new in), so a reader sees one or the other. */
function moveInto(from: string, target: string): void {
  mkdirSync(join(target, '..'), { recursive: true });
  const aside = `${target}.old-${Date.now()}`;
  if (existsSync(target)) renameSync(target, aside);
  try {
    renameSync(from, target);
  } catch (err) {
    if (existsSync(aside)) renameSync(aside, target);
    throw err;
  }
  rmSync(aside, { recursive: true, force: true });
}

function workDir(kit: TapsContext): string {
  const dir = join(kit.paths.home, 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** `restore`: reinstall exactly what the lock file records (same commit, same content hash). */
export async function restoreFromLock(kit: TapsContext, options: InstallOptions = {}): Promise<{ name: string; action: string }[]> {
  const lock = readLock(kit.paths.home);
  const done: { name: string; action: string }[] = [];
  const entries = Object.entries(lock.skills);
  for (const [name, entry] of entries) {
    options.onProgress?.(done.length, entries.length, name);
    const target = installTarget(kit, entry.category, name);
    if (existsSync(target) && folderHash(target) === entry.hash) {
      done.push({ name, action: 'unchanged' });
      continue;
    }
    const tmp = mkdtempSync(join(workDir(kit), 'restore-'));
    try {
      cloneAt(
        /^[\w+.-]+:\/\//.test(entry.source) || entry.source.includes('@') ? entry.source : `file://${entry.source}`,
        join(tmp, 'repo'),
        entry.commit,
      );
      await installFrom(
        kit,
        {
          folder: join(tmp, 'repo', entry.path),
          root: join(tmp, 'repo'),
          source: entry.source,
          tap: entry.tap,
          repoPath: entry.path,
          commit: entry.commit,
          category: entry.category,
          cleanup: () => undefined,
        },
        options,
      );
      if (folderHash(target) !== entry.hash)
        throw new KeiError('restore_mismatch', `${name}: content at ${entry.commit.slice(0, 8)} differs from the locked hash`);
      done.push({ name, action: 'restored' });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return done;
}
