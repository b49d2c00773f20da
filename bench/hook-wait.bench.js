#!/usr/bin/env node
// `npm run bench:hook-wait`: how long a real `claude -p` session waits for the kit's hooks. The scripted model
// server asks for N Bash `true` calls; a proxy in front of it timestamps each model request. Per tool call: the
// median gap between consecutive requests, against the same session with no hooks. At start: the time to the
// first request (SessionStart and UserPromptSubmit ran by then), against hooks that are a bare `node -e 0`.
// bareNodeAsync (bare hooks, async where the kit's are) separates what Claude Code itself costs for spawning an async
// hook from what the kit adds (kitAsync's waitVsBareNodeAsyncMs).
// Settings alternate round by round so machine noise hits all. Results: bench/results/hook-wait.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { offlineClaudeEnv } from '../scripts/lib/claude-conversation.js';
import { startModelServer } from '../scripts/lib/model-server.js';
import { percentiles } from './lib/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLAUDE = join(root, 'node_modules', '.bin', 'claude');
const ROUNDS = Number(process.env.KEI_BENCH_WAIT_ROUNDS ?? 4);
const CALLS = Number(process.env.KEI_BENCH_WAIT_CALLS ?? 8);
const work = mkdtempSync(join(tmpdir(), 'kei-bench-wait-'));

/** The hooks `setup claude-code` writes (async where it says so), and variants of them. */
function kitHooks() {
  const project = join(work, 'setup');
  mkdirSync(join(project, '.git'), { recursive: true });
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kei-skills.js'), 'setup', 'claude-code', '--scope', 'project'], {
    cwd: project,
    env: { ...process.env, HOME: work, KEI_HOME: join(work, 'kei-setup') },
  });
  if (r.status !== 0) throw new Error(`setup failed: ${r.stderr}`);
  return JSON.parse(readFileSync(join(project, '.claude', 'settings.json'), 'utf8')).hooks;
}
const mapHooks = (hooks, f) =>
  Object.fromEntries(Object.entries(hooks).map(([event, groups]) => [event, groups.map((g) => ({ ...g, hooks: g.hooks.map(f) }))]));

