#!/usr/bin/env node
// `npm run bench:memory`: memory_search and memory_add through the real kei-mcp over stdio at
// 10k and 100k memories, and the reference @modelcontextprotocol/server-memory (search_nodes)
// on the same 10k facts in the same run. Searches run in interleaved rounds over all sizes, so a slow
// spell of this shared machine shows in the per-round p50s instead of skewing one size. Results:
// bench/results/memory.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { openDatabase } from '../dist/core/db.js';
import { makeFacts, makeQueries, percentiles } from './lib/corpus.js';
import { startRawClient } from './lib/raw-client.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = (process.env.KEI_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.KEI_BENCH_QUERIES ?? 2000);
const ADDS = Number(process.env.KEI_BENCH_ADDS ?? 2000);
const REF_QUERIES = Number(process.env.KEI_BENCH_REF_QUERIES ?? 200);
const ROUNDS = Number(process.env.KEI_BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.KEI_BENCH_WARMUP ?? 1000);

async function connect(command, args, env) {
  const client = new Client({ name: 'kei-bench', version: '1' });
  await client.connect(new StdioClientTransport({ command, args, env: { ...process.env, ...env }, stderr: 'ignore' }));
  return client;
}

/** Sequential calls, each timed from request written to response parsed. */
async function timeCalls(client, name, argsList) {
  const samples = [];
  const started = performance.now();
  for (const args of argsList) {
    const t0 = performance.now();
    const r = await client.callTool({ name, arguments: args });
    samples.push(performance.now() - t0);
    if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
  }
  return { ...percentiles(samples), perSecond: Math.round(argsList.length / ((performance.now() - started) / 1000)) };
}

async function pipelinedAdds(client, contents, inFlight = 32) {
  const started = performance.now();
  for (let i = 0; i < contents.length; i += inFlight) {
    await Promise.all(contents.slice(i, i + inFlight).map((content) => client.callTool({ name: 'memory_add', arguments: { content } })));
  }
  return Math.round(contents.length / ((performance.now() - started) / 1000));
}

function seedKei(home, facts) {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(home, 'kei.db'));
  const insert = db.prepare(
    "INSERT INTO memories (id, scope, project_key, content, norm_hash, tags, source, created_at, updated_at) VALUES (?, 'user', '', ?, ?, '', 'bench', ?, ?)",
  );
  db.transaction(() => facts.forEach((f, i) => insert.run(`m_seed${i}`, f, `h${i}`, Date.now() - i, Date.now() - i)))();
  db.close();
}

/**
 * memory_search on every size, in ROUNDS interleaved rounds (a slow spell on this shared machine hits
 * every size alike and only some rounds). Reports the pooled percentiles and each round's p50.
 */
async function benchSearch(servers) {
  const queries = makeQueries(QUERIES).map((query) => ({ query }));
  // The measured rounds are a long-running server's steady state; the first calls of a fresh server also
  // pay for V8 optimising the hot path, so they are reported apart (`firstCalls`).
  const warmup = makeQueries(WARMUP, 3).map((query) => ({ query }));
  const firstCalls = [];
  for (const s of servers) firstCalls.push(percentiles(await sampleCalls(s.raw, 'memory_search', warmup)));
  const per = servers.map(() => ({ samples: [], roundP50: [] }));
  const chunk = Math.ceil(queries.length / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const slice = queries.slice(r * chunk, (r + 1) * chunk);
    for (const [i, s] of servers.entries()) {
      const samples = await sampleCalls(s.raw, 'memory_search', slice);
      per[i].samples.push(...samples);
      per[i].roundP50.push(percentiles(samples).p50);
    }
  }
  return per.map((p, i) => ({
    ...percentiles(p.samples),
    roundP50: p.roundP50,
    medianRoundP50: median(p.roundP50),
    firstCalls: firstCalls[i],
  }));
}

