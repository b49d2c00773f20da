import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { FIELD_LIMITS } from '../../src/ledger/bounds.js';
import { tempDir } from '../helpers/temp.js';
import { everyStoredText, runHook } from './run-hook.js';

/** A field of `n` characters with NUL bytes scattered through it, as a hostile or broken client might send. */
const huge = (tag: string, n: number) => `${tag}\u0000${'x'.repeat(n)}\u0000${tag}-end`;

/** The database's size with everything written into the main file (the WAL checkpointed away). */
function databaseBytes(home: string): number {
  const db = openDatabase(join(home, 'kei.db'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(join(home, 'kei.db')).size;
}

/** One session's worth of events (20), every id, name, path and text field in them `size` characters long. */
function sessionEvents(size: number): [string, object][] {
  const base = { session_id: huge('session', size), cwd: huge('/work/cwd', size), transcript_path: huge('/tmp/t.jsonl', size / 2) };
  const call = (i: number) => ({
    ...base,
    tool_name: huge(`Tool${i}`, size / 2),
    tool_use_id: huge(`toolu_${i}`, size / 2),
    agent_id: huge('agent', size / 4),
    tool_input: { command: huge('cmd', size) },
    tool_response: { stdout: huge('out', size) },
  });
  return [
    ['SessionStart', { ...base, model: huge('model', size / 2), source: 'startup' }],
    ['UserPromptSubmit', { ...base, prompt: huge('prompt', size * 2) }],
    ['UserPromptExpansion', { ...base, command_name: huge('/skill', size / 2), expansion_type: 'slash_command' }],
    ...Array.from({ length: 12 }, (_, i): [string, object] => ['PostToolUse', call(i)]),
    ['PostToolUse', { ...call(12), tool_name: 'Skill', tool_input: { skill: huge('skill', size / 2) } }],
    ['PostToolUseFailure', { ...call(13), error: huge('error', size) }],
    ['PreCompact', { ...base, trigger: huge('trigger', size) }],
    ['Stop', base],
    ['SessionEnd', { ...base, reason: huge('reason', size) }],
  ];
}

describe('ledger field bounds', () => {
  it('20 events with 100–300 KB ids, names, paths and texts full of NUL bytes leave a small, clean database and one coherent session', () => {
    const home = tempDir('kei-bounds-');
    const events = sessionEvents(100_000);
    expect(events).toHaveLength(20);
    for (const [event, payload] of events) expect(runHook(home, event, payload).code).toBe(0);

    // ~7 MB of input (it used to add 6.5 MB); an empty kei.db is ~220 KB and each event adds a few KB.
    expect(databaseBytes(home)).toBeLessThan(512 * 1024);
    const texts = everyStoredText(home);
    expect(texts.filter((t) => t.includes('\u0000'))).toEqual([]);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(FIELD_LIMITS.path + 40);

    // Every event still found its session: one row, its prompt, its calls, its skill uses, its end.
    const db = openDatabase(join(home, 'kei.db'));
    const sessions = db.prepare('SELECT id, cwd, user_turns, end_reason, ended_at FROM sessions').all() as {
      id: string;
      cwd: string;
      user_turns: number;
      end_reason: string;
      ended_at: number | null;
    }[];
    expect(sessions).toHaveLength(1);
    const [s] = sessions;
    expect(s.id.length).toBeLessThanOrEqual(FIELD_LIMITS.id);
    expect(s.id.startsWith('sessionxxx')).toBe(true);
    expect(s.cwd.startsWith('/work/cwdxxx')).toBe(true);
    expect(s.user_turns).toBe(1);
    expect(s.ended_at).not.toBeNull();
    expect(s.end_reason.length).toBeLessThanOrEqual(FIELD_LIMITS.label + 40);
    const calls = db
      .prepare(
        'SELECT count(*) AS n, count(DISTINCT session_id) AS sessions, max(length(tool_name)) AS name, max(length(tool_use_id)) AS id FROM tool_calls',
      )
      .get();
    expect(calls).toEqual({ n: 14, sessions: 1, name: FIELD_LIMITS.id, id: FIELD_LIMITS.id });
    const skills = db
      .prepare('SELECT source, length(skill_name) AS name, session_id = ? AS same FROM skill_invocations ORDER BY source')
      .all(s.id);
    expect(skills).toEqual([
      { source: 'skill-tool', name: FIELD_LIMITS.id, same: 1 },
      { source: 'slash-command', name: FIELD_LIMITS.id, same: 1 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM trajectories WHERE session_id = ?').get(s.id)).toEqual({ n: 1 });
    db.close();
  }, 180_000);

  it('two long ids that differ only past the limit stay two sessions', () => {
    const home = tempDir('kei-bounds-');
    const prefix = 's'.repeat(5000);
    for (const id of [`${prefix}-a`, `${prefix}-b`])
      expect(runHook(home, 'UserPromptSubmit', { session_id: id, prompt: 'hi' }).code).toBe(0);
    const db = openDatabase(join(home, 'kei.db'));
    expect(db.prepare('SELECT count(*) AS n FROM sessions WHERE user_turns = 1').get()).toEqual({ n: 2 });
    db.close();
  }, 60_000);

  it('normal events are stored as sent, with only their NUL bytes removed', () => {
    const home = tempDir('kei-bounds-');
    const base = {
      session_id: '0b6f3e2a-5c1d-4e8f-9a7b-2d4c6e8f0a1b',
      cwd: '/work/pro\u0000ject',
      transcript_path: '/home/dev/.claude/projects/p/0b6f.jsonl',
    };
    runHook(home, 'SessionStart', { ...base, model: 'claude-opus-4-1', source: 'startup' });
    runHook(home, 'UserPromptSubmit', { ...base, prompt: 'run the tests\u0000 please' });
    runHook(home, 'PostToolUse', {
      ...base,
      tool_name: 'mcp__keiseikit__memory_search',
      tool_use_id: 'toolu_01AbCdEf',
      tool_input: { query: 'tests' },
      tool_response: { ok: true },
    });
    runHook(home, 'Stop', base);
    const db = openDatabase(join(home, 'kei.db'));
    expect(db.prepare('SELECT id, cwd, transcript_path, model, user_turns FROM sessions').get()).toEqual({
      id: base.session_id,
      cwd: '/work/project',
      transcript_path: base.transcript_path,
      model: 'claude-opus-4-1',
      user_turns: 1,
    });
    expect(db.prepare('SELECT prompt, ended_at IS NOT NULL AS ended FROM turns').get()).toEqual({
      prompt: 'run the tests please',
      ended: 1,
    });
    expect(db.prepare('SELECT tool_name, tool_use_id, input_summary FROM tool_calls').get()).toEqual({
      tool_name: 'mcp__keiseikit__memory_search',
      tool_use_id: 'toolu_01AbCdEf',
      input_summary: '{"query":"tests"}',
    });
    db.close();
  }, 60_000);
});
