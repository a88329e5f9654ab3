/**
 * Training of the polyphone model (model.ts) from labelled sentences in the CPP / g2pL format: one target
 * character a sentence wrapped as `▁X▁`, its reading on the same line of the label file (`hang2`, `5` neutral,
 * `u:` for ü). Pure and deterministic (a fixed-seed shuffle), so `npm run train:pinyin` and the unit test that
 * checks the committed model produce the same bytes. Used by scripts/train-pinyin.mjs and bench/pinyin.ts;
 * never by the extension.
 */
import { candidatesOf, encodeBase64Int8, featureHashes, MODEL_BITS, polyphoneFeatures, slot, type PackedModel, type PolyphoneContext, type PolyphoneModel } from './model';
import { charBefore, hanRuns, polyphoneContexts, readingsOf } from './reader';

export interface LabelledItem {
  /** The sentence without the markers. */
  readonly text: string;
  /** Code point index of the target. */
  readonly index: number;
  /** Canonical reading (`lv4`, `le5`). */
  readonly label: string;
}

/** Items of a `.sent` / `.lb` pair. */
export function parseLabelled(sent: string, lb: string): LabelledItem[] {
  const sentences = sent.split('\n').filter((l) => l.trim() !== '');
  const labels = lb.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().replace('u:', 'v'));
  if (sentences.length !== labels.length) throw new Error(`${sentences.length} sentences but ${labels.length} labels`);
  return sentences.map((s, i) => ({ text: s.replace(/▁/g, ''), index: [...s].indexOf('▁'), label: labels[i]! }));
}

/** The model's context of an item's target (in its Han run), or undefined when the reader sees no polyphone there. */
export function contextOf(text: string, index: number): PolyphoneContext | undefined {
  let offset = 0;
  let k = 0;
  for (const c of text) {
    if (k === index) break;
    offset += c.length;
    k++;
  }
  const run = hanRuns(text).find((r) => r.start <= offset && offset < r.end);
  if (!run) return undefined;
  let inRun = 0;
  for (let o = run.start; o < offset; o += text.codePointAt(o)! > 0xffff ? 2 : 1) inRun++;
  const ctx = polyphoneContexts(run.chars, charBefore(text, run.start)).contexts.get(inRun);
  return ctx;
}

export interface Example {
  readonly char: string;
  readonly label: string;
  readonly ctx: PolyphoneContext;
  readonly hashes: Uint32Array;
}

/** Passes over the training data: tuned on g2pL dev (98.05 / 98.06 / 98.04% at 3 / 5 / 8 passes). */
export const EPOCHS = 5;
/** Seed of the per-epoch shuffle: any fixed value, so training is reproducible. */
const SEED = 20240601;

