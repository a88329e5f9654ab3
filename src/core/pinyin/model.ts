/**
 * The trained polyphone disambiguator, stacked over the lexicon and the context rules (which give its prior
 * and stay the fallback): a multiclass averaged perceptron per polyphonic character over its context in the
 * Simplified view of the run (neighbouring characters and their n-grams, the lexicon word the segmentation
 * chose) and the prior reading with where it came from. Weights are feature-hashed into one table of
 * int8, so the model ships as a single packed array (src/core/generated/pinyinModel.ts, made by
 * `npm run train:pinyin`, see train.ts) and a prediction costs a few dozen hash look-ups.
 */

/** log2 of the weight table's size: 2^18 int8 weights (256 KiB) hold the trained features with few collisions. */
export const MODEL_BITS = 18;

/** Where the prior reading came from: a lexicon word, a context rule, or the character's own default. */
export type PriorSource = 'word' | 'rule' | 'default';

export interface PolyphoneContext {
  /** The run in Simplified form, code points. */
  readonly chars: readonly string[];
  readonly index: number;
  /** The character just before the run ('' at the start). */
  readonly before: string;
  readonly prior: string;
  readonly source: PriorSource;
  /** The lexicon word covering the character, when the segmentation chose one. */
  readonly word: string | undefined;
}

export interface PolyphoneModel {
  /** Candidate readings per character the model was trained on, most frequent in training first. */
  readonly candidates: ReadonlyMap<string, readonly string[]>;
  readonly weights: Int8Array;
}

/** A coarse class of the character before a run: digits make 只 a classifier and 弄 a lane. */
function beforeClass(before: string): string {
  if (before === '') return '^';
  if (/\p{N}/u.test(before)) return '^0';
  if (/\p{L}/u.test(before)) return '^a';
  return '^' + before;
}

/** The features of a polyphone in context, without the character (the hash adds it). */
export function polyphoneFeatures(ctx: PolyphoneContext): string[] {
  const { chars, index: i } = ctx;
  const at = (k: number): string => (k < 0 ? (k === -1 ? beforeClass(ctx.before) : '^') : k >= chars.length ? '$' : chars[k]!);
  const l1 = at(i - 1), l2 = at(i - 2), l3 = at(i - 3), r1 = at(i + 1), r2 = at(i + 2), r3 = at(i + 3);
  // Tuned on g2pL dev: a bag of characters within ±3…12 and unigrams at distance 3 lowered accuracy (the
  // perceptron over-fits on them); ICU's words around the character gained nothing measurable, at a cost per hover.
  const f = [
    'b',
    'p' + ctx.prior,
    's' + ctx.source + ctx.prior,
    'l' + l1, 'r' + r1, 'L' + l2, 'R' + r2,
    'A' + l2 + l1, 'B' + l1 + r1, 'C' + r1 + r2,
    'D' + l3 + l2 + l1, 'E' + r1 + r2 + r3, 'F' + l2 + l1 + r1, 'G' + l1 + r1 + r2,
  ];
  if (ctx.word) f.push('w' + ctx.word);
  return f;
}

/** FNV-1a over UTF-16 code units, continuing from `h`. */
export function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The weight slot of (character-feature hash, reading). */
export function slot(featureHash: number, reading: string): number {
  const h = fnv(reading, Math.imul(featureHash ^ 0x9e3779b9, 0x85ebca6b) >>> 0);
  return (h ^ (h >>> 15)) & ((1 << MODEL_BITS) - 1);
}

/** Hashes of the character's features: the per-reading slots follow from them. */
export function featureHashes(char: string, features: readonly string[]): Uint32Array {
  const base = fnv(char + '\u0001');
  const out = new Uint32Array(features.length);
  for (let k = 0; k < features.length; k++) out[k] = fnv(features[k]!, base);
  return out;
}

