/**
 * Few edits for a large conversion, placed so that the editor keeps what the user sees: VS Code applies a few
 * thousand edits in well under a second but hundreds of thousands take many seconds, while an edit that spans
 * a fold's first line or the cursor moves them. So neighbouring edits are joined within a line (never across
 * a kept offset, such as the cursor), then across lines in groups that never reach a kept line (a fold's
 * header and edges, the cursor's line), which keep their own per-line edits.
 */
import { partitionPoint, type TextEdit } from './text';

export interface KeptPlaces {
  /** Line numbers (0-based) that no joined edit may span: fold headers and edges, cursor lines. */
  readonly lines: ReadonlySet<number>;
  /** Offsets that no joined edit may cover (cursors and selection ends). */
  readonly offsets: readonly number[];
}

/** Sorted, non-overlapping `edits` joined down to about `maxEdits` (more when kept places forbid joining). */
export function planEdits(text: string, edits: readonly TextEdit[], maxEdits: number, kept: KeptPlaces): TextEdit[] {
  if (edits.length <= maxEdits) return [...edits];
  const n = edits.length;
  // Line of each edit's start and end, in one forward scan.
  const startLine = new Int32Array(n);
  const endLine = new Int32Array(n);
  let line = 0;
  let scanned = 0;
  let nextBreak = text.indexOf('\n');
  const lineAt = (offset: number): number => {
    while (nextBreak !== -1 && nextBreak < offset) {
      line++;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    scanned = offset;
    return line;
  };
  for (let i = 0; i < n; i++) {
    const e = edits[i]!;
    startLine[i] = lineAt(Math.max(scanned, e.offset));
    endLine[i] = e.length > 0 ? lineAt(Math.max(scanned, e.offset + e.length - 1)) : startLine[i]!;
  }
  const keptOffsets = [...kept.offsets].sort((x, y) => x - y);
  const keptLines = [...kept.lines].sort((x, y) => x - y);
  /** True when a sorted list has a value in [from, to]. */
  const hasIn = (list: readonly number[], from: number, to: number): boolean => {
    const lo = partitionPoint(list.length, (i) => list[i]! < from);
    return lo < list.length && list[lo]! <= to;
  };
  // Pass 1: runs of edits on one line, not across a kept offset. runStart[k]..runStart[k+1]-1 are run k's edits.
  const runStart: number[] = [0];
  for (let i = 1; i < n; i++) {
    const prev = edits[i - 1]!;
    const sameLine = endLine[i - 1] === startLine[i];
    if (!sameLine || hasIn(keptOffsets, prev.offset + prev.length, edits[i]!.offset)) runStart.push(i);
  }
  runStart.push(n);
  const runs = runStart.length - 1;
  // Pass 2: groups of runs across lines, about runs / maxEdits each, never spanning a kept line.
  const perGroup = runs <= maxEdits ? 1 : Math.ceil(runs / maxEdits);
  const groups: Array<[number, number]> = [];
  let groupFirst = -1;
  let groupRuns = 0;
  for (let k = 0; k < runs; k++) {
    const first = runStart[k]!;
    const last = runStart[k + 1]! - 1;
    const alone = hasIn(keptLines, startLine[first]!, endLine[last]!);
    const joinable = groupFirst >= 0 && !alone && groupRuns < perGroup && !hasIn(keptLines, endLine[runStart[k]! - 1]!, startLine[first]!);
    if (joinable) {
      groupRuns++;
      continue;
    }
    if (groupFirst >= 0) groups.push([groupFirst, first]);
    groupFirst = first;
    groupRuns = 1;
    if (alone) {
      groups.push([first, last + 1]);
      groupFirst = -1;
      groupRuns = 0;
    }
  }
  if (groupFirst >= 0) groups.push([groupFirst, n]);
  // Each group becomes one edit, its text built once from its parts.
  return groups.map(([from, to]) => {
    if (to - from === 1) return edits[from]!;
    const parts: string[] = [];
    for (let i = from; i < to; i++) {
      if (i > from) parts.push(text.slice(edits[i - 1]!.offset + edits[i - 1]!.length, edits[i]!.offset));
      parts.push(edits[i]!.text);
    }
    const a = edits[from]!;
    const b = edits[to - 1]!;
    return { offset: a.offset, length: b.offset + b.length - a.offset, text: parts.join('') };
  });
}

/** A piece of whole lines of a text: its own text, where it starts (offset and line) in the whole. */
export interface PlannedPiece {
  readonly text: string;
  readonly base: number;
  readonly firstLine: number;
}

/**
 * A piece's edits (offsets into piece.text) joined down to about `maxEdits` away from the kept places (see
 * planEdits), in offsets of the whole text. Planned piece by piece, as each is computed: a plan over the whole
 * text at the end would hold the thread for as long as all the pieces together.
 */
export function planPiece(piece: PlannedPiece, edits: readonly TextEdit[], maxEdits: number, kept: KeptPlaces): TextEdit[] {
  let planned: readonly TextEdit[] = edits;
  if (edits.length > maxEdits) {
    const lastLine = piece.firstLine + countLineBreaks(piece.text);
    const lines = new Set<number>();
    for (const l of kept.lines) if (l >= piece.firstLine && l <= lastLine) lines.add(l - piece.firstLine);
    const offsets = kept.offsets.filter((o) => o >= piece.base && o <= piece.base + piece.text.length).map((o) => o - piece.base);
    planned = planEdits(piece.text, edits, maxEdits, { lines, offsets });
  }
  return piece.base === 0 ? [...planned] : planned.map((e) => ({ offset: e.offset + piece.base, length: e.length, text: e.text }));
}

/** Line breaks (\n) in text[from, to). */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
