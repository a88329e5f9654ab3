/**
 * The polyphone model: a linear classifier per polyphonic character, stacked over the reader's own reading
 * (segmentation by the lexicon, context rules, the character's default), which stays its prior and its fallback.
 *
 * For one polyphone in its run of Han characters (always the Simplified view of the run, so Traditional text is
 * read by the same weights), `contextFeatures` lists its features: neighbours at offsets −3…+3, the n-grams around
 * it, the lexicon word the reader chose for it and the position in it, nearby characters as a bag, and the reader's
 * reading. Each feature is conjoined with a candidate reading and hashed (FNV-1a, 32 bits) to a key; a candidate's
 * score is the sum of the weights of its keys, and the best-scoring candidate wins, the reader's reading on a tie.
 * A few features of a candidate are shared by all characters (it is the reader's reading, decided by a lexicon
 * word of two characters; a lexicon word covering the polyphone gives it; it is the character's first reading …),
 * so a character with little training data keeps its prior unless its own context says otherwise.
 *
 * The trained weights are packed binary (scripts/train-pinyin.ts writes src/core/generated/pinyinModel.ts):
 *
 *   bytes 0–3   "ZPM1"
 *   4–7         N, the number of weights (uint32 LE)
 *   8–11        scale: weight = int16 × scale (float32 LE)
 *   12…         N sorted uint32 keys, then N int16 weights (LE)
 *
 * and the candidate readings per character as text (`行hang2 xing2 heng2`, one character a line).
 */

export interface PolyphoneSite {
  /** The run in Simplified form (code points). */
  readonly simple: readonly string[];
  /** Index of the polyphone in the run. */
  readonly index: number;
  /** The character just before the run ('' at the start of text). */
  readonly before: string;
  /** The reader's reading. */
  readonly prior: string;
  /** How the reader decided: a lexicon word's span [start, end), or a context rule, or the default. */
  readonly word: readonly [number, number] | undefined;
  readonly rule: boolean;
  /** The character's readings in the reader's data, the one it has standing alone first. */
  readonly readings: readonly string[];
  /** Readings that lexicon words covering the polyphone give it (chosen by the segmentation or not) → longest such word. */
  readonly lexicon: ReadonlyMap<string, number>;
}

