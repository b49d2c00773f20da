import type { Step, ToolCallStep, Trajectory } from './transcript.js';

interface ChatRecord {
  sessionId?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  content?: unknown;
  model?: string;
  toolCalls?: { id?: string; name?: string; args?: unknown; result?: unknown; status?: string }[];
  messages?: ChatRecord[];
}

/** Gemini CLI's own blocks sent as user messages (`<session_context>`): not the user's words. */
const HARNESS_TEXT = /^\s*<[a-z_]+>/;

/**
 * Gemini CLI's chat log (`~/.gemini/tmp/<project>/chats/session-*.jsonl`): a metadata line (sessionId), then one
 * line per message (`user`, `gemini` with `toolCalls`, `info`, `error`), a later line with the same id replacing the
 * earlier one, and `$set` lines for metadata or a snapshot of the history. Older versions wrote one JSON object with a `messages` array.
 */
export class GeminiChatParser {
  private t: Trajectory = { steps: [], sidechain: [], skippedLines: 0 };
  private messages = new Map<string, ChatRecord>();

  push(raw: string): void {
    if (raw.trim() === '') return;
    let record: ChatRecord & { $set?: unknown };
    try {
      record = JSON.parse(raw) as ChatRecord & { $set?: unknown };
    } catch {
      this.t.skippedLines++;
      return;
    }
    if (record.$set !== undefined) {
      // `$set.messages` is a snapshot of the history (Gemini's session context first; again on resume, in the API's
      // shape): it adds what is not known yet and never replaces the records, which carry the tool calls.
      const set = record.$set as { messages?: unknown };
      for (const m of Array.isArray(set.messages) ? (set.messages as ChatRecord[]) : [])
        if (m?.id && m.type && !this.messages.has(m.id)) this.messages.set(m.id, m);
      return;
    }
    this.t.sessionId ??= record.sessionId;
    for (const message of Array.isArray(record.messages) ? record.messages : [record])
      if (message.type && message.id) this.messages.set(message.id, message);
  }

  finish(): Trajectory {
    for (const m of this.messages.values()) {
      const at = m.timestamp;
      if (m.type === 'user') {
        const text = partsText(m.content);
        if (text && !HARNESS_TEXT.test(text)) this.t.steps.push({ role: 'user', text, at });
      } else if (m.type === 'gemini') {
        this.t.model ??= m.model;
        if (!partsText(m.content) && !m.toolCalls?.length) continue;
        const step: Step = {
          role: 'assistant',
          messageId: m.id as string,
          text: partsText(m.content),
          toolCalls: (m.toolCalls ?? []).map(toolCall),
          model: m.model,
          at,
        };
        this.t.steps.push(step);
      }
    }
    this.messages.clear();
    return this.t;
  }
}

function toolCall(c: NonNullable<ChatRecord['toolCalls']>[number]): ToolCallStep {
  const call: ToolCallStep = { id: c.id ?? '', name: c.name ?? 'unknown', input: c.args };
  if (c.result !== undefined || c.status) call.result = { content: resultText(c.result), isError: c.status === 'error' };
  return call;
}

/** A tool result is a list of parts whose functionResponse carries `output` or `error`. */
function resultText(result: unknown): string {
  const parts = Array.isArray(result) ? result : [result];
  return parts
    .map((p) => {
      const r = (p as { functionResponse?: { response?: { output?: unknown; error?: unknown } } } | undefined)?.functionResponse?.response;
      const value = r?.output ?? r?.error ?? (p as { text?: unknown } | undefined)?.text;
      return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
    })
    .filter(Boolean)
    .join('\n');
}

function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p) => (typeof p === 'string' ? p : typeof (p as { text?: unknown })?.text === 'string' ? (p as { text: string }).text : ''))
    .filter(Boolean)
    .join('\n');
}
