import { excerptOf } from '../excerpt.js';
import type { Finding, Severity, Surface } from '../types.js';
import { scoreText, unpackModel, type LearnedModel, type PackedModel } from './model.js';
import { candidateWindows } from './screen.js';
import { shippedModel } from './weights.js';

/** Texts up to this size are scored whole; longer ones in the windows `candidateWindows` ranks highest. */
const WHOLE_CHARS = 1500;
const TOP_FEATURES = 5;
/**
 * The layer was trained on memory-sized notes and chat text, not on documents: on the skill surface
 * (whole SKILL.md files) it raised false positives on published skills, so there it stays silent.
 */
const SURFACES: ReadonlySet<Surface> = new Set(['memory', 'context']);
/**
 * Two thresholds, both chosen by the trainer on out-of-fold scores of its own training data (train.ts), never
 * on evaluation lines: at or above `threshold` (≤ 0.2% of benign training notes, no NotInject line) the layer
 * blocks alone (`high`); between `companion` (≤ 2%) and `threshold` it is `low`, which tips a memory over
 * only together with a rule's medium finding. Not with a rule's `low`: "To see the system prompt Claude Code
 * uses, the user runs /context." names the prompt (low) and scores 0.93, and it is an ordinary note.
 * On the context surface (tool output, e-mails, job output) it never blocks alone: trained without BIPIA's
 * e-mails, it flagged 19 of their 27 benign ones (leave-one-source-out), so there it needs a rule's company.
 */
const severityOf = (probability: number, model: LearnedModel, surface: Surface): Severity =>
  probability < model.threshold ? 'low' : surface === 'memory' ? 'high' : 'medium';

let shipped: LearnedModel | undefined;
const unpacked = new WeakMap<PackedModel, LearnedModel>();

/** The shipped model is decoded on first use, so a process that loads the guard but never scans pays nothing. */
function modelFor(packed?: PackedModel): LearnedModel {
  if (!packed) return (shipped ??= unpackModel(shippedModel()));
  let model = unpacked.get(packed);
  if (!model) unpacked.set(packed, (model = unpackModel(packed)));
  return model;
}

/** The learned layer's finding for a text, if its probability reaches the model's companion threshold. */
export function scanLearned(text: string, surface: Surface, packed?: PackedModel): Finding[] {
  if (!SURFACES.has(surface)) return [];
  const model = modelFor(packed);
  let best = { start: 0, end: 0, probability: -1 };
  for (const [start, end] of pieces(text, model)) {
    const { probability } = scoreText(model, text.slice(start, end));
    if (probability > best.probability) best = { start, end, probability };
  }
  if (best.probability < model.companion) return [];
  const { top } = scoreText(model, text.slice(best.start, best.end), TOP_FEATURES);
  return [
    {
      rule: 'learned.poisoning',
      category: 'learned',
      severity: severityOf(best.probability, model, surface),
      start: best.start,
      end: best.end,
      excerpt: excerptOf(text, best.start, best.end),
      probability: Math.round(best.probability * 1000) / 1000,
      features: top,
    },
  ];
}

function pieces(text: string, model: LearnedModel): [number, number][] {
  if (text.length <= WHOLE_CHARS) return [[0, text.length]];
  const out: [number, number][] = [];
  for (const [start, end] of candidateWindows(text, model)) {
    out.push([start, end]);
    // A note-sized line inside the window is scored alone too: filler around it dilutes the window's score.
    for (const m of text.slice(start, end).matchAll(/[^\n]{20,}/gu)) out.push([start + m.index, start + m.index + m[0].length]);
  }
  return out;
}
