import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CodexRolloutParser } from './codex-transcript.js';
import { GeminiChatParser } from './gemini-transcript.js';
import { TranscriptParser, type Trajectory } from './transcript.js';

type LineParser = { push(line: string): void; finish(): Trajectory };

const CODEX_TYPES = new Set(['session_meta', 'response_item', 'event_msg', 'turn_context', 'compacted']);

/**
 * Any agent's transcript, line by line, in the format its first JSON line shows: Codex rollout lines carry a
 * `payload`, Gemini CLI chat lines a top-level `content` or the `projectHash` metadata, Claude Code's a `message`.
 * Export and the reviewer read every session through it, whichever agent wrote it.
 */
export class AnyTranscriptParser implements LineParser {
  private parser: LineParser | undefined;
  private pending: string[] = [];

  push(line: string): void {
    if (!this.parser) this.parser = detect(line);
    if (!this.parser) {
      this.pending.push(line);
      return;
    }
    for (const held of this.pending.splice(0)) this.parser.push(held);
    this.parser.push(line);
  }

  finish(): Trajectory {
    const parser = this.parser ?? new TranscriptParser();
    for (const held of this.pending.splice(0)) parser.push(held);
    return parser.finish();
  }
}

function detect(line: string): LineParser | undefined {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!row || typeof row !== 'object') return undefined;
  // Claude Code starts a transcript with its prompt queue (`queue-operation` lines with a `content`): says nothing yet.
  if (row.type === 'queue-operation') return undefined;
  if ('payload' in row && CODEX_TYPES.has(String(row.type))) return new CodexRolloutParser();
  if ('projectHash' in row || ('content' in row && !('message' in row)) || Array.isArray(row.messages)) return new GeminiChatParser();
  return new TranscriptParser();
}

/** Streams a transcript file of any agent into a trajectory. */
export async function parseAnyTranscriptFile(path: string): Promise<Trajectory> {
  const parser = new AnyTranscriptParser();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) parser.push(line);
  return parser.finish();
}
