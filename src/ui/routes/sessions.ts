import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportTrajectories } from '../../export/export.js';
import { redactSecrets } from '../../guard/redact.js';
import type { Kit } from '../../kit.js';
import { sessionTimeline } from '../../ledger/dashboard.js';
import { ledgerRows, sessionStats } from '../../ledger/queries.js';
import { Download } from '../http-io.js';
import type { Route } from '../router.js';

/** Sessions: the list, one session's timeline, and its ShareGPT export. */
export function sessionRoutes(kit: Kit): Route[] {
  return [
    { method: 'GET', path: '/api/sessions', handler: () => ({ sessions: ledgerRows(kit.db, 'sessions', { limit: 300 }) }) },
    {
      method: 'GET',
      path: '/api/sessions/:id',
      handler: ({ params }) => ({
        session: ledgerRows(kit.db, 'sessions', { session: params.id })[0],
        stats: sessionStats(kit.db, params.id)[0],
        timeline: sessionTimeline(kit.db, params.id),
      }),
    },
    { method: 'GET', path: '/api/sessions/:id/export', handler: ({ params }) => exportOne(kit, params.id) },
  ];
}

/** One session as ShareGPT JSONL (the export redacts already; redacting again costs little and keeps the rule of the page). */
async function exportOne(kit: Kit, id: string): Promise<Download> {
  ledgerRows(kit.db, 'sessions', { session: id });
  const dir = mkdtempSync(join(tmpdir(), 'kei-ui-export-'));
  try {
    const out = join(dir, 'session.jsonl');
    const { written } = await exportTrajectories(kit.db, { session: id, out });
    const text = written > 0 ? readFileSync(out, 'utf8') : '';
    return new Download(`session-${id}.jsonl`, 'application/x-ndjson; charset=utf-8', redactSecrets(text));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
