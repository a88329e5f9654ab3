/**
 * Repeated political slogans (提法) in a document: known ones from the lexicon and ones the document itself
 * repeats, each with all its occurrences as UTF-16 ranges of the original text.
 *
 * Matching works on a folded view (Traditional → Simplified per character, so 八八戰略 and 一号發展工程 match),
 * ignores quote marks and a line break that wraps a phrase, and treats 、，, and spaces between the parts of an
 * enumeration alike; a form also matches without its 的 and with its numbers in the other numerals (variants.ts).
 * Known slogans are matched first, leftmost-longest, with two structural additions: known formulae the document
 * writes together twice are one span (compounds.ts), and an item of an enumeration the document writes out is a
 * formula of its own where the document uses it repeatedly. Discovered phrases are matched after
 * them and may contain a known slogan whole but never cut one. A phrase counts only the occurrences no longer
 * phrase of its layer claims, so 创新深化 is not reported beside 创新深化、改革攻坚、开放提升 when it only occurs
 * inside it.
 *
 * The whole analysis is a pure function of the text, linear in its length: the repeat search only grows from
 * anchors (numerals, head nouns). An editor should run it debounced after edits, off the main thread for huge
 * files.
 */
import { builtinSloganLexicon, type SloganEntry } from './lexicon';
import { candidatesFor, type Candidate, type DiscoveryMethod, isWordUnit } from './discover';
import { countHan, detachedSlice } from '../text';
import { buildStreams, foldPhrase, isHanUnit, isQuoteUnit, SEPARATOR, type OffsetRange, type TextStreams } from './streams';
import { PhraseTrie } from './trie';
import { formVariants, renamedItemVariants } from './variants';
import { compoundSpans } from './compounds';
import { continueEnumerations } from './continuation';

export type { SloganEntry } from './lexicon';
export { builtinSloganLexicon, isSloganLexiconLoaded, readUserSloganEntries, SLOGAN_CATEGORIES, USER_CATEGORY, validateSloganEntries } from './lexicon';
export type { DiscoveryMethod } from './discover';
export { foldPhrase, type OffsetRange } from './streams';
export {
  allOccurrences, formatSlogansCsv, formatSlogansJson, lineBlocksToRanges, markedMask, neighbourOccurrences, nextOccurrence, sloganAt, sloganCoverage, toCliRecords,
  type LocatedOccurrence, type SloganCliRecord, type SloganCoverage,
} from './report';

export type SloganKind = 'known' | 'discovered';
/** How a phrase was found: in the built-in lexicon, in the user's lexicon, or by a discovery rule. */
export type SloganMethod = 'lexicon' | 'user' | DiscoveryMethod;

export interface SloganOccurrence {
  /** UTF-16 offset in the original text. */
  readonly offset: number;
  /** UTF-16 length in the original text (a wrapped line break or a quote mark inside counts). */
  readonly length: number;
}

export interface Slogan {
  /** Known: as the lexicon writes it (Simplified). Discovered: as it first occurs in the text. */
  readonly phrase: string;
  /** Folded form that identifies the phrase (for ignore lists and lookups). */
  readonly key: string;
  readonly count: number;
  readonly kind: SloganKind;
  readonly method: SloganMethod;
  readonly category: string | null;
  readonly year: number | null;
  readonly source: string | null;
  /** The lexicon's abbreviations (known slogans only). */
  readonly abbreviations: readonly string[];
  /** Sorted by offset. */
  readonly occurrences: readonly SloganOccurrence[];
  /**
   * Discovered phrases: why the evidence says this repeat is a formula; known formulae written together as one
   * unit: which ones (shown in the hover and the report).
   */
  readonly reason?: string;
}