export interface PolyphoneModel {
  readonly keys: Uint32Array;
  readonly weights: Int16Array;
  readonly scale: number;
  /**
   * Open-addressing table of `keys` (see buildSlots), so a lookup is a probe or two, not a search; built only once
   * the model has answered INDEX_AFTER_LOOKUPS lookups by binary search in the sorted keys (see weightOf).
   */
  readonly index: { slots: Slots | undefined; lookups: number };
  /** Candidate readings per (Simplified) character. */
  readonly labels: ReadonlyMap<string, readonly string[]>;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, continuing from `h`. */
export function fnv(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Separates a feature from the candidate reading it is conjoined with. */
const LABEL_SEP = '\u0002';
/** Marks a feature shared by all characters (not conjoined with the character or the candidate). */
export const SHARED = '\u0003';

/** Characters on either side of the polyphone that count as a bag of context (topic words: 薄 of 薄荷 vs 厚薄). */
const BAG_WINDOW = 5;
/** Receives one feature in up to five pieces (its text is their concatenation). */
type Emit = (a: string, b?: string, c?: string, d?: string, e?: string) => void;

/**
 * The three characters either side of the polyphone as its features name them: '^' before the text's start
 * (the character class of the text before it, at -1, when the site has one) and '$' after its end.
 */
function neighboursOf(site: PolyphoneSite): { m3: string; m2: string; m1: string; p1: string; p2: string; p3: string } {
  const { simple: s, index: i } = site;
  const at = (o: number): string => {
    const j = i + o;
    if (j < 0) return j === -1 && site.before ? classOf(site.before) : '^';
    return j >= s.length ? '$' : s[j]!;
  };
  return { m3: at(-3), m2: at(-2), m1: at(-1), p1: at(1), p2: at(2), p3: at(3) };
}

/** Each distinct character within BAG_WINDOW of the polyphone, itself excepted, in text order: the 'w' features. */
function eachBagCharacter(site: PolyphoneSite, visit: (c: string) => void): void {
  const { simple: s, index: i } = site;
  const from = Math.max(0, i - BAG_WINDOW);
  const to = Math.min(s.length - 1, i + BAG_WINDOW);
  for (let j = from; j <= to; j++) {
    if (j === i) continue;
    let repeated = false;
    for (let k = from; k < j && !repeated; k++) repeated = k !== i && s[k] === s[j];
    if (!repeated) visit(s[j]!);
  }
}

/** Every feature of the polyphone's own (each then conjoined with every candidate), in pieces. */
function eachFeature(site: PolyphoneSite, emit: Emit): void {
  const { simple: s, index: i } = site;
  const { m3, m2, m1, p1, p2, p3 } = neighboursOf(site);
  emit('b');
  emit('u-3', m3);
  emit('u-2', m2);
  emit('u-1', m1);
  emit('u1', p1);
  emit('u2', p2);
  emit('u3', p3);
  emit('l2', m2, m1);
  emit('r2', p1, p2);
  emit('m', m1, p1);
  emit('l3', m3, m2, m1);
  emit('r3', p1, p2, p3);
  emit('p', m3, m2);
  emit('q', p2, p3);
  emit('ml', m2, m1, p1);
  emit('mr', m1, p1, p2);
  eachBagCharacter(site, (c) => emit('w', c));
  emit('R', site.prior);
  if (site.word) {
    const [a, b] = site.word;
    const pos = i === a ? 'B' : i === b - 1 ? 'E' : 'M';
    emit('W', s.slice(a, b).join(''), pos, String(i - a));
    emit('P', pos, String(Math.min(b - a, 4)));
  } else emit('PS');
  emit('H', howOf(site));
}

/** The features of a polyphone in context, as strings: the character's own, each conjoined with every candidate. */
export function contextFeatures(site: PolyphoneSite): string[] {
  const f: string[] = [];
  eachFeature(site, (a, b = '', c = '', d = '', e = '') => f.push(a + b + c + d + e));
  return f;
}

/**
 * The same features hashed with the character and the separator before a candidate, as `featureKey` hashes them
 * (FNV-1a runs over code units in order, so hashing the pieces one after another equals hashing their text),
 * without building a string per feature: the hover reads every polyphone of a window this way.
 */
export function contextFeaturePrefixes(site: PolyphoneSite, char: string): number[] {
  const out = new Uint32Array(MAX_FEATURES);
  return [...out.subarray(0, hashFeatures(site, char, out))];
}

/** The feature tags of eachFeature, in its order; a character's hash of each (FNV of char then tag) is cached. */
const TAGS = ['b', 'u-3', 'u-2', 'u-1', 'u1', 'u2', 'u3', 'l2', 'r2', 'm', 'l3', 'r3', 'p', 'q', 'ml', 'mr', 'w', 'R', 'W', 'P', 'PS', 'H'] as const;
const TAG = Object.fromEntries(TAGS.map((t, k) => [t, k])) as Record<(typeof TAGS)[number], number>;
/** At most: 16 neighbour and n-gram features, 2 × BAG_WINDOW bag features, R, W and P, H. */
const MAX_FEATURES = 16 + 2 * BAG_WINDOW + 4;
const tagHashesByChar = new Map<string, Uint32Array>();

function tagHashesOf(char: string): Uint32Array {
  let hashes = tagHashesByChar.get(char);
  if (!hashes) {
    const start = fnv(char);
    hashes = Uint32Array.from(TAGS, (t) => fnv(t, start));
    tagHashesByChar.set(char, hashes);
  }
  return hashes;
}

/** One FNV-1a step per code unit of `s`, continuing from `h` (not yet made unsigned: see fnv). */
function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const SEP_CODE = LABEL_SEP.charCodeAt(0);
/** Ends a feature's hash: the separator before the candidate reading, then unsigned as `fnv` returns it. */
const sealed = (h: number): number => Math.imul(h ^ SEP_CODE, FNV_PRIME) >>> 0;

/**
 * Writes the hashes of eachFeature's features of the site (char, feature text, separator: what the candidate's
 * reading continues) into `out` in eachFeature's order and returns their count. The same values as hashing the
 * text of contextFeatures, without a string or a closure per feature: the model reads every polyphone this way.
 */
function hashFeatures(site: PolyphoneSite, char: string, out: Uint32Array): number {
  const { simple: s, index: i } = site;
  const t = tagHashesOf(char);
  const { m3, m2, m1, p1, p2, p3 } = neighboursOf(site);
  let n = 0;
  out[n++] = sealed(t[TAG.b]!);
  out[n++] = sealed(mix(t[TAG['u-3']]!, m3));
  out[n++] = sealed(mix(t[TAG['u-2']]!, m2));
  out[n++] = sealed(mix(t[TAG['u-1']]!, m1));
  out[n++] = sealed(mix(t[TAG.u1]!, p1));
  out[n++] = sealed(mix(t[TAG.u2]!, p2));
  out[n++] = sealed(mix(t[TAG.u3]!, p3));
  out[n++] = sealed(mix(mix(t[TAG.l2]!, m2), m1));
  out[n++] = sealed(mix(mix(t[TAG.r2]!, p1), p2));
  out[n++] = sealed(mix(mix(t[TAG.m]!, m1), p1));
  out[n++] = sealed(mix(mix(mix(t[TAG.l3]!, m3), m2), m1));
  out[n++] = sealed(mix(mix(mix(t[TAG.r3]!, p1), p2), p3));
  out[n++] = sealed(mix(mix(t[TAG.p]!, m3), m2));
  out[n++] = sealed(mix(mix(t[TAG.q]!, p2), p3));
  out[n++] = sealed(mix(mix(mix(t[TAG.ml]!, m2), m1), p1));
  out[n++] = sealed(mix(mix(mix(t[TAG.mr]!, m1), p1), p2));
  eachBagCharacter(site, (c) => {
    out[n++] = sealed(mix(t[TAG.w]!, c));
  });
  out[n++] = sealed(mix(t[TAG.R]!, site.prior));
  const how = howOf(site);
  if (site.word) {
    const [a, b] = site.word;
    const pos = i === a ? 'B' : i === b - 1 ? 'E' : 'M';
    let h = t[TAG.W]!;
    for (let k = a; k < b; k++) h = mix(h, s[k]!);
    out[n++] = sealed(mix(mix(h, pos), String(i - a)));
    out[n++] = sealed(mix(mix(t[TAG.P]!, pos), String(Math.min(b - a, 4))));
  } else out[n++] = sealed(t[TAG.PS]!);
  out[n++] = sealed(mix(t[TAG.H]!, how));
  return n;
}

/** How the reader decided the site, as the shared features name it. */
function howOf(site: PolyphoneSite): string {
  if (!site.word) return site.rule ? 'rule' : 'default';
  const [a, b] = site.word;
  return `w${Math.min(b - a, 4)}${site.index === a ? 'B' : site.index === b - 1 ? 'E' : 'M'}`;
}

/**
 * Features of one candidate reading that every character shares: whether it is the reader's reading (and how the
 * reader decided), its rank among the character's readings, and the longest lexicon word that gives it. They
 * let a character seen a few times in training keep what the lexicon says unless its own context disagrees.
 */
export function candidateFeatures(site: PolyphoneSite, label: string): string[] {
  const f: string[] = [];
  if (label === site.prior) f.push(`${SHARED}p${howOf(site)}`, `${SHARED}p`);
  const rank = site.readings.indexOf(label);
  f.push(`${SHARED}r${rank < 0 ? 'x' : Math.min(rank, 3)}`);
  const len = site.lexicon.get(label);
  if (len !== undefined) f.push(`${SHARED}l${Math.min(len, 4)}`, `${SHARED}l${Math.min(len, 4)}${label === site.prior ? 'p' : 'n'}`);
  return f;
}

/** Digits, Latin letters and punctuation before a run, as classes: the class decides (三只 vs 只有), not the digit. */
function classOf(c: string): string {
  if (/\p{Nd}/u.test(c)) return '#';
  if (/\p{L}/u.test(c)) return 'A';
  return c;
}

/** The key of a feature conjoined with a candidate reading of character `char`. */
export function featureKey(char: string, feature: string, label: string): number {
  if (feature.startsWith(SHARED)) return fnv(feature);
  return fnv(label, fnv(LABEL_SEP, fnv(feature, fnv(char))));
}

/** Spreads a key over the slots (Fibonacci hashing: FNV's low bits alone cluster). */
const slotOf = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 0) & mask;

/**
 * Lookups answered by binary search before the hash index is built. Building it is a loop over every key (about
 * 100,000), which on first use runs in V8's interpreter: tens of ms of a first hover on a loaded machine, where
 * the hover itself needs a few hundred lookups (17 steps each in the sorted keys). Long work (Annotate, a long
 * selection) passes this within a few hundred polyphones and then has the index.
 */
const INDEX_AFTER_LOOKUPS = 100_000;

/**
 * The open-addressing table: each slot holds a key and its weight side by side (key, weight, key, weight …), so a
 * probe reads one cache line instead of a slot and then the key and weight far away in the sorted arrays (Annotate
 * on a long run does tens of millions of lookups, most of them misses). An empty slot's weight is EMPTY_SLOT, which
 * no int16 weight can be (a key may be any value, 0 included).
 */
interface Slots {
  readonly entries: Int32Array;
  readonly mask: number;
}

const EMPTY_SLOT = 0x7fffffff;

function weightOf(model: PolyphoneModel, key: number): number {
  const { keys, index } = model;
  const slots = index.slots;
  if (slots) {
    const { entries, mask } = slots;
    const signed = key | 0;
    for (let at = slotOf(key, mask); ; at = (at + 1) & mask) {
      const weight = entries[2 * at + 1]!;
      if (weight === EMPTY_SLOT) return 0;
      if (entries[2 * at] === signed) return weight;
    }
  }
  if (++index.lookups >= INDEX_AFTER_LOOKUPS) index.slots = buildSlots(keys, model.weights);
  // The keys are strictly ascending (packModel writes them so; checkModel checks it).
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid;
    else return model.weights[mid]!;
  }
  return 0;
}

