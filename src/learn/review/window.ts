import { existsSync, readFileSync } from 'node:fs';
import { redactSecrets } from '../../guard/redact.js';
import { stripPrivate } from '../../ledger/private.js';
import { AnyTranscriptParser } from '../../ledger/any-transcript.js';
import type { Step } from '../../ledger/transcript.js';
import { clip } from '../evidence.js';

export interface ReviewWindow {
  /** The conversation since the cursor, rendered for the reviewer prompt (latest part kept when long). */
  text: string;
  /** What the user typed in that window (for provenance checks). */
  userText: string;
  /** What tools returned in that window (for provenance checks). */
  toolText: string;
  /** Transcript lines read in total: the next cursor. */
  lines: number;
}

const HIDDEN = /<(system-reminder|local-command-stdout|local-command-stderr|command-message)>[\s\S]*?<\/\1>/g;

/** Reads an agent's transcript (Claude Code, Codex, Gemini CLI) from line `cursor` on; private sections and secrets never leave this function. */
export function readReviewWindow(path: string, cursor: number, maxChars: number): ReviewWindow | undefined {
  if (!existsSync(path)) return undefined;
  const all = readFileSync(path, 'utf8').split('\n');
  const lines = all[all.length - 1] === '' ? all.length - 1 : all.length;
  const parser = new AnyTranscriptParser();
  for (const line of all.slice(cursor, lines)) parser.push(line);
  const steps = parser.finish().steps;
  const parts = steps.map(render);
  const userText = steps
    .filter((s) => s.role === 'user')
    .map((s) => clean(s.text))
    .join('\n');
  const toolText = steps.flatMap((s) => (s.role === 'assistant' ? s.toolCalls.map((c) => c.result?.content ?? '') : [])).join('\n');
  return { text: keepLatest(parts, maxChars), userText, toolText, lines };
}

function render(step: Step): string {
  if (step.role === 'user') return `[USER]\n${clean(step.text)}`;
  const calls = step.toolCalls.map((c) => {
    const input = clip(clean(JSON.stringify(c.input) ?? ''), 300);
    const result = c.result
      ? `\n  (tool output, not the user's words${c.result.isError ? ', an error' : ''}): ${clip(clean(c.result.content), 400)}`
      : '';
    return `[TOOL CALL ${c.name}] ${input}${result}`;
  });
  return [step.text ? `[ASSISTANT]\n${clip(clean(step.text), 1500)}` : '', ...calls].filter(Boolean).join('\n');
}

function clean(text: string): string {
  return redactSecrets(stripPrivate(text.replace(HIDDEN, ''))).trim();
}

function keepLatest(parts: string[], maxChars: number): string {
  const kept: string[] = [];
  let size = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!parts[i]) continue;
    if (size + parts[i].length > maxChars && kept.length > 0) break;
    kept.unshift(parts[i].slice(-maxChars));
    size += parts[i].length + 2;
  }
  return kept.join('\n\n');
}
