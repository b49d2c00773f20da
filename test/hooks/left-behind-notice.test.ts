import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/temp.js';

const line = (o: unknown) => `${JSON.stringify(o)}\n`;

/** A KEI_HOME whose reviewer is a command answering one memory to add. */
function setup() {
  const home = tempDir('kei-notice-');
  const project = tempDir('kei-notice-proj-');
  writeFileSync(join(home, 'reply.json'), JSON.stringify({ operations: [{ op: 'add', content: 'The user always uses pnpm.', scope: 'user' }] }));
  const env = { ...process.env, KEI_HOME: home, KEI_INVOKER: 'command', KEI_INVOKER_COMMAND: `cat >/dev/null; cat '${home}/reply.json'` };
  const hook = (event: string, payload: object) => {
    const r = spawnSync(process.execPath, [BIN.hook, event], { input: JSON.stringify({ cwd: project, ...payload }), env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as { systemMessage?: string });
  };
  /** One session of one prompt, over (SessionEnd) or still open, with its transcript on disk. */
  const session = (id: string, end: boolean) => {
    const transcript = join(home, `${id}.jsonl`);
    writeFileSync(transcript, line({ type: 'user', sessionId: id, message: { role: 'user', content: 'I always use pnpm.' } }));
    hook('SessionStart', { session_id: id, source: 'startup', transcript_path: transcript });
    hook('UserPromptSubmit', { session_id: id, prompt: 'I always use pnpm.', transcript_path: transcript });
    hook('Stop', { session_id: id, transcript_path: transcript });
    if (end) hook('SessionEnd', { session_id: id, reason: 'prompt_input_exit' });
  };
  const review = (id: string) => {
    const r = spawnSync(process.execPath, [BIN.skills, 'review', '--session', id, '--json'], { cwd: home, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  };
  return { hook, session, review };
}

// Issue 19, item 13: a reviewer that finishes after the session's last hook has nobody to tell; the next session does.
describe('"saved N memories" after the last hook', () => {
  it('is shown once at the next SessionStart', () => {
    const t = setup();
    t.session('s1', true);
    t.review('s1');
    const next = t.hook('SessionStart', { session_id: 's2', source: 'startup' });
    expect(next.systemMessage).toMatch(/^From an earlier session: 💾 saved 1 memory: The user always uses pnpm\./);
    expect(t.hook('SessionStart', { session_id: 's3', source: 'startup' }).systemMessage).toBeUndefined();
  });

  it("stays with a session that is still open, and is shown at that session's own resume", () => {
    const t = setup();
    t.session('live', false);
    t.review('live');
    expect(t.hook('SessionStart', { session_id: 'other', source: 'startup' }).systemMessage).toBeUndefined();
    expect(t.hook('SessionStart', { session_id: 'live', source: 'resume' }).systemMessage).toMatch(/^💾 saved 1 memory/);
  });
});
