#!/usr/bin/env node
// `npm run bench:patch`: a generated corpus of edit cases with expected outcomes, run through the
// fuzzy patcher. Reports correct applies, correct refusals and wrong applies (target 0).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fuzzyReplace } from '../dist/skills/patch/apply.js';
import { rng } from './lib/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pick = rng(42);
const VERBS = ['Run', 'Check', 'Build', 'Deploy', 'Review', 'Open', 'Write', 'Test', 'Lint', 'Format'];
const OBJECTS = [
  'the migrations',
  'the staging logs',
  'the release notes',
  'every changed file',
  'the CI pipeline',
  'the API schema',
  'the Docker image',
  'the feature flags',
];
const TOOLS = ['make check', 'npm test', 'cargo build', 'pytest -q', 'docker compose up', 'git status'];

function document(n) {
  const lines = [`# Skill ${n}`, '', '## Process', ''];
  for (let i = 1; i <= 8; i++) {
    lines.push(`${i}. ${pick(VERBS)} ${pick(OBJECTS)} (step ${n}.${i}).`);
    if (i % 3 === 0) lines.push('   ```sh', `   ${pick(TOOLS)} --step ${n}${i}`, '   ```');
  }
  lines.push('', '## Pitfalls', '', `- Don't skip step ${n}.2 — it's "required".`, `- Use “quotes” as written for case ${n}.`);
  return lines.join('\n');
}

const MUTATIONS = {
  exact: (b) => b,
  'drifted whitespace': (b) => b.replace(/ /g, (m, i) => (i % 7 === 0 ? '  ' : m)),
  're-indented block': (b) =>
    b
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n'),
  'smart quotes and dashes': (b) => b.replace(/"/g, '“').replace(/'/g, '’').replace(/ — /g, ' - '),
  'plain quotes for smart': (b) => b.replace(/[“”]/g, '"').replace(/’/g, "'"),
  'escaped by a model': (b) => b.replace(/\n/g, '\\n').replace(/"/g, '\\"'),
  'trailing spaces': (b) =>
    b
      .split('\n')
      .map((l) => `${l}  `)
      .join('\n'),
  'one typo per line': (b) =>
    b
      .split('\n')
      .map((l) => (l.length > 12 ? l.slice(0, 6) + l.slice(7) : l))
      .join('\n'),
};

function blockAt(doc, start, count) {
  return doc
    .split('\n')
    .slice(start, start + count)
    .join('\n');
}

function applyCases() {
  const cases = [];
  for (let n = 0; n < 30; n++) {
    const doc = n % 4 === 0 ? document(n).replace(/\n/g, '\r\n') : document(n);
    const plain = doc.replace(/\r\n/g, '\n');
    const lines = plain.split('\n');
    const start = 4 + (n % 6);
    const block = blockAt(plain, start, 2 + (n % 3));
    if (block.trim() === '') continue;
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      cases.push({
        kind: `apply: ${name}${n % 4 === 0 ? ' (CRLF file)' : ''}`,
        doc,
        old: mutate(block),
        replacement: 'REPLACED LINE',
        expect: 'apply',
        target: block,
        lines,
      });
    }
  }
  return cases;
}

function refusalCases() {
  const cases = [];
  for (let n = 0; n < 25; n++) {
    const doc = document(100 + n);
    cases.push({
      kind: 'refuse: text not in the document',
      doc,
      old: `${pick(VERBS)} the unicorn stable at dawn (step x.${n}).\nThen feed it.`,
      replacement: 'x',
      expect: 'refuse',
    });
    const dupBlock = `- ${pick(VERBS)} ${pick(OBJECTS)} twice.\n- Then stop.`;
    const dupDoc = `${doc}\n\n${dupBlock}\n\n## Again\n\n${dupBlock}\n`;
    cases.push({ kind: 'refuse: exact duplicate block', doc: dupDoc, old: dupBlock, replacement: 'x', expect: 'refuse' });
    const near = `${dupBlock.replace('Then', 'then')}`;
    cases.push({
      kind: 'refuse: near-duplicate blocks',
      doc: `${doc}\n\n${dupBlock}\n\n${near}\n`,
      old: dupBlock.replace('twice', 'twice!'),
      replacement: 'x',
      expect: 'refuse',
    });
  }
  return cases;
}

function judge(c) {
  let result;
  try {
    result = fuzzyReplace(c.doc, c.old, c.replacement);
  } catch {
    return c.expect === 'refuse' ? 'correct refusal' : 'missed apply';
  }
  if (c.expect === 'refuse') return 'wrong apply';
  const normalized = result.content.replace(/\r\n/g, '\n');
  const expected = c.doc.replace(/\r\n/g, '\n').replace(c.target, 'REPLACED LINE');
  const sameOutside = normalized.replace(/^[ \t]*REPLACED LINE/m, 'REPLACED LINE') === expected;
  return sameOutside ? 'correct apply' : 'wrong apply';
}

const cases = [...applyCases(), ...refusalCases()];
const tally = {};
const byKind = {};
const wrong = [];
for (const c of cases) {
  const verdict = judge(c);
  tally[verdict] = (tally[verdict] ?? 0) + 1;
  byKind[c.kind] ??= {};
  byKind[c.kind][verdict] = (byKind[c.kind][verdict] ?? 0) + 1;
  if (verdict === 'wrong apply') wrong.push({ kind: c.kind, old: c.old.slice(0, 120) });
}
console.log(`fuzzy patch: ${cases.length} cases`);
for (const [kind, t] of Object.entries(byKind)) console.log(`  ${kind.padEnd(48)} ${JSON.stringify(t)}`);
console.log(`totals: ${JSON.stringify(tally)} (wrong applies target: 0)`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'patch.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cases: cases.length, tally, byKind, wrong }, null, 2)}\n`,
);
if (tally['wrong apply']) process.exitCode = 1;