export interface SloganOptions {
  /** Mark known slogans (default true). */
  readonly known?: boolean;
  /** Discover phrases the document repeats (default true). */
  readonly discover?: boolean;
  /** Fewest occurrences for any phrase to be listed (default 1: a known slogan once is worth seeing). */
  readonly minCount?: number;
  /** Fewest occurrences of a quoted phrase, enumeration or numeral formula (default 2). */
  readonly minDiscoveredCount?: number;
  /** Fewest occurrences of any other repeat (default 3). */
  readonly minRepeatCount?: number;
  /** Extra known slogans (same shape as lexicon entries); they win over built-in entries of the same form. */
  readonly userLexicon?: readonly SloganEntry[];
  /** Phrases never reported, in either script: a lexicon phrase, one of its abbreviations, or a discovered phrase. */
  readonly ignore?: readonly string[];
  /** UTF-16 ranges (boilerplate) whose text never counts and is never marked. */
  readonly excludedRanges?: readonly OffsetRange[];
  /** Replaces the built-in lexicon (tests, or a user who wants only their own list). */
  readonly lexicon?: readonly SloganEntry[];
  /** Most discovered phrases reported, the most frequent first (default 200). */
  readonly maxDiscovered?: number;
}

export const SLOGAN_DEFAULTS = {
  minCount: 1,
  minDiscoveredCount: 2,
  minRepeatCount: 3,
  maxDiscovered: 200,
} as const;

/** A phrase of at most this many characters must stand on word boundaries (三个地 is not in 三个地方). */
const SHORT_PHRASE = 3;

interface KnownPattern {
  readonly entry: SloganEntry;
  readonly method: 'lexicon' | 'user';
  readonly short: boolean;
  /** For an item of an enumeration matched on its own: the entry whose formula it is an item of. */
  readonly partOf?: SloganEntry;
}

/**
 * An item of a lexicon enumeration (主体责任 of 主体责任、监督责任, 与时俱进 of 解放思想、实事求是、与时俱进) is a
 * formula of its own where the document shows it: the document writes the whole enumeration somewhere and uses
 * the item on its own at least PART_MIN_COUNT times. Items need PART_MIN_HAN characters: shorter ones are words
 * (信息化, 稳就业). Without the whole formula in the document an item stays unmarked, since most items are also
 * ordinary phrases (改革创新, 提高质量).
 */
const PART_MIN_HAN = 4;
const PART_MIN_COUNT = 2;
/**
 * An item used on its own more than this many times as often as its whole formula is a word of the text's own
 * vocabulary that the formula happens to contain (社会主义 of 爱国主义、集体主义、社会主义 in a speech about
 * socialism), not the formula's item.
 */
const PART_MAX_RATIO = 3;
/** An item that counts things (一个国家 of 一个国家，两种制度) is not a formula on its own. */
const COUNTING_ITEM = /^[一二两三四五六七八九十][个种项条位]/;

interface CompiledLexicon {
  readonly trie: PhraseTrie;
  readonly patterns: KnownPattern[];
  /** Folded forms of every pattern, to tell a discovery that is really a known phrase. */
  readonly keys: Set<string>;
}

let cachedLexicon: { source: readonly SloganEntry[]; user: string; ignore: string; compiled: CompiledLexicon } | undefined;

