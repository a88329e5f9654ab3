/**
 * The whole-document commands' edits (Convert, Annotate with Pinyin, Remove Pinyin Annotations) computed over a
 * text in steps of whole lines, each step planned as it is computed (planPiece): the analysis worker runs them
 * on its copy of the document, so the extension host neither converts nor loads the dictionaries. Each step
 * reads exactly as the whole text would (a word and a conversion never span a line break), so the result equals
 * one pass over the whole text; the steps let the worker see a cancellation or a newer version between them.
 */
import { conversionChunks, getConverter, type ConversionConfigName, type ConversionOptions } from './convert';
import { countLineBreaks, planPiece, type KeptPlaces } from './editPlan';
import { annotatePinyin, removePinyinAnnotations, type PinyinStyle, type ToneSandhi } from './pinyin';
import type { TextEdit } from './text';

export type EditJob =
  | { readonly kind: 'convert'; readonly config: ConversionConfigName; readonly options: ConversionOptions }
  | { readonly kind: 'annotate'; readonly style: PinyinStyle; readonly sandhi: ToneSandhi }
  | { readonly kind: 'remove' };

/**
 * Characters per step: a few milliseconds of conversion (about 25 ms of pinyin reading) in the worker, so that
 * a cancellation or a newer version of the document is seen soon and the progress moves.
 */
export const JOB_STEP_CHARS = 32 * 1024;

export interface EditJobResult {
  readonly edits: TextEdit[];
  /** Convert: characters (code points) converted; the pinyin jobs: words annotated or annotations removed. */
  readonly count: number;
}

/**
 * The job over `ranges` ([start, end) offsets, sorted, disjoint) of `text`, joined down to about `maxEdits`
 * edits away from the kept places. A generator: each `next()` runs one step and yields the characters it
 * covered; its return value is the result.
 */
export function* runEditJob(text: string, job: EditJob, ranges: ReadonlyArray<readonly [number, number]>, maxEdits: number, kept: KeptPlaces, stepChars = JOB_STEP_CHARS): Generator<number, EditJobResult> {
  const total = ranges.reduce((n, [a, b]) => n + b - a, 0);
  const converter = job.kind === 'convert' ? getConverter(job.config, job.options) : undefined;
  const edits: TextEdit[] = [];
  let count = 0;
  let line = 0;
  let counted = 0;
  for (const [start, end] of ranges) {
    if (end <= start) continue;
    for (const piece of linePieces(text, start, end, stepChars)) {
      line += countLineBreaks(text, counted, piece.base);
      counted = piece.base;
      const planned = { text: piece.text, base: piece.base, firstLine: line };
      const chunks = converter ? conversionChunks(piece.text, stepChars, piece.from, piece.to) : [[piece.from, piece.to] as const];
      for (const [a, b] of chunks) {
        let found: TextEdit[];
        if (converter) {
          found = converter.edits(piece.text, a, b);
          for (const e of found) count += codePoints(e.text);
        } else {
          found = job.kind === 'annotate' ? annotatePinyin(piece.text, job.style, a, b, { sandhi: job.sandhi }) : removePinyinAnnotations(piece.text, a, b);
          count += found.length;
        }
        for (const e of planPiece(planned, found, Math.max(1, Math.round((maxEdits * (b - a)) / Math.max(1, total))), kept)) edits.push(e);
        yield b - a;
      }
    }
  }
  return { edits, count };
}

/** Runs the whole job at once (tests, the CLI). */
export function editJobResult(text: string, job: EditJob, ranges: ReadonlyArray<readonly [number, number]>, maxEdits: number, kept: KeptPlaces): EditJobResult {
  const steps = runEditJob(text, job, ranges, maxEdits, kept);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

interface LinePiece {
  readonly text: string;
  readonly base: number;
  /** [from, to) of `text` inside the range. */
  readonly from: number;
  readonly to: number;
}

/**
 * [start, end) of `text` in pieces of whole lines of about `size` characters (one line may be longer): each
 * piece starts at a line's start and ends after a line break, or at the end of the line where the range ends.
 */
function* linePieces(text: string, start: number, end: number, size: number): Generator<LinePiece> {
  let at = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  const lastBreak = end > 0 && text.charCodeAt(end - 1) === 10 ? end - 1 : text.indexOf('\n', end);
  const stop = lastBreak === -1 ? text.length : end > 0 && text.charCodeAt(end - 1) === 10 ? end : lastBreak;
  while (at < stop) {
    const cut = at + size >= end ? -1 : text.indexOf('\n', at + size - 1);
    const pieceEnd = cut === -1 || cut >= end ? stop : cut + 1;
    yield { text: text.slice(at, pieceEnd), base: at, from: Math.max(start - at, 0), to: Math.min(end - at, pieceEnd - at) };
    at = pieceEnd;
  }
}

function codePoints(text: string): number {
  let n = text.length;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}
