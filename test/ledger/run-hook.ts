import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/db.js';
import { BIN } from '../helpers/temp.js';

/** Runs the real hook binary once, as Claude Code does: one event as JSON on stdin. */
export function runHook(home: string, event: string, payload: object): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [BIN.hook, event], {
    input: JSON.stringify(payload),
    env: { ...process.env, KEI_HOME: home },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout };
}

/** Every text value in every table of kei.db (what any query could read back), one string per value. */
export function everyStoredText(home: string): string[] {
  const db = openDatabase(join(home, 'kei.db'));
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const texts: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const v of Object.values(row)) if (typeof v === 'string') texts.push(v);
      }
    }
    return texts;
  } finally {
    db.close();
  }
}

/** The data home's database files as they lie on disk (main file, WAL, shared memory), as text. */
export function rawDatabaseBytes(home: string): string {
  return ['kei.db', 'kei.db-wal', 'kei.db-shm']
    .map((f) => join(home, f))
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

/** Every log file under KEI_HOME/logs. */
export function allLogs(home: string): string {
  const dir = join(home, 'logs');
  return existsSync(dir)
    ? readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n')
    : '';
}
