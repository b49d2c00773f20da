#!/usr/bin/env node
// Team sync on loopback against a real Postgres (a throwaway cluster, or KEI_BENCH_PG_URL): the first sync of
// 10,000 project memories (the writer's push, then another member's first pull, every entry through the guard),
// an incremental sync of 100 edits, and a sync with nothing to do (median; target <= 100 ms).
// Run: npm run bench:team. Result: bench/results/team.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKit } from '../dist/kit.js';
import { joinTeam, openTeamSession, syncTeam } from '../dist/team/index.js';
import { startPostgres } from '../scripts/lib/postgres.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.N ?? 10_000);
const CHANGES = 100;
const IDLE_RUNS = Number(process.env.RUNS ?? 21);
const temp = mkdtempSync(join(tmpdir(), 'kei-bench-team-'));
const server = process.env.KEI_BENCH_PG_URL ? { url: process.env.KEI_BENCH_PG_URL, stop() {} } : await startPostgres();

function memberKit(name) {
  const clone = join(temp, `${name}-clone`);
  mkdirSync(clone, { recursive: true });
  spawnSync('git', ['init', '-q', clone]);
  spawnSync('git', ['-C', clone, 'remote', 'add', 'origin', 'git@github.com:acme/bench.git']);
  const home = join(temp, `${name}-home`);
  return openKit({ home, cwd: clone, env: { HOME: home } });
}

async function timed(work) {
  const start = performance.now();
  const report = await work();
  return { ms: Math.round(performance.now() - start), report };
}

async function medianOf(work) {
  const times = [];
  for (let i = 0; i < IDLE_RUNS; i++) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1] };
}

const team = `bench-${Date.now()}`;
const ana = memberKit('ana');
const ben = memberKit('ben');
try {
  await joinTeam(ana, server.url, { team, member: 'ana' });
  await joinTeam(ben, server.url, { team, member: 'ben' });
  const ids = [];
  ana.db.transaction(() => {
    for (let i = 0; i < N; i++)
      ids.push(
        ana.memory.add(`Bench fact ${i}: the service on port ${8000 + (i % 1000)} uses ${i % 7} workers`, { scope: 'project' }).memory.id,
      );
  })();
  const firstPush = await timed(() => syncTeam(ana));
  const firstPull = await timed(() => syncTeam(ben));
  const step = Math.floor(N / CHANGES);
  ana.db.transaction(() => {
    for (let i = 0; i < CHANGES; i++) ana.memory.replace({ id: ids[i * step] }, `Bench fact ${i * step} changed: now ${i} workers`);
  })();
  const incrementalPush = await timed(() => syncTeam(ana));
  const incrementalPull = await timed(() => syncTeam(ben));
  // The daemon keeps its connection between syncs; `kei-skills team sync` opens one each time.
  const session = openTeamSession(ben);
  const idle = await medianOf(() => session.sync());
  session.close();
  const idleFresh = await medianOf(() => syncTeam(ben));
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    memories: N,
    firstSync: { pushMs: firstPush.ms, pushed: firstPush.report.pushed, pullMs: firstPull.ms, applied: firstPull.report.applied },
    incremental: { changes: CHANGES, pushMs: incrementalPush.ms, pullMs: incrementalPull.ms, applied: incrementalPull.report.applied },
    nothingToDo: { runs: IDLE_RUNS, targetMs: 100, keptConnection: idle, newConnection: idleFresh },
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'team.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  ana.close();
  ben.close();
  server.stop();
  rmSync(temp, { recursive: true, force: true });
}
