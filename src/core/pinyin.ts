/**
 * Pinyin for zhdoc: readings in context for Simplified, Traditional and mixed text, words around a position,
 * display forms, annotation and glosses. Pure: no vscode, no Node. Importing this module loads nothing heavy;
 * the reading data (built from pinyin-pro and CC-CEDICT) loads on the first reading, the glosses on the first gloss.
 */
import { readingsOfCharacter } from './pinyin/reader';
import { formatReading, formatWord, toneOf, type PinyinStyle, type Tone } from './pinyin/syllable';
import { counterpartWord, wordsIn, type PinyinWord } from './pinyin/words';

export { annotatePinyin, annotationOf, removePinyinAnnotations } from './pinyin/annotate';
export { glossesOf, isGlossLoaded, type Gloss } from './pinyin/gloss';
export { isPinyinLoaded, isPolyphonic, readingsOf, readingsOfCharacter, readingsOfHan } from './pinyin/reader';
export {
  baseOf, formatReading, formatWord, isReading, parseReading, PINYIN_STYLES, toMarks, toneOf, toZhuyin,
  type PinyinStyle, type Tone,
} from './pinyin/syllable';
export { counterpartWord, selectionReading, toPinyinText, WINDOW, wordAt, wordsIn, type PinyinWord, type SelectionReading } from './pinyin/words';

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
  /** The reading chosen in context. */
  readonly reading: string;
  /** Its other readings, most frequent first. */
  readonly others: readonly string[];
}

export interface PinyinPiece {
  readonly text: string;
  /** The syllable's tone, for colouring; undefined for a separator (`'`, space) or an unknown reading (`?`). */
  readonly tone: Tone | undefined;
}

export interface WordView {
  readonly word: PinyinWord;
  /** The whole word's reading in the style (hànzì, han4 zi4, ㄏㄢˋ ㄗˋ). */
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
    const reading = word.readings[i] ?? null;
    return { char, reading, text: reading ? formatReading(reading, style) : '?', tone: reading ? toneOf(reading) : undefined };
  });
  const polyphones: PolyphoneView[] = [];
  chars.forEach((char, index) => {
    const reading = word.readings[index];
    if (!reading) return;
    const all = readingsOfCharacter(char);
    if (all.length > 1) polyphones.push({ index, char, reading, others: all.filter((r) => r !== reading) });
  });
  return {
    word,
    pinyin: formatWord(word.readings.map((r) => r ?? '?'), style),
    pieces: pinyinPieces(word.readings, style),
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
  let written = '';
  readings.forEach((r, i) => {
    const joined = formatWord(readings.slice(0, i + 1).map((x) => x ?? '?'), style);
    const syllable = r ? formatReading(r, style) : '?';
    const separator = joined.slice(written.length, joined.length - syllable.length);
    if (separator) pieces.push({ text: separator, tone: undefined });
    pieces.push({ text: syllable, tone: r ? toneOf(r) : undefined });
    written = joined;
  });
  return pieces;
}

export interface PinyinHint {
  /** UTF-16 offset just after the word: where an inlay hint goes. */
  readonly offset: number;
  /** The word's reading in the style. */
  readonly label: string;
  readonly word: PinyinWord;
}

/**
 * Inlay hints for the words of text[start, end) (pass the visible range: the work is proportional to it, not to
 * the document).
 */
export function pinyinHints(text: string, style: PinyinStyle, start = 0, end = text.length): PinyinHint[] {
  return wordsIn(text, start, end)
    .filter((w) => w.end > start && w.end <= end)
    .map((word) => ({ offset: word.end, label: formatWord(word.readings.map((r) => r ?? '?'), style), word }));
}

/**
 * Tone colours in the manner of Pleco and Zhongwen (1 red, 2 orange, 3 green, 4 blue, neutral grey), in a
 * darker set for light themes and a lighter set for dark and high-contrast ones, so every tone stays readable.
 */
export const TONE_COLOURS: Readonly<Record<'light' | 'dark', Readonly<Record<Tone, string>>>> = {
  light: { 1: '#d0021b', 2: '#b86e00', 3: '#1a7f37', 4: '#1f4fd6', 5: '#6e7781' },
  dark: { 1: '#ff6b6b', 2: '#f5a623', 3: '#4cc970', 4: '#6ea8ff', 5: '#a0a7b0' },
};