function buildSlots(keys: Uint32Array, weights: Int16Array): Slots {
  const n = keys.length;
  // At most half full, so a missing key (most lookups) ends at an empty slot within a probe or two.
  let size = 2;
  while (size < 2 * n) size *= 2;
  const entries = new Int32Array(2 * size);
  for (let at = 0; at < size; at++) entries[2 * at + 1] = EMPTY_SLOT;
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    let at = slotOf(keys[i]!, mask);
    while (entries[2 * at + 1] !== EMPTY_SLOT) at = (at + 1) & mask;
    entries[2 * at] = keys[i]! | 0;
    entries[2 * at + 1] = weights[i]!;
  }
  return { entries, mask };
}

/** Candidate readings of the site's character: the model's, and the reader's own if the model lacks it. */
export function candidatesOf(model: PolyphoneModel, char: string, prior: string): readonly string[] | undefined {
  const labels = model.labels.get(char);
  if (!labels) return undefined;
  return labels.includes(prior) ? labels : [...labels, prior];
}

/**
 * True when the model has a choice to make for the character: it knows it, and its candidates (with the reader's
 * reading) are more than that one reading. modelReading returns `prior` otherwise, so a caller can skip building
 * the site (its lexicon votes are a loop over the words around it) for the many polyphones the model leaves alone.
 */
