import type { Step, ToolCallStep, Trajectory } from './transcript.js';

interface RolloutLine {
  timestamp?: string;
  type?: string;
  payload?: Record<string, unknown>;
}

/** Text blocks Codex itself puts in user messages (environment, AGENTS.md, skills): not the user's words. */
const HARNESS_TEXT = /^\s*(<[a-z_]+>|# AGENTS\.md)/;
const FAILED_EXIT = /(Process exited with code|^Exit code:) *(?!0\b)\d+/m;

/**
 * Codex CLI's rollout (`~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl`): `session_meta` (id, cwd, cli_version),
 * `turn_context` (model), and `response_item` lines: user and assistant messages, `function_call` /
 * `custom_tool_call` (apply_patch) and their `*_output` joined by call_id. A non-zero exit in the output is an error.
 */
export class CodexRolloutParser {
  private t: Trajectory = { steps: [], sidechain: [], skippedLines: 0 };
  private calls = new Map<string, ToolCallStep>();

  push(raw: string): void {
    if (raw.trim() === '') return;
    let line: RolloutLine;
    try {
      line = JSON.parse(raw) as RolloutLine;
    } catch {
      this.t.skippedLines++;
      return;
    }
    const p = line.payload ?? {};
    if (line.type === 'session_meta') {
      this.t.sessionId ??= str(p.id);
      this.t.cwd ??= str(p.cwd);
    } else if (line.type === 'turn_context') this.t.model ??= str(p.model);
    else if (line.type === 'response_item') this.item(p, line.timestamp);
  }

  finish(): Trajectory {
    return this.t;
  }

  private item(p: Record<string, unknown>, at?: string): void {
    const type = str(p.type);
    if (type === 'message' && p.role === 'user') {
      const text = texts(p.content)
        .filter((s) => !HARNESS_TEXT.test(s))
        .join('\n');
      if (text) this.t.steps.push({ role: 'user', text, at });
    } else if (type === 'message' && p.role === 'assistant') this.assistant(at).text += texts(p.content).join('\n');
    else if (type === 'function_call' || type === 'custom_tool_call') {
      const call: ToolCallStep = { id: str(p.call_id) ?? '', name: str(p.name) ?? 'unknown', input: input(p.arguments ?? p.input) };
      this.assistant(at).toolCalls.push(call);
      this.calls.set(call.id, call);
    } else if (type === 'function_call_output' || type === 'custom_tool_call_output') {
      const call = this.calls.get(str(p.call_id) ?? '');
      const content = outputText(p.output);
      if (call) call.result = { content, isError: FAILED_EXIT.test(content.slice(0, 300)) };
    }
  }

  /** The assistant step to add to: the last one unless a user message came after it. */
  private assistant(at?: string): Extract<Step, { role: 'assistant' }> {
    const last = this.t.steps[this.t.steps.length - 1];
    if (last?.role === 'assistant') return last;
    const step = {
      role: 'assistant' as const,
      messageId: `codex-${this.t.steps.length}`,
      text: '',
      toolCalls: [],
      model: this.t.model,
      at,
    };
    this.t.steps.push(step);
    return step;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function texts(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.map((b) => (b && typeof b === 'object' ? str((b as { text?: unknown }).text) : undefined)).filter((s): s is string => !!s);
}

/** Function-call arguments are a JSON string; apply_patch's input is the patch text. */
function input(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  const o = output as { content?: unknown } | undefined;
  return typeof o?.content === 'string' ? o.content : texts(o?.content).join('\n') || JSON.stringify(output ?? '');
}
