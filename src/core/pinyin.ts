/**
 * Pinyin for zhdoc: readings in context for Simplified, Traditional and mixed text, words around a position,
 * display forms, annotation and glosses. Pure: no vscode, no Node. Importing this module loads nothing heavy;
 * the reading data (built from pinyin-pro and CC-CEDICT) loads on the first reading, the glosses on the first gloss.
 */
import { readingsOfCharacter } from './pinyin/reader';
import { commonReadings } from './pinyin/sandhi';
import { formatReading, formatSyllable, formatWord, syllableGroups, syllableSeparator, toneOf, type PinyinStyle, type Tone } from './pinyin/syllable';
import { counterpartWord, wordsIn, type PinyinWord, type SpokenOptions } from './pinyin/words';
import { partitionPoint } from './text';

export { annotatePinyin, annotationOf, removePinyinAnnotations } from './pinyin/annotate';
export { glossesOf, isGlossLoaded, type Gloss } from './pinyin/gloss';
export { isPinyinLoaded, isPolyphonic, readingsOf, readingsOfCharacter, readingsOfHan } from './pinyin/reader';
export { commonReadings, matchesSpokenAnnotation, spokenRun, spokenVariants, TONE_SANDHI_MODES, type ToneSandhi } from './pinyin/sandhi';
export {
  baseOf, ERHUA_READING, formatReading, formatSyllable, formatWord, isReading, parseReading, PINYIN_STYLES, syllableGroups, syllableSeparator, toMarks,
  toneOf, toZhuyin, type PinyinStyle, type Tone,
} from './pinyin/syllable';
export {
  counterpartWord, selectionReading, toPinyinText, warmUpWordSegmenter, WINDOW, wordAt, wordsIn, type PinyinWord, type SelectionReading, type SpokenOptions,
} from './pinyin/words';

export interface SyllableView {
  /** The character (one code point). */
  readonly char: string;
  /** Canonical reading, or null when none is known. */
  readonly reading: string | null;
  /** The reading in the requested style (`?` when unknown). */
  readonly text: string;
  /** Tone for colouring; undefined when unknown. */
  readonly tone: Tone | undefined;
}

export interface PolyphoneView {
  /** Index of the character in the word (code points). */
  readonly index: number;
  readonly char: string;
  /** The reading chosen in context (the reader's, in citation tone). */
  readonly reading: string;
  /** Its other readings in real use, most common first (sandhi.ts commonReadings). */
  readonly others: readonly string[];
}

export interface PinyinPiece {
  readonly text: string;
  /** The syllable's tone, for colouring; undefined for a separator (`'`, space) or an unknown reading (`?`). */
  readonly tone: Tone | undefined;
}

export interface WordView {
  readonly word: PinyinWord;
  /** The whole word's reading in the style (hànzì, han4 zi4, ㄏㄢˋ ㄗˋ), as spoken (neutral tones, erhua, sandhi asked for). */
  readonly pinyin: string;
  /** The same text cut into syllables and separators, to colour each syllable by its tone. */
  readonly pieces: readonly PinyinPiece[];
  readonly syllables: readonly SyllableView[];
  /** The word in the other script (發展 ↔ 发展), when it differs. */
  readonly counterpart: { readonly script: 'traditional' | 'simplified'; readonly text: string } | undefined;
  /** The polyphonic characters of the word with the readings they did not get here. */
  readonly polyphones: readonly PolyphoneView[];
}

/** Everything the hover shows about a word, except the gloss (ask `glossesOf`, which loads its own data). */
export function describeWord(word: PinyinWord, style: PinyinStyle): WordView {
  const chars = [...word.word];
  const syllables = chars.map((char, i) => {
    const reading = word.spoken[i] ?? null;
    return { char, reading, text: reading ? formatReading(reading, style) : '?', tone: reading ? toneOf(reading) : undefined };
  });
  const polyphones: PolyphoneView[] = [];
  chars.forEach((char, index) => {
    const reading = word.readings[index];
    if (!reading) return;
    const all = readingsOfCharacter(char);
    if (all.length < 2) return;
    const others = commonReadings(char, all).filter((r) => r !== reading);
    if (others.length > 0) polyphones.push({ index, char, reading, others });
  });
  return {
    word,
    pinyin: formatWord(word.spoken.map((r) => r ?? '?'), style),
    pieces: pinyinPieces(word.spoken, style),
    syllables,
    counterpart: counterpartWord(word.word),
    polyphones,
  };
}

/**
 * A word's reading as formatWord writes it, cut into syllables (with their tones) and separators: joining the
 * pieces' text gives exactly formatWord's result.
 */