/**
 * The readings the model chooses among: those seen in training and the prior, first (so it wins ties).
 * Undefined for an erhua prior (儿 r5 after a syllable): the training sets never label erhua, so the model has
 * learnt only the full syllable ér and cannot judge the suffix (measured on g2pL dev: keeping every unseen prior
 * instead costs 0.1 point, the model rightly overrules rare readings that lexicon words gave).
 */
export function candidatesOf(model: Pick<PolyphoneModel, 'candidates'>, char: string, prior: string): readonly string[] | undefined {
  const seen = model.candidates.get(char);
  if (!seen || prior === 'r5') return undefined;
  return seen.includes(prior) ? [prior, ...seen.filter((r) => r !== prior)] : [prior, ...seen];
}

/** The model's reading of the character in context; the prior when the model does not know the character. */
export function predictReading(model: PolyphoneModel, ctx: PolyphoneContext): string {
  const char = ctx.chars[ctx.index]!;
  const candidates = candidatesOf(model, char, ctx.prior);
  if (!candidates || candidates.length < 2) return ctx.prior;
  const hashes = featureHashes(char, polyphoneFeatures(ctx));
  let best = ctx.prior;
  let bestScore = -Infinity;
  for (const reading of candidates) {
    let score = 0;
    for (let k = 0; k < hashes.length; k++) score += model.weights[slot(hashes[k]!, reading)]!;
    if (score > bestScore) {
      bestScore = score;
      best = reading;
    }
  }
  return best;
}

/** The packed model: candidate lines (character, then its readings separated by spaces) and base64 weights. */
export interface PackedModel {
  readonly candidateLines: string;
  readonly weights: string;
}

export function unpackModel(packed: PackedModel): PolyphoneModel {
  const candidates = new Map<string, readonly string[]>();
  for (const line of packed.candidateLines.split('\n')) {
    if (!line) continue;
    const ch = String.fromCodePoint(line.codePointAt(0)!);
    candidates.set(ch, line.slice(ch.length).trim().split(' '));
  }
  return { candidates, weights: decodeBase64Int8(packed.weights, 1 << MODEL_BITS) };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Base64 to int8 through the platform's native decoder (Node's Buffer, else atob in browsers and workers: the
 * JavaScript loop below takes 20 ms and more on the first hover), the loop only where neither exists.
 */
export function decodeBase64Int8(text: string, size: number): Int8Array {
  const platform = globalThis as { Buffer?: { from(s: string, encoding: 'base64'): Uint8Array }; atob?: (s: string) => string };
  if (platform.Buffer) {
    const bytes = platform.Buffer.from(text, 'base64');
    const out = new Int8Array(size);
    out.set(new Int8Array(bytes.buffer, bytes.byteOffset, Math.min(size, bytes.byteLength)));
    return out;
  }
  if (platform.atob) {
    const binary = platform.atob(text);
    const out = new Int8Array(size);
    for (let i = 0; i < Math.min(size, binary.length); i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return decodeBase64Loop(text, size);
}

export function decodeBase64Loop(text: string, size: number): Int8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const bytes = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i + 3 < text.length + 1 && o < size; i += 4) {
    const a = lookup[text.charCodeAt(i)]!, b = lookup[text.charCodeAt(i + 1)]!;
    const c = lookup[text.charCodeAt(i + 2)]!, d = lookup[text.charCodeAt(i + 3)]!;
    bytes[o++] = (a << 2) | (b >> 4);
    if (o < size && text[i + 2] !== '=') bytes[o++] = ((b & 15) << 4) | (c >> 2);
    if (o < size && text[i + 3] !== '=') bytes[o++] = ((c & 3) << 6) | d;
  }
  return new Int8Array(bytes.buffer);
}

export function encodeBase64Int8(weights: Int8Array): string {
  const bytes = new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    out += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]!;
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=';
    out += i + 2 < bytes.length ? B64[c & 63]! : '=';
  }
  return out;
}
