import { sanitizeForLedger } from '../ledger/private.js';
import type { Step, Trajectory } from '../ledger/transcript.js';

export interface ShareGptRecord {
  conversations: { from: 'system' | 'human' | 'gpt' | 'tool'; value: string }[];
  tool_stats: Record<string, { count: number; success: number; failure: number }>;
  prompt_index: number;
  completed: boolean;
  metadata: { session: string; client: string; model: string | null; started_at: string | null };
}

export interface RecordMeta {
  index: number;
  completed: boolean;
  session: string;
  client: string;
  model: string | null;
  startedAt: number | null;
  toolsAvailable: string[];
}

const clean = (text: string) => sanitizeForLedger(text, Number.MAX_SAFE_INTEGER);

/**
 * One trajectory as a ShareGPT record: each assistant message becomes a `gpt` turn carrying its text
 * and `<tool_call>` blocks, followed by one `tool` turn with exactly one `<tool_response>` per call.
 * Private sections and secrets are redacted everywhere.
 */
export function toShareGpt(t: Trajectory, meta: RecordMeta): ShareGptRecord {
  const conversations: ShareGptRecord['conversations'] = [
    { from: 'system', value: `Tools available: ${meta.toolsAvailable.join(', ') || 'none'}` },
  ];
  const stats: ShareGptRecord['tool_stats'] = {};
  for (const step of t.steps) conversations.push(...turnsOf(step, stats));
  return {
    conversations,
    tool_stats: stats,
    prompt_index: meta.index,
    completed: meta.completed,
    metadata: {
      session: meta.session,
      client: meta.client,
      model: meta.model ?? t.model ?? null,
      started_at: meta.startedAt ? new Date(meta.startedAt).toISOString() : null,
    },
  };
}

function turnsOf(step: Step, stats: ShareGptRecord['tool_stats']): ShareGptRecord['conversations'] {
  if (step.role === 'user') return step.text.trim() ? [{ from: 'human', value: clean(step.text) }] : [];
  const calls = step.toolCalls.map((c) => `<tool_call>${JSON.stringify({ name: c.name, arguments: c.input ?? {} })}</tool_call>`);
  const out: ShareGptRecord['conversations'] = [{ from: 'gpt', value: clean([step.text, ...calls].filter(Boolean).join('\n')) }];
  if (step.toolCalls.length === 0) return out;
  const responses = step.toolCalls.map((c) => {
    const s = (stats[c.name] ??= { count: 0, success: 0, failure: 0 });
    s.count++;
    if (c.result && !c.result.isError) s.success++;
    else s.failure++;
    const content = c.result ? c.result.content : '(no result was recorded)';
    return `<tool_response>${JSON.stringify({ tool_call_id: c.id, name: c.name, content })}</tool_response>`;
  });
  out.push({ from: 'tool', value: clean(responses.join('\n')) });
  return out;
}
