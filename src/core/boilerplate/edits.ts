/** What callers do with the blocks: remove them, keep the main text, fold them. */
import { lineStarts, type TextEdit } from '../text';
import type { BoilerplateResult } from './types';

// ---------------------------------------------------------------------------------------------------------
// Removing, extracting, folding

/**
 * Whole lines to delete: every block, with the blank lines after it (so the text keeps one gap where a block
 * was), and at the end of the text the blank lines before it too (so no blank lines trail the article).
 */
function removalRuns(text: string, result: BoilerplateResult): Array<[number, number]> {
  const starts = lineStarts(text);
  const n = starts.length;
  const isBlank = (line: number): boolean => /^[\s\u3000\u00a0]*$/.test(lineText(text, starts, line));
  const runs: Array<[number, number]> = [];
  for (const block of result.blocks) {
    let a = Math.max(0, block.start);
    let b = Math.min(n - 1, block.end);
    if (a > b) continue;
    while (b + 1 < n && isBlank(b + 1)) b++;
    if (b === n - 1) while (a > 0 && isBlank(a - 1)) a--;
    const last = runs[runs.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else runs.push([a, b]);
  }
  return runs;
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  return text.slice(starts[line]!, end);
}

/**
 * Edits that delete the boilerplate blocks (whole lines, with their breaks) and the blank lines they leave
 * behind; content lines are kept exactly as written. Sorted, non-overlapping: apply them as one undo step.
 */
export function removeBoilerplateEdits(text: string, result: BoilerplateResult): TextEdit[] {
  const starts = lineStarts(text);
  const n = starts.length;
  const edits: TextEdit[] = [];
  for (const [a, b] of removalRuns(text, result)) {
    let from = starts[a]!;
    const to = b + 1 < n ? starts[b + 1]! : text.length;
    // The run reaches the end of a text that does not end with a line break: take the break before the run
    // too, so the text still does not end with one.
    if (b + 1 >= n && a > 0 && !text.endsWith('\n')) from = starts[a]! - 1 - (starts[a]! >= 2 && text.charCodeAt(starts[a]! - 2) === 0x0d ? 1 : 0);
    if (to > from) edits.push({ offset: from, length: to - from, text: '' });
  }
  return edits;
}

/**
 * The content only: the text with the boilerplate blocks and the blank lines they leave behind removed.
 * Content lines and their own line breaks are kept exactly as written; this is what the CLI prints
 * without --json and what Remove Boilerplate leaves in the editor.
 */
export function mainText(text: string, result: BoilerplateResult): string {
  const parts: string[] = [];
  let last = 0;
  for (const e of removeBoilerplateEdits(text, result)) {
    parts.push(text.slice(last, e.offset));
    last = e.offset + e.length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** A folding range: line `start` stays visible, lines start + 1 … end are hidden. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Folding ranges that hide every line of each block: the range starts on the line before the block (content
 * or blank; it stays visible as the fold's handle). A block at line 0 starts its range there, so its first
 * line stays visible; a one-line block at line 0 cannot be folded and gets no range.
 */
export function boilerplateFoldingRanges(result: BoilerplateResult): LineRange[] {
  const ranges: LineRange[] = [];
  for (const b of result.blocks) {
    const start = b.start > 0 ? b.start - 1 : 0;
    if (b.end > start) ranges.push({ start, end: b.end });
  }
  return ranges;
}
