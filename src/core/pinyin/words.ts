/**
 * Words and their readings around a position, for the hover, inlay hints, Copy as Pinyin and Annotate. All work
 * is on a local window: the run of Han characters (the clause between punctuation) around the position, cut to
 * WINDOW code units on either side, so the cost does not grow with the document.
 */
import { scriptOf } from '../script';
import { isHanCodePoint, isLowSurrogate } from '../text';
import { analyseRun, charBefore, hasFormDecidingCharacter, simplifiedToTraditional } from './reader';
import { spokenRun, type ToneSandhi } from './sandhi';
import { traditionalToSimplified } from './t2s';
import { formatWord, type PinyinStyle } from './syllable';

/** Code units read on either side of a position: far more than any clause needs for context. */
export const WINDOW = 96;

export interface PinyinWord {
  /** UTF-16 offsets of the word in the text. */
  readonly start: number;
  readonly end: number;
  readonly word: string;
  /** Canonical reading of each code point of the word (all Han), as the reader gives it (citation tones); null where none is known. */
  readonly readings: ReadonlyArray<string | null>;
  /**
   * The readings as zhdoc writes them (sandhi.ts): the lexicon's neutral tones and erhua (`r5`), and the tone
   * sandhi asked for. What the hover, Copy as Pinyin, Annotate and inlay hints show.
   */
  readonly spoken: ReadonlyArray<string | null>;
}

/** How words are read aloud: the tone sandhi to apply (zhdoc.pinyin.toneSandhi); `off` by default. */
export interface SpokenOptions {
  readonly sandhi?: ToneSandhi;
}

let segmenter: Intl.Segmenter | undefined;

function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && isHanCodePoint(cp);
}

function sizeAt(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/**
 * One string per BMP code point, made on first use: the reader looks every character up in several maps (its
 * polyphones, words, single readings, the model's labels), and a string that was looked up before has its hash
 * already, where a fresh String.fromCodePoint per character is hashed again in every map and is garbage after.
 */
let charStrings: string[] | undefined;

function charString(cp: number): string {
  if (cp > 0xffff) return String.fromCodePoint(cp);
  // Filled, not holey: an array written at scattered indices falls back to a slow dictionary.
  charStrings ??= new Array<string>(0x10000).fill('');
  return charStrings[cp] || (charStrings[cp] = String.fromCharCode(cp));
}

/** Start of the Han run containing offset `i`, no further back than `limit`. */
function runStart(text: string, i: number, limit: number): number {
  while (i > limit) {
    let j = i - 1;
    if (j > 0 && isLowSurrogate(text.charCodeAt(j))) j--;
    if (j < limit || !isHanAt(text, j)) break;
    i = j;
  }
  return i;
}

/** End of the Han run containing offset `i` (or ending just before it), no further than about `limit`. */
function runEnd(text: string, i: number, limit: number): number {
  if (i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i))) i++;
  while (i < limit && isHanAt(text, i)) i += sizeAt(text, i);
  return i;
}

/**
 * The words of one Han run text[start, end). Word boundaries come from Intl.Segmenter (ICU's dictionary: no
 * data to ship, Traditional and Simplified alike); where it splits a word that the reader's lexicon chose
 * (實/處 of 實處), the pieces are joined, so a word is never shown with half of the reading decided for it.
 */
function runReading(text: string, start: number, end: number, icuBounds?: readonly number[], sandhi: ToneSandhi = 'off'): RunReading {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end; i += sizeAt(text, i)) {
    offsets.push(i);
    chars.push(charString(text.codePointAt(i)!));
  }
  offsets.push(end);
  const { readings, words: lexiconWords } = analyseRun(chars, charBefore(text, start));
  // ICU's words, corrected by the lexicon words the reader chose: a lexicon word's edges are always word
  // boundaries (ICU's 落/實習 across 貫徹落實 is cut back to 落實), and its pieces are joined where ICU fell back
  // to single characters (實/處 → 實處); two words ICU knows inside a listed phrase (經濟|發展) stay two.
  // Marks per code unit of the run (1 at a word's start), not a set sorted twice: a window of a long run holds
  // thousands of bounds. Lexicon words never overlap, so joining one's pieces does not touch another's.
  const mark = new Uint8Array(end - start + 1);
  for (const at of icuBounds ?? segmentBounds(text, start, end)) if (at > start && at < end) mark[at - start] = 1;
  for (const [a, b] of lexiconWords) {
    mark[offsets[a]! - start] = 1;
    mark[offsets[b]! - start] = 1;
  }
  for (const [a, b] of lexiconWords) {
    const from = offsets[a]!;
    const to = offsets[b]!;
    // The word's pieces between the bounds inside it: joined when ICU fell back to a single character among them.
    let hasSingle = false;
    let piece = from;
    for (let at = from + 1; at <= to; at++) {
      if (at < to && !mark[at - start]) continue;
      if (at - piece === sizeAt(text, piece)) hasSingle = true;
      piece = at;
    }
    if (hasSingle) mark.fill(0, from + 1 - start, to - start);
  }
  mark[0] = 0;
  mark[end - start] = 1;
  const ordered: number[] = [];
  for (let at = 1; at <= end - start; at++) if (mark[at]) ordered.push(start + at);
  // The words' [start, end) code point indices, for the spoken forms, which depend on the whole run.
  const spans: Array<readonly [number, number]> = [];
  let k = 0;
  for (const bound of ordered) {
    const from = k;
    while (offsets[k]! < bound) k++;
    spans.push([from, k]);
  }
  return { text, offsets, spans, readings, spoken: spokenRun(chars, readings, spans, sandhi) };
}

