import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { jobStore, runJobNow } from '../../src/schedule/index.js';
import { BIN, tempDir } from '../helpers/temp.js';

function hook(home: string, event: string, payload: object) {
  return spawnSync(process.execPath, [BIN.hook, event], {
    input: JSON.stringify(payload),
    env: { ...process.env, KEI_HOME: home },
    encoding: 'utf8',
  });
}

describe('SessionStart context', () => {
  it('offers results of jobs that finished since the last session, and memories within the budget', async () => {
    const home = tempDir('kei-home-');
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schedule: { allowUnsandboxed: true }, hooks: { contextBudgetChars: 600 } }));
    expect(hook(home, 'SessionStart', { session_id: 'first', cwd: home }).status).toBe(0);
    expect(hook(home, 'SessionEnd', { session_id: 'first', reason: 'exit' }).status).toBe(0);
    const kit = openKit({ home, cwd: home, env: { HOME: home, PATH: process.env.PATH } });
    for (let i = 0; i < 30; i++) kit.memory.add(`Remembered fact number ${i} about the deployment pipeline`);
    jobStore(kit).create({ name: 'nightly-tests', when: 'every 1h', kind: 'command', payload: 'echo all 42 tests passed' });
    await runJobNow(kit, jobStore(kit).get('nightly-tests'));
    kit.close();
    const start = hook(home, 'SessionStart', { session_id: 'second', cwd: home });
    const context = JSON.parse(start.stdout).hookSpecificOutput.additionalContext as string;
    expect(context).toContain('nightly-tests: ok — all 42 tests passed');
    expect(context).toContain('Remembered fact number');
    expect(context.length).toBeLessThanOrEqual(600);
  });
});
