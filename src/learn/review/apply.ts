import type { Db } from '../../core/db.js';
import { KeiError, errorMessage } from '../../core/errors.js';
import type { Clearance } from '../../gate/grey-zone.js';
import { GuardBlockedError } from '../../gate/guard-blocked-error.js';
import type { MemoryStore } from '../../memory/store.js';
import type { ReviewOperation } from '../contracts.js';
import type { Judged } from './judge-proposals.js';

export type OpOutcome = 'applied' | 'duplicate' | 'blocked' | 'failed';

export interface AppliedOp {
  op: ReviewOperation;
  outcome: OpOutcome;
  detail?: string;
  memoryId?: string;
}

export const REVIEWER_SOURCE = 'reviewer';
const SOURCE = REVIEWER_SOURCE;

/** What the user and the tools said in the reviewed window, against which a proposal's origin is checked. */
export interface Provenance {
  userText: string;
  toolText: string;
}

/** Applies the reviewer's operations through the memory store (so every one is guarded) and records each outcome. */
export function applyOperations(
  db: Db,
  memory: MemoryStore,
  sessionId: string,
  ops: ReviewOperation[],
  provenance: Provenance,
  at: number,
  judged: Judged = new Map(),
): AppliedOp[] {
  const said = { userText: norm(provenance.userText), toolText: norm(provenance.toolText) };
  return ops.map((op) => {
    const applied = applyOne(memory, op, said, judged.get(op));
    db.prepare(
      'INSERT INTO review_ops (session_id, at, op, scope, content, old, outcome, detail, memory_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      sessionId,
      at,
      op.op,
      op.op === 'add' ? op.scope : null,
      'content' in op ? op.content : null,
      'old' in op ? op.old : null,
      applied.outcome,
      applied.detail ?? null,
      applied.memoryId ?? null,
    );
    return applied;
  });
}

function applyOne(memory: MemoryStore, op: ReviewOperation, provenance: Provenance, judged?: Clearance | GuardBlockedError): AppliedOp {
  try {
    if (op.op !== 'remove' && isFromToolsOnly(op.content, provenance))
      return { op, outcome: 'failed', detail: 'the text appears in tool output and not in anything the user wrote' };
    if (judged instanceof GuardBlockedError) throw judged;
    if (op.op === 'add') {
      const r = memory.add(op.content, { scope: op.scope, source: SOURCE, clearance: judged });
      return { op, outcome: r.duplicate ? 'duplicate' : 'applied', memoryId: r.memory.id };
    }
    if (op.op === 'replace')
      return {
        op,
        outcome: 'applied',
        memoryId: memory.replace({ oldText: op.old }, op.content, { source: SOURCE, clearance: judged }).after.id,
      };
    return { op, outcome: 'applied', memoryId: memory.remove({ oldText: op.old }, { source: SOURCE }).id };
  } catch (err) {
    if (err instanceof GuardBlockedError)
      return { op, outcome: 'blocked', detail: `${String(err.details.rule ?? 'guard')}: ${err.message}` };
    if (err instanceof KeiError) return { op, outcome: 'failed', detail: err.message };
    return { op, outcome: 'failed', detail: errorMessage(err) };
  }
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** `isFromToolsOnly` on the raw window: for callers that have not normalised it. */
export function fromToolsOnly(content: string, provenance: Provenance): boolean {
  return isFromToolsOnly(content, { userText: norm(provenance.userText), toolText: norm(provenance.toolText) });
}

/** A proposal copied from tool output (and never said by the user) is the classic self-instruction leak. `said` is normalised. */
function isFromToolsOnly(content: string, said: Provenance): boolean {
  const needle = norm(content);
  return needle.length >= 20 && said.toolText.includes(needle) && !said.userText.includes(needle);
}
