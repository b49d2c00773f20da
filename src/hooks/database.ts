import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../core/db.js';
import type { Logger } from '../core/log.js';
import { keiHomeProblem, keiHomeUsable } from '../core/paths.js';
import { readHookConfig } from './hook-config.js';
import type { HookContext, HookOutput } from './types.js';

/**
 * Opens kei.db, runs one handler inside one immediate transaction, closes. `busyMs`: how long to queue for the
 * write lock (the event's deadline less a margin), so a background event waits instead of being dropped.
 */
export function withHookDatabase(home: string, log: Logger, run: (ctx: HookContext) => HookOutput, busyMs = 4000): HookOutput {
  const db = openHookDatabase(home);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(1000, Math.round(busyMs))}`);
    const config = readHookConfig(join(home, 'config.json'), process.env);
    for (const problem of config.problems) log.warn(`config: ${problem}`);
    // The event's time is when the client started this process, not when it got the lock: async events (tool calls)
    // run side by side and may finish out of order, and the ledger orders a session's tool calls by this time.
    const ctx: HookContext = { db, log, home, env: process.env, now: Math.round(performance.timeOrigin), config };
    return db.transaction(() => run(ctx)).immediate();
  } finally {
    db.close();
  }
}

/** kei.db in the data home; a home that cannot be used is explained (a file in the way, no permission), not a raw errno. */
function openHookDatabase(home: string): Db {
  try {
    if (!existsSync(home)) mkdirSync(home, { recursive: true, mode: 0o700 });
    return openDatabase(join(home, 'kei.db'));
  } catch (err) {
    if (keiHomeUsable(home)) throw err;
    throw new Error(keiHomeProblem(home, err));
  }
}
