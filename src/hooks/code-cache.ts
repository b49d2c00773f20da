import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { resolveKeiHome } from '../core/paths.js';

/**
 * A V8 code cache for the hook bundle. Claude Code starts one `kei-hook` process per event; parsing and compiling the
 * half-megabyte bundle is a large share of each one. V8 serialises the bytecode it compiled during one run and
 * accepts it in the next instead of compiling again (`vm.Script` `cachedData`; works on Node 20, where
 * `module.enableCompileCache` does not exist).
 *
 * Trust: cached bytecode runs as code, and V8 checks only its own version, flags and the source's length. So the
 * cache lives in the user's own data home (`<KEI_HOME>/cache`, 0700), never a shared temp folder where another user
 * could plant one; a folder or file not owned by this user, or writable by others, is not read. Its name is derived
 * from the bundle's identity (inode, size, mtime, ctime: the kernel sets ctime on every write, npm cannot fake it)
 * and the Node version, so a rebuilt bundle never meets an old cache. Data V8 rejects falls back to a normal compile
 * and is replaced. Files are written whole under a temporary name, then renamed; at most KEEP_FILES are kept.
 */

/** Larger than any cache of this bundle (about 1 MB); a bigger file is not ours and is not read. */
export const MAX_CACHE_BYTES = 16 * 1024 * 1024;
/**
 * One per event and bundle (each holds the bytecode its own run compiled: a SessionStart's would burden a PostToolUse
 * with functions it never calls; the guard's bundles have their own) for the current build and Node version; older
 * ones are pruned as new ones come.
 */
export const KEEP_FILES = 48;
const CACHE_FILE = /^hook-[0-9a-f]{16}\.v8cache$/;

export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: Record<string, unknown>;
  /** How the cache was used: 'hit' (V8 took it), 'miss' (none yet), 'rejected' (V8 refused it), 'off' (no usable folder). */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
  /** Stores the bytecode compiled so far when there was no usable cache. Never throws; call after the work is done. */
  save(): void;
}

/**
 * Runs the CommonJS file `file` the way `require` would, with a code cache in `cacheDir` (undefined: no cache), one
 * per `variant` (kei-hook passes its arguments: the event).
 * Errors reading the bundle, or thrown by its top level, propagate (the caller falls back to a plain require).
 */
export function loadWithCodeCache(file: string, cacheDir: string | undefined, variant = ''): LoadedBundle {
  const { source, stats } = readBundle(file);
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, cacheName(file, stats, variant));
  const cachedData = cacheFile === undefined ? undefined : readTrusted(cacheDir!, cacheFile);
  const script = new Script(wrap(source), { filename: file, cachedData });
  const cache = cacheFile === undefined ? 'off' : cachedData === undefined ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  const module = { exports: {} as Record<string, unknown> };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  // import() inside a script V8 restored from a cache fails on Node 20 ("A dynamic import callback was not
  // specified"): the bundle's one real import() (scripts/bundle-hook.js routes it here) runs from this module.
  const importHost = (specifier: string): Promise<unknown> => import(new URL(specifier, pathToFileURL(file)).href);
  // A sibling bundle the hook loads only when it needs it (the guard: scripts/bundle-hook.js), through the same cache.
  const siblings: LoadedBundle[] = [];
  const requireHost = (specifier: string): unknown => {
    const sibling = loadWithCodeCache(join(dirname(file), specifier), cacheDir, variant);
    siblings.push(sibling);
    return sibling.exports;
  };
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), importHost, requireHost);
  let saved = false;
  const save = (): void => {
    for (const sibling of siblings) sibling.save();
    if (saved || cacheFile === undefined || cache === 'hit') return;
    saved = true;
    try {
      writeCache(cacheDir!, cacheFile, script.createCachedData());
    } catch {
      // A cache is an optimisation: a full disk or a read-only home costs the next run its compile, nothing more.
    }
  };
  return { exports: module.exports, cache, save };
}

/** `<KEI_HOME>/cache`, or undefined when the data home cannot be resolved (the hook reports that itself). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return join(resolveKeiHome(env), 'cache');
  } catch {
    return undefined;
  }
}

/**
 * The wrapper Node puts around a CommonJS file, on the first line so line numbers in stack traces hold, plus the
 * import() the bundle's banner picks up.
 */
const wrap = (source: string): string =>
  `(function (exports, require, module, __filename, __dirname, __kei_import_host, __kei_require_host) { ${source}\n});`;

/** Source and identity from one descriptor, so a bundle replaced in between cannot pair one's text with the other's name. */
function readBundle(file: string): { source: string; stats: Stats } {
  const fd = openSync(file, 'r');
  try {
    return { stats: fstatSync(fd), source: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

function cacheName(file: string, st: Stats, variant: string): string {
  const identity = [file, st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs, process.version, process.arch, variant].join('\0');
  return `hook-${fnv1a(identity, 0x811c9dc5)}${fnv1a(identity, 0x050c5d1f)}.v8cache`;
}

/**
 * 32-bit FNV-1a as 8 hex digits: a name, not a defence (trust comes from the folder's owner and mode). node:crypto
 * is not used because loading it costs more than the rest of this file; the bundle itself never loads it.
 */
function fnv1a(text: string, seed: number): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Owned by this user and writable by nobody else (where ownership means something: not on Windows). */
function trusted(st: Stats): boolean {
  if (typeof process.getuid !== 'function') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

function readTrusted(dir: string, file: string): Buffer | undefined {
  try {
    const d = lstatSync(dir);
    if (!d.isDirectory() || !trusted(d)) return undefined;
    // O_NOFOLLOW: a symlink planted in place of the cache is refused, not followed.
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || !trusted(st) || st.size > MAX_CACHE_BYTES) return undefined;
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, data: Buffer): void {
  if (data.length === 0 || data.length > MAX_CACHE_BYTES) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!trusted(lstatSync(dir))) return;
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw err;
  }
  prune(dir);
}

/** Keeps the KEEP_FILES newest caches (older bundle builds and Node versions go). */
function prune(dir: string): void {
  const files = readdirSync(dir).filter((name) => CACHE_FILE.test(name));
  if (files.length <= KEEP_FILES) return;
  const byAge = files
    .map((name) => ({ name, mtime: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(KEEP_FILES)) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // another hook pruned it first
    }
  }
}
