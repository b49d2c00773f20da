import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Db } from '../core/db.js';
import { parseAnyTranscriptFile } from '../ledger/any-transcript.js';
import { toShareGpt } from './sharegpt.js';

export interface ExportOptions {
  since?: number;
  session?: string;
  completedOnly?: boolean;
  /** Where to write JSONL; stdout when absent. */
  out?: string;
  onProgress?: (done: number, total: number) => void;
}

interface Row {
  session_id: string;
  completed: number;
  client: string;
  model: string | null;
  started_at: number | null;
  transcript_path: string | null;
}

/**
 * Writes one JSON line per trajectory, one at a time (a transcript is parsed, written and dropped
 * before the next is read), so memory stays flat however many sessions there are.
 */
export async function exportTrajectories(db: Db, options: ExportOptions): Promise<{ written: number; skipped: number }> {
  const rows = db
    .prepare(
      `SELECT t.session_id, t.completed, s.client, s.model, s.started_at, s.transcript_path FROM trajectories t JOIN sessions s ON s.id = t.session_id
    WHERE (? IS NULL OR s.started_at >= ?) AND (? IS NULL OR t.session_id = ?) AND (? = 0 OR t.completed = 1) ORDER BY s.started_at`,
    )
    .all(
      options.since ?? null,
      options.since ?? null,
      options.session ?? null,
      options.session ?? null,
      options.completedOnly ? 1 : 0,
    ) as Row[];
  const out: WriteStream | NodeJS.WriteStream = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : process.stdout;
  let written = 0;
  let skipped = 0;
  for (const [i, row] of rows.entries()) {
    if (!row.transcript_path || !existsSync(row.transcript_path)) {
      skipped++;
      continue;
    }
    const trajectory = await parseAnyTranscriptFile(row.transcript_path);
    const tools = (
      db.prepare('SELECT DISTINCT tool_name FROM tool_calls WHERE session_id = ? ORDER BY tool_name').all(row.session_id) as {
        tool_name: string;
      }[]
    ).map((r) => r.tool_name);
    const record = toShareGpt(trajectory, {
      index: i,
      completed: row.completed === 1,
      session: row.session_id,
      client: row.client,
      model: row.model,
      startedAt: row.started_at,
      toolsAvailable: tools,
    });
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    written++;
    options.onProgress?.(i + 1, rows.length);
  }
  if (options.out) await new Promise<void>((resolve) => (out as WriteStream).end(resolve));
  return { written, skipped };
}
