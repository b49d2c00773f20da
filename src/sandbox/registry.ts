import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import type { SandboxInfo } from './types.js';

const NAME = /^[a-z0-9][a-z0-9_-]{0,40}$/;

export function checkSandboxName(name: string): string {
  if (!NAME.test(name))
    throw new KeiError('invalid_sandbox_name', `sandbox name "${name}" must be 1-41 lowercase letters, digits, - or _`, {
      field: 'sandbox',
    });
  return name;
}

interface Row {
  name: string;
  backend: string;
  state: string;
  remote_id: string | null;
  created_at: number;
  last_used_at: number | null;
}
const toInfo = (r: Row): SandboxInfo => ({
  name: r.name,
  backend: r.backend,
  state: r.state,
  remoteId: r.remote_id,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

/** Named sandboxes of every backend, in kei.db. */
export class SandboxRecords {
  constructor(private readonly db: Db) {}

  upsert(name: string, backend: string, state: string, at: number, remoteId?: string | null): SandboxInfo {
    this.db
      .prepare(
        'INSERT INTO sandboxes (name, backend, state, remote_id, created_at, last_used_at) VALUES (?, ?, ?, ' +
          '?, ?, ?)\n      ON CONFLICT(name) DO UPDATE SET state = excluded.state, remote_id = ' +
          'coalesce(excluded.remote_id, remote_id), last_used_at = excluded.last_used_at',
      )
      .run(name, backend, state, remoteId ?? null, at, at);
    return this.get(name) as SandboxInfo;
  }

  get(name: string): SandboxInfo | undefined {
    const row = this.db.prepare('SELECT * FROM sandboxes WHERE name = ?').get(name) as Row | undefined;
    return row ? toInfo(row) : undefined;
  }

  list(backend?: string): SandboxInfo[] {
    const rows = (
      backend
        ? this.db.prepare('SELECT * FROM sandboxes WHERE backend = ? ORDER BY name').all(backend)
        : this.db.prepare('SELECT * FROM sandboxes ORDER BY name').all()
    ) as Row[];
    return rows.map(toInfo);
  }

  remove(name: string): void {
    this.db.prepare('DELETE FROM sandboxes WHERE name = ?').run(name);
  }
}