/** The words of one Han run text[start, end) as runReading gives them. */
function runWords(text: string, start: number, end: number, icuBounds?: readonly number[], sandhi: ToneSandhi = 'off'): PinyinWord[] {
  const run = runReading(text, start, end, icuBounds, sandhi);
  return run.spans.map((_, k) => wordOf(run, k));
}

/** The spoken readings of word k of a read run as written out: `?` where none is known. */
export function writtenReadings(run: RunReading, k: number): string[] {
  const [a, b] = run.spans[k]!;
  const out: string[] = new Array(b - a);
  for (let i = a; i < b; i++) out[i - a] = run.spoken[i] ?? '?';
  return out;
}

/** Word k of a read run, as the callers of wordsIn see it. */
function wordOf(run: RunReading, k: number): PinyinWord {
  const [a, b] = run.spans[k]!;
  const { offsets } = run;
  const readings: Array<string | null> = new Array(b - a);
  const spoken: Array<string | null> = new Array(b - a);
  for (let i = a; i < b; i++) {
    readings[i - a] = run.readings[i] ?? null;
    spoken[i - a] = run.spoken[i] ?? null;
  }
  return { start: offsets[a]!, end: offsets[b]!, word: run.text.slice(offsets[a]!, offsets[b]!), readings, spoken };
}

/**
 * A Han run as read: its code points' offsets (and the run's end), its words as [start, end) code point indices,
 * and each code point's reading and spoken reading. Annotate and Copy as Pinyin read a long run's words from here
 * without building a PinyinWord (an object, its text and two arrays) per word.
 */
export interface RunReading {
  readonly text: string;
  readonly offsets: readonly number[];
  readonly spans: ReadonlyArray<readonly [number, number]>;
  readonly readings: ReadonlyArray<string | null | undefined>;
  readonly spoken: ReadonlyArray<string | null | undefined>;
}

/** Receives word k of a read run; the words of a text arrive in order. */
export type WordVisitor = (run: RunReading, k: number) => void;

/** The first offset at or after `at` (up to `limit`) that is not inside a Han run: a safe end for a stretch. */
function stretchEnd(text: string, at: number, limit: number): number {
  if (at >= limit) return limit;
  if (isLowSurrogate(text.charCodeAt(at))) at++;
  while (at < limit && isHanAt(text, at)) at += sizeAt(text, at);
  return at;
}

/**
 * Creates the word segmenter and segments a short Chinese text once: ICU loads its Chinese word dictionary then,
 * about 20 ms on a quiet machine, which a caller can spend while the user is idle instead of in the first hover.
 */
export function warmUpWordSegmenter(): void {
  segmentBounds('汉语拼音', 0, 4);
}

/** Word starts that Intl.Segmenter finds in text[start, end), in order. */
function segmentBounds(text: string, start: number, end: number): number[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const bounds: number[] = [];
  for (const s of segmenter.segment(text.slice(start, end))) bounds.push(start + s.index);
  return bounds;
}

/**
 * A Han run longer than this (code units) is read in windows: ICU's segmenter and the word joining in runWords
 * grow faster than linearly with the run (one call on 70k characters takes over a minute), while a clause of
 * real text is rarely longer than a few hundred characters.
 */
export const LONG_RUN = 2048;

/**
 * Code units read past each window's cut. Segmentation and readings depend on a few characters around a word
 * (the longest lexicon word is under 20 characters), so words this far from the window's end read as in one pass.
 */
export const RUN_OVERLAP = 256;

