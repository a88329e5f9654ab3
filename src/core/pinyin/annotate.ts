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
 * follow a Han character and spell a reading of the Han characters before them in one of zhdoc's styles, so
 * remove(annotate(text)) === text for every text, whatever parentheses it already contained, and the writer's
 * own `微软(Microsoft)` or `什么(?)` in text never annotated (or annotated only in part) stays.
 */
import { isHanCodePoint, isLowSurrogate, type TextEdit } from '../text';
import { readingsOf, readingsOfCharacter } from './reader';
import { matchesSpokenAnnotationFrom, spokenVariants } from './sandhi';
import { formatWord, PINYIN_STYLES, type PinyinStyle } from './syllable';
import { eachWordIn, writtenReadings, type SpokenOptions } from './words';

/** The annotation inserted after a word with these readings. */
export function annotationOf(readings: ReadonlyArray<string | null>, style: PinyinStyle): string {
  return writtenAnnotation(readings.map((r) => r ?? '?'), style);
}

/** The annotation of readings already written out (`?` for unknown ones). */
function writtenAnnotation(written: readonly string[], style: PinyinStyle): string {
  return `(${formatWord(written, style)})`;
}

/**
 * Insertions (zero-length edits, sorted) that annotate every Han word of text[start, end). Words are read in
 * their whole clause, so annotating a selection gives the same readings as annotating the document.
 */
export function annotatePinyin(text: string, style: PinyinStyle, start = 0, end = text.length, options: SpokenOptions = {}): TextEdit[] {
  // The words' spoken readings (sandhi.ts): the lexicon's neutral tones and erhua, and the sandhi asked for.
  // Read from each run's arrays: a PinyinWord per word is garbage on a long run.
  const edits: TextEdit[] = [];
  eachWordIn(text, start, end, options, (run, k) => {
    const [a, b] = run.spans[k]!;
    const wordEnd = run.offsets[b]!;
    if (run.offsets[a]! >= start && wordEnd <= end) edits.push({ offset: wordEnd, length: 0, text: writtenAnnotation(writtenReadings(run, k), style) });
  });
  return edits;
}

/**
 * Longest annotation body looked at (code units): a word of 32 syllables of at most 7 letters each. Anything
 * longer is not zhdoc's, and the bound keeps removal linear in the text.
 */
const MAX_BODY = 32 * 8;

/** Deletions (sorted) of every pinyin annotation in text[start, end), the inverse of annotatePinyin. */
export function removePinyinAnnotations(text: string, start = 0, end = text.length): TextEdit[] {
  const edits: TextEdit[] = [];
  // The first ')' after the current '(', found once for all the '(' before it: searching from every '(' was
  // quadratic on text with many '(' after Han characters and a ')' far away (or none).
  let close = -2;
  for (let i = text.indexOf('(', start); i !== -1 && i < end; i = text.indexOf('(', i + 1)) {
    if (i === 0 || !precededByHan(text, i)) continue;
    if (close !== -1 && close <= i) close = text.indexOf(')', i + 1);
    if (close === -1 || close >= end) break;
    if (close - i - 1 > MAX_BODY) continue;
    if (!isAnnotationFor(text, i, text.slice(i + 1, close))) continue;
    edits.push({ offset: i, length: close + 1 - i, text: '' });
    i = close;
  }
  return edits;
}

/** What a body may contain: letters, marks, the apostrophe, space, `?`, zhuyin tone marks and tone numbers. */
const ANNOTATION_BODY = /^[\p{L}\p{M}' ?˙ˊˇˋ1-5]+$/u;

/**
 * True when `body` is what annotationOf writes, in one of zhdoc's styles, for the last few Han characters
 * before offset `open`: each syllable one of that character's readings (or its reading read here), `?` only for
 * a character with no known reading. `微软(Microsoft)`, `什么(?)` and `原理(Beta2)` are the writer's own text.
 */
function isAnnotationFor(text: string, open: number, body: string): boolean {
  if (body === '' || !ANNOTATION_BODY.test(body)) return false;
  const normalized = body.normalize('NFC');
  // The Han characters just before the parenthesis, nearest last: at most one per letter of the body.
  const chars: string[] = [];
  for (let at = open; at > 0 && chars.length < normalized.length; ) {
    const low = isLowSurrogate(text.charCodeAt(at - 1)) && at >= 2;
    const cp = text.codePointAt(low ? at - 2 : at - 1)!;
    if (!isHanCodePoint(cp)) break;
    chars.push(String.fromCodePoint(cp));
    at -= low ? 2 : 1;
  }
  chars.reverse();
  // Every syllable zhdoc may write for each character: its readings (and the one read here), each as spoken
  // in any sandhi mode (neutral tone, 一 yí/yì, 不 bú, a third tone's second, 儿 as the r of the syllable before).
  const known = chars.map(characterSyllables);
  // The reading read here is one of the character's own (a property test holds the reader to it), so the
  // characters' readings decide almost every annotation without reading the characters in context, which cost
  // a run of the reader per parenthesis (most of the time on a large annotated document). Adding candidates
  // only adds matches, so a match on the characters' readings is the answer; the context is read when they
  // do not match, or when a character has none of its own.
  const unread = known.some((k) => k.readings.length === 0);
  if (!unread && matchesSomeWord(known.map((k) => k.variants), normalized)) return true;
  const inContext = readingsOf(chars.join(''));
  let extra = false;
  const candidates = chars.map((c, k) => {
    const { readings, variants } = known[k]!;
    const here = inContext[k];
    if (here && !readings.includes(here)) {
      extra = true;
      return [...new Set([...variants, ...spokenVariants(c, here)])];
    }
    return readings.length ? variants : ['?'];
  });
  return (unread || extra) && matchesSomeWord(candidates, normalized);
}

/** True when `body` writes the last k characters (of those `candidates` are for) for some k, in some style. */
function matchesSomeWord(candidates: ReadonlyArray<readonly string[]>, body: string): boolean {
  for (let k = 1; k <= candidates.length; k++) {
    for (const style of PINYIN_STYLES) if (matchesSpokenAnnotationFrom(candidates, candidates.length - k, body, style)) return true;
  }
  return false;
}

interface CharacterSyllables {
  /** readingsOfCharacter. */
  readonly readings: readonly string[];
  /** Their spoken variants, without repeats (empty when the character has no reading). */
  readonly variants: readonly string[];
}

/**
 * Characters whose syllables are kept: a document uses a few thousand distinct characters; the bound keeps a
 * text of every Han character from growing the map without end (it is emptied when full).
 */
const CHARACTER_CACHE_SIZE = 1 << 15;
const characterCache = new Map<string, CharacterSyllables>();

/**
 * A character's readings and their spoken variants, looked up once per character instead of once per
 * parenthesis. They depend on the reading data alone (readingsOfCharacter does not consult the polyphone model).
 */
function characterSyllables(char: string): CharacterSyllables {
  let entry = characterCache.get(char);
  if (entry) return entry;
  const readings = readingsOfCharacter(char);
  entry = { readings, variants: [...new Set(readings.flatMap((r) => spokenVariants(char, r)))] };
  if (characterCache.size >= CHARACTER_CACHE_SIZE) characterCache.clear();
  characterCache.set(char, entry);
  return entry;
}

function precededByHan(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  const cp = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : c;
  return isHanCodePoint(cp);
}
