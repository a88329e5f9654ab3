/**
 * The words of the reading lexicon that start with one character, looked up in that character's packed line
 * (WORD_LINES: entries "rest of the word, cost class A–Z, reading indices 0–9a–z", sorted by rest in UTF-16
 * order, as scripts/gen-pinyin-data.mjs writes them) by binary search. The line was once parsed into a map of
 * every word and every prefix: a common first character has thousands of words, so each new first character
 * cost a hover up to several milliseconds and left megabytes of small strings for the collector, which is what
 * made warm hovers in VS Code slow at p99. Finding where the entries start is one scan without allocation.
 */

export interface LexiconWord {
  readonly cost: number;
  /** Index into the character's readings, per polyphonic character of the word in order. */
  readonly indices: string;
}

/** The entry of a string that only begins words: no word itself. */
export const PREFIX_ONLY: LexiconWord = { cost: Infinity, indices: '' };

/** Added to a cost class letter's offset from 'A' (the generator's -ln(frequency) − 10). */
export const COST_BASE = 10;

/** The words starting with one character: `get(rest)` is the word first+rest, PREFIX_ONLY, or undefined. */
export interface WordsOfFirst {
  get(rest: string): LexiconWord | undefined;
  has(rest: string): boolean;
}

const A = 65;
const Z = 90;

/**
 * The words of `line` (a WORD_LINES line without its first character) and of `extras` (words the lexicon lacks,
 * each with all its proper prefixes marked PREFIX_ONLY; an extra word wins over a lexicon word of the same rest,
 * a lexicon word over an extra prefix).
 */
export function wordsOfLine(line: string, extras?: ReadonlyMap<string, LexiconWord>): WordsOfFirst {
  // Entry k's rest is line[restStart[k], costAt[k]); its indices run from costAt[k] + 1 to the next entry.
  const restStart: number[] = [];
  const costAt: number[] = [];
  let i = 0;
  while (i < line.length) {
    restStart.push(i);
    while (i < line.length) {
      const c = line.charCodeAt(i);
      if (c >= A && c <= Z) break;
      i++;
    }
    costAt.push(i);
    i++;
    while (i < line.length) {
      const c = line.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) break;
      i++;
    }
  }
  const starts = Int32Array.from(restStart);
  const costs = Int32Array.from(costAt);
  const count = starts.length;
  /** Words built for entries already looked up: the segmentation meets the same words again and again. */
  const built: Array<LexiconWord | undefined> = [];

  /** Compares entry k's rest with `rest`: negative, zero or positive, as UTF-16 order has them. */
  const compare = (k: number, rest: string): number => {
    const from = starts[k]!;
    const length = costs[k]! - from;
    const n = Math.min(length, rest.length);
    for (let j = 0; j < n; j++) {
      const d = line.charCodeAt(from + j) - rest.charCodeAt(j);
      if (d !== 0) return d;
    }
    return length - rest.length;
  };
  /** Entry k's rest begins with `rest`. */
  const beginsWith = (k: number, rest: string): boolean => {
    const from = starts[k]!;
    if (costs[k]! - from < rest.length) return false;
    for (let j = 0; j < rest.length; j++) if (line.charCodeAt(from + j) !== rest.charCodeAt(j)) return false;
    return true;
  };
  const wordAt = (k: number): LexiconWord => {
    let word = built[k];
    if (!word) {
      const end = k + 1 < count ? starts[k + 1]! : line.length;
      word = built[k] = { cost: line.charCodeAt(costs[k]!) - A + COST_BASE, indices: line.slice(costs[k]! + 1, end) };
    }
    return word;
  };
  const lexiconGet = (rest: string): LexiconWord | undefined => {
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(mid, rest) < 0) low = mid + 1;
      else high = mid;
    }
    if (low === count) return undefined;
    if (compare(low, rest) === 0) return wordAt(low);
    // The first entry at or after `rest` begins with it exactly when some entry does (they sort together).
    return rest.length > 0 && beginsWith(low, rest) ? PREFIX_ONLY : undefined;
  };
  const get = (rest: string): LexiconWord | undefined => {
    const extra = extras?.get(rest);
    if (extra !== undefined && extra !== PREFIX_ONLY) return extra;
    return lexiconGet(rest) ?? extra;
  };
  return { get, has: (rest) => get(rest) !== undefined };
}
