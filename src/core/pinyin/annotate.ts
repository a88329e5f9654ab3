/**
 * Annotate with Pinyin and its inverse.
 *
 * Format: after every Han word, its reading in ASCII parentheses, `漢字(hànzì)` — tone marks run together
 * (an apostrophe before a, e, o: `西安(xī'ān)`), tone numbers and zhuyin separated by spaces
 * (`漢字(han4 zi4)`, `漢字(ㄏㄢˋ ㄗˋ)`); a character with no known reading shows `?`.
 *
 * Why removal is exact: annotation puts a parenthesis after *every* Han word, so in annotated text the
 * parenthesised groups directly after a Han character are exactly the inserted ones — any `(` or `（` the text
 * had after a Han character now follows the inserted `)` instead. Removal deletes only groups that directly
 * follow a Han character and hold nothing but pinyin or zhuyin syllables, so remove(annotate(text)) === text
 * for every text, whatever parentheses it already contained.
 */
import { isHanCodePoint, type TextEdit } from '../text';
import { formatWord, type PinyinStyle } from './syllable';
import { wordsIn, type SpokenOptions } from './words';

/** The annotation inserted after a word with these readings. */
export function annotationOf(readings: ReadonlyArray<string | null>, style: PinyinStyle): string {
  return `(${formatWord(readings.map((r) => r ?? '?'), style)})`;
}

/**
 * Insertions (zero-length edits, sorted) that annotate every Han word of text[start, end). Words are read in
 * their whole clause, so annotating a selection gives the same readings as annotating the document.
 */
export function annotatePinyin(text: string, style: PinyinStyle, start = 0, end = text.length, options: SpokenOptions = {}): TextEdit[] {
  // The words' spoken readings (sandhi.ts): the lexicon's neutral tones and erhua, and the sandhi asked for.
  return wordsIn(text, start, end, options)
    .filter((w) => w.start >= start && w.end <= end)
    .map((w) => ({ offset: w.end, length: 0, text: annotationOf(w.spoken, style) }));
}

/**
 * One syllable of an annotation, tested decomposed (ǜ is u + two combining marks): pinyin letters with
 * combining tone marks or a tone digit, a zhuyin syllable with its tone mark, or `?` for an unknown reading.
 */
const ANNOTATION_SYLLABLE = /^(?:(?:[a-zA-Z]|[\u0300-\u036f])+[1-5]?|˙?[\u3105-\u312f\u31a0-\u31bf]+[ˊˇˋ]?|\?)$/;

/**
 * True for the body of an annotation: syllables separated by spaces, or run together with apostrophes; a `?`
 * (unknown reading) can run into its neighbours in the tone-mark style (`?zhe`).
 */
function isAnnotationBody(body: string): boolean {
  if (body === '') return false;
  return body
    .normalize('NFD')
    .split(/[ ']|(?=\?)|(?<=\?)/)
    .every((syllable) => ANNOTATION_SYLLABLE.test(syllable));
}

/** Deletions (sorted) of every pinyin annotation in text[start, end), the inverse of annotatePinyin. */
export function removePinyinAnnotations(text: string, start = 0, end = text.length): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = text.indexOf('(', start); i !== -1 && i < end; i = text.indexOf('(', i + 1)) {
    if (i === 0 || !precededByHan(text, i)) continue;
    const close = text.indexOf(')', i + 1);
    if (close === -1 || close >= end) break;
    const body = text.slice(i + 1, close);
    if (!isAnnotationBody(body)) continue;
    edits.push({ offset: i, length: close + 1 - i, text: '' });
    i = close;
  }
  return edits;
}

function precededByHan(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  const cp = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : c;
  return isHanCodePoint(cp);
}