/**
 * The words of the long Han run text[start, end), read in windows of LONG_RUN code units plus RUN_OVERLAP: each
 * window keeps its words that end before its cut and the next window starts at the last kept word's end, a word
 * boundary, so no word is split by a window and the cost is linear in the run.
 */
export function longRunWords(text: string, start: number, end: number, window = LONG_RUN, overlap = RUN_OVERLAP, options: SpokenOptions = {}): PinyinWord[] {
  const words: PinyinWord[] = [];
  eachLongRunWord(text, start, end, window, overlap, options.sandhi ?? 'off', (run, k) => words.push(wordOf(run, k)));
  return words;
}

/** longRunWords' words, each given to `visit` as it is read. */
function eachLongRunWord(text: string, start: number, end: number, window: number, overlap: number, sandhi: ToneSandhi, visit: WordVisitor): void {
  let from = start;
  while (from < end) {
    let to = Math.min(end, from + window + overlap);
    if (to < end && isLowSurrogate(text.charCodeAt(to))) to++;
    const run = runReading(text, from, to, undefined, sandhi);
    const { spans, offsets } = run;
    if (to === end) {
      for (let k = 0; k < spans.length; k++) visit(run, k);
      break;
    }
    const cut = from + window;
    let next = from;
    for (let k = 0; k < spans.length; k++) {
      const wordEnd = offsets[spans[k]![1]]!;
      if (wordEnd > cut && next > from) break;
      visit(run, k);
      next = wordEnd;
    }
    from = next;
  }
}

/**
 * The words of text[start, end) (Han runs only) that overlap it, each read in the context of its whole run
 * (up to WINDOW code units beyond the range).
 */
export function wordsIn(text: string, start = 0, end = text.length, options: SpokenOptions = {}): PinyinWord[] {
  const words: PinyinWord[] = [];
  eachWordIn(text, start, end, options, (run, k) => words.push(wordOf(run, k)));
  return words;
}

/** wordsIn's words, each given to `visit` as it is read (in order), without building a PinyinWord. */
export function eachWordIn(text: string, start: number, end: number, options: SpokenOptions, visit: WordVisitor): void {
  const sandhi = options.sandhi ?? 'off';
  // wordsIn keeps the words that overlap text[start, end).
  const overlapping: WordVisitor = (run, k) => {
    const [a, b] = run.spans[k]!;
    if (run.offsets[b]! > start && run.offsets[a]! < end) visit(run, k);
  };
  let i = runStart(text, start, Math.max(0, start - WINDOW));
  const to = runEnd(text, end, Math.min(text.length, end + WINDOW));
  // Intl.Segmenter is called on stretches of a few hundred code units holding whole runs: one call per run
  // costs more than the segmentation, one call on a whole large document is quadratic in V8.
  let icu: number[] = [];
  let icuEnd = i;
  let k = 0;
  while (i < to) {
    if (!isHanAt(text, i)) {
      i += sizeAt(text, i);
      continue;
    }
    const j = runEnd(text, i, to);
    if (j - i > LONG_RUN) {
      eachLongRunWord(text, i, j, LONG_RUN, RUN_OVERLAP, sandhi, overlapping);
      i = j;
      continue;
    }
    if (j > icuEnd) {
      icuEnd = Math.max(j, stretchEnd(text, i + 512, Math.min(to, i + 512 + LONG_RUN)));
      icu = segmentBounds(text, i, icuEnd);
      k = 0;
    }
    while (k < icu.length && icu[k]! <= i) k++;
    const inRun: number[] = [];
    for (let m = k; m < icu.length && icu[m]! < j; m++) inRun.push(icu[m]!);
    const run = runReading(text, i, j, inRun, sandhi);
    for (let m = 0; m < run.spans.length; m++) overlapping(run, m);
    i = j;
  }
}

/**
 * The word under `offset` (a UTF-16 offset; a position just after a word also counts, as an editor's cursor
 * does), read in its clause; undefined when no Han character is there.
 */
export function wordAt(text: string, offset: number, options: SpokenOptions = {}): PinyinWord | undefined {
  let at = offset;
  if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at))) at--;
  if (!isHanAt(text, at)) {
    if (at > 0 && isHanAt(text, at - 1) && !isLowSurrogate(text.charCodeAt(at - 1))) at--;
    else if (at > 1 && isLowSurrogate(text.charCodeAt(at - 1)) && isHanAt(text, at - 2)) at -= 2;
    else return undefined;
  }
  const start = runStart(text, at, Math.max(0, at - WINDOW));
  const end = runEnd(text, at, Math.min(text.length, at + WINDOW));
  return runWords(text, start, end, undefined, options.sandhi).find((w) => w.start <= at && at < w.end);
}

