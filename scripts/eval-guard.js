#!/usr/bin/env node
// `npm run eval:guard`: measures the whole injection guard (rules + learned layer) on the labelled data in
// ../shared/guard-data (dev.jsonl + dev-extra.jsonl together), honestly: the learned layer is retrained for
// every fold and only ever scores lines it did not train on, its threshold picked inside the fold.
//   1. stratified 5-fold cross-validation (fixed seed): recall and false positives per tier, kind, language, source
//   2. leave-one-source-out: train on every other source, score the held-out one
//   3. in-sample figures of the shipped weights, labelled as such (they flatter the layer)
// Context-dependent attacks are reported apart. Writes bench/results/guard-eval.json and guard-review.jsonl.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanText } from '../dist/guard/index.js';
import { scanLearned } from '../dist/guard/learned/layer.js';
import { trainModel } from '../dist/guard/learned/train.js';
import { BLOCK_THRESHOLD, SEVERITY_WEIGHT } from '../dist/guard/types.js';
import { dataDir, loadAuthoredData, loadGuardData, sourceOf, toExample, trainable } from './lib/guard-data.js';
import { printReport, summarise } from './lib/guard-report.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const surface = process.env.KEI_EVAL_SURFACE ?? 'memory';
const FOLDS = 5;
const SEED = 18;
const OFF = { version: 1, bits: 18, bias: -20, scale: 1, threshold: 2, slots: '', weights: '' };

const rows = loadGuardData(root);
if (!rows) {
  console.log(`eval-guard: no labelled data in ${dataDir(root)} (it is not shipped); nothing to evaluate.`);
  process.exit(0);
}
const started = performance.now();

function scanWith(row, learnedModel) {
  const result = scanText(row.text, { surface, learnedModel });
  const learned = result.findings.find((f) => f.rule === 'learned.poisoning');
  return {
    blocked: result.verdict === 'block',
    score: result.score,
    rules: result.findings.map((f) => f.rule),
    learned: learned ? { probability: learned.probability, features: learned.features?.map((x) => x.feature) } : null,
  };
}

// The rule layers do not depend on the learned model, so each row's rule scan is done once and every
// retrained model adds only its own finding. The learned finding is its own category (never merged with a
// rule's) and adds its severity's weight to the score, so the verdict composes exactly; the in-sample pass
// below runs the whole scanText and counts any row where the two disagree.
const rulesOnly = rows.map((row) => ({ row, ...scanWith(row, OFF) }));

function composed(row, learnedModel) {
  const rules = rulesOnly[row.index];
  const [learned] = scanLearned(row.text, surface, learnedModel);
  if (!learned) return { ...rules, learned: null };
  const score = Math.min(100, rules.score + SEVERITY_WEIGHT[learned.severity]);
  return {
    blocked: rules.blocked || score >= BLOCK_THRESHOLD[surface],
    score,
    rules: [...rules.rules, learned.rule],
    learned: { probability: learned.probability, features: learned.features?.map((x) => x.feature) },
  };
}

// Lines written for this project without reading the labelled data: in every training part, never scored.
const authored = process.env.KEI_EVAL_NO_AUTHORED === '1' ? [] : loadAuthoredData(root);

/** Trains on `trainRows` (and the authored lines), scans `testRows`; returns one outcome per test row. */
function heldOut(trainRows, testRows) {
  const model = trainModel([...trainRows, ...authored].filter(trainable).map(toExample));
  return testRows.map((row) => ({ row, threshold: model.threshold, companion: model.companion, ...composed(row, model) }));
}

function stratifiedFolds() {
  const groups = new Map();
  for (const row of rows) {
    const key = `${row.file}|${row.label}|${row.tier}|${row.kind.split(':').slice(0, 2).join(':')}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row.index);
  }
  const fold = new Array(rows.length);
  let s = SEED;
  const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((index, n) => (fold[index] = (n + offset) % FOLDS));
    offset += members.length;
  }
  return fold;
}

const fold = stratifiedFolds();
const cv = [];
for (let f = 0; f < FOLDS; f++)
  cv.push(
    ...heldOut(
      rows.filter((r) => fold[r.index] !== f),
      rows.filter((r) => fold[r.index] === f),
    ),
  );
const sources = [...new Set(rows.map(sourceOf))].sort();
const loso = [];
for (const source of sources)
  loso.push(
    ...heldOut(
      rows.filter((r) => sourceOf(r) !== source),
      rows.filter((r) => sourceOf(r) === source),
    ),
  );

// The odd half of dev-extra: the intent rules added on 2026-12-07/08 were written reading only its even lines (earlier
// rules had seen every line), and the learned layer is trained here without the odd lines. So this half is the
// closest to unseen text these figures get; the gap between the halves shows how much the rules fit what they read.
const devLines = rows.filter((r) => r.file === 'dev.jsonl').length;
const oddExtra = (r) => r.file === 'dev-extra.jsonl' && (r.index - devLines) % 2 === 1;
const evenExtra = (r) => r.file === 'dev-extra.jsonl' && (r.index - devLines) % 2 === 0;
const heldOutHalf = heldOut(
  rows.filter((r) => !oddExtra(r)),
  rows.filter(oddExtra),
);
const rulesOnlyHalves = {
  even: summarise(rulesOnly.filter((o) => evenExtra(o.row))),
  odd: summarise(rulesOnly.filter((o) => oddExtra(o.row))),
};

const inSample = rows.map((row) => ({ row, ...scanWith(row) }));
const mismatches = inSample.filter((o) => o.blocked !== composed(o.row).blocked).length;
const elapsedMs = performance.now() - started;

const report = {
  about:
    'Whole guard (rules + learned layer) on dev.jsonl + dev-extra.jsonl. crossValidated: stratified 5-fold, the learned layer ' +
    'retrained per fold with its threshold picked on out-of-fold scores inside the training part (every training part also ' +
    'holds the authored lines of scripts/data, which are never scored). leaveOneSourceOut: trained ' +
    'without the source it is scored on. rulesOnly: the rule layers alone (no training involved). inSample: the shipped weights ' +
    'on the lines they were trained on; optimistic, not a measure of generalisation.',
  surface,
  rows: rows.length,
  authoredTrainingLines: authored.length,
  folds: FOLDS,
  seed: SEED,
  elapsedMs: Math.round(elapsedMs),
  date: new Date().toISOString(),
  crossValidated: summarise(cv),
  foldThresholds: [...new Set(cv.map((o) => o.threshold))],
  foldCompanions: [...new Set(cv.map((o) => o.companion))],
  composedVerdictMismatches: mismatches,
  leaveOneSourceOut: summarise(loso, { bySourceOnly: true }),
  heldOutOddHalf: summarise(heldOutHalf),
  rulesOnlyHalves,
  rulesOnly: summarise(rulesOnly),
  inSample: summarise(inSample),
};
printReport(report);
const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'guard-eval.json'), `${JSON.stringify(report, null, 2)}\n`);
const review = cv
  .filter((o) => (o.row.label === 'attack' && !o.row.context_dependent) !== o.blocked && !o.row.context_dependent)
  .map((o) => ({
    type: o.blocked ? 'false_positive' : 'miss',
    file: o.row.file,
    tier: o.row.tier,
    kind: o.row.kind,
    text: o.row.text.slice(0, 400),
    score: o.score,
    rules: o.rules,
    learned: o.learned,
  }));
writeFileSync(join(outDir, 'guard-review.jsonl'), review.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`\nResults: bench/results/guard-eval.json; cross-validated misses and false positives: bench/results/guard-review.jsonl`);
