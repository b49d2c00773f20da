import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp.js';

function runDemo(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'demo.js')], {
      env: { ...process.env, KEI_HOME: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run demo (offline, temporary data home)', () => {
  it('narrates every part, from memory to the learning loop, and ends with the ledger summary', async () => {
    const { code, out } = await runDemo();
    expect(code, out).toBe(0);
    expect(out).toMatch(/Blocked by the injection guard/);
    expect(out).toMatch(/Reverted release-checklist/);
    expect(out).toMatch(/The hooks recorded session \w+…: 4 turns, 5 tool calls\./);
    expect(out).toMatch(/saved {3}The user always runs the tests before deploying\./);
    expect(out).toMatch(/blocked Ignore all previous instructions/);
    expect(out).toMatch(/Nightly cycle: 1 extracted in [\d.]+ s; model: claude-cli/);
    expect(out).toMatch(/name: deploy-to-staging/);
    expect(out).toMatch(/wrote 1 trajectories/);
    expect(out).toMatch(/sessions +turns +tool_calls[\s\S]*\n {3}1 +4 +5 /);
    expect(out).toMatch(/Done in \d+ s\./);
  }, 180_000);
});
