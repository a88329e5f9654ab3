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
const parsed = new Map<string, Map<string, Gloss[]>>();

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

function entriesStartingWith(first: string): Map<string, Gloss[]> | undefined {
  let entries = parsed.get(first);
  if (entries) return entries;
  const line = glossLines().get(first);
  if (line === undefined) return undefined;
  entries = new Map();
  for (const entry of line.split('\u001e')) {
    const [rest = '', pinyin = '', gloss = ''] = entry.split('\u001f');
    const readings = pinyin.split(' ').map((s) => parseReading(s) ?? s.toLowerCase());
    const list = entries.get(rest) ?? [];
    list.push({ readings, properNoun: /^[A-Z]/.test(pinyin), gloss });
    entries.set(rest, list);
  }
  parsed.set(first, entries);
  return entries;
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
  const found = entriesStartingWith(simpleChars[0]!)?.get(simpleChars.slice(1).join('')) ?? [];
  if (!readings) return found;
  const key = readings.join(' ');
  const matches = (g: Gloss): boolean => g.readings.join(' ') === key;
  return [...found.filter(matches), ...found.filter((g) => !matches(g))];
}