export function modelHasChoice(model: PolyphoneModel, char: string, prior: string): boolean {
  const labels = model.labels.get(char);
  return labels !== undefined && (labels.length > 1 || labels[0] !== prior);
}

/** Hashes of the shared candidate features (their text is short and fixed): fnv of each, computed once. */
const sharedKeys = new Map<string, number>();
function sharedKey(feature: string): number {
  let key = sharedKeys.get(feature);
  if (key === undefined) sharedKeys.set(feature, (key = fnv(feature)));
  return key;
}
const SHARED_PRIOR = fnv(`${SHARED}p`);
/** candidateFeatures' rank feature, by rank + 1 (0: not among the character's readings). */
const SHARED_RANK = ['x', 0, 1, 2, 3].map((r) => fnv(`${SHARED}r${r}`));

/**
 * candidateFeatures' lexicon features by the word's length (at most 4; a lexicon word has at least one character),
 * alone and with whether the candidate is the reader's reading: hashed once, not a string built per candidate.
 */
const SHARED_LEXICON = [0, 1, 2, 3, 4].map((l) => fnv(`${SHARED}l${l}`));
const SHARED_LEXICON_PRIOR = [0, 1, 2, 3, 4].map((l) => fnv(`${SHARED}l${l}p`));
const SHARED_LEXICON_OTHER = [0, 1, 2, 3, 4].map((l) => fnv(`${SHARED}l${l}n`));

