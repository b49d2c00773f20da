import { extractFeatures, FEATURE_BITS, type FeatureVector } from './features.js';
import { packModel, scoreText, unpackModel, type LearnedModel, type PackedModel } from './model.js';

/**
 * Build-time trainer of the learned layer (scripts/train-guard.js, and scripts/eval-guard.js once per
 * fold). Pure and deterministic: the same examples in the same order give the same bytes.
 */
export interface TrainingExample {
  text: string;
  attack: boolean;
  /** A benign text that must never be flagged (e.g. NotInject): the threshold keeps its out-of-fold scores below. */
  strict?: boolean;
}

export interface TrainOptions {
  epochs?: number;
  /** L2 strengths to try; the one whose out-of-fold scores catch most attacks under the threshold is kept. */
  l2Grid?: number[];
  learningRate?: number;
  seed?: number;
  /** Non-zero weights kept in the packed model (the strongest by magnitude). */
  keep?: number;
  /** Folds of the inner cross-validation that picks the threshold. */
  innerFolds?: number;
  /** Largest share of benign training examples allowed at or above the threshold, out of fold. */
  benignRate?: number;
  /** The same for the companion threshold (a signal that blocks only with a rule's finding). */
  companionRate?: number;
}

type Settings = Required<Omit<TrainOptions, 'l2Grid'>> & { l2: number };

const DEFAULTS: Required<TrainOptions> = {
  epochs: 12,
  l2Grid: [1e-5, 1e-4, 1e-3],
  learningRate: 0.3,
  seed: 18,
  keep: 60000,
  innerFolds: 3,
  benignRate: 0.002,
  companionRate: 0.02,
};

/**
 * Floors under the chosen thresholds, fixed a priori. Out-of-fold scores only measure the domains the training
 * data holds: trained on dev.jsonl alone, the picked threshold fell to 0.66 (its benign lines are easy) and the
 * layer then refused 26 of dev-extra's 350 memory notes on its own; at 0.95 it refused 1. With the full data the
 * picked values are 0.92–0.97, so the floor rarely binds; it keeps a model trained on a narrow set cautious.
 */
const ALONE_FLOOR = 0.95;
const COMPANION_FLOOR = 0.75;

/**
 * Nested choice, all inside the examples given: for each L2 strength, out-of-fold scores over `innerFolds`;
 * the strength that catches most attacks at its own threshold wins, and that threshold ships with the
 * model fitted on all examples. An outer evaluation that calls this per fold never lets its test fold in.
 */
export function trainModel(examples: TrainingExample[], options: TrainOptions = {}): PackedModel {
  const { l2Grid, ...rest } = { ...DEFAULTS, ...options };
  const vectors = examples.map((e) => extractFeatures(e.text));
  let best = { recall: -1, oof: [] as number[], settings: { ...rest, l2: l2Grid[0] } };
  for (const l2 of l2Grid) {
    const settings = { ...rest, l2 };
    const oof = outOfFoldScores(examples, vectors, settings);
    const threshold = pickThreshold(examples, oof, settings.benignRate, true);
    const recall = oof.filter((p, i) => examples[i].attack && p >= threshold).length;
    if (recall > best.recall) best = { recall, oof, settings };
  }
  const threshold = Math.max(ALONE_FLOOR, pickThreshold(examples, best.oof, rest.benignRate, true));
  const companion = Math.min(threshold, Math.max(COMPANION_FLOOR, pickThreshold(examples, best.oof, rest.companionRate, false)));
  const fitted = fit(examples, vectors, best.settings);
  return packModel({ ...fitted, threshold, companion }, best.settings.keep);
}

function outOfFoldScores(examples: TrainingExample[], vectors: FeatureVector[], o: Settings): number[] {
  const scores = new Array<number>(examples.length).fill(0);
  const fold = stratifiedFolds(
    examples.map((e) => e.attack),
    o.innerFolds,
    o.seed + 1,
  );
  for (let f = 0; f < o.innerFolds; f++) {
    const train = examples.map((_, i) => i).filter((i) => fold[i] !== f);
    const packed = packModel({ ...fit(pick(examples, train), pick(vectors, train), o), threshold: 0.5, companion: 0.5 }, o.keep);
    const model = unpackModel(packed);
    examples.forEach((e, i) => {
      if (fold[i] === f) scores[i] = scoreText(model, e.text).probability;
    });
  }
  return scores;
}

/** The lowest threshold that keeps out-of-fold benign hits within `benignRate` and (if `strict`) every strict benign text below it. */
function pickThreshold(examples: TrainingExample[], oof: number[], benignRate: number, strict: boolean): number {
  const benign = oof.filter((_, i) => !examples[i].attack).sort((a, b) => b - a);
  const allowed = Math.floor(benign.length * benignRate);
  let threshold = (benign[allowed] ?? 0) + 1e-6;
  if (strict) for (let i = 0; i < examples.length; i++) if (examples[i].strict) threshold = Math.max(threshold, oof[i] + 1e-6);
  return Math.min(0.99, Math.max(0.5, threshold));
}

/** Logistic regression by AdaGrad over shuffled examples, classes weighted to equal total mass. */
function fit(examples: TrainingExample[], vectors: FeatureVector[], o: Settings): Omit<LearnedModel, 'threshold' | 'companion'> {
  const weights = new Float32Array(1 << FEATURE_BITS);
  const squares = new Float32Array(1 << FEATURE_BITS).fill(1e-8);
  const attacks = examples.filter((e) => e.attack).length || 1;
  const benign = examples.length - attacks || 1;
  const classWeight = (e: TrainingExample) => (e.attack ? examples.length / (2 * attacks) : examples.length / (2 * benign));
  let bias = 0;
  let biasSquares = 1e-8;
  const order = examples.map((_, i) => i);
  const random = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const v = vectors[i];
      let z = bias;
      for (let k = 0; k < v.slots.length; k++) z += weights[v.slots[k]] * v.values[k];
      const g = (1 / (1 + Math.exp(-z)) - (examples[i].attack ? 1 : 0)) * classWeight(examples[i]);
      for (let k = 0; k < v.slots.length; k++) {
        const s = v.slots[k];
        const grad = g * v.values[k] + o.l2 * weights[s];
        squares[s] += grad * grad;
        weights[s] -= (o.learningRate * grad) / Math.sqrt(squares[s]);
      }
      biasSquares += g * g;
      bias -= (o.learningRate * g) / Math.sqrt(biasSquares);
    }
  }
  return { bias, weights };
}

export function stratifiedFolds(labels: boolean[], k: number, seed: number): number[] {
  const fold = new Array<number>(labels.length).fill(0);
  const random = mulberry32(seed);
  for (const cls of [true, false]) {
    const members = labels.map((l, i) => (l === cls ? i : -1)).filter((i) => i >= 0);
    shuffle(members, random);
    members.forEach((i, n) => (fold[i] = n % k));
  }
  return fold;
}

function pick<T>(items: T[], indices: number[]): T[] {
  return indices.map((i) => items[i]);
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
