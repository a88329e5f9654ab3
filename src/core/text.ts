/**
 * Character classes and offset helpers shared by the core. Offsets everywhere in the core are
 * UTF-16 code units, the unit `TextDocument.offsetAt` counts, so results map onto the editor
 * without conversion; iteration is by code point so astral ideographs (𠮷) are never split.
 */

/**
 * True for a Han ideograph: CJK Unified Ideographs and all extensions (A to I), compatibility
 * ideographs, and 〇. Radicals, strokes and punctuation are not Han characters here: they are
 * never converted, read or counted as 字.
 */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007
  );
}

/** True for the second half of a surrogate pair: an offset there is inside an astral character. */
export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when `text` contains at least one Han character. */
export function containsHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3007) continue;
    const cp = text.codePointAt(i)!;
    if (isHanCodePoint(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** Number of Han characters (字数, the figure Chinese writers count by). */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3007) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (isHanCodePoint(cp)) n++;
  }
  return n;
}

/** A replacement of `length` code units at `offset` by `text`, in the coordinates of the input. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** Applies non-overlapping edits, sorted by offset, to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const e of edits) {
    parts.push(text.slice(last, e.offset), e.text);
    last = e.offset + e.length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Start offsets of every line: lines split on `\n`; a `\r` before it belongs to the break. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Lines of `text` without their breaks (`\n` or `\r\n`), as the CLI and the line-based features see them. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Escapes text for HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Reduces sorted, non-overlapping edits to at most `maxEdits` by joining neighbours (with the unchanged text
 * between them), first within a line, then across lines. An editor applies hundreds of thousands of tiny
 * edits far more slowly than a few thousand larger ones; joining within lines first keeps line structure,
 * folds and most markers where they were.
 */
export function coalesceEdits(text: string, edits: readonly TextEdit[], maxEdits: number): TextEdit[] {
  if (edits.length <= maxEdits) return [...edits];
  const join = (a: TextEdit, b: TextEdit): TextEdit => ({
    offset: a.offset,
    length: b.offset + b.length - a.offset,
    text: a.text + text.slice(a.offset + a.length, b.offset) + b.text,
  });
  const byLine: TextEdit[] = [];
  for (const e of edits) {
    const last = byLine[byLine.length - 1];
    const gapHasBreak = last !== undefined && text.lastIndexOf('\n', e.offset - 1) >= last.offset + last.length;
    if (last && !gapHasBreak) byLine[byLine.length - 1] = join(last, e);
    else byLine.push(e);
  }
  if (byLine.length <= maxEdits) return byLine;
  const group = Math.ceil(byLine.length / maxEdits);
  const grouped: TextEdit[] = [];
  for (let i = 0; i < byLine.length; i += group) {
    let merged = byLine[i]!;
    for (let j = i + 1; j < Math.min(i + group, byLine.length); j++) merged = join(merged, byLine[j]!);
    grouped.push(merged);
  }
  return grouped;
}

/**
 * The first index in [0, length) at which `before` turns false, for a `before` that is true on a prefix and false
 * after it (a sorted list's lower or upper bound): binary search, O(log length).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const detachedUnits: number[] = [];

/**
 * text[from, to) as a string of its own. V8 makes a long `slice` a view that keeps the whole of `text` alive, so
 * a slice kept in a long-lived cache holds on to the document it came from: every document a scan or an editor
 * has analysed, until the cache is cleared. A short copy made from code units holds nothing else.
 */
export function detachedSlice(text: string, from: number, to: number): string {
  const units = detachedUnits;
  units.length = to - from;
  for (let i = from; i < to; i++) units[i - from] = text.charCodeAt(i);
  return String.fromCharCode.apply(null, units);
}
