import { KeiError } from './errors.js';
import type { Db, EngineChoice } from './sqlite.js';
import { betterSqlite3Version, loadBetterSqlite3, openBetterSqlite3 } from './sqlite-better.js';
import { loadNodeSqlite, openNodeSqlite } from './sqlite-node.js';

/** Forces an engine: `better-sqlite3` or `node` (node:sqlite); unset = better-sqlite3, else node:sqlite. */
export const ENGINE_ENV = 'KEI_SQLITE_ENGINE';

export interface Engine {
  choice: EngineChoice;
  open(file: string): Db;
}

const chosen = new Map<string, Engine>();

/** The engine for this process, chosen once (per value of KEI_SQLITE_ENGINE); only the chosen one is loaded. */
export function sqliteEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const requested = requestedEngine(env);
  let engine = chosen.get(requested);
  if (!engine) {
    engine = choose(requested);
    chosen.set(requested, engine);
  }
  return engine;
}

type Requested = 'auto' | 'better-sqlite3' | 'node';

function requestedEngine(env: NodeJS.ProcessEnv): Requested {
  const value = env[ENGINE_ENV]?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'better-sqlite3') return 'better-sqlite3';
  if (value === 'node' || value === 'node:sqlite') return 'node';
  throw new KeiError(
    'config_invalid',
    `${ENGINE_ENV}=${env[ENGINE_ENV]} is not an SQLite engine: use better-sqlite3, node (Node's built-in node:sqlite), or leave it unset`,
  );
}

function choose(requested: Requested): Engine {
  if (requested === 'node') return nodeEngine(`${ENGINE_ENV}=node`);
  const crash = requested === 'auto' ? abortsOnThisNode() : null;
  if (crash && loadNodeSqlite()) return nodeEngine(crash);
  const better = loadBetterSqlite3();
  if (!('failure' in better)) {
    const reason = requested === 'auto' ? 'the primary engine' : `${ENGINE_ENV}=better-sqlite3`;
    return { choice: { name: 'better-sqlite3', reason }, open: (file) => openBetterSqlite3(better, file) };
  }
  if (requested === 'better-sqlite3') {
    throw new KeiError('sqlite_unavailable', `${ENGINE_ENV}=better-sqlite3, but ${better.failure}. ${REBUILD}; or unset ${ENGINE_ENV}`);
  }
  return nodeEngine(better.failure);
}

/**
 * better-sqlite3 12 aborts every process on Node 24 when a statement is finalized at exit (SIGABRT,
 * "Assertion failed: (env) != nullptr" in Statement::~Statement; seen here on 24.21 with 12.11.1): a
 * command that did its work exits 134 with a native stack on the terminal. Node 24 has node:sqlite, so
 * the default there is node:sqlite until better-sqlite3 13 (which needs Node ≥ 22) is the dependency.
 */
function abortsOnThisNode(): string | null {
  if (Number(process.versions.node.split('.')[0]) < 24) return null;
  const version = betterSqlite3Version();
  if (!version || Number(version.split('.')[0]) >= 13) return null;
  return `better-sqlite3 ${version} aborts at exit on Node ${process.versions.node}; ${ENGINE_ENV}=better-sqlite3 uses it anyway`;
}

const REBUILD =
  'Install a C/C++ compiler and Python (Debian/Ubuntu: apt install build-essential python3; macOS: xcode-select --install; ' +
  "Windows: Visual Studio Build Tools) and run `npm rebuild better-sqlite3` in KeiSeiKit's folder";

function nodeEngine(reason: string): Engine {
  const sqlite = loadNodeSqlite();
  if (!sqlite) {
    const forced = reason === `${ENGINE_ENV}=node`;
    throw new KeiError(
      'sqlite_unavailable',
      forced
        ? `${ENGINE_ENV}=node needs Node ≥ 22.13, which has SQLite built in (node:sqlite); this is Node ${process.versions.node}. Upgrade Node or unset ${ENGINE_ENV}`
        : `KeiSeiKit cannot open its database: ${reason}, and Node ${process.versions.node} has no built-in SQLite (node:sqlite). ` +
            `Either use Node ≥ 22.13 (its built-in SQLite needs no compiler), or: ${REBUILD}`,
    );
  }
  return { choice: { name: 'node:sqlite', reason }, open: (file) => openNodeSqlite(sqlite, file) };
}
