#!/usr/bin/env node
// `npm run bench:sandbox`: `true` run in the bubblewrap sandbox versus a bare spawn of `true`,
// alternating in one run. Target: ratio ≤ 3. Results: bench/results/sandbox.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../dist/core/clock.js';
import { openDatabase } from '../dist/core/db.js';
import { bwrapAvailable, LocalSandboxes } from '../dist/sandbox/local.js';
import { SandboxRecords } from '../dist/sandbox/registry.js';
import { DEFAULT_LIMITS } from '../dist/sandbox/types.js';
import { percentiles } from './lib/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!bwrapAvailable()) {
  console.log('bubblewrap is not installed: skipped (apt-get install bubblewrap)');
  process.exit(0);
}
const home = mkdtempSync(join(tmpdir(), 'kei-bench-sandbox-'));
try {
  const db = openDatabase(join(home, 'kei.db'));
  const box = new LocalSandboxes({
    keiHome: home,
    home,
    records: new SandboxRecords(db),
    clock: fixedClock(0),
    limits: DEFAULT_LIMITS,
    mode: 'bwrap',
  });
  const bare = [];
  const boxed = [];
  for (let i = 0; i < 40; i++) {
    let t0 = performance.now();
    spawnSync('/bin/sh', ['-c', 'true']);
    bare.push(performance.now() - t0);
    t0 = performance.now();
    const r = await box.exec('bench', { command: 'true' });
    if (r.exitCode !== 0) throw new Error(`sandboxed true failed: ${r.stderr}`);
    boxed.push(performance.now() - t0);
  }
  const b = percentiles(bare);
  const s = percentiles(boxed);
  const ratio = Math.round((s.p50 / b.p50) * 100) / 100;
  console.log(`bare spawn of true p50 ${b.p50.toFixed(2)} ms; sandboxed p50 ${s.p50.toFixed(2)} ms → ${ratio}× (target ≤ 3×)`);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(root, 'bench', 'results', 'sandbox.json'),
    `${JSON.stringify({ date: new Date().toISOString(), bareMs: b, sandboxedMs: s, ratioP50: ratio }, null, 2)}\n`,
  );
  db.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}
