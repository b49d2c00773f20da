import type { Db } from '../core/db.js';

export interface VersionRow {
  id: number;
  skill_name: string;
  folder: string;
  file: string;
  version: number;
  content: string | null;
  action: string;
  source: string;
  created_at: number;
}

/**
 * Every state of every file a write touched, numbered per skill folder. A file's first change also
 * stores what it was before (`baseline`), so any version, including the original, can be restored.
 */
export class SkillVersions {
  constructor(private readonly db: Db) {}

  record(entry: {
    skill: string;
    folder: string;
    file: string;
    before: string | null;
    after: string | null;
    action: string;
    source: string;
    at: number;
  }): number {
    return this.db
      .transaction(() => {
        const tracked = this.db.prepare('SELECT 1 FROM skill_versions WHERE folder = ? AND file = ? LIMIT 1').get(entry.folder, entry.file);
        if (!tracked && entry.action !== 'create') this.insert({ ...entry, content: entry.before, action: 'baseline' });
        return this.insert({ ...entry, content: entry.after, action: entry.action });
      })
      .immediate();
  }

  list(folder: string): VersionRow[] {
    return this.db.prepare('SELECT * FROM skill_versions WHERE folder = ? ORDER BY version').all(folder) as VersionRow[];
  }

  latest(folder: string): number {
    const row = this.db.prepare('SELECT max(version) AS v FROM skill_versions WHERE folder = ?').get(folder) as { v: number | null };
    return row.v ?? 0;
  }

  /** Content of each tracked file as of version `n` (null: the file did not exist then). */
  stateAt(folder: string, n: number): Map<string, string | null> {
    const state = new Map<string, string | null>();
    const rows = this.list(folder);
    for (const file of new Set(rows.map((r) => r.file))) {
      const ofFile = rows.filter((r) => r.file === file);
      const atOrBefore = ofFile.filter((r) => r.version <= n).pop();
      state.set(file, atOrBefore ? atOrBefore.content : firstKnown(ofFile));
    }
    return state;
  }

  private insert(e: {
    skill: string;
    folder: string;
    file: string;
    content: string | null;
    action: string;
    source: string;
    at: number;
  }): number {
    const version = this.latest(e.folder) + 1;
    this.db
      .prepare(
        'INSERT INTO skill_versions (skill_name, folder, file, version, content, action, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(e.skill, e.folder, e.file, version, e.content, e.action, e.source, e.at);
    return version;
  }
}

/** Before its first tracked change a file was as its baseline says; created files did not exist. */
function firstKnown(rows: VersionRow[]): string | null {
  const first = rows[0];
  return first.action === 'baseline' ? first.content : null;
}