const kit = kitHooks();
const quoted = (parts) => parts.map((p) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`)).join(' ');
const SETTINGS = {
  none: {},
  // Hooks that do nothing: a bare `node -e 0` per event, spawned the way set-up spawns kei-hook (exec form, sync).
  bareNode: mapHooks(kit, (h) => ({ type: 'command', command: process.execPath, args: ['-e', '0'], timeout: h.timeout })),
  // The same bare hooks, async exactly where the kit's are: what Claude Code itself costs for spawning an async
  // hook, so kitAsync minus this is what the kit adds.
  bareNodeAsync: mapHooks(kit, (h) => ({
    type: 'command',
    command: process.execPath,
    args: ['-e', '0'],
    timeout: h.timeout,
    ...(h.async ? { async: true } : {}),
  })),
  kitSync: mapHooks(kit, ({ async: _async, ...h }) => h),
  kitAsync: kit,
  // What set-up wrote before: one shell line per hook, so Claude Code starts a shell that starts node.
  kitAsyncShell: mapHooks(kit, ({ args, ...h }) => ({ ...h, command: quoted([h.command, ...args]) })),
};

/** A proxy that notes when each main (agent-loop) request arrives, then forwards it to the model server. */
async function timedProxy(target) {
  const times = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url?.startsWith('/v1/messages?') || req.url === '/v1/messages')
        if (/"tools":\[\{/.test(body.toString('utf8'))) times.push(performance.now());
      const fwd = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      fwd.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, times, close: () => new Promise((r) => server.close(r)) };
}

/** One session under one setting: ms to the first model request, and the gaps between requests after each tool call. */
async function session(name) {
  const dir = mkdtempSync(join(work, `${name}-`));
  const project = join(dir, 'p');
  mkdirSync(join(project, '.claude'), { recursive: true });
  mkdirSync(join(project, '.git'));
  writeFileSync(join(project, '.claude', 'settings.json'), JSON.stringify({ hooks: SETTINGS[name] }));
  const bash = { name: 'Bash', input: { command: 'true', description: 'nothing' } };
  const model = await startModelServer([...Array.from({ length: CALLS }, () => ({ toolUses: [bash] })), { text: 'Done.' }]);
  const proxy = await timedProxy(model.url);
  // One data home per setting across rounds, as a user has: the first session fills kei.db and the hook's code cache.
  const env = offlineClaudeEnv({ home: dir, modelUrl: proxy.url, env: { KEI_HOME: join(work, `kei-${name}`) } });
  const t0 = performance.now();
  const child = spawn(CLAUDE, ['-p', 'run true a few times', '--output-format', 'json', '--allowedTools', 'Bash'], { cwd: project, env });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stdin.end();
  const code = await new Promise((r) => child.on('close', r));
  const total = performance.now() - t0;
  await proxy.close();
  await model.close();
  if (code !== 0 || !out.includes('Done.')) throw new Error(`${name}: claude exited ${code}: ${out.slice(0, 300)}`);
  if (proxy.times.length !== CALLS + 1) throw new Error(`${name}: ${proxy.times.length} main requests, expected ${CALLS + 1}`);
  const gaps = proxy.times.slice(1).map((t, i) => t - proxy.times[i]);
  return { toFirstRequest: proxy.times[0] - t0, gaps, total };
}

const round = (x) => Math.round(x * 10) / 10;
try {
  const raw = Object.fromEntries(Object.keys(SETTINGS).map((n) => [n, { toFirstRequest: [], gaps: [], total: [] }]));
  for (let r = 0; r < ROUNDS; r++)
    for (const name of Object.keys(SETTINGS)) {
      const s = await session(name);
      raw[name].toFirstRequest.push(s.toFirstRequest);
      raw[name].gaps.push(...s.gaps);
      raw[name].total.push(s.total);
      console.log(
        `round ${r + 1} ${name.padEnd(13)} first request ${s.toFirstRequest.toFixed(0)} ms, median gap ${percentiles(s.gaps).p50.toFixed(0)} ms`,
      );
    }
  const p50 = (name, key) => percentiles(raw[name][key]).p50;
  const settings = Object.fromEntries(
    Object.keys(SETTINGS).map((n) => [
      n,
      {
        toFirstRequestMs: percentiles(raw[n].toFirstRequest),
        gapPerToolCallMs: percentiles(raw[n].gaps),
        sessionMs: percentiles(raw[n].total),
        waitPerToolCallMs: round(p50(n, 'gaps') - p50('none', 'gaps')),
        startWaitMs: round(p50(n, 'toFirstRequest') - p50('none', 'toFirstRequest')),
      },
    ]),
  );
  // SessionStart + UserPromptSubmit, each a process: the kit's against two bare `node -e 0` processes.
  const bareStart = settings.bareNode.startWaitMs;
  for (const n of ['kitSync', 'kitAsync', 'kitAsyncShell'])
    settings[n].startVsBareNode = bareStart > 0 ? Math.round((settings[n].startWaitMs / bareStart) * 100) / 100 : null;
  // Per tool call, what the kit adds over Claude Code's own cost of the same hooks (sync and async alike).
  settings.kitSync.waitVsBareNodeMs = round(p50('kitSync', 'gaps') - p50('bareNode', 'gaps'));
  for (const n of ['kitAsync', 'kitAsyncShell']) settings[n].waitVsBareNodeAsyncMs = round(p50(n, 'gaps') - p50('bareNodeAsync', 'gaps'));
  const results = { date: new Date().toISOString(), node: process.version, rounds: ROUNDS, toolCallsPerSession: CALLS, settings };
  for (const [n, s] of Object.entries(settings))
    console.log(
      `${n.padEnd(13)} waits ${s.waitPerToolCallMs} ms per tool call${s.waitVsBareNodeAsyncMs !== undefined ? ` (${s.waitVsBareNodeAsyncMs} ms over bareNodeAsync)` : ''}, ${s.startWaitMs} ms before the first request${s.startVsBareNode !== undefined ? ` (${s.startVsBareNode}× bare node)` : ''}`,
    );
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'hook-wait.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
