/**
 * What the editor and the CLI do with found slogans: export them (CSV, JSON), move between occurrences, find
 * the slogan under the cursor, and measure how much of the text is marked.
 */
import { isHanCodePoint, lineStarts } from '../text';
import type { OffsetRange } from './streams';
import type { Slogan, SloganKind, SloganOccurrence } from './index';

/** The record the CLI prints with `--json`, exactly as the issue specifies it. */
export interface SloganCliRecord {
  readonly phrase: string;
  readonly count: number;
  readonly kind: SloganKind;
  readonly category: string | null;
  readonly occurrences: ReadonlyArray<{ readonly offset: number; readonly length: number }>;
}

export function toCliRecords(slogans: readonly Slogan[]): SloganCliRecord[] {
  return slogans.map((s) => ({
    phrase: s.phrase,
    count: s.count,
    kind: s.kind,
    category: s.category,
    occurrences: s.occurrences.map((o) => ({ offset: o.offset, length: o.length })),
  }));
}

/** JSON export: every field of every slogan, occurrences with 1-based line and column when `text` is given. */
export function formatSlogansJson(slogans: readonly Slogan[], text?: string): string {
  const locate = text === undefined ? undefined : locator(text);
  const records = slogans.map((s) => ({
    phrase: s.phrase,
    count: s.count,
    kind: s.kind,
    method: s.method,
    category: s.category,
    year: s.year,
    source: s.source,
    abbreviations: s.abbreviations,
    occurrences: s.occurrences.map((o) => (locate ? { offset: o.offset, length: o.length, ...locate(o.offset) } : { offset: o.offset, length: o.length })),
  }));
  return JSON.stringify(records, null, 2) + '\n';
}

const CSV_HEADER = ['phrase', 'count', 'kind', 'method', 'category', 'year', 'source', 'occurrences'];

/**
 * CSV export (RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break, CRLF
 * rows, header first, no byte-order mark). `occurrences` lists `offset+length` (UTF-16) separated by spaces, or
 * `line:column` (1-based) when `text` is given.
 */
export function formatSlogansCsv(slogans: readonly Slogan[], text?: string): string {
  const locate = text === undefined ? undefined : locator(text);
  const rows = [CSV_HEADER];
  for (const s of slogans) {
    const occurrences = s.occurrences
      .map((o) => {
        if (!locate) return `${o.offset}+${o.length}`;
        const { line, column } = locate(o.offset);
        return `${line}:${column}`;
      })
      .join(' ');
    rows.push([s.phrase, String(s.count), s.kind, s.method, s.category ?? '', s.year === null ? '' : String(s.year), s.source ?? '', occurrences]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A cell a spreadsheet would run as a formula (it begins with =, +, -, @, tab or CR: `=HYPERLINK(…)`, `-2+3`,
 * `@SUM(…)`) gets a leading apostrophe and quotes, as OWASP recommends against CSV injection.
 */
function csvField(value: string): string {
  const formula = /^[=+\-@\t\r]/.test(value);
  const safe = formula ? `'${value}` : value;
  return formula || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** 1-based line and column (UTF-16 units) of an offset. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = lineStarts(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

export interface LocatedOccurrence {
  readonly slogan: Slogan;
  readonly occurrence: SloganOccurrence;
  /** 0-based position among this slogan's occurrences. */
  readonly index: number;
}

/** Every occurrence of every slogan, by offset (a longer span first where two start together). */
export function allOccurrences(slogans: readonly Slogan[]): LocatedOccurrence[] {
  const all: LocatedOccurrence[] = [];
  for (const slogan of slogans) slogan.occurrences.forEach((occurrence, index) => all.push({ slogan, occurrence, index }));
  return all.sort((a, b) => a.occurrence.offset - b.occurrence.offset || b.occurrence.length - a.occurrence.length);
}

/**
 * The occurrence after (or before) `offset`, wrapping around the document; undefined when there are none.
 * `next` is the first occurrence starting after `offset`; `previous` the last one starting before it.
 */
export function nextOccurrence(slogans: readonly Slogan[], offset: number, direction: 'next' | 'previous'): LocatedOccurrence | undefined {
  const all = allOccurrences(slogans);
  if (all.length === 0) return undefined;
  if (direction === 'next') return all.find((o) => o.occurrence.offset > offset) ?? all[0];
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.occurrence.offset < offset) return all[i];
  return all[all.length - 1];
}

/** The innermost slogan occurrence containing `offset` (for a hover), or undefined. */
export function sloganAt(slogans: readonly Slogan[], offset: number): LocatedOccurrence | undefined {
  let best: LocatedOccurrence | undefined;
  for (const slogan of slogans) {
    slogan.occurrences.forEach((occurrence, index) => {
      if (offset < occurrence.offset || offset >= occurrence.offset + occurrence.length) return;
      if (!best || occurrence.length < best.occurrence.length) best = { slogan, occurrence, index };
    });
  }
  return best;
}

/** The neighbours of occurrence `index` of a slogan, wrapping around (for "previous / next" links in a hover). */
export function neighbourOccurrences(slogan: Slogan, index: number): { previous: SloganOccurrence; next: SloganOccurrence } {
  const n = slogan.occurrences.length;
  return { previous: slogan.occurrences[(index - 1 + n) % n]!, next: slogan.occurrences[(index + 1) % n]! };
}

export interface SloganCoverage {
  /** UTF-16 units inside at least one marked span. */
  readonly markedUnits: number;
  readonly totalUnits: number;
  /** Han characters (code points, as `countHan` counts them) inside marked spans, and in the whole text. */
  readonly markedHan: number;
  readonly totalHan: number;
  /** markedUnits / totalUnits (0 for an empty text). */
  readonly share: number;
  /** markedHan / totalHan. */
  readonly hanShare: number;
}

/** How much of `text` the slogans mark (overlapping spans count once). */
export function sloganCoverage(text: string, slogans: readonly Slogan[]): SloganCoverage {
  const marked = markedMask(text.length, slogans);
  let markedUnits = 0;
  let markedHan = 0;
  let totalHan = 0;
  for (let i = 0; i < text.length; i++) if (marked[i]) markedUnits++;
  // Han characters counted as the status bar's 字数 counts them (countHan): by code point, 〇 and astral ones included.
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const han = isHanCodePoint(cp);
    if (han) {
      totalHan++;
      if (marked[i]) markedHan++;
    }
    if (cp > 0xffff) i++;
  }
  return {
    markedUnits,
    totalUnits: text.length,
    markedHan,
    totalHan,
    share: text.length ? markedUnits / text.length : 0,
    hanShare: totalHan ? markedHan / totalHan : 0,
  };
}

/** One byte per unit of the text: 1 where some slogan occurrence covers it. */
export function markedMask(length: number, slogans: readonly Slogan[]): Uint8Array {
  const marked = new Uint8Array(length);
  for (const s of slogans) for (const o of s.occurrences) marked.fill(1, o.offset, Math.min(length, o.offset + o.length));
  return marked;
}

/** Offset ranges of line blocks (0-based, inclusive line numbers, as the boilerplate detector reports them). */
export function lineBlocksToRanges(text: string, blocks: ReadonlyArray<{ readonly start: number; readonly end: number }>): OffsetRange[] {
  const starts = lineStarts(text);
  return blocks.map((b) => ({ start: starts[b.start] ?? text.length, end: b.end + 1 < starts.length ? starts[b.end + 1]! : text.length }));
}
