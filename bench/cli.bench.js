#!/usr/bin/env node
// `kei-skills --help` against a bare `node -e 0`, measured in one run on the same machine: the CLI loads a
// command's module only when that command runs, so help costs little more than starting Node.
// Run: npm run build && node bench/cli.bench.js. Result: bench/results/cli.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.RUNS ?? 15);
const home = mkdtempSync(join(tmpdir(), 'kei-bench-cli-'));

function median(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, KEI_HOME: home }, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

const bareMs = median(['-e', '0']);
const helpMs = median([join(root, 'bin', 'kei-skills.js'), '--help']);
const memoryHelpMs = median([join(root, 'bin', 'kei-skills.js'), 'memory', '--help']);
rmSync(home, { recursive: true, force: true });
const result = {
  date: new Date().toISOString(),
  node: process.version,
  runs,
  bareNodeMs: bareMs,
  helpMs,
  memoryHelpMs,
  helpOverBare: Math.round((helpMs / bareMs) * 100) / 100,
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'cli.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
