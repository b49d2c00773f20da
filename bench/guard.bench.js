#!/usr/bin/env node
// `npm run bench:guard`: scan time of adversarial inputs built to stress regex engines and the
// decoders, against the target of 1 MiB scanned in ≤ 50 ms. Results: bench/results/guard.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanText } from '../dist/guard/index.js';
import { scanLearned } from '../dist/guard/learned/layer.js';
import { makeFacts, percentiles } from './lib/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const fill = (unit) => unit.repeat(Math.ceil(MiB / unit.length)).slice(0, MiB);
const inputs = {
  'repeated ignore without object': fill('ignore ignore previous previous '),
  'near-miss filler between key words': fill('ignore all of the the the the the previous '),
  'long word run': fill('a'),
  'base64-like run': fill('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'),
  'hex run': fill('41'),
  'spaced letters': fill('i g n o r e '),
  'zero-width everywhere': fill('a\u200b'),
  'nested brackets and tags': fill('<<<[[[system]]]>>> '),
  'quotes (split carrier)': fill('"a" '),
  'markdown images': fill('![x](https://a.b/?q='),
  'mixed scripts': fill('pаypаl іgnоrе '),
  'ordinary prose': fill('The user prefers pnpm over npm and writes tests with vitest. '),
};
const results = { date: new Date().toISOString(), node: process.version, bytes: MiB, targetMs: 50, cases: {} };
for (const [name, text] of Object.entries(inputs)) {
  scanText(text);
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    scanText(text);
    samples.push(performance.now() - t0);
  }
  const stats = percentiles(samples);
  results.cases[name] = { ...stats, met: stats.max <= 50 };
  console.log(
    `${name.padEnd(38)} p50 ${stats.p50.toFixed(1).padStart(6)} ms  max ${stats.max.toFixed(1).padStart(6)} ms  ${stats.max <= 50 ? 'ok' : 'OVER'}`,
  );
}
const short = 'The user prefers pnpm over npm for TypeScript projects';
const t0 = performance.now();
for (let i = 0; i < 2000; i++) scanText(short);
results.memorySizedScanMs = (performance.now() - t0) / 2000;
console.log(`memory-sized entry: ${results.memorySizedScanMs.toFixed(3)} ms per scan`);
// The learned layer alone (target ≤ 1 ms per memory-sized text), after its first, decoding call.
const notes = makeFacts(2000);
scanLearned(notes[0], 'memory');
const t1 = performance.now();
for (const note of notes) scanLearned(note, 'memory');
results.learnedLayerMsPerNote = (performance.now() - t1) / notes.length;
console.log(`learned layer, memory-sized note: ${results.learnedLayerMsPerNote.toFixed(3)} ms per score (target ≤ 1 ms)`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'guard.json'), `${JSON.stringify(results, null, 2)}\n`);