function prng(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** The training examples of items: those whose target the reader sees as a polyphone, with their features. */
export function prepareExamples(items: readonly LabelledItem[]): Example[] {
  const examples: Example[] = [];
  for (const item of items) {
    const ctx = contextOf(item.text, item.index);
    if (!ctx) continue;
    const char = ctx.chars[ctx.index]!;
    examples.push({ char, label: item.label, ctx, hashes: featureHashes(char, polyphoneFeatures(ctx)) });
  }
  return examples;
}

/** Trains a model on the items (those whose target the reader sees as a polyphone). */
export function trainModel(items: readonly LabelledItem[], epochs = EPOCHS): PolyphoneModel {
  return trainOnExamples(prepareExamples(items), epochs);
}

export function trainOnExamples(examples: readonly Example[], epochs = EPOCHS): PolyphoneModel {
  const counts = new Map<string, Map<string, number>>();
  for (const e of examples) {
    const byLabel = counts.get(e.char) ?? new Map<string, number>();
    byLabel.set(e.label, (byLabel.get(e.label) ?? 0) + 1);
    counts.set(e.char, byLabel);
  }
  const candidates = new Map<string, readonly string[]>();
  for (const [char, byLabel] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    candidates.set(char, [...byLabel].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r));
  }
  const size = 1 << MODEL_BITS;
  const w = new Float64Array(size);
  // Averaged perceptron by the usual trick: u accumulates each update times the step it happened at.
  const u = new Float64Array(size);
  let step = 1;
  const order = examples.map((_, i) => i);
  const random = prng(SEED);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order.map((i) => examples[i]!)) {
      const cands = candidatesOf({ candidates }, e.char, e.ctx.prior);
      if (!cands) {
        step++;
        continue;
      }
      let best = cands[0]!;
      let bestScore = -Infinity;
      for (const r of cands) {
        let s = 0;
        for (const h of e.hashes) s += w[slot(h, r)]!;
        if (s > bestScore) {
          bestScore = s;
          best = r;
        }
      }
      if (best !== e.label) {
        for (const h of e.hashes) {
          const good = slot(h, e.label);
          const bad = slot(h, best);
          w[good]! += 1;
          u[good]! += step;
          w[bad]! -= 1;
          u[bad]! -= step;
        }
      }
      step++;
    }
  }
  let max = 0;
  const avg = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    avg[i] = w[i]! - u[i]! / step;
    max = Math.max(max, Math.abs(avg[i]!));
  }
  const weights = new Int8Array(size);
  const scale = max > 0 ? 127 / max : 0;
  for (let i = 0; i < size; i++) weights[i] = Math.round(avg[i]! * scale);
  return { candidates, weights };
}

export function packModel(model: PolyphoneModel): PackedModel {
  const candidateLines = [...model.candidates].map(([char, readings]) => char + readings.join(' ')).join('\n');
  return { candidateLines, weights: encodeBase64Int8(model.weights) };
}

/** The generated module holding a packed model. */
export function modelModule(packed: PackedModel, sources: string): string {
  return `// Generated by \`npm run train:pinyin\` (scripts/train-pinyin.mjs, src/core/pinyin/train.ts) from ${sources}.
// Do not edit. The polyphone model of src/core/pinyin/model.ts: candidate readings per character, and 2^${MODEL_BITS}
// int8 weights (feature-hashed averaged perceptron) in base64. Training data: Apache-2.0, see THIRD_PARTY_NOTICES.md.
export const MODEL_CANDIDATES = ${JSON.stringify(packed.candidateLines)};
export const MODEL_WEIGHTS = ${JSON.stringify(packed.weights)};
`;
}

/** The corpus files the committed model is trained on, relative to the corpus folder. */
export const TRAINING_FILES = [
  ['pinyin-g2pl/train.sent', 'pinyin-g2pl/train.lb'],
  ['pinyin-cpp/dev.sent', 'pinyin-cpp/dev.lb'],
] as const;

/** The committed model's module text, from the corpus read through `read` (a path relative to the corpus). */
export function trainCommittedModel(read: (path: string) => string): string {
  const items = TRAINING_FILES.flatMap(([s, l]) => parseLabelled(read(s), read(l)));
  return modelModule(packModel(trainModel(items)), 'pinyin-g2pl/train and pinyin-cpp/dev in ../shared/corpus');
}

/** Accuracy of the current reader on items: right / total, and the misses by character. */
export function evaluate(items: readonly LabelledItem[], read: (text: string, index: number) => string | null | undefined = (t, i) => readingsOf(t)[i]): { right: number; total: number; byChar: Map<string, { right: number; total: number }> } {
  let right = 0;
  const byChar = new Map<string, { right: number; total: number }>();
  for (const item of items) {
    const ok = read(item.text, item.index) === item.label;
    if (ok) right++;
    const char = [...item.text][item.index]!;
    const c = byChar.get(char) ?? { right: 0, total: 0 };
    c.total++;
    if (ok) c.right++;
    byChar.set(char, c);
  }
  return { right, total: items.length, byChar };
}
