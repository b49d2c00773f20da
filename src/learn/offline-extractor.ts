import { clip, type EvidenceCall, type TrajectoryEvidence } from './evidence.js';
import { words } from './fingerprint.js';

/**
 * A draft skill built from the ledger alone, for when no model is available: the user's request as
 * the overview, the successful tool sequence as the steps, the errors met as pitfalls.
 */
export function offlineSkillMd(ev: TrajectoryEvidence): string {
  const request = ev.prompts.find((p) => p.text.trim())?.text.trim() ?? 'a recorded session';
  const name = nameFrom(request);
  const tools = [...new Set(ev.calls.filter((c) => c.ok).map((c) => c.tool))];
  const description = clip(
    `Use when asked to ${oneLine(request).replace(/[.!?]+$/, '')}. Replays the steps of a session that did it (${tools.join(', ')}).`,
    1000,
  );
  const body = [
    `# ${title(name)}`,
    '',
    '## Overview',
    '',
    `Recorded from session ${ev.sessionId}, where the user asked:`,
    '',
    quote(request),
    '',
    '## Process',
    '',
    ...steps(ev.calls),
    '',
    '## Pitfalls',
    '',
    ...pitfalls(ev.calls),
    '',
    '## Examples',
    '',
    ...examples(ev),
    '',
  ].join('\n');
  return `---\nname: ${name}\ndescription: ${JSON.stringify(description)}\nmetadata:\n  category: learned\n---\n\n${body}`;
}

function nameFrom(request: string): string {
  const picked = words(request)
    .filter((w) => /^[a-z]/.test(w))
    .slice(0, 4)
    .map((w) => w.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''));
  const name = picked.filter(Boolean).join('-').slice(0, 60).replace(/-+$/, '');
  return name || 'recorded-procedure';
}

function title(name: string): string {
  return name
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

function steps(calls: EvidenceCall[]): string[] {
  const out: string[] = [];
  let last = '';
  for (const c of calls.filter((x) => x.ok)) {
    const line = `\`${c.tool}\` ${describeInput(c.input)}`;
    if (line === last) continue;
    last = line;
    out.push(`${out.length + 1}. ${line}`);
    if (out.length === 20) break;
  }
  return out.length > 0 ? out : ['1. (no successful tool call was recorded)'];
}

function pitfalls(calls: EvidenceCall[]): string[] {
  const errors = calls.filter((c) => !c.ok).slice(0, 8);
  if (errors.length === 0) return ['- No errors were met in the source session; check results before moving on.'];
  return errors.map((c) => `- \`${c.tool}\` ${describeInput(c.input)} failed: ${clip(oneLine(c.response), 160) || 'no output'}`);
}

function examples(ev: TrajectoryEvidence): string[] {
  return ev.prompts
    .slice(0, 4)
    .map((p) => `- Turn ${p.turn}: "${clip(oneLine(p.text), 160)}" (${ev.calls.filter((c) => c.turn === p.turn).length} tool calls)`);
}

function describeInput(input: string): string {
  try {
    const value = JSON.parse(input) as Record<string, unknown>;
    const main = value.command ?? value.file_path ?? value.path ?? value.pattern ?? value.skill ?? value.url ?? value.content;
    if (typeof main === 'string') return `\`${clip(oneLine(main), 120).replace(/`/g, "'")}\``;
  } catch {
    // Not JSON (clipped by the ledger): fall through to the raw text.
  }
  return clip(oneLine(input), 120);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return clip(text, 600)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}
