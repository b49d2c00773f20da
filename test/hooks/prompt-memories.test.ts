import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { BIN, tempDir } from '../helpers/temp.js';

function promptContext(home: string, prompt: string): string | undefined {
  const run = spawnSync(process.execPath, [BIN.hook, 'UserPromptSubmit'], {
    input: JSON.stringify({ session_id: 's1', prompt, cwd: home }),
    env: { ...process.env, KEI_HOME: home },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return run.stdout.trim() === '' ? undefined : (JSON.parse(run.stdout).hookSpecificOutput?.additionalContext as string | undefined);
}

describe('UserPromptSubmit memories', () => {
  it("adds memories sharing two of the prompt's words, most shared first, and nothing for one shared word", () => {
    const home = tempDir('kei-home-');
    const kit = openKit({ home, cwd: home, env: {} });
    for (let i = 0; i < 300; i++) kit.memory.add(`The billing service note ${i} mentions deployment windows`);
    const best = kit.memory.add('Deployment of the billing service uses pnpm and runs vitest first').memory;
    kit.memory.add('Gardening notes: tomatoes like sun');
    const other = kit.memory.add('The checkout service caches prices').memory;
    kit.close();

    const context = promptContext(home, 'Update the deployment of the billing service so it uses pnpm and vitest');
    expect(context).toBeDefined();
    const lines = (context ?? '').split('\n').slice(1);
    expect(lines[0]).toContain(best.id);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(context).not.toContain(other.id);
    expect(context).not.toContain('tomatoes');

    expect(promptContext(home, 'Something about tomatoes and nothing more')).toBeUndefined();
  });
});