async function sampleCalls(client, name, argsList) {
  const samples = [];
  for (const args of argsList) {
    const t0 = performance.now();
    const r = await client.callTool({ name, arguments: args });
    samples.push(performance.now() - t0);
    if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
  }
  return samples;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function startKei(size) {
  const home = mkdtempSync(join(tmpdir(), 'kei-bench-'));
  seedKei(home, makeFacts(size));
  const raw = await startRawClient(process.execPath, [join(root, 'bin', 'kei-mcp.js')], { KEI_HOME: home });
  return { size, home, raw };
}

/** The SDK client (validating every result against the output schema) and the adds, one size at a time. */
async function benchClientAndAdds(server) {
  const client = await connect(process.execPath, [join(root, 'bin', 'kei-mcp.js')], { KEI_HOME: server.home });
  const queries = makeQueries(QUERIES).map((query) => ({ query }));
  await timeCalls(client, 'memory_search', queries.slice(0, 100));
  const searchSdkClient = await timeCalls(client, 'memory_search', queries);
  await client.close();
  const add = await timeCalls(
    server.raw,
    'memory_add',
    makeFacts(ADDS, 99).map((content) => ({ content: `new ${content}` })),
  );
  const addPipelined = await pipelinedAdds(
    server.raw,
    makeFacts(ADDS, 77).map((c) => `piped ${c}`),
  );
  return { searchSdkClient, add: { ...add, pipelinedPerSecond: addPipelined } };
}

/**
 * The same searches with the ranking window opened to every match (`memory.rankWindow` at its largest, 10,000):
 * what ranking all of them costs, measured in the same run, so the window's share of the result shows.
 */
async function benchFullRanking(server) {
  const config = join(server.home, 'config.json');
  writeFileSync(config, JSON.stringify({ memory: { rankWindow: 10_000 } }));
  const raw = await startRawClient(process.execPath, [join(root, 'bin', 'kei-mcp.js')], { KEI_HOME: server.home });
  try {
    await sampleCalls(
      raw,
      'memory_search',
      makeQueries(WARMUP, 3).map((query) => ({ query })),
    );
    return percentiles(
      await sampleCalls(
        raw,
        'memory_search',
        makeQueries(QUERIES).map((query) => ({ query })),
      ),
    );
  } finally {
    await raw.close();
    rmSync(config, { force: true });
  }
}

async function benchReference(size) {
  const dir = mkdtempSync(join(tmpdir(), 'kei-bench-ref-'));
  try {
    const file = join(dir, 'memory.jsonl');
    const lines = makeFacts(size).map((fact, i) =>
      JSON.stringify({ type: 'entity', name: `fact-${i}`, entityType: 'fact', observations: [fact] }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const serverPath = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-memory/dist/index.js');
    const client = await startRawClient(process.execPath, [serverPath], { MEMORY_FILE_PATH: file });
    const queries = makeQueries(REF_QUERIES).map((query) => ({ query }));
    await sampleCalls(
      client,
      'search_nodes',
      makeQueries(100, 3).map((query) => ({ query })),
    );
    const search = await timeCalls(client, 'search_nodes', queries);
    await client.close();
    return { size, search };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  rounds: ROUNDS,
  rankWindow: 'default (100)',
  kei: [],
  reference: null,
};
const servers = [];
try {
  for (const size of sizes) servers.push(await startKei(size));
  // Flush the seeding's dirty pages now, so the kernel's write-back does not run during the first round.
  spawnSync('sync');
  const searches = await benchSearch(servers);
  for (const [i, server] of servers.entries()) {
    const r = { size: server.size, search: searches[i], ...(await benchClientAndAdds(server)) };
    if (server === servers[servers.length - 1]) r.searchFullRanking = await benchFullRanking(server);
    results.kei.push(r);
    console.log(
      `kei-mcp @ ${r.size}: search p50 ${r.search.p50} ms (rounds: ${r.search.roundP50.join(', ')}), p90 ${r.search.p90}, p99 ${r.search.p99}; first ${WARMUP} calls of the fresh server: p50 ${r.search.firstCalls.p50}, p99 ${r.search.firstCalls.p99}; with the SDK client validating results: p50 ${r.searchSdkClient.p50}, p99 ${r.searchSdkClient.p99}; add p50 ${r.add.p50} ms, ${r.add.perSecond}/s sequential, ${r.add.pipelinedPerSecond}/s pipelined`,
    );
    if (r.searchFullRanking)
      console.log(
        `kei-mcp @ ${r.size} ranking up to 10,000 matches (rankWindow 10,000): search p50 ${r.searchFullRanking.p50} ms, p99 ${r.searchFullRanking.p99}`,
      );
  }
} finally {
  for (const s of servers) {
    await s.raw.close();
    rmSync(s.home, { recursive: true, force: true });
  }
}
const refSize = sizes[0];
results.reference = await benchReference(refSize);
const keiSame = results.kei.find((k) => k.size === refSize);
results.ratioSearchP50 = Math.round((results.reference.search.p50 / keiSame.search.p50) * 10) / 10;
console.log(
  `server-memory @ ${refSize}: search_nodes p50 ${results.reference.search.p50} ms, p99 ${results.reference.search.p99} → kei-mcp is ${results.ratioSearchP50}× faster at p50`,
);
const largest = results.kei[results.kei.length - 1];
results.targets = {
  searchP50AtLargest: {
    target: 2,
    actual: largest.search.p50,
    medianRoundP50: largest.search.medianRoundP50,
    met: largest.search.p50 <= 2,
  },
  searchP99AtLargest: { target: 10, actual: largest.search.p99, met: largest.search.p99 <= 10 },
  addPerSecond: { target: 1000, actual: largest.add.pipelinedPerSecond, met: largest.add.pipelinedPerSecond >= 1000 },
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'memory.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('targets:', JSON.stringify(results.targets));
