// The labelled guard data (../shared/guard-data): loading, and which rows the learned layer trains on.
import { existsSync, readFileSync } from 'node:fs';
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
