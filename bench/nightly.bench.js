#!/usr/bin/env node
// `npm run bench:nightly`: planning the nightly cycle (model time excluded: a dry run calls no model)
// over 10,000 trajectories and 500 skills. Most trajectories are near-duplicates of learned skills,
// the worst case: every one must be fingerprinted and compared. Results: bench/results/nightly.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKit } from '../dist/kit.js';
import { fingerprintOf } from '../dist/learn/fingerprint.js';
import { runNightly } from '../dist/learn/nightly/run-nightly.js';
import { percentiles } from './lib/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TRAJECTORIES = Number(process.env.KEI_BENCH_TRAJECTORIES ?? 10_000);
const SKILLS = Number(process.env.KEI_BENCH_NIGHTLY_SKILLS ?? 500);
const LEARNED = SKILLS / 2;
const DAY = 86_400_000;
const TOPICS = ['deploy', 'migrate', 'lint', 'release', 'benchmark', 'package', 'test', 'docs', 'upgrade', 'profile'];

/** The turns of template `t`, with a small variation `v` so duplicates are near, not identical. */
function session(t, v) {
  const topic = `${TOPICS[t % TOPICS.length]}${t}`;
  return [
    {
      prompt: `Please ${topic} the service ${v % 3 === 0 ? 'now' : 'today'}`,
      calls: [
        ['Bash', `git pull ${topic}`],
        ['Bash', `make ${topic}`],
      ],
    },
    {
      prompt: `Check the ${topic} output`,
      calls: [
        ['Read', `${topic}.log`],
        ['Bash', `tool${t} verify`],
      ],
    },
    { prompt: 'Fix what failed', calls: [['Edit', `src/${topic}.ts`]] },
    { prompt: 'Confirm and finish', calls: [['Bash', `tool${t} status`]] },
  ];
}

/** A third of the learned skills fail half the time, a third almost never, the rest one time in four. */
function succeeded(s, u) {
  if (s % 3 === 0) return u % 2 === 0;
  if (s % 3 === 1) return u !== 7;
  return u % 4 !== 0;
}

function seed(kit) {
  const now = kit.clock.now();
  const db = kit.db;
  const insertSession = db.prepare(
    "INSERT INTO sessions (id, cwd, project_key, started_at, ended_at, user_turns) VALUES (?, '/p', '/p', ?, ?, 4)",
  );
  const insertTurn = db.prepare(
    'INSERT INTO turns (session_id, turn_index, prompt, started_at, ended_at, tool_calls) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertCall = db.prepare(
    'INSERT INTO tool_calls (session_id, turn_index, tool_name, input_summary, response_summary, ok, at) VALUES (?, ?, ?, ?, ?, 1, ?)',
  );
  const insertTraj = db.prepare(
    "INSERT INTO trajectories (id, session_id, first_turn, last_turn, tool_call_count, completed, outcome, created_at) VALUES (?, ?, 1, 4, 6, 1, 'completed', ?)",
  );
  const insertLearned = db.prepare(
    "INSERT INTO learned_skills (name, folder, category, fingerprint, extractor, created_at, updated_at) VALUES (?, ?, 'learned', ?, 'offline', ?, ?)",
  );
  const insertUse = db.prepare(
    "INSERT INTO skill_invocations (id, skill_name, ts, session_id, turn_index, success, source) VALUES (?, ?, ?, ?, 1, ?, 'skill-tool')",
  );
  db.transaction(() => {
    for (let s = 0; s < SKILLS; s++) {
      const learned = s < LEARNED;
      const name = learned ? `learned-${s}` : `user-skill-${s}`;
      const folder = join(kit.paths.home, 'skills', learned ? 'learned' : 'mine', name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, 'SKILL.md'),
        `---\nname: ${name}\ndescription: Use to ${TOPICS[s % TOPICS.length]} service number ${s} safely and check the result.\n---\n\n## Process\n1. Step.\n`,
      );
      if (!learned) continue;
      const prompts = session(s, 0).map((turn, i) => ({ turn: i + 1, text: turn.prompt }));
      const calls = session(s, 0).flatMap((turn, i) =>
        turn.calls.map(([tool, arg]) => ({
          turn: i + 1,
          tool,
          input: JSON.stringify(tool === 'Bash' ? { command: arg } : { file_path: arg }),
          ok: true,
          response: 'ok',
        })),
      );
      insertLearned.run(name, folder, JSON.stringify(fingerprintOf({ prompts, calls })), now - 10 * DAY, now - 10 * DAY);
      for (let u = 0; u < 40; u++) insertUse.run(`inv-${s}-${u}`, name, now - (u % 29) * DAY - 1000, `use-${s}`, succeeded(s, u) ? 1 : 0);
    }
    for (let i = 0; i < TRAJECTORIES; i++) {
      const id = `sess-${i}`;
      const at = now - DAY + i;
      insertSession.run(id, at, at + 1000);
      const template = i < TRAJECTORIES - 10 ? i % LEARNED : 100_000 + i;
      session(template, i).forEach((turn, t) => {
        insertTurn.run(id, t + 1, turn.prompt, at, at + 1, turn.calls.length);
        for (const [tool, arg] of turn.calls)
          insertCall.run(id, t + 1, tool, JSON.stringify(tool === 'Bash' ? { command: arg } : { file_path: arg }), 'ok', at);
      });
      insertTraj.run(`traj_${id}`, id, at);
    }
  }).immediate();
}

const home = mkdtempSync(join(tmpdir(), 'kei-bench-nightly-'));
try {
  // Room for every learned skill, so the extraction planning really runs (the default cap is 50).
  writeFileSync(join(home, 'config.json'), JSON.stringify({ nightly: { maxAutoSkills: 10_000 } }));
  const kit = openKit({ home, cwd: home, env: { PATH: '' } });
  const t0 = performance.now();
  seed(kit);
  console.log(`seeded ${TRAJECTORIES} trajectories and ${SKILLS} skills in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  kit.close();
  const runs = [];
  let report;
  for (let run = 0; run < 3; run++) {
    const fresh = openKit({ home, cwd: home, env: { PATH: '' } });
    const start = performance.now();
    report = await runNightly(fresh, { dryRun: true });
    runs.push(performance.now() - start);
    fresh.close();
  }
  const stats = percentiles(runs);
  const counts = report.counts;
  console.log(
    `nightly planning (dry run, fresh process state): p50 ${stats.p50.toFixed(0)} ms, max ${stats.max.toFixed(0)} ms (target ≤ 5000 ms)`,
  );
  console.log(
    `plan: ${counts.extracted} to extract, ${counts.skipped} duplicates, ${counts.improved} to re-extract, ${counts.archived} to archive, ${counts.validated} to validate, ${counts.left} left`,
  );
  if (counts.skipped < TRAJECTORIES - 20) throw new Error(`expected the duplicates to be found, got ${counts.skipped}`);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(root, 'bench', 'results', 'nightly.json'),
    `${JSON.stringify({ date: new Date().toISOString(), trajectories: TRAJECTORIES, skills: SKILLS, planMs: stats, targetMs: 5000, plan: counts }, null, 2)}\n`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
