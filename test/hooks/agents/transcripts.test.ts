import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnyTranscriptFile } from '../../../src/ledger/any-transcript.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

describe('transcripts of other agents', () => {
  it("reads a Codex rollout: the user's words without Codex's own blocks, shell and apply_patch calls with results, a non-zero exit as an error", async () => {
    const t = await parseAnyTranscriptFile(fixture('codex-rollout.jsonl'));
    expect(t).toMatchObject({ sessionId: '01a25248-186d', cwd: '/work/project', model: 'gpt-test', skippedLines: 0 });
    expect(t.steps.map((s) => s.role)).toEqual(['user', 'assistant']);
    expect(t.steps[0]).toMatchObject({ role: 'user', text: 'How do we deploy?' });
    const answer = t.steps[1];
    if (answer.role !== 'assistant') throw new Error('expected the assistant');
    expect(answer.text).toBe('Deploy with fly deploy.');
    expect(answer.toolCalls.map((c) => [c.name, c.result?.isError])).toEqual([
      ['exec_command', false],
      ['exec_command', true],
      ['apply_patch', false],
    ]);
    expect(answer.toolCalls[0].input).toEqual({ cmd: 'ls deploy' });
    expect(answer.toolCalls[1].result?.content).toContain('No such file');
  });

  it('reads a Gemini CLI chat log: a rewritten message replaces the earlier one, tool results and errors from functionResponse', async () => {
    const t = await parseAnyTranscriptFile(fixture('gemini-chat.jsonl'));
    expect(t).toMatchObject({ sessionId: 'gem-session-1', model: 'gemini-2.5-pro', skippedLines: 0 });
    expect(t.steps.map((s) => s.role)).toEqual(['user', 'assistant', 'assistant']);
    expect(t.steps[0]).toMatchObject({ text: 'How do we deploy?' });
    const calls = t.steps[1].role === 'assistant' ? t.steps[1].toolCalls : [];
    expect(calls.map((c) => [c.name, c.result])).toEqual([
      ['run_shell_command', { content: 'fly.toml', isError: false }],
      ['read_file', { content: 'File not found: notes.txt', isError: true }],
    ]);
    expect(t.steps[2]).toMatchObject({ role: 'assistant', text: 'Deploy with fly deploy.' });
  });
});
