// The labelled guard data (../shared/guard-data): loading, and which rows the learned layer trains on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_FILES = ['dev.jsonl', 'dev-extra.jsonl'];

export function dataDir(root) {
  return process.env.KEI_GUARD_DATA ?? join(root, '..', 'shared', 'guard-data');
}

/** Every row of both files, with `file` and `index` added; null when the data is not there (it is not shipped). */
export function loadGuardData(root) {
  const dir = dataDir(root);
  if (!DATA_FILES.every((f) => existsSync(join(dir, f)))) return null;
  const rows = [];
  for (const file of DATA_FILES) {
    const lines = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const line of lines) rows.push({ ...JSON.parse(line), file, index: rows.length });
  }
  return rows;
}

/**
 * Lines written for this project (scripts/data/guard-authored-*.jsonl), without reading ../shared/guard-data: more
 * phrasings of the memory-poisoning families and benign notes close to them. Training only: the learned layer trains
 * on them in every fold, and no figure is measured on them.
 */
export function loadAuthoredData(root) {
  const dir = join(root, 'scripts', 'data');
  if (!existsSync(dir)) return [];
  const rows = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^guard-authored-.*\.jsonl$/.test(f))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      if (typeof row.text !== 'string' || !['attack', 'benign'].includes(row.label))
        throw new Error(`${file}: a line without text or label`);
      rows.push({ ...row, kind: row.kind ?? '', source: `authored:${file}`, file, index: -1 });
    }
  }
  return rows;
}

/** Context-dependent attacks are attacks only against some system prompt ("what is the password?"): not trained on. */
export function trainable(row) {
  return !(row.label === 'attack' && row.context_dependent);
}

export function toExample(row) {
  return { text: row.text, attack: row.label === 'attack', strict: row.kind.startsWith('notinject') };
}

/** The repository a row came from; the two AgentDojo forks are one source. */
export function sourceOf(row) {
  const repo = row.source.split(':')[0];
  return repo.startsWith('ethz-spylab/agentdojo') ? 'ethz-spylab/agentdojo' : repo;
}
