import { copyFileSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { KeiError } from '../core/errors.js';

/**
 * Limits on what one installed skill may hold. A file over MAX_FILE_BYTES cannot be scanned (the guard
 * reads whole files), so it is refused rather than installed unread; the others bound disk and scan time.
 */
export const SKILL_LIMITS = { maxFileBytes: 1024 * 1024, maxSkillBytes: 16 * 1024 * 1024, maxEntries: 1000 } as const;

export interface SkillEntries {
  /** Regular files, relative to the skill folder with `/` separators, sorted. */
  files: { path: string; size: number }[];
  /** Symbolic links: never followed, never copied. `inside` is false when the target leaves the skill. */
  links: { path: string; target: string; inside: boolean }[];
  /** Anything else (fifos, sockets, devices): never copied. */
  special: string[];
}

/** Lists a skill folder without following a single symlink; `.git` is skipped. Throws past the limits. */
export function listSkillEntries(dir: string): SkillEntries {
  const out: SkillEntries = { files: [], links: [], special: [] };
  let count = 0;
  const visit = (rel: string): void => {
    for (const d of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (d.name === '.git') continue;
      if (++count > SKILL_LIMITS.maxEntries)
        throw new KeiError(
          'install_too_many_files',
          `refused: the skill has over ${SKILL_LIMITS.maxEntries} files and folders; a skill this big is not installed (remove what it does not ` +
            `need)`,
        );
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isSymbolicLink()) out.links.push(describeLink(dir, path));
      else if (d.isDirectory()) visit(path);
      else if (d.isFile()) out.files.push({ path, size: lstatSync(join(dir, path)).size });
      else out.special.push(path);
    }
  };
  visit('');
  out.files.sort((a, b) => a.path.localeCompare(b.path));
  checkSizes(out.files);
  return out;
}

/** Where a link points, judged by its text alone (resolving it would touch whatever it names). */
function describeLink(dir: string, path: string): { path: string; target: string; inside: boolean } {
  const target = readlinkSync(join(dir, path));
  const resolved = normalize(join(dirname(path), target));
  const inside = !isAbsolute(target) && resolved !== '..' && !resolved.startsWith(`..${sep}`);
  return { path, target, inside };
}

function checkSizes(files: { path: string; size: number }[]): void {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  const big = files.find((f) => f.size > SKILL_LIMITS.maxFileBytes);
  if (big) {
    throw new KeiError(
      'install_file_too_large',
      `refused: ${big.path} is ${mib(big.size)}; a skill file may be at most ` +
        `${mib(SKILL_LIMITS.maxFileBytes)}, since larger files cannot be scanned. Remove it from the skill (or install ` +
        `the skill by hand ` +
        `after reviewing that file)`,
      { file: big.path, size: big.size },
    );
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > SKILL_LIMITS.maxSkillBytes) {
    throw new KeiError(
      'install_skill_too_large',
      `refused: the skill's files add up to ${mib(total)}; a skill may hold at most ` +
        `${mib(SKILL_LIMITS.maxSkillBytes)}. Remove the files it does not need`,
      { size: total },
    );
  }
}

/** Copies the regular files only (links and special files never leave the source), creating folders as needed. */
export function copySkillFiles(entries: SkillEntries, from: string, to: string): void {
  for (const f of entries.files) {
    mkdirSync(dirname(join(to, f.path)), { recursive: true });
    copyFileSync(join(from, f.path), join(to, f.path));
  }
}

/** A skill folder named in a tap or a `<git-url>#<path>` must really lie inside that repository, not behind a link or `..`. */
export function assertFolderInside(root: string, folder: string, shown: string): void {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw new KeiError('not_a_skill', `${shown} does not exist in the repository`);
  }
  const rel = relative(realpathSync(root), real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || lstatSync(folder).isSymbolicLink()) {
    throw new KeiError(
      'install_outside_repo',
      `refused: ${shown} is a symlink or leads outside the repository; give the path of a real skill folder inside it`,
    );
  }
}