function compileLexicon(entries: readonly SloganEntry[], user: readonly SloganEntry[], ignored: ReadonlySet<string>): CompiledLexicon {
  const trie = new PhraseTrie();
  const patterns: KnownPattern[] = [];
  const keys = new Set<string>();
  const added: Array<{ entry: SloganEntry; method: 'lexicon' | 'user'; key: string }> = [];
  const addForm = (entry: SloganEntry, method: 'lexicon' | 'user', key: string): void => {
    if (!key || ignored.has(key) || keys.has(key)) return;
    keys.add(key);
    const id = patterns.length;
    patterns.push({ entry, method, short: hanLength(key) <= SHORT_PHRASE });
    addWithSeparatorVariants(trie, key, id);
    added.push({ entry, method, key });
  };
  const addEntry = (entry: SloganEntry, method: 'lexicon' | 'user'): void => {
    if (ignored.has(foldPhrase(entry.phrase))) return;
    for (const form of [entry.phrase, ...entry.abbreviations]) addForm(entry, method, foldPhrase(form));
  };
  for (const e of user) addEntry(e, 'user');
  // A user entry for a built-in phrase replaces the built-in entry, abbreviations and all.
  const overridden = new Set(user.map((e) => foldPhrase(e.phrase)));
  for (const e of entries) if (!overridden.has(foldPhrase(e.phrase))) addEntry(e, 'lexicon');
  // Derived wordings (without 的, numbers in digits) come after every listed form, so none takes another's place.
  const listed = added.slice();
  for (const { entry, method, key } of listed) for (const variant of formVariants(key)) addForm(entry, method, variant);
  const renamed = renamedItemVariants(listed.map((l) => l.key));
  for (const { entry, method, key } of listed) for (const variant of renamed.get(key) ?? []) addForm(entry, method, variant);
  // Items of enumerations last: every formula and wording of the lexicon comes first.
  for (const { entry, method, key } of listed) {
    if (!key.includes('、')) continue;
    for (const item of key.split('、')) {
      if (hanLength(item) < PART_MIN_HAN || COUNTING_ITEM.test(item) || ignored.has(item) || keys.has(item)) continue;
      keys.add(item);
      const part: SloganEntry = { phrase: item, category: entry.category, year: entry.year, abbreviations: [], source: entry.source };
      const id = patterns.length;
      patterns.push({ entry: part, method, short: false, partOf: entry });
      trie.add(item, id);
    }
  }
  return { trie, patterns, keys };
}

/** Conjunctions that join the last item of an enumeration as well as 、 does (法治国家、法治政府和法治社会). */
const LAST_ITEM_CONJUNCTIONS = ['和', '与', '及'];

/**
 * Adds a pattern and, when it is an enumeration, the same without separators (创新深化改革攻坚开放提升) and with
 * its last item joined by a conjunction (政治纪律和政治规矩, 党风廉政建设和反腐败斗争).
 */
function addWithSeparatorVariants(trie: PhraseTrie, key: string, id: number): void {
  trie.add(key, id);
  const last = key.lastIndexOf('、');
  if (last < 0) return;
  trie.add(key.replace(/、/g, ''), id);
  for (const c of LAST_ITEM_CONJUNCTIONS) trie.add(key.slice(0, last) + c + key.slice(last + 1), id);
}

const hanLength = countHan;

function lexiconFor(options: SloganOptions, ignored: ReadonlySet<string>): CompiledLexicon {
  const source = options.lexicon ?? builtinSloganLexicon();
  // The user's entries by content, not identity: callers build a fresh array per document (toCoreOptions's
  // default [], entries read from settings), and compiling the 1,780-entry lexicon again for each document made
  // `zhdoc scan` about 5× slower. A user lexicon is small, so its text is a cheap key.
  const user = options.userLexicon ?? [];
  const userKey = user.length ? JSON.stringify(user) : '';
  const ignore = [...ignored].sort().join('\n');
  if (cachedLexicon && cachedLexicon.source === source && cachedLexicon.user === userKey && cachedLexicon.ignore === ignore) return cachedLexicon.compiled;
  const compiled = compileLexicon(source, user, ignored);
  cachedLexicon = { source, user: userKey, ignore, compiled };
  return compiled;
}

