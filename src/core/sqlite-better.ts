import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './sqlite.js';

/** Defined (true) only in the hook bundle, by scripts/bundle-hook.js. */
declare const __KEI_HOOK_BUNDLE__: boolean | undefined;

type BetterSqlite3 = new (file: string, options: { nativeBinding: object }) => Db;
export interface BetterEngine {
  Database: BetterSqlite3;
  addon: object;
}

const ADDON = join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * better-sqlite3 with its compiled addon loaded, or the reason it cannot be: not installed (an
 * optional dependency whose build failed is removed), no addon built, or an addon that does not
 * load (built for another Node version or platform). The addon is loaded here, not by better-sqlite3,
 * so that a failure to load it is told apart from a failure to open the file.
 */
export function loadBetterSqlite3(): BetterEngine | { failure: string } {
  // The addon first: one stat, and a process that ends up on node:sqlite loads none of better-sqlite3.
  const path = ownAddon() ?? resolvedAddon();
  if (!path) {
    return {
      failure: packageDir()
        ? `better-sqlite3 has no compiled addon (its install step did not build ${ADDON})`
        : 'better-sqlite3 is not installed',
    };
  }
  let addon: object;
  try {
    addon = createRequire(import.meta.url)(path) as object;
  } catch (err) {
    return { failure: `better-sqlite3's binding failed to load: ${oneLine(err)}` };
  }
  try {
    return { Database: loadPackage(), addon };
  } catch (err) {
    return { failure: `better-sqlite3 is not installed (${oneLine(err)})` };
  }
}

/**
 * In the hook bundle (CommonJS) the literal `require('better-sqlite3')` reaches better-sqlite3's
 * JavaScript, which esbuild bundles and evaluates only when called; dist/ is ES modules and has no
 * `require`, so the package is resolved from here. Either way a process that uses node:sqlite never loads it.
 * Not `typeof require`: under `node -e` and the REPL a global `require` resolves from the caller's folder.
 */
function loadPackage(): BetterSqlite3 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- kept literal for the bundle (see above)
  if (typeof __KEI_HOOK_BUNDLE__ !== 'undefined' && __KEI_HOOK_BUNDLE__) return require('better-sqlite3') as BetterSqlite3;
  return createRequire(import.meta.url)('better-sqlite3') as BetterSqlite3;
}

/**
 * The addon's path, found directly: better-sqlite3's own lookup (the `bindings` package) probes a
 * dozen paths on every start, which the hook path would pay on every event. Our own node_modules
 * first (one stat; dist/core/ and the hook bundle's dist/hooks/ sit two levels below the package
 * root), then wherever Node's resolution finds the package (a hoisted install).
 */
function ownAddon(): string | null {
  const candidate = join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', ADDON);
  return existsSync(candidate) ? candidate : null;
}

function resolvedAddon(): string | null {
  const dir = packageDir();
  const candidate = dir ? join(dir, '..', ADDON) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/** better-sqlite3's installed version (read only where it matters: see sqlite-engine.ts), or null. */
export function betterSqlite3Version(): string | null {
  const dir = packageDir();
  try {
    return dir ? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version : null;
  } catch {
    return null;
  }
}

/** Where Node's resolution finds better-sqlite3 from here, or null when it is not installed. */
function packageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  } catch {
    return null;
  }
}

/** An error on one line (Node's ABI message spans several), without the stack. */
function oneLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '))
    .join(' ');
}

export function openBetterSqlite3(engine: BetterEngine, file: string): Db {
  return new engine.Database(file, { nativeBinding: engine.addon });
}