export interface SelectionReading {
  readonly text: string;
  /** One entry per code point of the selection: its reading in context, or null. */
  readonly readings: ReadonlyArray<string | null>;
  /** The selection's words (Han only), for display grouped by word. */
  readonly words: readonly PinyinWord[];
}

/** The reading of text[start, end), each character read in its clause (which may extend past the selection). */
export function selectionReading(text: string, start: number, end: number, options: SpokenOptions = {}): SelectionReading {
  const words = wordsIn(text, start, end, options).filter((w) => w.end > start && w.start < end);
  const byOffset = new Map<number, string | null>();
  for (const w of words) {
    let k = w.start;
    for (const r of w.readings) {
      byOffset.set(k, r);
      k += text.codePointAt(k)! > 0xffff ? 2 : 1;
    }
  }
  const readings: Array<string | null> = [];
  for (let i = start; i < end; i += text.codePointAt(i)! > 0xffff ? 2 : 1) readings.push(byOffset.get(i) ?? null);
  return { text: text.slice(start, end), readings, words: words.map((w) => clip(text, w, start, end)) };
}

/** A word cut to [start, end) when the selection ends inside it. */
function clip(text: string, w: PinyinWord, start: number, end: number): PinyinWord {
  if (w.start >= start && w.end <= end) return w;
  const s = Math.max(w.start, start);
  const e = Math.min(w.end, end);
  const readings: Array<string | null> = [];
  const spoken: Array<string | null> = [];
  let k = w.start;
  w.readings.forEach((r, i) => {
    if (k >= s && k < e) {
      readings.push(r);
      spoken.push(w.spoken[i] ?? null);
    }
    k += text.codePointAt(k)! > 0xffff ? 2 : 1;
  });
  return { start: s, end: e, word: text.slice(s, e), readings, spoken };
}

/**
 * Text as pinyin, for Copy as Pinyin: each Han word becomes its reading in `style` (words separated by spaces),
 * everything else is kept as written. Unknown readings show as `?`.
 */
export function toPinyinText(text: string, style: PinyinStyle, start = 0, end = text.length, options: SpokenOptions = {}): string {
  let out = '';
  let last = start;
  let prevWasWord = false;
  eachWordIn(text, start, end, options, (run, k) => {
    let wordStart = run.offsets[run.spans[k]![0]]!;
    let wordEnd = run.offsets[run.spans[k]![1]]!;
    let written: string[];
    if (wordStart >= start && wordEnd <= end) written = writtenReadings(run, k);
    else {
      // A word cut by the selection keeps the readings of its selected characters, read in the whole word.
      const w = clip(text, wordOf(run, k), start, end);
      wordStart = w.start;
      wordEnd = w.end;
      written = w.spoken.map((r) => r ?? '?');
    }
    const between = text.slice(last, wordStart);
    out += between;
    const joinsPrevious = between === '' ? prevWasWord : /[\p{L}\p{N}]$/u.test(between);
    if (joinsPrevious) out += ' ';
    out += formatWord(written, style);
    const next = text.codePointAt(wordEnd);
    if (next !== undefined && !isHanCodePoint(next) && /[\p{L}\p{N}]/u.test(String.fromCodePoint(next))) out += ' ';
    last = wordEnd;
    prevWasWord = true;
  });
  return out + text.slice(last, end);
}

/**
 * The word in the other script (發展 → 发展, 干部 → 幹部): Traditional words go to Simplified with OpenCC's t2s
 * (cheap, and loaded already to read Traditional text), Simplified words to OpenCC standard Traditional through
 * the reading data's copy of OpenCC's s2t tables; undefined when the word is the same in both.
 */
export function counterpartWord(word: string): { script: 'traditional' | 'simplified'; text: string } | undefined {
  let traditional = 0;
  let simplified = 0;
  for (const c of word) {
    const s = scriptOf(c);
    if (s === 'traditional') traditional++;
    else if (s === 'simplified') simplified++;
  }
  // A word of characters valid in both scripts is Simplified unless it holds one whose Traditional use differs
  // (乾燥 is Traditional for 干燥): only then is OpenCC's t2s asked, so a Simplified hover never loads it.
  const toSimplified = traditional > simplified || (traditional === simplified && hasFormDecidingCharacter(word) && traditionalToSimplified(word) !== word);
  const other = toSimplified ? traditionalToSimplified(word) : simplifiedToTraditional(word);
  if (other === word) return undefined;
  return { script: toSimplified ? 'simplified' : 'traditional', text: other };
}