/** Finds known and discovered slogans in `text`, most frequent first. */
export function findSlogans(text: string, options: SloganOptions = {}): Slogan[] {
  const minCount = Math.max(1, options.minCount ?? SLOGAN_DEFAULTS.minCount);
  const minDiscoveredCount = Math.max(2, options.minDiscoveredCount ?? SLOGAN_DEFAULTS.minDiscoveredCount, minCount);
  const minRepeatCount = Math.max(2, options.minRepeatCount ?? SLOGAN_DEFAULTS.minRepeatCount, minCount);
  const ignored = new Set((options.ignore ?? []).map(foldPhrase).filter((k) => k.length > 0));
  const streams = buildStreams(text, options.excludedRanges);
  const lexicon = lexiconFor(options, ignored);
  const bounds = new WordBounds(streams);
  const n = streams.match.length;

  const known = options.known === false ? emptyMatches() : scanKnown(streams, lexicon, bounds);
  const results: Slogan[] = [];
  const entryOf = (j: number): SloganEntry => lexicon.patterns[known.ids[j]!]!.entry;
  // A formula the document continues with further items of its kind is marked as far as the document writes it.
  continueEnumerations(streams.match, known, (j) => !lexicon.patterns[known.ids[j]!]!.partOf, (s, e) => bounds.bounded(s, e));
  const compounds = compoundSpans(streams.match, known, (j) => foldPhrase(entryOf(j).phrase), (key) => ignored.has(key));
  const consumed = new Uint8Array(known.count);
  /** Start and end of every known span as reported: compounds whole, other matches as they are. */
  const knownSpans: number[] = [];
  const byCompound = new Map<string, { members: SloganEntry[]; method: 'lexicon' | 'user'; spans: number[] }>();
  for (const c of compounds) {
    let group = byCompound.get(c.key);
    if (!group) {
      const members: SloganEntry[] = [];
      for (let j = c.first; j <= c.last; j++) members.push(entryOf(j));
      byCompound.set(c.key, (group = { members, method: lexicon.patterns[known.ids[c.first]!]!.method, spans: [] }));
    }
    for (let j = c.first; j <= c.last; j++) consumed[j] = 1;
    group.spans.push(known.starts[c.first]!, known.ends[c.last]!);
    knownSpans.push(known.starts[c.first]!, known.ends[c.last]!);
  }
  for (const [key, { members, method, spans }] of byCompound) {
    const categories = new Set(members.map((m) => m.category));
    const count = spans.length / 2;
    results.push({
      phrase: key,
      key,
      count,
      kind: 'known',
      method,
      category: categories.size === 1 ? members[0]!.category : null,
      year: null,
      source: members.map((m) => m.phrase).join(' + '),
      abbreviations: [],
      occurrences: toOccurrences(streams, spans),
      reason: `known formulae written together as one unit ${count}× in this document (${members.map((m) => m.phrase).join(' + ')})`,
    });
  }
  const byEntry = new Map<SloganEntry, { pattern: KnownPattern; spans: number[] }>();
  for (let j = 0; j < known.count; j++) {
    if (consumed[j]) continue;
    knownSpans.push(known.starts[j]!, known.ends[j]!);
    const pattern = lexicon.patterns[known.ids[j]!]!;
    let group = byEntry.get(pattern.entry);
    if (!group) byEntry.set(pattern.entry, (group = { pattern, spans: [] }));
    group.spans.push(known.starts[j]!, known.ends[j]!);
  }
  for (const { pattern, spans } of byEntry.values()) {
    const { entry, method, partOf } = pattern;
    results.push({
      ...(partOf ? { reason: `an item of the formula ${partOf.phrase}, which this document writes out` } : {}),
      phrase: entry.phrase,
      key: foldPhrase(entry.phrase),
      count: spans.length / 2,
      kind: 'known',
      method,
      category: entry.category,
      year: entry.year,
      source: entry.source,
      abbreviations: entry.abbreviations,
      occurrences: toOccurrences(streams, spans),
    });
  }

  if (options.discover !== false && n > 0) {
    const insideKnown = new Uint8Array(n + 1);
    const knownEndAt = new Int32Array(n + 1).fill(-1);
    for (let j = 0; j < knownSpans.length; j += 2) {
      insideKnown.fill(1, knownSpans[j]! + 1, knownSpans[j + 1]!);
      knownEndAt[knownSpans[j]!] = knownSpans[j + 1]!;
    }
    const candidates = candidatesFor(streams, {
      minDiscoveredCount,
      minRepeatCount,
      isKnownKey: (key) => lexicon.keys.has(key) || ignored.has(key),
      containsKnown: (s) => containsPattern(lexicon.trie, s),
      isWordBounded: (s, e) => bounds.bounded(s, e),
      isDictionaryWord: (w) => bounds.isOneWord(w),
      isWordBoundedIn: (t, s, e) => bounds.boundedIn(t, s, e),
    }).filter((c) => !ignored.has(c.key) && !lexicon.keys.has(c.key));
    results.push(...matchDiscovered(streams, candidates, insideKnown, knownEndAt, bounds, options.maxDiscovered ?? SLOGAN_DEFAULTS.maxDiscovered));
  }

  return results
    .filter((s) => s.count >= minCount)
    .sort((a, b) => b.count - a.count || (a.kind === b.kind ? 0 : a.kind === 'known' ? -1 : 1) || a.occurrences[0]!.offset - b.occurrences[0]!.offset);
}

