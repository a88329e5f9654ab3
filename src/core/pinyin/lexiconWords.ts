/**
 * The words of the reading lexicon that start with one character, looked up in that character's packed line
 * (WORD_LINES: entries "rest of the word, cost class A–Z, reading indices 0–9a–z", sorted by rest in UTF-16
 * order, as scripts/gen-pinyin-data.mjs writes them) by binary search. The line was once parsed into a map of
 * every word and every prefix: a common first character has thousands of words, so each new first character
 * cost a hover up to several milliseconds and left megabytes of small strings for the collector, which is what
 * made warm hovers in VS Code slow at p99. Nothing is decoded or scanned per character now (wordsInUnits).
 */

import { unitsOf } from './packedLines';

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
  /**
   * `get` of the rest chars[from, to) (code points, as the reader holds a run), without joining them into a
   * string: the segmentation asks this at every character of a run for rests one character longer each time,
   * and a string built per lookup was a large share of a long run's time and garbage.
   */
  getSpan(chars: readonly string[], from: number, to: number): LexiconWord | undefined;
}

const A = 65;
const Z = 90;

/** A cost class letter (A–Z) or a reading index (0–9, a–z): the ASCII part of an entry; its rest has none. */
function isEntryAscii(c: number): boolean {
  return (c >= A && c <= Z) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/**
 * The words of `line` (a WORD_LINES line without its first character) and of `extras` (words the lexicon lacks,
 * each with all its proper prefixes marked PREFIX_ONLY; an extra word wins over a lexicon word of the same rest,
 * a lexicon word over an extra prefix). For tests and callers that hold the line as a string.
 */
export function wordsOfLine(line: string, extras?: ReadonlyMap<string, LexiconWord>): WordsOfFirst {
  return wordsInUnits(unitsOf(line), 0, line.length, extras);
}

/**
 * wordsOfLine over units[from, to) of the packed data, neither decoded nor scanned: a binary search over code
 * unit positions, each probe stepping forward to the next entry start (a unit that is not entry ASCII after one
 * that is; every rest is at least one character and holds no ASCII letter or digit), so a lookup reads
 * O(log n) short entries. `built` keeps the words already made, by entry position, so that the segmentation
 * gets the same object for the same word without allocating again.
 */
export function wordsInUnits(units: Uint16Array, from: number, to: number, extras?: ReadonlyMap<string, LexiconWord>, built: Map<number, LexiconWord> = new Map()): WordsOfFirst {
  /** The start of the first entry at or after p (to: none). */
  const entryAt = (p: number): number => {
    if (p <= from) return from;
    while (p < to && !(isEntryAscii(units[p - 1]!) && !isEntryAscii(units[p]!))) p++;
    return p;
  };
  /** Where the rest of the entry at `start` ends: its cost letter. */
  const restEnd = (start: number): number => {
    let p = start;
    while (p < to && !(units[p]! >= A && units[p]! <= Z)) p++;
    return p;
  };
  /** Compares the entry's rest units[start, end) with `rest`: negative, zero or positive in UTF-16 order. */
  const compare = (start: number, end: number, rest: string): number => {
    const n = Math.min(end - start, rest.length);
    for (let j = 0; j < n; j++) {
      const d = units[start + j]! - rest.charCodeAt(j);
      if (d !== 0) return d;
    }
    return end - start - rest.length;
  };
  /** compare, against the rest chars[a, b) (code points, one or two code units each) instead of a string. */
  const compareSpan = (start: number, end: number, chars: readonly string[], a: number, b: number): number => {
    let p = start;
    for (let k = a; k < b; k++) {
      const c = chars[k]!;
      for (let j = 0; j < c.length; j++, p++) {
        if (p === end) return -1;
        const d = units[p]! - c.charCodeAt(j);
        if (d !== 0) return d;
      }
    }
    return end - p;
  };
  const wordAt = (start: number, end: number): LexiconWord => {
    let word = built.get(start);
    if (!word) {
      let indicesEnd = end + 1;
      while (indicesEnd < to && isEntryAscii(units[indicesEnd]!)) indicesEnd++;
      let indices = '';
      for (let p = end + 1; p < indicesEnd; p++) indices += String.fromCharCode(units[p]!);
      built.set(start, (word = { cost: units[end]! - A + COST_BASE, indices }));
    }
    return word;
  };
  /**
   * Each entry's start and the end of its rest, found by one scan of the line on its first lookup (a few units
   * per entry, 8 bytes kept per entry): the binary search then reads entries by index instead of stepping from
   * each probe to the next entry start, which was most of a long run's segmentation time (every character of
   * the run looks up two or three rests, each some 17 probes).
   */
  let starts: Int32Array | undefined;
  let ends: Int32Array | undefined;
  const index = (): void => {
    let count = 0;
    for (let p = from; p < to; p = entryAt(p + 1)) count++;
    starts = new Int32Array(count);
    ends = new Int32Array(count);
    let k = 0;
    for (let p = from; p < to; p = entryAt(p + 1)) {
      starts[k] = p;
      ends[k++] = restEnd(p);
    }
  };
  /**
   * The entry equal to a rest of `length` code units, PREFIX_ONLY when only longer entries begin with it, by a
   * binary search of the line with `order(start, end)`, the entry's order against the rest (compare or
   * compareSpan: the rest as a string or as the run's characters).
   */
  const search = (order: (start: number, end: number) => number, length: number): LexiconWord | undefined => {
    if (!starts) index();
    // The first entry at or after the rest in UTF-16 order (the line is sorted by rest).
    let low = 0;
    let high = starts!.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (order(starts![mid]!, ends![mid]!) < 0) low = mid + 1;
      else high = mid;
    }
    if (low >= starts!.length) return undefined;
    const start = starts![low]!;
    const end = ends![low]!;
    if (order(start, end) === 0) return wordAt(start, end);
    // The first entry at or after the rest begins with it exactly when some entry does (they sort together). An
    // entry that is a proper extension compares as longer (the units ran out on the rest's side first).
    return end - start > length && order(start, start + length) === 0 ? PREFIX_ONLY : undefined;
  };
  const lexiconGet = (rest: string): LexiconWord | undefined => search((start, end) => compare(start, end, rest), rest.length);
  const get = (rest: string): LexiconWord | undefined => {
    if (rest.length === 0) return extras?.get(rest);
    const extra = extras?.get(rest);
    if (extra !== undefined && extra !== PREFIX_ONLY) return extra;
    return lexiconGet(rest) ?? extra;
  };
  /**
   * Answers for rests of one character, the segmentation's first lookup at every character of a run (most end
   * there: no word goes on), so that it is one map lookup rather than a binary search of some 17 probes; null for
   * no word. Bounded by the line's entries: only rests of its words' second characters are ever found.
   */
  const oneCharacterRests = new Map<string, LexiconWord | null>();
  const lexiconGetSpan = (chars: readonly string[], a: number, b: number): LexiconWord | undefined => {
    if (b - a === 1) {
      const c = chars[a]!;
      let known = oneCharacterRests.get(c);
      if (known === undefined) oneCharacterRests.set(c, (known = lexiconSearchSpan(chars, a, b) ?? null));
      return known ?? undefined;
    }
    return lexiconSearchSpan(chars, a, b);
  };
  /** lexiconGet of the rest chars[a, b) (non-empty), by the same search. */
  const lexiconSearchSpan = (chars: readonly string[], a: number, b: number): LexiconWord | undefined => {
    let length = 0;
    for (let k = a; k < b; k++) length += chars[k]!.length;
    return search((start, end) => compareSpan(start, end, chars, a, b), length);
  };
  // The few first characters with extra words (keyed by string) look their rests up as strings.
  const getSpan = extras ? (chars: readonly string[], a: number, b: number) => get(chars.slice(a, b).join('')) : lexiconGetSpan;
  return { get, has: (rest) => get(rest) !== undefined, getSpan };
}
