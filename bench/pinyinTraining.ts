/**
 * Training of zhdoc's polyphone model (src/core/pinyin/model.ts): an averaged perceptron over the features the
 * reader computes at run time, on the labelled polyphone sentences of the corpus (one target a sentence, `▁X▁`).
 * Used by bench/train-pinyin.ts (`npm run train:pinyin`), the bench (k-fold on CPP) and the model's unit test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateFeatures, contextFeatures, featureKey, packModel, unpackModel, type PolyphoneModel, type PolyphoneSite } from '../src/core/pinyin/model';
import { charBefore, hanRuns, polyphoneSites } from '../src/core/pinyin/reader';

export interface LabelledSentence {
  /** The sentence without the target's marks. */
  readonly text: string;
  /** Code point index of the target. */
  readonly index: number;
  /** Canonical reading (ü as v). */
  readonly label: string;
}

/** One split of a polyphone set (`NAME.sent` / `NAME.lb`). */
export function loadSplit(dir: string, name: string): LabelledSentence[] {
  const sentences = readFileSync(join(dir, `${name}.sent`), 'utf8').split('\n').filter(Boolean);
  const labels = readFileSync(join(dir, `${name}.lb`), 'utf8').split('\n').filter((l) => l.trim());
  if (sentences.length !== labels.length) throw new Error(`${dir}/${name}: ${sentences.length} sentences, ${labels.length} labels`);
  return sentences.map((s, i) => ({ text: s.replace(/▁/g, ''), index: [...s].indexOf('▁'), label: labels[i]!.trim().replace('u:', 'v') }));
}

export interface Example {
  readonly site: PolyphoneSite;
  readonly char: string;
  readonly label: string;
  /** Size of this example's updates (CPP's running text may count more than g2pL's balanced sample). */
  readonly weight?: number;
}

/**
 * The site of a sentence's target as the reader sees it at run time (its Han run, Simplified), or undefined when
 * the reader does not treat the target as a polyphone there (a character with one reading, a form that decides).
 */
export function exampleOf(s: LabelledSentence): Example | undefined {
  const chars = [...s.text];
  let offset = 0;
  for (let k = 0; k < s.index; k++) offset += chars[k]!.length;
  const run = hanRuns(s.text).find((r) => r.start <= offset && offset < r.end);
  if (!run) return undefined;
  let index = 0;
  for (let at = run.start; at < offset; at += run.chars[index++]!.length);
  const site = polyphoneSites(run.chars, charBefore(s.text, run.start)).find((x) => x.index === index);
  if (!site || site.byForm !== undefined) return undefined;
  return { site, char: site.simple[index]!, label: s.label };
}

export function examplesOf(sentences: readonly LabelledSentence[], weight?: number): Example[] {
  return sentences.map(exampleOf).filter((e): e is Example => e !== undefined).map((e) => (weight === undefined ? e : { ...e, weight }));
}

export interface TrainOptions {
  readonly epochs: number;
  /** Averaged weights smaller than this (in update units) are dropped: they decide almost nothing and cost bytes. */
  readonly prune: number;
  readonly seed: number;
  /** Update size of a CPP example relative to a g2pL one. */
  readonly cppWeight?: number;
  /** Feature prefixes left out of training (so weightless at run time): for ablations while tuning. */
  readonly drop?: readonly string[];
  /** Update also when the gold reading wins by less than this (a margin perceptron), in update units. */
  readonly margin?: number;
}

/** The options the shipped model is trained with, chosen on g2pL dev and the CPP training folds. */
export const TRAIN_OPTIONS: TrainOptions = { epochs: 5, prune: 0.05, seed: 1, margin: 3 };

interface Prepared {
  readonly weight: number;
  readonly candidates: readonly string[];
  readonly gold: number;
  readonly priorAt: number;
  /** Keys per candidate (the prior's include the shared prior-only features). */
  readonly keys: readonly Int32Array[];
}

/** Each polyphone's readings in the examples, most frequent first (characters in code-unit order). */
export function labelsOf(examples: readonly Example[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of examples) {
    const m = counts.get(e.char) ?? new Map<string, number>();
    m.set(e.label, (m.get(e.label) ?? 0) + 1);
    counts.set(e.char, m);
  }
  const labels = new Map<string, string[]>();
  for (const [c, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    labels.set(c, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l));
  }
  return labels;
}

function prepare(e: Example, labels: ReadonlyMap<string, readonly string[]>, drop: readonly string[]): Prepared {
  const own = labels.get(e.char)!;
  const candidates = own.includes(e.site.prior) ? own : [...own, e.site.prior];
  const features = contextFeatures(e.site).filter((f) => !drop.some((d) => f.startsWith(d)));
  const priorAt = candidates.indexOf(e.site.prior);
  const keys = candidates.map((label) => {
    const ks = features.map((f) => featureKey(e.char, f, label));
    for (const f of candidateFeatures(e.site, label)) if (!drop.some((d) => f.startsWith(d))) ks.push(featureKey(e.char, f, label));
    return Int32Array.from(ks);
  });
  return { weight: e.weight ?? 1, candidates, gold: candidates.indexOf(e.label), priorAt, keys };
}

