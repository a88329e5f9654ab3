/**
 * Few edits for a large conversion, placed so that the editor keeps what the user sees: VS Code applies a few
 * thousand edits in well under a second but hundreds of thousands take many seconds, while an edit that spans
 * a fold's first line or the cursor moves them. So neighbouring edits are joined within a line (never across
 * a kept offset, such as the cursor), then across lines in groups that never reach a kept line (a fold's
 * header and edges, the cursor's line), which keep their own per-line edits.
 */
import type { TextEdit } from './text';

export interface KeptPlaces {
  /** Line numbers (0-based) that no joined edit may span: fold headers and edges, cursor lines. */
  readonly lines: ReadonlySet<number>;
  /** Offsets that no joined edit may cover (cursors and selection ends). */
  readonly offsets: readonly number[];
}

/** Sorted, non-overlapping `edits` joined down to about `maxEdits` (more when kept places forbid joining). */
export function planEdits(text: string, edits: readonly TextEdit[], maxEdits: number, kept: KeptPlaces): TextEdit[] {
  if (edits.length <= maxEdits) return [...edits];
  const join = (a: TextEdit, b: TextEdit): TextEdit => ({
    offset: a.offset,
    length: b.offset + b.length - a.offset,
    text: a.text + text.slice(a.offset + a.length, b.offset) + b.text,
  });
  const keptOffsets = [...kept.offsets].sort((x, y) => x - y);
  let nextKept = 0;
  // Joined within lines; each with the line it starts on and the line it ends on.
  const byLine: Array<{ edit: TextEdit; line: number; endLine: number }> = [];
  let line = 0;
  let scanned = 0;
  const lineAt = (offset: number): number => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    scanned = Math.max(scanned, offset);
    return line;
  };
  for (const e of edits) {
    const startLine = lineAt(e.offset);
    const endLine = e.length > 0 ? lineAt(e.offset + e.length - 1) : startLine;
    const last = byLine[byLine.length - 1];
    while (nextKept < keptOffsets.length && keptOffsets[nextKept]! < (last ? last.edit.offset + last.edit.length : 0)) nextKept++;
    const keptBetween = last !== undefined && nextKept < keptOffsets.length && keptOffsets[nextKept]! <= e.offset;
    if (last && last.endLine === startLine && !keptBetween) {
      byLine[byLine.length - 1] = { edit: join(last.edit, e), line: last.line, endLine };
    } else {
      byLine.push({ edit: e, line: startLine, endLine });
    }
  }
  if (byLine.length <= maxEdits) return byLine.map((x) => x.edit);
  const group = Math.ceil(byLine.length / maxEdits);
  const keptLines = [...kept.lines].sort((x, y) => x - y);
  /** True when a kept line lies in [from, to] (binary search: a large document can have thousands of folds). */
  const spansKept = (from: number, to: number): boolean => {
    let lo = 0;
    let hi = keptLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keptLines[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < keptLines.length && keptLines[lo]! <= to;
  };
  const planned: TextEdit[] = [];
  let current: { edit: TextEdit; line: number; endLine: number; count: number } | undefined;
  for (const x of byLine) {
    const alone = spansKept(x.line, x.endLine);
    if (current && !alone && current.count < group && !spansKept(current.endLine, x.line)) {
      current = { edit: join(current.edit, x.edit), line: current.line, endLine: x.endLine, count: current.count + 1 };
      continue;
    }
    if (current) planned.push(current.edit);
    current = alone ? undefined : { ...x, count: 1 };
    if (alone) planned.push(x.edit);
  }
  if (current) planned.push(current.edit);
  return planned;
}
