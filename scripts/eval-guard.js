#!/usr/bin/env node
// Measures the injection guard on a labelled JSONL set: recall per tier and kind, false positives
// per tier and source, context-dependent attacks apart. Writes results JSON and a review file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanText } from '../dist/guard/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = resolve(process.argv[2] ?? join(root, '..', 'shared', 'guard-data', 'dev.jsonl'));
const surface = process.env.KEI_EVAL_SURFACE ?? 'memory';
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const tally = () => ({ n: 0, hit: 0 });
const groups = { recallByTier: {}, recallByKind: {}, fpByTier: {}, fpBySource: {}, contextDependent: tally() };
const review = [];
const started = process.hrtime.bigint();
for (const row of rows) {
  const result = scanText(row.text, { surface });
  const blocked = result.verdict === 'block';
  if (row.label === 'attack') countAttack(row, blocked, result);
  else countBenign(row, blocked, result);
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

function bump(map, key, hit) {
  map[key] ??= tally();
  map[key].n += 1;
  if (hit) map[key].hit += 1;
}
function countAttack(row, blocked, result) {
  if (row.context_dependent) {
    groups.contextDependent.n += 1;
    if (blocked) groups.contextDependent.hit += 1;
    return;
  }
  bump(groups.recallByTier, row.tier, blocked);
  bump(groups.recallByTier, 'all', blocked);
  bump(groups.recallByKind, row.kind.split(':').slice(0, 2).join(':'), blocked);
  if (!blocked)
    review.push({
      type: 'miss',
      tier: row.tier,
      kind: row.kind,
      text: row.text.slice(0, 400),
      score: result.score,
      rules: result.findings.map((f) => f.rule),
    });
}
function countBenign(row, blocked, result) {
  bump(groups.fpByTier, row.tier, blocked);
  bump(groups.fpByTier, 'all', blocked);
  const notInject = row.kind.startsWith('notinject') ? 'notinject' : row.kind;
  bump(groups.fpBySource, notInject, blocked);
  if (blocked)
    review.push({
      type: 'false_positive',
      tier: row.tier,
      kind: row.kind,
      text: row.text.slice(0, 400),
      score: result.score,
      rules: result.findings.map((f) => f.rule),
    });
}

const pct = (t) => (t.n === 0 ? '-' : `${((100 * t.hit) / t.n).toFixed(1)}%`);
function table(title, map) {
  console.log(`\n${title}`);
  for (const [key, t] of Object.entries(map).sort())
    console.log(`  ${key.padEnd(48)} ${String(t.hit).padStart(4)}/${String(t.n).padEnd(4)} ${pct(t)}`);
}
console.log(`Guard evaluation on ${file} (surface: ${surface}, ${rows.length} rows, ${elapsedMs.toFixed(0)} ms)`);
table('Recall (attacks blocked), not context-dependent, by tier', groups.recallByTier);
table('Recall by kind', groups.recallByKind);
table('False positives (benign blocked) by tier', groups.fpByTier);
table('False positives by source', groups.fpBySource);
console.log(
  `\nContext-dependent attacks (reported apart): ${groups.contextDependent.hit}/${groups.contextDependent.n} ${pct(groups.contextDependent)}`,
);

const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const summary = (map) => Object.fromEntries(Object.entries(map).map(([k, t]) => [k, { ...t, rate: t.n ? t.hit / t.n : null }]));
writeFileSync(
  join(outDir, 'guard-eval.json'),
  JSON.stringify(
    {
      file,
      surface,
      rows: rows.length,
      elapsedMs,
      date: new Date().toISOString(),
      recallByTier: summary(groups.recallByTier),
      recallByKind: summary(groups.recallByKind),
      falsePositivesByTier: summary(groups.fpByTier),
      falsePositivesBySource: summary(groups.fpBySource),
      contextDependent: summary({ all: groups.contextDependent }).all,
    },
    null,
    2,
  ),
);
writeFileSync(join(outDir, 'guard-review.jsonl'), review.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`\nResults: bench/results/guard-eval.json; misses and false positives: bench/results/guard-review.jsonl`);