interface Matches {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  ids: Int32Array;
}

function emptyMatches(): Matches {
  return { count: 0, starts: new Int32Array(0), ends: new Int32Array(0), ids: new Int32Array(0) };
}

class MatchList implements Matches {
  count = 0;
  starts: Int32Array<ArrayBuffer> = new Int32Array(64);
  ends: Int32Array<ArrayBuffer> = new Int32Array(64);
  ids: Int32Array<ArrayBuffer> = new Int32Array(64);
  push(start: number, end: number, id: number): void {
    if (this.count === this.starts.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.ids = grow(this.ids);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.ids[this.count] = id;
    this.count++;
  }
}

/** Leftmost-longest scan of the match view; `accept` may refuse a match, and the next shorter one is tried. */
function scan(match: string, trie: PhraseTrie, accept: (start: number, end: number, id: number) => boolean): MatchList {
  const out = new MatchList();
  const found = new Int32Array(64);
  const n = match.length;
  for (let i = 0; i < n; i++) {
    if (!trie.mayMatchAt(match, i)) continue;
    const k = trie.matchesAt(match, i, found);
    for (let j = k - 1; j >= 0; j--) {
      const end = found[j * 2]!;
      const id = found[j * 2 + 1]!;
      if (!accept(i, end, id)) continue;
      out.push(i, end, id);
      i = end - 1;
      break;
    }
  }
  return out;
}

function scanKnown(streams: TextStreams, lexicon: CompiledLexicon, bounds: WordBounds): MatchList {
  const { patterns } = lexicon;
  const alive = new Uint8Array(patterns.length).fill(1);
  const accept = (start: number, end: number, id: number): boolean => alive[id] === 1 && (!patterns[id]!.short || bounds.standsAlone(start, end));
  let matches = scan(streams.match, lexicon.trie, accept);
  // Items of enumerations stay only where the document has their whole formula and uses them often enough; the
  // text under the others is matched again, so a formula they hid is found. A rescan can uncover more items, so
  // this repeats, a bounded number of times; items still unchecked after that are dropped.
  for (let round = 0; ; round++) {
    if (round === PART_ROUNDS) return dropParts(matches, patterns);
    const present = new Map<SloganEntry, number>();
    const partCounts = new Map<number, number>();
    for (let j = 0; j < matches.count; j++) {
      const id = matches.ids[j]!;
      const pattern = patterns[id]!;
      if (pattern.partOf) partCounts.set(id, (partCounts.get(id) ?? 0) + 1);
      else present.set(pattern.entry, (present.get(pattern.entry) ?? 0) + 1);
    }
    let died = false;
    for (const [id, count] of partCounts) {
      const whole = present.get(patterns[id]!.partOf!) ?? 0;
      if (count >= PART_MIN_COUNT && whole > 0 && count <= whole * PART_MAX_RATIO) continue;
      alive[id] = 0;
      died = true;
    }
    // Each round kills at least one item for good, and a rescan reads only the text under the dead ones.
    if (!died) return matches;
    matches = rescan(streams.match, lexicon.trie, matches, alive, accept);
  }
}

/** Rounds of checking items of enumerations before the unchecked ones are dropped (nearly every text needs one). */
const PART_ROUNDS = 4;

function dropParts(matches: MatchList, patterns: readonly KnownPattern[]): MatchList {
  const out = new MatchList();
  for (let j = 0; j < matches.count; j++) if (!patterns[matches.ids[j]!]!.partOf) out.push(matches.starts[j]!, matches.ends[j]!, matches.ids[j]!);
  return out;
}

function containsPattern(trie: PhraseTrie, s: string): boolean {
  const found = new Int32Array(2);
  for (let i = 0; i < s.length; i++) if (trie.mayMatchAt(s, i) && trie.matchesAt(s, i, found) > 0) return true;
  return false;
}

/**
 * Matches the candidates in the gaps and around the known matches, then drops those with fewer occurrences than
 * they need (or failing their costlier test) and matches again around the occurrences they claimed, so that those
 * go back to shorter phrases.
 */
function matchDiscovered(
  streams: TextStreams,
  candidates: readonly Candidate[],
  insideKnown: Uint8Array,
  knownEndAt: Int32Array,
  bounds: WordBounds,
  maxDiscovered: number,
): Slogan[] {
  if (candidates.length === 0) return [];
  const trie = new PhraseTrie();
  candidates.forEach((c, id) => addWithSeparatorVariants(trie, c.key, id));
  const short = candidates.map((c) => hanLength(c.key) <= SHORT_PHRASE);
  const alive = new Uint8Array(candidates.length).fill(1);
  const accept = (start: number, end: number, id: number): boolean => {
    if (!alive[id] || insideKnown[start] || insideKnown[end] || knownEndAt[start] === end) return false;
    return !short[id] || bounds.standsAlone(start, end);
  };
  const checked = new Uint8Array(candidates.length);
  // The costly tests run for the most frequent candidates first, and for a bounded number of them: only
  // `maxDiscovered` phrases are reported, so a text with a hundred thousand quoted pairs stays fast.
  let checks = maxDiscovered * 3;
  let matches = scan(streams.match, trie, accept);
  for (let round = 0; round < 8; round++) {
    const counts = new Int32Array(candidates.length);
    for (let j = 0; j < matches.count; j++) counts[matches.ids[j]!]!++;
    let died = false;
    const order = candidates.map((_, id) => id).filter((id) => alive[id]).sort((x, y) => counts[y]! - counts[x]!);
    const passages = distinctPassages(streams.match, matches, counts, candidates);
    for (const id of order) {
      const c = candidates[id]!;
      let keep = counts[id]! >= c.minCount && passages(id) >= c.minCount;
      if (keep && c.verify && !checked[id]) {
        checked[id] = 1;
        keep = checks-- > 0 && c.verify();
      }
      if (!keep) {
        alive[id] = 0;
        died ||= counts[id]! > 0;
      }
    }
    if (!died) break;
    matches = rescan(streams.match, trie, matches, alive, accept);
  }
  const spans: number[][] = candidates.map(() => []);
  for (let j = 0; j < matches.count; j++) if (alive[matches.ids[j]!]) spans[matches.ids[j]!]!.push(matches.starts[j]!, matches.ends[j]!);
  const slogans: Slogan[] = [];
  candidates.forEach((c, id) => {
    if (!alive[id] || spans[id]!.length / 2 < c.minCount) return;
    if (c.method === 'enumeration' && mostlyContinued(streams.match, spans[id]!)) return;
    const occurrences = toOccurrences(streams, spans[id]!);
    slogans.push({
      phrase: displayForm(streams, spans[id]![0]!, spans[id]![1]!),
      key: c.key,
      count: occurrences.length,
      kind: 'discovered',
      method: c.method,
      category: null,
      year: null,
      source: null,
      abbreviations: [],
      occurrences,
      reason: c.reason,
    });
  });
  return slogans.sort((a, b) => b.count - a.count).slice(0, maxDiscovered);
}

/**
 * Units of context on either side that make two occurrences one passage: a paragraph the page repeats word for
 * word (a quotation given twice, a page template) repeats every phrase in it, which is one use, not two.
 */
const PASSAGE_CONTEXT = 20;

/**
 * For each candidate, how many of its occurrences are distinct uses: an occurrence whose 20 units before or
 * after are the same as those of an earlier occurrence repeats that passage. Counted only as far as the
 * candidate's `minCount` (which is all a caller asks), so the work stays linear in the matches.
 */
function distinctPassages(match: string, matches: Matches, counts: Int32Array, candidates: readonly Candidate[]): (id: number) => number {
  const byId = new Map<number, number[]>();
  for (let j = 0; j < matches.count; j++) {
    const id = matches.ids[j]!;
    if (counts[id]! < candidates[id]!.minCount) continue;
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(matches.starts[j]!, matches.ends[j]!);
  }
  const cache = new Map<number, number>();
  return (id) => {
    let n = cache.get(id);
    if (n !== undefined) return n;
    const spans = byId.get(id) ?? [];
    const want = candidates[id]!.minCount;
    const before = new Set<string>();
    const after = new Set<string>();
    n = 0;
    for (let j = 0; j < spans.length && n < want; j += 2) {
      const left = match.slice(Math.max(0, spans[j]! - PASSAGE_CONTEXT), spans[j]);
      const right = match.slice(spans[j + 1], spans[j + 1]! + PASSAGE_CONTEXT);
      // A passage at the very start or end of the text has less context: only a full window can repeat.
      const repeated = (left.length === PASSAGE_CONTEXT && before.has(left)) || (right.length === PASSAGE_CONTEXT && after.has(right));
      before.add(left);
      after.add(right);
      if (!repeated) n++;
    }
    cache.set(id, n);
    return n;
  };
}

/**
 * True when at least half the occurrences of an enumeration go on with another item (、 or 和 and a Han character
 * after it, or a Han character and 、 before it): the enumeration is a piece of a longer list, cut where the
 * items stopped being of one length (经济建设、政治建设、文化建设、社会建设 of the five-part list with
 * 生态文明建设; JUDGING.md rule 2).
 */
function mostlyContinued(match: string, spans: readonly number[]): boolean {
  const han = (i: number): boolean => i >= 0 && i < match.length && isHanUnit(match.charCodeAt(i));
  let continued = 0;
  for (let j = 0; j < spans.length; j += 2) {
    const start = spans[j]!;
    const end = spans[j + 1]!;
    const after = match.charCodeAt(end);
    if ((after === SEPARATOR || LAST_ITEM_CONJUNCTIONS.includes(match[end]!)) && han(end + 1)) continued++;
    else if (match.charCodeAt(start - 1) === SEPARATOR && han(start - 2)) continued++;
  }
  return continued * 2 >= spans.length / 2;
}

/**
 * The result `scan` would give now that some patterns are dead, computed from the previous result: the text is
 * scanned afresh only from each match of a dead pattern until the scan stands where the previous one also
 * stood (a position no previous match straddles); from there on both scans agree.
 */
function rescan(match: string, trie: PhraseTrie, old: MatchList, alive: Uint8Array, accept: (start: number, end: number, id: number) => boolean): MatchList {
  const out = new MatchList();
  const found = new Int32Array(64);
  const n = match.length;
  let j = 0;
  let cursor = 0;
  while (j < old.count) {
    const start = old.starts[j]!;
    if (start < cursor) {
      j++;
      continue;
    }
    if (alive[old.ids[j]!]) {
      out.push(start, old.ends[j]!, old.ids[j]!);
      cursor = old.ends[j]!;
      j++;
      continue;
    }
    let i = start;
    let until = old.ends[j]!;
    j++;
    while (i < n) {
      let next = i + 1;
      if (trie.mayMatchAt(match, i)) {
        const k = trie.matchesAt(match, i, found);
        for (let f = k - 1; f >= 0; f--) {
          if (!accept(i, found[f * 2]!, found[f * 2 + 1]!)) continue;
          out.push(i, found[f * 2]!, found[f * 2 + 1]!);
          next = found[f * 2]!;
          break;
        }
      }
      i = next;
      for (; j < old.count && old.starts[j]! < i; j++) if (old.ends[j]! > i) until = Math.max(until, old.ends[j]!);
      if (i >= until) break;
    }
    cursor = i;
  }
  return out;
}

/** The original text of an occurrence, without the quote marks and line breaks matching passed over. */
function displayForm(streams: TextStreams, start: number, end: number): string {
  const { text, matchOffsets } = streams;
  let out = '';
  for (let i = start; i < end; i++) out += text[matchOffsets[i]!];
  return out;
}

function toOccurrences(streams: TextStreams, spans: readonly number[]): SloganOccurrence[] {
  const offsets = streams.matchOffsets;
  const out: SloganOccurrence[] = [];
  for (let j = 0; j < spans.length; j += 2) {
    const offset = offsets[spans[j]!]!;
    const end = offsets[spans[j + 1]! - 1]! + 1;
    out.push({ offset, length: end - offset });
  }
  return out;
}

/**
 * Word-boundary tests with `Intl.Segmenter` on a short window around a span, cached by window, since
 * segmenting is far slower than matching and the same contexts recur. Without `Intl.Segmenter` every span counts
 * as bounded.
 */
class WordBounds {
  /** Verdicts by window, kept across calls: an editor re-analyses the same document after every edit. */
  private static readonly cache = new Map<string, boolean>();
  private static segmenter: Intl.Segmenter | null | undefined;

