// Tallies and prints guard evaluation outcomes ({row, blocked}) by tier, kind, language and source.
const tally = () => ({ n: 0, hit: 0 });
const rate = (t) => (t.n ? Math.round((10000 * t.hit) / t.n) / 10000 : null);

function bump(map, key, hit) {
  map[key] ??= tally();
  map[key].n += 1;
  if (hit) map[key].hit += 1;
}

const family = (row) => row.kind.split(':').slice(0, 2).join(':');
const benignSource = (row) => (row.kind.startsWith('notinject') ? 'notinject' : family(row));
const repo = (row) => {
  const r = row.source.split(':')[0];
  return r.startsWith('ethz-spylab/agentdojo') ? 'ethz-spylab/agentdojo' : r;
};

/** Recall over attacks that are not context-dependent; false positives over benign rows; context-dependent apart. */
export function summarise(outcomes, options = {}) {
  const g = {
    recallByTier: {},
    recallByKind: {},
    recallByLanguage: {},
    recallSubtle: {},
    falsePositivesByTier: {},
    falsePositivesBySource: {},
    falsePositivesByLanguage: {},
    contextDependent: tally(),
  };
  const bySource = { recall: {}, falsePositives: {} };
  for (const { row, blocked } of outcomes) {
    const lang = row.lang ?? 'unlabelled';
    if (row.label === 'attack' && row.context_dependent) bump(g, 'contextDependent', blocked);
    else if (row.label === 'attack') {
      for (const key of [row.tier, 'all']) bump(g.recallByTier, key, blocked);
      bump(g.recallByKind, family(row), blocked);
      bump(g.recallByLanguage, lang, blocked);
      if (row.subtle !== undefined) bump(g.recallSubtle, row.subtle ? 'subtle' : 'with trigger words', blocked);
      bump(bySource.recall, repo(row), blocked);
    } else {
      for (const key of [row.tier, 'all']) bump(g.falsePositivesByTier, key, blocked);
      bump(g.falsePositivesBySource, benignSource(row), blocked);
      bump(g.falsePositivesByLanguage, lang, blocked);
      bump(bySource.falsePositives, repo(row), blocked);
    }
  }
  const withRates = (map) => Object.fromEntries(Object.entries(map).map(([k, t]) => [k, { ...t, rate: rate(t) }]));
  if (options.bySourceOnly)
    return {
      recallByTier: withRates(g.recallByTier),
      falsePositivesByTier: withRates(g.falsePositivesByTier),
      recallByKind: withRates(g.recallByKind),
      recallBySource: withRates(bySource.recall),
      falsePositivesBySource: withRates(bySource.falsePositives),
      contextDependent: { ...g.contextDependent, rate: rate(g.contextDependent) },
    };
  const out = Object.fromEntries(Object.entries(g).map(([k, m]) => [k, k === 'contextDependent' ? { ...m, rate: rate(m) } : withRates(m)]));
  return out;
}

const pct = (t) => (t.n === 0 ? '-' : `${((100 * t.hit) / t.n).toFixed(1)}%`);

function table(title, map) {
  console.log(`\n${title}`);
  for (const [key, t] of Object.entries(map).sort())
    console.log(`  ${key.slice(0, 48).padEnd(48)} ${String(t.hit).padStart(4)}/${String(t.n).padEnd(4)} ${pct(t).padStart(6)}`);
}

export function printReport(report) {
  const cv = report.crossValidated;
  console.log(`Guard evaluation: ${report.rows} rows (dev.jsonl + dev-extra.jsonl), surface ${report.surface}, ${report.elapsedMs} ms`);
  console.log(`\n== CROSS-VALIDATED (stratified ${report.folds}-fold, seed ${report.seed}; learned layer retrained per fold) ==`);
  table('Recall (attacks blocked, not context-dependent) by tier', cv.recallByTier);
  table('Recall by kind', cv.recallByKind);
  table('Recall by language', cv.recallByLanguage);
  table('Recall on dev-extra by subtlety', cv.recallSubtle);
  table('False positives (benign blocked) by tier', cv.falsePositivesByTier);
  table('False positives by source', cv.falsePositivesBySource);
  table('False positives by language', cv.falsePositivesByLanguage);
  console.log(
    `\nContext-dependent attacks (reported apart): ${cv.contextDependent.hit}/${cv.contextDependent.n} ${pct(cv.contextDependent)}`,
  );
  const fixed = (list) => list.map((t) => t.toFixed(3)).join(', ');
  console.log(
    `Learned-layer thresholds chosen inside the folds: alone ${fixed(report.foldThresholds)}; with a rule ${fixed(report.foldCompanions)}`,
  );
  const loso = report.leaveOneSourceOut;
  console.log('\n== LEAVE-ONE-SOURCE-OUT (learned layer trained without the source it is scored on) ==');
  table('Recall by held-out source', loso.recallBySource);
  table('False positives by held-out source', loso.falsePositivesBySource);
  table('Recall by tier', loso.recallByTier);
  table('False positives by tier', loso.falsePositivesByTier);
  const half = report.heldOutOddHalf;
  console.log('\n== HELD-OUT HALF (odd lines of dev-extra: not read while writing the newest intent rules, not trained on) ==');
  table('Recall by kind', half.recallByKind);
  table('Recall by tier', half.recallByTier);
  table('False positives by source', half.falsePositivesBySource);
  const halves = report.rulesOnlyHalves;
  console.log('\nRules only, dev-extra memory poisoning: even (read) half vs odd (held-out) half');
  for (const [name, part] of Object.entries(halves)) table(`${name} half, recall by tier`, part.recallByTier);
  console.log('\n== RULES ONLY (no learned layer) ==');
  table('Recall by tier', report.rulesOnly.recallByTier);
  table('False positives by tier', report.rulesOnly.falsePositivesByTier);
  console.log('\n== IN-SAMPLE (shipped weights scored on their own training lines: optimistic, not a generalisation figure) ==');
  table('Recall by tier', report.inSample.recallByTier);
  table('False positives by tier', report.inSample.falsePositivesByTier);
  console.log(
    `\nRows where the composed verdict (rules once + each model's finding) differs from scanText: ${report.composedVerdictMismatches}`,
  );
}