export function prng(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** What the perceptron needs of an example: its weight, the gold and prior candidates, each candidate's keys. */
export interface PerceptronExample {
  readonly weight: number;
  readonly gold: number;
  readonly priorAt: number;
  readonly keys: readonly Int32Array[];
}

/**
 * Averaged-perceptron weights (not pruned) over `prepared`, shuffled per epoch by `seed`. The prior wins ties, as at
 * run time; with a margin, the best rival is the best other than the gold reading.
 */
export function averagedPerceptron(prepared: readonly PerceptronExample[], options: { readonly epochs: number; readonly seed: number; readonly margin: number }): Map<number, number> {
  const w = new Map<number, number>();
  const u = new Map<number, number>();
  let c = 1;
  const order = prepared.map((_, i) => i);
  const random = prng(options.seed);
  const margin = options.margin;
  const scoreOf = (keys: Int32Array): number => {
    let s = 0;
    for (const k of keys) s += w.get(k) ?? 0;
    return s;
  };
  const update = (keys: Int32Array, by: number): void => {
    for (const k of keys) {
      w.set(k, (w.get(k) ?? 0) + by);
      u.set(k, (u.get(k) ?? 0) + c * by);
    }
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const p = prepared[i]!;
      let best = -1;
      let bestScore = -Infinity;
      p.keys.forEach((keys, k) => {
        if (margin > 0 && k === p.gold) return;
        const s = scoreOf(keys) + (k === p.priorAt ? 1e-9 : 0);
        if (s > bestScore) {
          best = k;
          bestScore = s;
        }
      });
      const goldScore = scoreOf(p.keys[p.gold]!) + (p.gold === p.priorAt ? 1e-9 : 0);
      if (best >= 0 && best !== p.gold && goldScore < bestScore + margin) {
        update(p.keys[p.gold]!, p.weight);
        update(p.keys[best]!, -p.weight);
      }
      c++;
    }
  }
  const averaged = new Map<number, number>();
  for (const [k, v] of w) averaged.set(k, v - (u.get(k) ?? 0) / c);
  return averaged;
}

/** Trains and packs a model; returns it with its packed bytes and label lines. */
export function train(examples: readonly Example[], options: TrainOptions = TRAIN_OPTIONS): { model: PolyphoneModel; bytes: Uint8Array; labelLines: string } {
  const labels = labelsOf(examples);
  const prepared = examples.map((e) => prepare(e, labels, options.drop ?? [])).filter((p) => p.gold >= 0);
  return finish(averagedPerceptron(prepared, { epochs: options.epochs, seed: options.seed, margin: options.margin ?? 0 }), labels, options);
}

/** Prunes, quantises and packs trained weights. */
function finish(weights: ReadonlyMap<number, number>, labels: ReadonlyMap<string, readonly string[]>, options: TrainOptions): { model: PolyphoneModel; bytes: Uint8Array; labelLines: string } {
  const kept = new Map<number, number>();
  let max = 0;
  for (const [k, a] of weights) {
    if (Math.abs(a) < options.prune) continue;
    kept.set(k >>> 0, a);
    max = Math.max(max, Math.abs(a));
  }
  const scale = max / 32767 || 1;
  const quantised = new Map<number, number>();
  for (const [k, a] of kept) {
    const q = Math.round(a / scale);
    if (q !== 0) quantised.set(k, q);
  }
  const bytes = packModel(quantised, scale);
  const labelLines = [...labels].map(([ch, ls]) => ch + ls.join(' ')).join('\n');
  return { model: unpackModel(bytes, labelLines), bytes, labelLines };
}

/** The hash the training script records beside the model, over its bytes and its label lines. */
export function modelHash(bytes: Uint8Array, labelLines: string): string {
  return createHash('sha256').update(bytes).update('\n').update(labelLines, 'utf8').digest('hex');
}

/** Number of CPP folds. */
export const FOLDS = 5;

/** Fold k of n: every n-th sentence from k (CPP lists each character's sentences together: each fold gets some). */
export function fold<T>(items: readonly T[], k: number, n = FOLDS): { train: T[]; test: T[] } {
  return { train: items.filter((_, i) => i % n !== k), test: items.filter((_, i) => i % n === k) };
}

/** The training data of the shipped model: g2pL train and all of CPP dev. */
export function shippedExamples(corpus: string, options: TrainOptions = TRAIN_OPTIONS): Example[] {
  return [...examplesOf(loadSplit(join(corpus, 'pinyin-g2pl'), 'train')), ...examplesOf(loadSplit(join(corpus, 'pinyin-cpp'), 'dev'), options.cppWeight)];
}

/** Share of sentences whose target `read` reads as labelled, with the misses per character. */
export function accuracy(sentences: readonly LabelledSentence[], read: (text: string, index: number) => string | null | undefined): { right: number; total: number; perChar: Map<string, [number, number]> } {
  let right = 0;
  const perChar = new Map<string, [number, number]>();
  for (const s of sentences) {
    const ok = read(s.text, s.index) === s.label;
    if (ok) right++;
    const ch = [...s.text][s.index]!;
    const cell = perChar.get(ch) ?? [0, 0];
    cell[0] += ok ? 1 : 0;
    cell[1]++;
    perChar.set(ch, cell);
  }
  return { right, total: sentences.length, perChar };
}
