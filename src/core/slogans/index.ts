/**
 * Repeated political slogans (提法) in a document: known ones from the lexicon and ones the document itself
 * repeats, each with all its occurrences as UTF-16 ranges of the original text.
 *
 * Matching works on a folded view (Traditional → Simplified per character, so 八八戰略 and 一号發展工程 match),
 * ignores quote marks and a line break that wraps a phrase, and treats 、，, and spaces between the parts of an
 * enumeration alike. Known slogans are matched first, leftmost-longest; discovered phrases are matched after
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
import { countHan } from '../text';
import { buildStreams, foldPhrase, isHanUnit, isQuoteUnit, SEPARATOR, type OffsetRange, type TextStreams } from './streams';
import { PhraseTrie } from './trie';

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
  /** Discovered phrases: why the evidence says this repeat is a formula (shown in the hover and the report). */
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
}

interface CompiledLexicon {
  readonly trie: PhraseTrie;
  readonly patterns: KnownPattern[];
  /** Folded forms of every pattern, to tell a discovery that is really a known phrase. */
  readonly keys: Set<string>;
}

let cachedLexicon: { source: readonly SloganEntry[]; user: readonly SloganEntry[] | undefined; ignore: string; compiled: CompiledLexicon } | undefined;

function compileLexicon(entries: readonly SloganEntry[], user: readonly SloganEntry[], ignored: ReadonlySet<string>): CompiledLexicon {
  const trie = new PhraseTrie();
  const patterns: KnownPattern[] = [];
  const keys = new Set<string>();
  const addEntry = (entry: SloganEntry, method: 'lexicon' | 'user'): void => {
    if (ignored.has(foldPhrase(entry.phrase))) return;
    for (const form of [entry.phrase, ...entry.abbreviations]) {
      const key = foldPhrase(form);
      if (!key || ignored.has(key) || keys.has(key)) continue;
      keys.add(key);
      const id = patterns.length;
      patterns.push({ entry, method, short: hanLength(key) <= SHORT_PHRASE });
      addWithSeparatorVariants(trie, key, id);
    }
  };
  for (const e of user) addEntry(e, 'user');
  // A user entry for a built-in phrase replaces the built-in entry, abbreviations and all.
  const overridden = new Set(user.map((e) => foldPhrase(e.phrase)));
  for (const e of entries) if (!overridden.has(foldPhrase(e.phrase))) addEntry(e, 'lexicon');
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
  const user = options.userLexicon;
  const ignore = [...ignored].sort().join('\n');
  if (cachedLexicon && cachedLexicon.source === source && cachedLexicon.user === user && cachedLexicon.ignore === ignore) return cachedLexicon.compiled;
  const compiled = compileLexicon(source, user ?? [], ignored);
  cachedLexicon = { source, user, ignore, compiled };
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
  const byEntry = new Map<SloganEntry, { pattern: KnownPattern; spans: number[] }>();
  for (let j = 0; j < known.count; j++) {
    const pattern = lexicon.patterns[known.ids[j]!]!;
    let group = byEntry.get(pattern.entry);
    if (!group) byEntry.set(pattern.entry, (group = { pattern, spans: [] }));
    group.spans.push(known.starts[j]!, known.ends[j]!);
  }
  for (const { pattern, spans } of byEntry.values()) {
    const { entry, method } = pattern;
    results.push({
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
    for (let j = 0; j < known.count; j++) {
      insideKnown.fill(1, known.starts[j]! + 1, known.ends[j]!);
      knownEndAt[known.starts[j]!] = known.ends[j]!;
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
  return scan(streams.match, lexicon.trie, (start, end, id) => !lexicon.patterns[id]!.short || bounds.standsAlone(start, end));
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
    for (const id of order) {
      const c = candidates[id]!;
      let keep = counts[id]! >= c.minCount;
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
      cache.set(key, result);
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
      WordBounds.cache.set(key, result);
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

