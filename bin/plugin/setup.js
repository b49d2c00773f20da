// The plugin's first-time setup, in plain JavaScript: it runs before dist/ or the dependencies may be usable.
// A release folder (scripts/build-plugin.js) is ready as installed; a plugin folder without a usable SQLite engine
// (an addon built for another Node or platform, or the repository used as the plugin) is repaired once, in the
// background, under a lock that a killed repair cannot leave behind.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** A repair older than this is taken as dead even if its pid was reused by another process. */
export const STALE_LOCK_MS = 15 * 60 * 1000;
/** After a failed repair (offline, say), the next try waits this long instead of starting on every event. */
const RETRY_AFTER_FAILURE_MS = 10 * 60 * 1000;

/** KEI_HOME as the kit reads it (src/core/paths.ts): `~` expanded, a relative path refused with the fix. */
export function dataHome(env = process.env) {
  const raw = env.KEI_HOME?.trim();
  const home = env.HOME || homedir();
  if (!raw) return { home: join(home, '.keiseikit') };
  const expanded = raw === '~' || raw.startsWith('~/') ? join(home, raw.slice(1)) : raw;
  if (isAbsolute(expanded)) return { home: resolve(expanded) };
  return {
    error:
      `KEI_HOME must be an absolute path (got "${raw}"): the MCP server, hooks and CLI run in different folders; ` +
      `use for example KEI_HOME=${resolve(expanded)}`,
  };
}

/** The data home and its logs folder, private to the user (0700) even when they already existed looser. */
export function ensurePrivateHome(home) {
  for (const dir of [home, join(home, 'logs')]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    tighten(dir, 0o700);
  }
}

function tighten(path, mode) {
  try {
    const st = lstatSync(path);
    if (!st.isSymbolicLink() && (st.mode & 0o077) !== 0) chmodSync(path, mode);
  } catch {
    // Not there, or not ours: nothing to tighten.
  }
}

/** Whether the kit can run from this folder: compiled, and an SQLite engine it may use (KEI_SQLITE_ENGINE) loads. */
export function isReady(root, env = process.env) {
  if (!existsSync(join(root, 'dist', 'server', 'main.js')) || !existsSync(join(root, 'dist', 'hooks', 'main.js'))) return false;
  const forced = env.KEI_SQLITE_ENGINE?.trim().toLowerCase();
  if (forced === 'better-sqlite3') return nativeSqliteWorks(root);
  if (forced === 'node' || forced === 'node:sqlite') return nodeSqliteUsable(root);
  return nativeSqliteWorks(root) || nodeSqliteUsable(root);
}

/**
 * Loading the addon costs ~15 ms, too much for every hook: a stamp per Node ABI, platform and architecture
 * remembers that it loaded here once (a Node upgrade changes the ABI, so the check runs again).
 */
function nativeSqliteWorks(root) {
  const stamp = join(
    root,
    'node_modules',
    'better-sqlite3',
    'build',
    `kei-ok-${process.platform}-${process.arch}-${process.versions.modules}`,
  );
  if (existsSync(stamp)) return true;
  try {
    const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
    new Database(':memory:').close();
  } catch {
    return false;
  }
  try {
    writeFileSync(stamp, '');
  } catch {
    // A read-only plugin folder: the check just runs again next time.
  }
  return true;
}

/** Node's built-in SQLite (stable from 22.13), when this build of the kit can fall back to it. */
function nodeSqliteUsable(root) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return existsSync(join(root, 'dist', 'core', 'sqlite-engine.js')) && (major > 22 || (major === 22 && minor >= 13));
}

/** What makes this folder ready: rebuild the addon when dist/ is there, else the whole from-source build. */
export function repairCommand(root) {
  if (process.env.KEI_PLUGIN_SETUP) return process.env.KEI_PLUGIN_SETUP;
  if (existsSync(join(root, 'dist', 'server', 'main.js'))) return 'npm rebuild better-sqlite3';
  return 'npm install --no-audit --no-fund --include=dev && npm rebuild better-sqlite3 && npm run build';
}

/**
 * Starts the repair detached unless one is running; returns where its log goes. The lock names the repair's pid
 * and start time; a lock whose process is gone, or that is older than STALE_LOCK_MS, is replaced.
 */
export function startRepair(root, home) {
  ensurePrivateHome(home);
  const lock = join(home, 'plugin-setup.lock');
  const logPath = join(home, 'logs', 'plugin-setup.log');
  const failed = join(home, 'plugin-setup.failed');
  if (Date.now() - statMtime(failed) < RETRY_AFTER_FAILURE_MS || !takeLock(lock)) return logPath;
  const log = openSync(logPath, 'a', 0o600);
  tighten(logPath, 0o600);
  const script = `if (${repairCommand(root)}); then rm -f "${failed}"; else (umask 077 && touch "${failed}"); fi; rm -f "${lock}"`;
  const child = spawn('sh', ['-c', script], { cwd: root, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  writeFileSync(lock, JSON.stringify({ pid: child.pid, started: Date.now() }), { mode: 0o600 });
  child.unref();
  return logPath;
}

function takeLock(lock) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      writeFileSync(lock, JSON.stringify({ pid: process.pid, started: Date.now() }));
      return true;
    } catch (err) {
      if (err.code !== 'EEXIST' || !lockIsStale(lock)) return false;
      try {
        unlinkSync(lock);
      } catch {
        // Another process replaced it first; the next attempt finds its fresh lock.
      }
    }
  }
  return false;
}

/** A lock is stale when its process is gone, when it is too old, or when it cannot be read as ours. */
export function lockIsStale(lock, now = Date.now()) {
  let held;
  try {
    held = JSON.parse(readFileSync(lock, 'utf8'));
  } catch {
    // Empty for an instant while being written: judge by age alone.
    return now - statMtime(lock) > 5000;
  }
  if (!Number.isInteger(held?.pid) || !Number.isFinite(held?.started)) return true;
  if (now - held.started > STALE_LOCK_MS) return true;
  return !alive(held.pid);
}

function statMtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}
