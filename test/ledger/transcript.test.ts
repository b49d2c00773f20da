import { describe, expect, it } from 'vitest';
import { parseTranscriptText } from '../../src/ledger/transcript.js';

const lines = [
  { type: 'summary', summary: 'ignored' },
  { type: 'user', sessionId: 's1', cwd: '/p', message: { role: 'user', content: 'list files' } },
  { type: 'assistant', message: { id: 'm1', role: 'assistant', model: 'claude-x', content: [{ type: 'text', text: 'Sure.' }] } },
  {
    type: 'assistant',
    message: { id: 'm1', role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'ls' } }] },
  },
  { type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'a\nb', is_error: false }] } },
  { type: 'assistant', isSidechain: true, message: { id: 'm9', content: [{ type: 'text', text: 'sub-agent work' }] } },
  { type: 'assistant', message: { id: 'm2', content: [{ type: 'text', text: 'Two files.' }] } },
  { type: 'future-type', anything: true },
].map((l) => JSON.stringify(l));

describe('transcript parser', () => {
  it('merges one response, joins results to calls, keeps sidechains apart, skips unknown lines', () => {
    const t = parseTranscriptText(`${lines.join('\n')}\n{"type":"assistant","message":{"id":"m3","cont`);
    expect(t.sessionId).toBe('s1');
    expect(t.model).toBe('claude-x');
    expect(t.steps).toHaveLength(3);
    expect(t.steps[1]).toMatchObject({
      role: 'assistant',
      text: 'Sure.',
      toolCalls: [{ id: 't1', name: 'Bash', result: { content: 'a\nb', isError: false } }],
    });
    expect(t.sidechain).toHaveLength(1);
    expect(t.skippedLines).toBe(1);
  });
});
