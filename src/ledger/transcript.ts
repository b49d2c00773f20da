import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ToolCallStep {
  id: string;
  name: string;
  input: unknown;
  result?: { content: string; isError: boolean };
}

export type Step =
  | { role: 'user'; text: string; at?: string }
  | { role: 'assistant'; messageId: string; text: string; toolCalls: ToolCallStep[]; model?: string; at?: string };

export interface Trajectory {
  sessionId?: string;
  cwd?: string;
  model?: string;
  /** The main conversation, in order. */
  steps: Step[];
  /** Sub-agent conversations (isSidechain), kept apart from the main one. */
  sidechain: Step[];
  skippedLines: number;
}

interface Line {
  type?: string;
  isSidechain?: boolean;
  sessionId?: string;
  cwd?: string;
  timestamp?: string;
  message?: { id?: string; role?: string; model?: string; content?: unknown };
}

/** Parses a Claude Code transcript (JSONL) into a normalised trajectory. Streams; tolerant of partial last lines. */
export async function parseTranscriptFile(path: string): Promise<Trajectory> {
  const parser = new TranscriptParser();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) parser.push(line);
  return parser.finish();
}

export function parseTranscriptText(text: string): Trajectory {
  const parser = new TranscriptParser();
  for (const line of text.split('\n')) parser.push(line);
  return parser.finish();
}

/** Line-by-line: unknown types skipped, lines of one API response merged, tool results joined by id. */
export class TranscriptParser {
  private t: Trajectory = { steps: [], sidechain: [], skippedLines: 0 };
  private calls = new Map<string, ToolCallStep>();

  push(raw: string): void {
    if (raw.trim() === '') return;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      this.t.skippedLines++;
      return;
    }
    if (line.type !== 'user' && line.type !== 'assistant') return;
    this.t.sessionId ??= line.sessionId;
    this.t.cwd ??= line.cwd;
    const steps = line.isSidechain ? this.t.sidechain : this.t.steps;
    if (line.type === 'assistant') this.assistant(line, steps);
    else this.user(line, steps);
  }

  finish(): Trajectory {
    return this.t;
  }

  private assistant(line: Line, steps: Step[]): void {
    const msg = line.message ?? {};
    this.t.model ??= msg.model;
    const id = msg.id ?? `anon-${steps.length}`;
    const last = steps[steps.length - 1];
    const step =
      last && last.role === 'assistant' && last.messageId === id
        ? last
        : { role: 'assistant' as const, messageId: id, text: '', toolCalls: [], model: msg.model, at: line.timestamp };
    if (step !== last) steps.push(step);
    for (const block of blocks(msg.content)) {
      if (block.type === 'text' && typeof block.text === 'string') step.text += (step.text ? '\n' : '') + block.text;
      if (block.type === 'tool_use') {
        const call: ToolCallStep = { id: String(block.id), name: String(block.name), input: block.input };
        step.toolCalls.push(call);
        this.calls.set(call.id, call);
      }
    }
  }

  private user(line: Line, steps: Step[]): void {
    const content = line.message?.content;
    if (typeof content === 'string') {
      steps.push({ role: 'user', text: content, at: line.timestamp });
      return;
    }
    const texts: string[] = [];
    for (const block of blocks(content)) {
      if (block.type === 'tool_result') {
        const call = this.calls.get(String(block.tool_use_id));
        if (call) call.result = { content: resultText(block.content), isError: block.is_error === true };
      } else if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
    }
    if (texts.length > 0) steps.push({ role: 'user', text: texts.join('\n'), at: line.timestamp });
  }
}

function blocks(content: unknown): Record<string, unknown>[] {
  return Array.isArray(content) ? (content.filter((b) => b && typeof b === 'object') as Record<string, unknown>[]) : [];
}

function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  return blocks(content)
    .map((b) => (typeof b.text === 'string' ? b.text : `[${String(b.type)}]`))
    .join('\n');
}
