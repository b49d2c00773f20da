import { errorMessage } from '../core/errors.js';
import { ENGINE_ENV, sqliteEngine } from '../core/sqlite-engine.js';
import type { Check } from './doctor.js';

/** Which SQLite engine opens kei.db and why: better-sqlite3 (primary), or node:sqlite when the addon does not load. */
export function sqliteCheck(env: NodeJS.ProcessEnv): Check {
  const name = 'SQLite engine';
  try {
    const { choice } = sqliteEngine(env);
    return { name, ok: true, detail: `${choice.name} (${choice.reason})` };
  } catch (err) {
    return { name, ok: false, detail: errorMessage(err), fix: `see the message; ${ENGINE_ENV} forces an engine (better-sqlite3 or node)` };
  }
}