/** Scratch space for one site's feature hashes (the model reads one site at a time). */
const featureScratch = new Uint32Array(MAX_FEATURES);

/**
 * The score of one candidate: the weights of the site's features conjoined with it (the hashes in
 * `prefixes[0, count)` continued over the label) and of its shared features, as candidateFeatures lists them.
 */
function candidateScore(model: PolyphoneModel, site: PolyphoneSite, label: string, prefixes: Uint32Array, count: number, priorHow: number): number {
  let score = 0;
  const len = label.length;
  for (let f = 0; f < count; f++) {
    let h = prefixes[f]!;
    for (let c = 0; c < len; c++) h = Math.imul(h ^ label.charCodeAt(c), FNV_PRIME);
    score += weightOf(model, h >>> 0);
  }
  const isPrior = label === site.prior;
  if (isPrior) score += weightOf(model, priorHow) + weightOf(model, SHARED_PRIOR);
  const rank = site.readings.indexOf(label);
  score += weightOf(model, SHARED_RANK[rank < 0 ? 0 : Math.min(rank, 3) + 1]!);
  const lexiconLength = site.lexicon.get(label);
  if (lexiconLength !== undefined) {
    const l = Math.min(lexiconLength, 4);
    score += weightOf(model, SHARED_LEXICON[l]!) + weightOf(model, (isPrior ? SHARED_LEXICON_PRIOR : SHARED_LEXICON_OTHER)[l]!);
  }
  return score;
}