  constructor(private readonly streams: TextStreams) {}

  /** True when [start, end) of the match view begins and ends on word boundaries. */
  bounded(start: number, end: number): boolean {
    return this.boundedIn(this.streams.match, start, end);
  }

  /** True when [start, end) of `text` begins and ends on word boundaries, judged in a window of 12 units around it. */
  boundedIn(text: string, start: number, end: number): boolean {
    const segmenter = WordBounds.wordSegmenter();
    if (!segmenter) return true;
    let from = start;
    while (from > 0 && start - from < 12 && isWordUnit(text.charCodeAt(from - 1))) from--;
    let to = end;
    while (to < text.length && to - end < 12 && isWordUnit(text.charCodeAt(to))) to++;
    // Nothing but punctuation or spaces on either side: bounded without asking the segmenter.
    if (from === start && to === end) return true;
    const window = text.slice(from, to);
    const key = `${start - from}:${end - from}:${window}`;
    const cache = WordBounds.cache;
    let result = cache.get(key);
    if (result === undefined) {
      let startOk = start === from;
      let endOk = end === to;
      for (const s of segmenter.segment(window)) {
        if (s.index === start - from) startOk = true;
        if (s.index === end - from) endOk = true;
      }
      result = startOk && endOk;
      if (cache.size > 50_000) cache.clear();
      // A detached key: the cache outlives the document, and a key made of a slice keeps the whole document alive.
      cache.set(`${start - from}:${end - from}:${detachedSlice(text, from, to)}`, result);
    }
    return result;
  }

  /** True when the segmenter reads `word` as a single word of its dictionary. */
  isOneWord(word: string): boolean {
    const segmenter = WordBounds.wordSegmenter();
    if (!segmenter) return false;
    const key = `=${word}`;
    let result = WordBounds.cache.get(key);
    if (result === undefined) {
      const segments = [...segmenter.segment(word)];
      result = segments.length === 1 && segments[0]!.isWordLike === true;
      WordBounds.cache.set(`=${detachedSlice(word, 0, word.length)}`, result);
    }
    return result;
  }

  /** A short phrase stands alone when it is quoted on its own (“三农”) or bounded by words. */
  standsAlone(start: number, end: number): boolean {
    const { text, matchOffsets } = this.streams;
    const before = matchOffsets[start]! - 1;
    const after = matchOffsets[end - 1]! + 1;
    if (before >= 0 && after < text.length && isQuoteUnit(text.charCodeAt(before)) && isQuoteUnit(text.charCodeAt(after))) return true;
    return this.bounded(start, end);
  }

  private static wordSegmenter(): Intl.Segmenter | null {
    if (WordBounds.segmenter === undefined) {
      WordBounds.segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    }
    return WordBounds.segmenter;
  }
}

