/**
 * Keyword in context (KWIC): each occurrence of a phrase with a fixed number of characters on either side, so
 * that the occurrences line up in a column. Context never reaches into excluded ranges (boilerplate: a menu
 * beside a slogan is not its context), line breaks show as ⏎ so one occurrence stays one line, and an astral
 * character (𠮷) is never cut in half.
 */
import type { OffsetRange } from '../slogans/streams';

/** Context on each side, in characters (code points); the webview lets the user change it within these bounds. */
export const DEFAULT_CONTEXT_WIDTH = 20;
export const MIN_CONTEXT_WIDTH = 5;
export const MAX_CONTEXT_WIDTH = 200;

/** How a line break inside the context is shown: visible, one character wide, so the columns stay aligned. */
const LINE_BREAK_MARK = '⏎';

export interface ConcordanceLine {
  readonly offset: number;
  readonly length: number;
  readonly left: string;
  readonly keyword: string;
  readonly right: string;
}

export function clampContextWidth(width: number): number {
  if (!Number.isFinite(width)) return DEFAULT_CONTEXT_WIDTH;
  return Math.min(MAX_CONTEXT_WIDTH, Math.max(MIN_CONTEXT_WIDTH, Math.round(width)));
}

/**
 * One line per occurrence (sorted by offset). `excluded` must be sorted and non-overlapping, as
 * lineBlocksToRanges gives them.
 */
export function concordance(
  text: string,
  occurrences: ReadonlyArray<{ readonly offset: number; readonly length: number }>,
  width: number = DEFAULT_CONTEXT_WIDTH,
  excluded: readonly OffsetRange[] = [],
): ConcordanceLine[] {
  const w = clampContextWidth(width);
  const sorted = [...occurrences].sort((a, b) => a.offset - b.offset);
  const lines: ConcordanceLine[] = [];
  let r = 0;
  for (const o of sorted) {
    const end = o.offset + o.length;
    // The excluded range ending last at or before the occurrence bounds its left context; the next one starting
    // at or after its end bounds the right.
    while (r < excluded.length && excluded[r]!.end <= o.offset) r++;
    const leftLimit = r > 0 ? excluded[r - 1]!.end : 0;
    let k = r;
    while (k < excluded.length && excluded[k]!.start < end) k++;
    const rightLimit = k < excluded.length ? excluded[k]!.start : text.length;
    lines.push({
      offset: o.offset,
      length: o.length,
      left: flatten(text.slice(stepBack(text, o.offset, w, leftLimit), o.offset)),
      keyword: flatten(text.slice(o.offset, end)),
      right: flatten(text.slice(end, stepForward(text, end, w, rightLimit))),
    });
  }
  return lines;
}

/** The offset `count` code points before `from`, not before `limit`; a \r\n counts as one. */
function stepBack(text: string, from: number, count: number, limit: number): number {
  let i = from;
  for (let n = 0; n < count && i > limit; n++) {
    i--;
    const c = text.charCodeAt(i);
    if (i > limit && ((c >= 0xdc00 && c <= 0xdfff && isHigh(text.charCodeAt(i - 1))) || (c === 0x0a && text.charCodeAt(i - 1) === 0x0d))) i--;
  }
  return i;
}

function stepForward(text: string, from: number, count: number, limit: number): number {
  let i = from;
  for (let n = 0; n < count && i < limit; n++) {
    const c = text.charCodeAt(i);
    i++;
    if (i < limit && ((isHigh(c) && isLow(text.charCodeAt(i))) || (c === 0x0d && text.charCodeAt(i) === 0x0a))) i++;
  }
  return i;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function flatten(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029]/g, LINE_BREAK_MARK).replace(/\t/g, ' ');
}

/** The concordance as CSV rows (header first), for toCsv. `source` names the document of each line. */
export function concordanceRows(entries: ReadonlyArray<{ readonly source: string; readonly line: number; readonly column: number } & ConcordanceLine>): string[][] {
  return [['source', 'line', 'column', 'offset', 'left', 'keyword', 'right'], ...entries.map((e) => [e.source, String(e.line), String(e.column), String(e.offset), e.left, e.keyword, e.right])];
}
