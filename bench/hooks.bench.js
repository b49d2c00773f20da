#!/usr/bin/env node
// `npm run bench:hooks`: wall time per kei-hook event against bare `node -e 0`, measured in the
// same run, alternating, so machine noise hits both. Target: ratio ≤ 1.3. Results: bench/results/hooks.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKit } from '../dist/kit.js';
import { makeFacts, percentiles } from './lib/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hook = join(root, 'bin', 'kei-hook.cjs');
const ROUNDS = Number(process.env.KEI_BENCH_HOOK_ROUNDS ?? 60);
const home = mkdtempSync(join(tmpdir(), 'kei-bench-hooks-'));
const payload = (event) =>
  JSON.stringify({
    session_id: 'bench',
    cwd: root,
    transcript_path: '/tmp/t.jsonl',
    hook_event_name: event,
    prompt: 'run the tests please',
    tool_name: 'Bash',
    tool_input: { command: 'npm test' },
    tool_response: { stdout: 'ok' },
    tool_use_id: 'toolu_1',
  });
const time = (args, input, kei = home, env = {}) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { input, env: { ...process.env, KEI_HOME: kei, ...env } });
  if (r.status !== 0) throw new Error(`exit ${r.status}`);
  return performance.now() - t0;
};
/**
 * One event against bare `node -e 0`, alternating, ROUNDS times: the p50s and their ratio; also the hook without its
 * V8 code cache (KEI_HOOK_CODE_CACHE=0), to show what the cache in <KEI_HOME>/cache saves.
 */
function compare(event, input, kei) {
  const bare = [];
  const ours = [];
  const uncached = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(time(['-e', '0'], ''));
    ours.push(time([hook, event], input, kei));
    uncached.push(time([hook, event], input, kei, { KEI_HOOK_CODE_CACHE: '0' }));
  }
  const b = percentiles(bare);
  const o = percentiles(ours);
  const u = percentiles(uncached);
  const ratio = (x) => Math.round((x.p50 / b.p50) * 100) / 100;
  return { bareMs: b, hookMs: o, ratioP50: ratio(o), noCodeCacheMs: u, noCodeCacheRatioP50: ratio(u) };
}

/**
 * The two events that read memories, on a data home holding `n` of them (added through the kit, so
 * guarded and marked as a user's would be), after one SessionStart that any first session pays.
 */
function withMemories(n) {
  const kei = mkdtempSync(join(tmpdir(), 'kei-bench-hooks-mem-'));
  try {
    const kit = openKit({ home: kei, cwd: root, env: {} });
    makeFacts(n, 11).forEach((fact) => kit.memory.add(fact));
    kit.close();
    const prompt = (event) =>
      JSON.stringify({
        ...JSON.parse(payload(event)),
        prompt: 'Update the billing service deployment so it uses pnpm and runs vitest first',
      });
    time([hook, 'SessionStart'], prompt('SessionStart'), kei);
    const out = { memories: n, events: {} };
    for (const event of ['SessionStart', 'UserPromptSubmit']) {
      const r = (out.events[event] = compare(event, prompt(event), kei));
      console.log(
        `${event.padEnd(18)} with ${n} memories: hook p50 ${r.hookMs.p50.toFixed(0)} ms, bare node p50 ${r.bareMs.p50.toFixed(0)} ms → ${r.ratioP50}× (no code cache ${r.noCodeCacheRatioP50}×)`,
      );
    }
    return out;
  } finally {
    rmSync(kei, { recursive: true, force: true });
  }
}

try {
  spawnSync(process.execPath, [hook, 'SessionStart'], { input: payload('SessionStart'), env: { ...process.env, KEI_HOME: home } });
  const results = { date: new Date().toISOString(), node: process.version, rounds: ROUNDS, events: {} };
  for (const event of ['SessionStart', 'UserPromptSubmit', 'PostToolUse', 'Stop', 'SessionEnd']) {
    const r = (results.events[event] = compare(event, payload(event), home));
    console.log(
      `${event.padEnd(18)} hook p50 ${r.hookMs.p50.toFixed(0)} ms, bare node p50 ${r.bareMs.p50.toFixed(0)} ms → ${r.ratioP50}× (target ≤ 1.3×; no code cache ${r.noCodeCacheRatioP50}×)`,
    );
  }
  results.withMemories = withMemories(1000);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'hooks.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