export function pinyinPieces(readings: ReadonlyArray<string | null>, style: PinyinStyle): PinyinPiece[] {
  const pieces: PinyinPiece[] = [];
  let first = true;
  for (const g of syllableGroups(readings.map((r) => r ?? '?'))) {
    const syllable = formatSyllable(g.reading, style, g.erhua);
    const separator = syllableSeparator(syllable, style, first);
    if (separator) pieces.push({ text: separator, tone: undefined });
    pieces.push({ text: syllable, tone: g.reading === '?' ? undefined : toneOf(g.reading) });
    first = false;
  }
  return pieces;
}

export interface PinyinHint {
  /** UTF-16 offset where the inlay hint goes: just after the word, or after the marked range the word is in. */
  readonly offset: number;
  /** The word's reading in the style (or a part of it, when it is longer than the longest label). */
  readonly label: string;
  readonly word: PinyinWord;
}

/**
 * VS Code's default `editor.inlayHints.maximumLength`: a longer label is cut with `…`. One word's pinyin rarely
 * comes near it; a longer one is given as several hints at the same place.
 */
export const INLAY_LABEL_MAX = 43;

export interface HintOptions extends SpokenOptions {
  /**
   * Ranges [start, end) of the text that a hint must not split (marked slogans): a hint inside one goes to the
   * range's end, so the mark stays one unbroken phrase and the phrase's pinyin follows it, word by word.
   */
  readonly unsplit?: ReadonlyArray<readonly [number, number]>;
  /** Longest label (VS Code truncates longer ones); 0 for no limit. INLAY_LABEL_MAX by default. */
  readonly maxLabel?: number;
}

/**
 * Inlay hints for the words of text[start, end), one word at a time (pass the visible range: the work is
 * proportional to it, not to the document). Sorted by offset; hints at the same offset keep the words' order.
 */
export function pinyinHints(text: string, style: PinyinStyle, start = 0, end = text.length, options: HintOptions = {}): PinyinHint[] {
  const ranges = mergeRanges(options.unsplit ?? []);
  const max = options.maxLabel ?? INLAY_LABEL_MAX;
  const hints: PinyinHint[] = [];
  for (const word of wordsIn(text, start, end, options)) {
    if (!(word.end > start && word.end <= end)) continue;
    const inside = rangeAround(ranges, word.end);
    const offset = inside ? inside[1] : word.end;
    for (const label of splitLabel(word.spoken, style, max)) hints.push({ offset, label, word });
  }
  return hints;
}

/** Sorted, merged copies of the ranges (slogan occurrences can overlap). */
function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The merged range with start < offset < end (a hint there would split it), by binary search. */
function rangeAround(ranges: ReadonlyArray<readonly [number, number]>, offset: number): readonly [number, number] | undefined {
  const r = ranges[partitionPoint(ranges.length, (i) => ranges[i]![0] < offset) - 1];
  return r && offset < r[1] ? r : undefined;
}

/** A word's pinyin as labels of at most `max` characters, cut between syllables (formatWord's text, joined). */
function splitLabel(spoken: ReadonlyArray<string | null>, style: PinyinStyle, max: number): string[] {
  const whole = formatWord(spoken.map((r) => r ?? '?'), style);
  if (max <= 0 || whole.length <= max) return [whole];
  const labels: string[] = [];
  let label = '';
  let separator = '';
  for (const piece of pinyinPieces(spoken, style)) {
    if (piece.tone === undefined && (piece.text === ' ' || piece.text === "'")) {
      separator = piece.text;
      continue;
    }
    // A separator goes with the syllable after it, and is dropped where a new label starts.
    if (label && (label + separator + piece.text).length > max) {
      labels.push(label);
      label = piece.text;
    } else label += separator + piece.text;
    separator = '';
  }
  if (label) labels.push(label);
  return labels;
}

/**
 * Tone colours in the manner of Pleco and Zhongwen (1 red, 2 orange, 3 green, 4 blue, neutral grey), in a
 * darker set for light themes and a lighter set for dark and high-contrast ones, so every tone stays readable.
 */
export const TONE_COLOURS: Readonly<Record<'light' | 'dark', Readonly<Record<Tone, string>>>> = {
  light: { 1: '#d0021b', 2: '#b86e00', 3: '#1a7f37', 4: '#1f4fd6', 5: '#6e7781' },
  dark: { 1: '#ff6b6b', 2: '#f5a623', 3: '#4cc970', 4: '#6ea8ff', 5: '#a0a7b0' },
};
