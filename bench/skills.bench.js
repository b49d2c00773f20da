#!/usr/bin/env node
// `npm run bench:skills`: cold discovery and parse of 2,000 skills (real corpus files, renamed),
// skill_load latency through the real kei-mcp over stdio, and how soon a skill written to disk is
// visible to the next tool call. Results: bench/results/skills.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { silentLogger } from '../dist/core/log.js';
import { SkillRegistry } from '../dist/skills/registry.js';
import { percentiles } from './lib/corpus.js';
import { startRawClient } from './lib/raw-client.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '..', 'shared', 'skills-corpus');
const COUNT = Number(process.env.KEI_BENCH_SKILLS ?? 2000);

function seed(dir) {
  const sources = fg.sync('**/SKILL.md', { cwd: corpus, absolute: true, dot: true }).map((f) => readFileSync(f, 'utf8'));
  for (let i = 0; i < COUNT; i++) {
    const name = `skill-${String(i).padStart(4, '0')}`;
    const text = sources[i % sources.length].replace(/^name:.*$/m, `name: ${name}`);
    mkdirSync(join(dir, `cat-${i % 20}`, name), { recursive: true });
    writeFileSync(join(dir, `cat-${i % 20}`, name, 'SKILL.md'), text);
  }
}

const home = mkdtempSync(join(tmpdir(), 'kei-bench-skills-'));
const userHome = mkdtempSync(join(tmpdir(), 'kei-bench-user-'));
try {
  seed(join(home, 'skills'));
  const cold = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const registry = new SkillRegistry([{ path: join(home, 'skills'), label: 'kei' }], silentLogger).load();
    cold.push(performance.now() - t0);
    if (registry.all().length !== COUNT) throw new Error(`loaded ${registry.all().length} of ${COUNT}`);
  }
  const coldStats = percentiles(cold);
  console.log(`cold discovery + parse of ${COUNT} skills: p50 ${coldStats.p50.toFixed(0)} ms (target ≤ 300 ms)`);

  // The fresh skills go to the project root: the KEI_HOME root is at its 2,000-folder cap.
  const project = join(userHome, 'project');
  mkdirSync(join(project, '.claude', 'skills'), { recursive: true });
  const client = await startRawClient(process.execPath, [join(root, 'bin', 'kei-mcp.js')], { KEI_HOME: home, HOME: userHome }, project);
  await new Promise((r) => setTimeout(r, 1500)); // let the watcher finish its initial scan
  const loads = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await client.callTool({ name: 'skill_load', arguments: { name: `skill-${String(i % COUNT).padStart(4, '0')}` } });
    loads.push(performance.now() - t0);
  }
  const loadStats = percentiles(loads);
  console.log(`skill_load through stdio: p50 ${loadStats.p50} ms, p99 ${loadStats.p99} ms (target p50 ≤ 2 ms)`);

  const reload = [];
  for (let i = 0; i < 5; i++) {
    const name = `fresh-${i}`;
    mkdirSync(join(project, '.claude', 'skills', name), { recursive: true });
    const t0 = performance.now();
    writeFileSync(
      join(project, '.claude', 'skills', name, 'SKILL.md'),
      `---\nname: ${name}\ndescription: Written during the benchmark\n---\nbody\n`,
    );
    for (let tries = 0; ; tries++) {
      const r = await client.callTool({ name: 'skill_load', arguments: { name } });
      if (!r.isError) break;
      if (tries > 1000) throw new Error(`${name} never became visible`);
      await new Promise((res) => setTimeout(res, 5));
    }
    reload.push(performance.now() - t0);
  }
  const reloadStats = percentiles(reload);
  console.log(
    `write → visible to the next skill_load: p50 ${reloadStats.p50.toFixed(0)} ms, max ${reloadStats.max.toFixed(0)} ms (target ≤ 500 ms)`,
  );
  await client.close();
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(root, 'bench', 'results', 'skills.json'),
    `${JSON.stringify({ date: new Date().toISOString(), skills: COUNT, coldMs: coldStats, skillLoadMs: loadStats, reloadVisibleMs: reloadStats }, null, 2)}\n`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
  rmSync(userHome, { recursive: true, force: true });
}
