import type { Db } from '../core/db.js';
import { cached } from '../core/db.js';

export interface EvidenceCall {
  turn: number | null;
  tool: string;
  input: string;
  ok: boolean;
  response: string;
}

/** What the ledger knows about one trajectory: the user's requests and the tool calls, in order. */
export interface TrajectoryEvidence {
  id: string;
  sessionId: string;
  prompts: { turn: number; text: string }[];
  calls: EvidenceCall[];
  completed: boolean;
}

export function loadEvidence(db: Db, trajectoryId: string): TrajectoryEvidence | undefined {
  const t = cached(db, 'SELECT id, session_id, first_turn, last_turn, completed FROM trajectories WHERE id = ?').get(trajectoryId) as
    { id: string; session_id: string; first_turn: number; last_turn: number; completed: number } | undefined;
  if (!t) return undefined;
  const prompts = (
    cached(db, 'SELECT turn_index, prompt FROM turns WHERE session_id = ? AND turn_index BETWEEN ? AND ? ORDER BY turn_index').all(
      t.session_id,
      t.first_turn,
      t.last_turn,
    ) as { turn_index: number; prompt: string | null }[]
  ).map((r) => ({ turn: r.turn_index, text: r.prompt ?? '' }));
  const calls = (
    cached(
      db,
      'SELECT turn_index, tool_name, input_summary, ok, response_summary FROM tool_calls WHERE session_id = ? ORDER BY at, id',
    ).all(t.session_id) as {
      turn_index: number | null;
      tool_name: string;
      input_summary: string | null;
      ok: number;
      response_summary: string | null;
    }[]
  ).map((r) => ({
    turn: r.turn_index,
    tool: r.tool_name,
    input: r.input_summary ?? '',
    ok: r.ok === 1,
    response: r.response_summary ?? '',
  }));
  return { id: t.id, sessionId: t.session_id, prompts, calls, completed: t.completed === 1 };
}

/** The evidence as the extractor reads it; long parts clipped, latest calls kept within the budget. */
export function renderEvidence(ev: TrajectoryEvidence, maxChars = 16_000): string {
  const lines: string[] = [`Trajectory ${ev.id} (${ev.completed ? 'completed' : 'not completed'}, ${ev.calls.length} tool calls)`];
  for (const p of ev.prompts) {
    lines.push(`\n[USER, turn ${p.turn}] ${clip(p.text, 800)}`);
    for (const c of ev.calls.filter((x) => x.turn === p.turn)) {
      lines.push(
        `  [${c.ok ? 'ok' : 'ERROR'}] ${c.tool} ${clip(c.input, 300)}${c.response ? `\n     → ${clip(c.response.replace(/\s+/g, ' '), 200)}` : ''}`,
      );
    }
  }
  const text = lines.join('\n');
  return text.length > maxChars ? `${text.slice(0, maxChars)}\n…(clipped)` : text;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
