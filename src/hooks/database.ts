import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../core/db.js';
import type { Logger } from '../core/log.js';
import { readHookConfig } from './hook-config.js';
import type { HookContext, HookOutput } from './types.js';

/** Opens kei.db, runs one handler inside one immediate transaction, closes. */
export function withHookDatabase(home: string, log: Logger, run: (ctx: HookContext) => HookOutput): HookOutput {
  if (!existsSync(home)) mkdirSync(home, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(home, 'kei.db'));
  try {
    const config = readHookConfig(join(home, 'config.json'), process.env);
    for (const problem of config.problems) log.warn(`config: ${problem}`);
    const ctx: HookContext = { db, log, home, env: process.env, now: Date.now(), config };
    return db.transaction(() => run(ctx)).immediate();
  } finally {
    db.close();
  }
}