/** The model's reading of a polyphone in context, or the reader's when the model does not know the character. */
export function modelReading(model: PolyphoneModel, site: PolyphoneSite): string {
  const char = site.simple[site.index]!;
  const candidates = candidatesOf(model, char, site.prior);
  if (!candidates) return site.prior;
  const count = hashFeatures(site, char, featureScratch);
  const priorHow = sharedKey(`${SHARED}p${howOf(site)}`);
  // The reader's reading wins a tie: a candidate must score strictly more to replace it.
  let best = site.prior;
  let bestScore = candidateScore(model, site, site.prior, featureScratch, count, priorHow);
  for (const label of candidates) {
    if (label === site.prior) continue;
    const score = candidateScore(model, site, label, featureScratch, count, priorHow);
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------- packing

const MAGIC = 'ZPM1';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Packs weights (any order) and labels into the binary form above. */
export function packModel(entries: ReadonlyMap<number, number>, scale: number): Uint8Array {
  const keys = [...entries.keys()].sort((a, b) => a - b);
  const n = keys.length;
  const bytes = new Uint8Array(12 + 6 * n);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, n, true);
  view.setFloat32(8, scale, true);
  keys.forEach((k, i) => {
    view.setUint32(12 + 4 * i, k, true);
    view.setInt16(12 + 4 * n + 2 * i, entries.get(k)!, true);
  });
  return bytes;
}

/**
 * Reads the packed form; throws on a malformed table (wrong magic or size). The order of the keys, which the
 * index does not need, is checked by `checkModel` in the model's unit test, not on every first hover.
 */
export function unpackModel(bytes: Uint8Array, labelLines: string): PolyphoneModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) throw new Error('pinyin model: bad magic');
  const n = view.getUint32(4, true);
  if (bytes.length !== 12 + 6 * n) throw new Error(`pinyin model: ${bytes.length} bytes for ${n} weights`);
  const scale = view.getFloat32(8, true);
  let keys: Uint32Array;
  let weights: Int16Array;
  if (LITTLE_ENDIAN && (bytes.byteOffset + 12) % 4 === 0) {
    // Views of the bytes where they are aligned (the binary data file aligns the table), as on nearly every
    // machine the table's little-endian order is the machine's.
    keys = new Uint32Array(bytes.buffer, bytes.byteOffset + 12, n);
    weights = new Int16Array(bytes.buffer, bytes.byteOffset + 12 + 4 * n, n);
  } else if (LITTLE_ENDIAN) {
    // One copy each into aligned typed arrays.
    keys = new Uint32Array(bytes.slice(12, 12 + 4 * n).buffer);
    weights = new Int16Array(bytes.slice(12 + 4 * n).buffer);
  } else {
    keys = new Uint32Array(n);
    weights = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = view.getUint32(12 + 4 * i, true);
      weights[i] = view.getInt16(12 + 4 * n + 2 * i, true);
    }
  }
  const labels = new Map<string, string[]>();
  for (const line of labelLines.split('\n')) {
    if (!line) continue;
    const ch = String.fromCodePoint(line.codePointAt(0)!);
    labels.set(ch, line.slice(ch.length).split(' '));
  }
  return { keys, weights, scale, index: { slots: undefined, lookups: 0 }, labels };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Throws unless the keys are strictly ascending, as packModel writes them, and every key is found, by search and in the index. */
export function checkModel(model: PolyphoneModel): void {
  const { keys, weights } = model;
  for (let i = 1; i < keys.length; i++) if (keys[i]! <= keys[i - 1]!) throw new Error('pinyin model: keys out of order');
  const probe: PolyphoneModel = { ...model, index: { slots: undefined, lookups: -Infinity } };
  for (let i = 0; i < keys.length; i++) if (weightOf(probe, keys[i]!) !== weights[i]) throw new Error('pinyin model: search lost a key');
  probe.index.slots = buildSlots(keys, weights);
  for (let i = 0; i < keys.length; i++) if (weightOf(probe, keys[i]!) !== weights[i]) throw new Error('pinyin model: index lost a key');
}

interface Base64Globals {
  readonly Buffer?: { from(text: string, encoding: 'base64'): Uint8Array };
  readonly atob?: (text: string) => string;
}

/**
 * Base64 to bytes: Node's Buffer where there is one (native, a few ms for the model), else the browser's atob, else
 * plain code (the core's types know neither, so they are looked up on globalThis).
 */
export function decodeBase64(text: string): Uint8Array {
  const g = globalThis as Base64Globals;
  if (g.Buffer) {
    const b = g.Buffer.from(text, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  if (g.atob) {
    const bin = g.atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return decodeBase64Plain(text);
}

/** Base64 in plain code, for a runtime with neither Buffer nor atob. */
export function decodeBase64Plain(text: string): Uint8Array {
  const value = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) value[BASE64.charCodeAt(i)] = i;
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const v = value[text.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`pinyin model: bad base64 at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
