/**
 * The reading data: every character's readings and the lexicon of words that decide the polyphonic ones,
 * parsed from the packed lines of `zhdoc-vendor:pinyin` on first use, never at import.
 */
import type * as PinyinVendor from '../../vendor/pinyin';
import { isLowSurrogate } from '../text';

export type Vendor = typeof PinyinVendor;

let vendor: Vendor | undefined;

/** Loads the reading data on first use (`zhdoc-vendor:pinyin`, see scripts/build.mjs). */
export function loadVendor(): Vendor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  vendor ??= require('zhdoc-vendor:pinyin') as Vendor;
  return vendor;
}

/** True once the pinyin data has been loaded in this process (activation must not load it). */
export function isPinyinLoaded(): boolean {
  return vendor !== undefined;
}

export interface Polyphone {
  /** Readings, the one the character has standing alone first. */
  readonly readings: readonly string[];
  /** Segmentation cost as a single-character word. */
  readonly cost: number;
}

export interface LexiconWord {
  readonly cost: number;
  /** Index into the character's readings, per polyphonic character of the word in order. */
  readonly indices: string;
}

export interface Data {
  readonly polyphones: Map<string, Polyphone>;
  /** Characters with one reading → that reading. */
  readonly singles: Map<string, string>;
  /** First character → its line of WORD_LINES, parsed on first use. */
  readonly wordLines: Map<string, string>;
  readonly parsed: Map<string, Map<string, LexiconWord>>;
  readonly maxWord: number;
}

let data: Data | undefined;

const COST_BASE = 10;
/** Cost of a single character that is not polyphonic: a common character's frequency (about e^-16). */
export const PLAIN_CHAR_COST = 16;

export function loadData(): Data {
  if (data) return data;
  const v = loadVendor();
  const polyphones = new Map<string, Polyphone>();
  for (const line of v.POLYPHONE_LINES.split('\n')) {
    const ch = String.fromCodePoint(line.codePointAt(0)!);
    polyphones.set(ch, { cost: line.charCodeAt(ch.length) - 65 + COST_BASE, readings: line.slice(ch.length + 1).split(' ') });
  }
  const wordLines = new Map<string, string>();
  for (const line of v.WORD_LINES.split('\n')) {
    const ch = String.fromCodePoint(line.codePointAt(0)!);
    wordLines.set(ch, line.slice(ch.length));
  }
  const singles = new Map<string, string>();
  for (const line of v.SINGLE_LINES.split('\n')) {
    let at = 0;
    while (at < line.length && line.charCodeAt(at) < 0x80) at++;
    const reading = line.slice(0, at);
    for (const ch of line.slice(at)) singles.set(ch, reading);
  }
  data = { polyphones, singles, wordLines, parsed: new Map(), maxWord: 8 };
  return data;
}

/** The entry of a string that only begins words: no word itself. */
export const PREFIX_ONLY: LexiconWord = { cost: Infinity, indices: '' };

/** The words starting with `first`, parsed from their packed line the first time they are needed. */
export function wordsStartingWith(d: Data, first: string): Map<string, LexiconWord> | undefined {
  let words = d.parsed.get(first);
  if (words) return words;
  const line = d.wordLines.get(first);
  if (line === undefined) return undefined;
  words = new Map();
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length) {
      const c = line.charCodeAt(i);
      if (c >= 65 && c <= 90) break;
      i++;
    }
    const rest = line.slice(start, i);
    const cost = line.charCodeAt(i) - 65 + COST_BASE;
    i++;
    const idxStart = i;
    while (i < line.length) {
      const c = line.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) break;
      i++;
    }
    words.set(rest, { cost, indices: line.slice(idxStart, i) });
    // Mark the word's proper prefixes, so the segmentation stops extending a word as soon as none continues it.
    for (let end = rest.length - 1; end > 0; end--) {
      if (isLowSurrogate(rest.charCodeAt(end))) continue;
      const prefix = rest.slice(0, end);
      if (words.has(prefix)) break;
      words.set(prefix, PREFIX_ONLY);
    }
  }
  d.parsed.set(first, words);
  return words;
}

