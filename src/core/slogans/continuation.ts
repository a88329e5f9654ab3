/**
 * A known enumeration that the document continues with further items of the same kind: the lexicon's 自治、法治、
 * 德治 written 自治、法治、德治、智治, or 政治意识、大局意识、核心意识、看齐意识 written on with 和忧患意识. The
 * occurrence is the formula as the document writes it, so its span takes in the further items instead of
 * stopping in the middle of the list; which formula it is, and how often it occurs, stay the same.
 *
 * An item continues the list only when it has the shape the formula's own items share: the same number of
 * characters and the same ending (…治, …意识), standing as a word. Items with nothing in common (创新、协调、绿色)
 * are never continued, since what follows them is as likely the next phrase of the sentence.
 */
import { isHanUnit, SEPARATOR_CLASS, unitClasses } from './streams';

/** A formula needs this many items before its shape says what a further item looks like. */
export const CONTINUE_MIN_ITEMS = 3;
/** Items longer than this are clauses, not the terms of a list. */
const CONTINUE_MAX_ITEM = 6;
/** Further items taken at most: a longer run is the document's own list. */
export const CONTINUE_MAX_ITEMS = 3;
/**
 * A shared ending this long (意识 of 政治意识) says what an item is; a one-character ending (治 of 自治) only does
 * where the further item ends the run (before punctuation, a separator or 等), not where a word goes on.
 */
const STRONG_SUFFIX = 2;
/** Separators that go on to a next item; a comma or semicolon ends the list. */
const ITEM_SEPARATORS = new Set([0x3001, 0xff64]);
/** Conjunctions that join a last further item (和忧患意识); nothing continues after them. */
const LAST_CONJUNCTIONS = new Set(['和', '与', '及']);

export interface ContinuableMatches {
  readonly count: number;
  readonly starts: Int32Array;
  /** Ends are moved forward in place where a match is continued. */
  readonly ends: Int32Array;
}

/**
 * Extends each match of `matches` (sorted, not overlapping, in the match view `match`) that is an enumeration over
 * the further items the text writes after it. `isEnumeration(j)` says whether match j is a listed enumeration (not
 * an item or a word), `isWord(start, end)` whether [start, end) stands as a word. Linear in the text matched.
 */
export function continueEnumerations(match: string, matches: ContinuableMatches, isEnumeration: (j: number) => boolean, isWord: (start: number, end: number) => boolean): void {
  const classes = unitClasses();
  const { count, starts, ends } = matches;
  for (let j = 0; j < count; j++) {
    if (!isEnumeration(j)) continue;
    const shape = itemShape(match, starts[j]!, ends[j]!, classes);
    if (!shape) continue;
    const limit = j + 1 < count ? starts[j + 1]! : match.length;
    const seen = new Set(shape.items);
    let end = ends[j]!;
    for (let added = 0; added < CONTINUE_MAX_ITEMS; added++) {
      const joiner = match[end];
      const last = joiner !== undefined && LAST_CONJUNCTIONS.has(joiner);
      if (!last && !ITEM_SEPARATORS.has(match.charCodeAt(end))) break;
      const from = end + 1;
      const to = from + shape.length;
      if (to > limit) break;
      const item = match.slice(from, to);
      if (!allHan(item) || !item.endsWith(shape.suffix) || seen.has(item) || !isWord(from, to)) break;
      // One shared character (…治) is also the end of many words (政治性, 整治): the item must then end the run.
      if (shape.suffix.length < STRONG_SUFFIX && isHanUnit(match.charCodeAt(to)) && match[to] !== '等') break;
      seen.add(item);
      end = to;
      if (last) break;
    }
    ends[j] = end;
  }
}

interface ItemShape {
  readonly items: readonly string[];
  readonly length: number;
  readonly suffix: string;
}

/** The items of the enumeration at [start, end) when they share a length and an ending, else undefined. */
function itemShape(match: string, start: number, end: number, classes: Uint8Array): ItemShape | undefined {
  const items: string[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !(classes[match.charCodeAt(i)]! & SEPARATOR_CLASS)) continue;
    if (i > from) items.push(match.slice(from, i));
    from = i + 1;
  }
  if (items.length < CONTINUE_MIN_ITEMS) return undefined;
  const length = items[0]!.length;
  if (length < 2 || length > CONTINUE_MAX_ITEM || items.some((it) => it.length !== length || !allHan(it))) return undefined;
  let suffix = items[0]!;
  for (const it of items) while (suffix && !it.endsWith(suffix)) suffix = suffix.slice(1);
  // The ending must leave each item a head of its own (政治 of 政治意识), or the items are one word repeated.
  if (!suffix || suffix.length >= length) return undefined;
  return { items, length, suffix };
}

function allHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHanUnit(s.charCodeAt(i))) return false;
  return true;
}
