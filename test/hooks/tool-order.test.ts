import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { BIN, tempDir } from '../helpers/temp.js';

/** Starts the real kei-hook for one event; its JSON arrives on stdin `delayMs` later (a slow start, as under load). */
function hook(home: string, payload: object, delayMs: number): Promise<number | null> {
  const child = spawn(process.execPath, [BIN.hook, 'PostToolUse'], { env: { ...process.env, KEI_HOME: home }, stdio: ['pipe', 'ignore', 'ignore'] });
  setTimeout(() => child.stdin.end(JSON.stringify(payload)), delayMs);
  return new Promise((resolve) => child.on('close', resolve));
}

const call = (id: string, name: string) => ({
  session_id: 'order-1',
  hook_event_name: 'PostToolUse',
  cwd: '/tmp',
  tool_name: name,
  tool_use_id: id,
  tool_input: { command: name },
  tool_response: { stdout: 'ok' },
});

/**
 * Async PostToolUse hooks run side by side (Claude Code does not wait for them), so the second tool call's
 * process can finish first. The ledger keeps the order the calls happened in: each event is timed at its
 * process start, and a session's tool calls read in that order (timeline, evidence for the judge).
 */
describe('tool calls recorded by async hooks that finish out of order', () => {
  it('read back in the order the client started their hooks', async () => {
    const home = tempDir('kei-order-');
    const first = hook(home, call('t1', 'FirstTool'), 1500);
    await sleep(300);
    const second = hook(home, call('t2', 'SecondTool'), 0);
    expect(await Promise.all([first, second])).toEqual([0, 0]);
    const db = openDatabase(join(home, 'kei.db'));
    try {
      const byInsert = db.prepare('SELECT tool_name FROM tool_calls ORDER BY id').all() as { tool_name: string }[];
      expect(byInsert.map((r) => r.tool_name)).toEqual(['SecondTool', 'FirstTool']); // the race this test is about
      const byTime = db.prepare('SELECT tool_name FROM tool_calls ORDER BY at, id').all() as { tool_name: string }[];
      expect(byTime.map((r) => r.tool_name)).toEqual(['FirstTool', 'SecondTool']);
    } finally {
      db.close();
    }
  }, 30_000);
});
