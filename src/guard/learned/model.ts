import { extractFeatures, FEATURE_BITS, type FeatureVector } from './features.js';

/**
 * A logistic-regression model over hashed features, packed for shipping: the non-zero weights as
 * delta-encoded slot numbers (LEB128) and int8 weights times `scale`, both base64.
 */
export interface PackedModel {
  version: number;
  bits: number;
  bias: number;
  scale: number;
  /** Probability at or above which the layer alone blocks; chosen on out-of-fold scores of the training data. */
  threshold: number;
  /**
   * Lower probability at or above which the layer is reported as a signal that blocks only together with a
   * rule's finding; chosen the same way at a looser benign rate. Absent in older models: then `threshold`.
   */
  companion?: number;
  slots: string;
  weights: string;
}

export interface LearnedModel {
  bias: number;
  threshold: number;
  companion: number;
  weights: Float32Array;
  /**
   * The same weights as int8 (weight / scale), for screening long text: a quarter of the memory, so the
   * random lookups of a 1 MiB pass stay in cache (screen.ts). Absent on a model that was never packed.
   */
  quantised?: Int8Array;
}

export interface LearnedScore {
  probability: number;
  /** The n-grams that pushed the score up most, heaviest first. */
  top: { feature: string; weight: number }[];
}

export function unpackModel(packed: PackedModel): LearnedModel {
  const weights = new Float32Array(1 << packed.bits);
  const quantised = new Int8Array(1 << packed.bits);
  const slots = fromBase64(packed.slots);
  const values = fromBase64(packed.weights);
  let slot = 0;
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const byte = slots[at++];
      delta |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte < 0x80) break;
    }
    slot += delta;
    quantised[slot] = (values[k] << 24) >> 24;
    weights[slot] = quantised[slot] * packed.scale;
  }
  return { bias: packed.bias, threshold: packed.threshold, companion: packed.companion ?? packed.threshold, weights, quantised };
}

export function packModel(model: LearnedModel, keep: number): PackedModel {
  const order = [...model.weights.keys()].filter((i) => model.weights[i] !== 0);
  order.sort((a, b) => Math.abs(model.weights[b]) - Math.abs(model.weights[a]) || a - b);
  const kept = order.slice(0, keep).sort((a, b) => a - b);
  const max = kept.reduce((m, i) => Math.max(m, Math.abs(model.weights[i])), 1e-9);
  const scale = max / 127;
  const slotBytes: number[] = [];
  const weightBytes: number[] = [];
  let previous = 0;
  for (const i of kept) {
    const q = Math.round(model.weights[i] / scale);
    if (q === 0) continue;
    pushVarint(slotBytes, i - previous);
    previous = i;
    weightBytes.push(q & 0xff);
  }
  return {
    version: 1,
    bits: FEATURE_BITS,
    bias: model.bias,
    scale,
    threshold: model.threshold,
    companion: model.companion,
    slots: toBase64(Uint8Array.from(slotBytes)),
    weights: toBase64(Uint8Array.from(weightBytes)),
  };
}

/** LEB128: seven bits a byte, low first, the high bit set on every byte but the last. */
function pushVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
}

export function scoreText(model: LearnedModel, text: string, explain = 0): LearnedScore {
  const features = extractFeatures(text, explain > 0);
  let z = model.bias;
  for (let k = 0; k < features.slots.length; k++) z += model.weights[features.slots[k]] * features.values[k];
  const probability = 1 / (1 + Math.exp(-z));
  if (!explain) return { probability, top: [] };
  return { probability, top: topWords(model, features, explain) };
}

/** Each feature's contribution is shared among the words it covers; the words that gained most, heaviest first. */
function topWords(model: LearnedModel, features: FeatureVector, count: number): LearnedScore['top'] {
  const words = features.words ?? [];
  const gain = new Float64Array(words.length);
  features.spans?.forEach(([first, last], k) => {
    if (first < 0 || last < first) return;
    const share = (model.weights[features.slots[k]] * features.values[k]) / (last - first + 1);
    for (let w = first; w <= last; w++) gain[w] += share;
  });
  const best = new Map<string, number>();
  words.forEach((word, w) => best.set(word, Math.max(best.get(word) ?? -Infinity, gain[w])));
  // Concepts speak for themselves: "concept:secret" or "concepts:secret+address" names what the words amount to.
  for (const { index, name } of features.concepts ?? []) best.set(name, model.weights[features.slots[index]] * features.values[index]);
  return [...best]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain base64, written out so the guard needs neither Buffer nor atob (it imports nothing). */
function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/u, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
