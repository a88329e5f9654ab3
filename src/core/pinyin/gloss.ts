/**
 * Short English glosses from CC-CEDICT (CC BY-SA 4.0), for single characters and common words. The data
 * (about 1.5 MB) is a separate lazily loaded file, `zhdoc-vendor:cedict`: nothing is read until the first gloss
 * is asked for, and a user who turns glosses off never loads it.
 */
import type { BINARY_VENDORS, LoadedVendor } from '../../vendor/binaryVendor';
import type * as CedictVendor from '../../vendor/cedict';
import { scriptOf } from '../script';
import { indexLines, type LineIndex } from './packedLines';
import { traditionalToSimplified } from './t2s';
import { parseReading } from './syllable';

type Vendor = LoadedVendor<typeof CedictVendor, (typeof BINARY_VENDORS)['cedict']>;

export interface Gloss {
  /** Canonical readings of the headword, one per character (`han4`, `zi4`). */
  readonly readings: readonly string[];
  /** True when CC-CEDICT writes the reading capitalised: a proper noun (surname, place). */
  readonly properNoun: boolean;
  /** The first senses, separated by "; ", at most about 60 characters. */
  readonly gloss: string;
}

let lines: LineIndex | undefined;

function glossLines(): LineIndex {
  if (!lines) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
    const v = require('zhdoc-vendor:cedict') as Vendor;
    // Indexed, not split into a map (about 20 ms of the first hover): a line is cut out when its word is asked for.
    lines = indexLines(v.GLOSS_LINES);
  }
  return lines;
}

/** True once the gloss data has been loaded in this process. */
export function isGlossLoaded(): boolean {
  return lines !== undefined;
}

const ENTRY = '\u001e';
const FIELD = '\u001f';

/**
 * The entries of the word first+rest, in the order of their line. Found by searching the line for the entry's
 * key instead of parsing the line into a map: a common first character has hundreds of entries, and parsing
 * them all for the one word a hover shows cost it milliseconds and garbage.
 */
function entriesOf(first: string, rest: string): Gloss[] {
  const line = glossLines().get(first);
  if (line === undefined) return [];
  const found: Gloss[] = [];
  const key = rest + FIELD;
  for (let at = line.startsWith(key) ? 0 : nextEntry(line, key, 0); at >= 0; at = nextEntry(line, key, at + key.length)) {
    const readingsEnd = line.indexOf(FIELD, at + key.length);
    let end = line.indexOf(ENTRY, at + key.length);
    if (end < 0) end = line.length;
    const pinyin = line.slice(at + key.length, readingsEnd < 0 || readingsEnd > end ? end : readingsEnd);
    const gloss = readingsEnd < 0 || readingsEnd > end ? '' : line.slice(readingsEnd + 1, end);
    found.push({ readings: pinyin.split(' ').map((s) => parseReading(s) ?? s.toLowerCase()), properNoun: /^[A-Z]/.test(pinyin), gloss });
  }
  return found;
}

/** Where the next entry whose key is `key` starts, at or after `from`, or -1. */
function nextEntry(line: string, key: string, from: number): number {
  const at = line.indexOf(ENTRY + key, from);
  return at < 0 ? -1 : at + 1;
}

/**
 * CC-CEDICT's glosses of a word (Simplified or Traditional; Traditional is looked up through its Simplified
 * form). With `readings`, the entries for that reading come first (行 read hang2: "row; line" before "to walk").
 * Empty when the word is not among the common words kept.
 */
export function glossesOf(word: string, readings?: readonly string[]): Gloss[] {
  const chars = [...word];
  if (chars.length === 0) return [];
  const simplified = chars.some((c) => scriptOf(c) === 'traditional') ? traditionalToSimplified(word) : word;
  const simpleChars = [...simplified];
  const found = entriesOf(simpleChars[0]!, simpleChars.slice(1).join(''));
  if (!readings) return found;
  const key = readings.join(' ');
  const matches = (g: Gloss): boolean => g.readings.join(' ') === key;
  return [...found.filter(matches), ...found.filter((g) => !matches(g))];
}
