/**
 * The analysis itself, as it runs inside the worker (Node worker_threads or a Web Worker; src/analysis/
 * nodeWorker.ts and webWorker.ts only wire it to their port). It keeps each open document's latest text,
 * computes a facet when asked, caches it for that version and those options, and drops work that a newer
 * version has made stale before starting it. Requests run one at a time, each in its own macrotask, so a
 * message announcing a newer version is seen between two facets.
 */
import { analyzeBoilerplate } from '../core/boilerplate';
import type { AnalysisOptions } from '../core/settings';
import { countScripts, findMinorityCharacters } from '../core/script';
import { findSlogans, lineBlocksToRanges } from '../core/slogans';
import type { SloganEntry } from '../core/slogans';
import { runEditJob, type EditJobResult } from '../core/editJobs';
import { documentStatistics } from '../core/statistics';
import { applyEdits, containsHan, countHan, type TextEdit } from '../core/text';
import { packEdits, packFacet } from './packing';
import type { BoilerplateFacet, Facet, Facets, FromWorker, TextChange, ToWorker } from './protocol';

interface DocumentState {
  version: number;
  text: string;
  /** Facet values of this version, by facet and options key. */
  readonly values: Map<string, unknown>;
}

type AnalyzeMessage = Extract<ToWorker, { type: 'analyze' }>;
type EditsMessage = Extract<ToWorker, { type: 'edits' }>;

export interface Analyzer {
  receive(message: ToWorker): void;
}

/** `post` sends a message to the host, transferring (not copying) the buffers listed. */
export function createAnalyzer(post: (message: FromWorker, transfer?: ArrayBuffer[]) => void, schedule: (run: () => void) => void): Analyzer {
  const documents = new Map<string, DocumentState>();
  const queue: AnalyzeMessage[] = [];
  const faults = new Map<Facet, number>();
  let pumping = false;
  const cancelledJobs = new Set<number>();
  /**
   * Each document's last finished edit job: its edits and the text they apply to, until the host says it applied
   * them ('adopt') or anything else happens to the document. One per document, so at most one result is held.
   */
  const finishedJobs = new Map<string, { readonly id: number; readonly state: DocumentState; readonly edits: readonly TextEdit[] }>();
  /**
   * The user lexicon array of the last options seen, kept while its JSON is unchanged: the core compiles the
   * lexicon once per array identity, and every message brings a fresh copy.
   */
  let lexicon: { json: string; entries: readonly SloganEntry[] } | undefined;

  const stableOptions = (options: AnalysisOptions): AnalysisOptions => {
    const entries = options.slogans.userLexicon ?? [];
    const json = JSON.stringify(entries);
    if (lexicon?.json !== json) lexicon = { json, entries };
    return { ...options, slogans: { ...options.slogans, userLexicon: lexicon.entries } };
  };

  function compute<F extends Facet>(state: DocumentState, facet: F, optionsKey: string, options: AnalysisOptions): Facets[F] {
    const cacheKey = `${facet}\u0000${optionsKey}`;
    if (state.values.has(cacheKey)) return state.values.get(cacheKey) as Facets[F];
    const left = faults.get(facet) ?? 0;
    if (left > 0) {
      faults.set(facet, left - 1);
      throw new Error(`zhdoc test fault injected into the ${facet} analysis`);
    }
    const text = state.text;
    let value: unknown;
    switch (facet) {
      case 'han':
        value = countHan(text);
        break;
      case 'scripts':
        value = { counts: countScripts(text), hasHan: containsHan(text) };
        break;
      case 'minority': {
        const counts = countScripts(text);
        value = { counts, characters: findMinorityCharacters(text, counts).map((m) => ({ offset: m.offset, char: m.char, counterpart: m.counterpart, script: m.script })) };
        break;
      }
      case 'statistics':
        value = documentStatistics(text);
        break;
      case 'boilerplate': {
        const analysis = analyzeBoilerplate(text, options.boilerplate);
        value = { lines: analysis.lines, blocks: analysis.blocks, ignoredCues: analysis.ignoredCues } satisfies BoilerplateFacet;
        break;
      }
      case 'slogans': {
        const stable = stableOptions(options);
        const boilerplate = stable.excludeBoilerplate ? compute(state, 'boilerplate', optionsKey, options) : undefined;
        value = findSlogans(text, { ...stable.slogans, excludedRanges: boilerplate ? lineBlocksToRanges(text, boilerplate.blocks) : [] });
        break;
      }
      default:
        throw new Error(`unknown facet ${String(facet)}`);
    }
    state.values.set(cacheKey, value);
    return value as Facets[F];
  }

  const runNext = (): void => {
    const request = queue.shift();
    if (!request) {
      pumping = false;
      return;
    }
    const state = documents.get(request.doc);
    if (!state || state.version !== request.version) {
      post({ type: 'cancelled', id: request.id, missing: !state || state.version < request.version });
    } else {
      const started = Date.now();
      try {
        const packed = packFacet(request.facet, compute(state, request.facet, request.optionsKey, request.options));
        post({ type: 'result', id: request.id, value: packed.value, ms: Date.now() - started }, packed.transfer);
      } catch (e) {
        post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
      }
    }
    schedule(runNext);
  };

  /** Runs an edit job a step per macrotask, so that a cancellation or a newer version is seen between steps. */
  const startJob = (message: EditsMessage): void => {
    finishedJobs.delete(message.doc);
    const state = documents.get(message.doc);
    if (!state || state.version !== message.version) {
      post({ type: 'cancelled', id: message.id, missing: !state || state.version < message.version });
      return;
    }
    let steps: Generator<number, EditJobResult>;
    try {
      steps = runEditJob(state.text, message.job, message.ranges, message.maxEdits, { lines: new Set(message.keptLines), offsets: message.keptOffsets });
    } catch (e) {
      post({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
      return;
    }
    const step = (): void => {
      const now = documents.get(message.doc);
      if (cancelledJobs.delete(message.id) || now !== state) {
        post({ type: 'cancelled', id: message.id });
        return;
      }
      try {
        const next = steps.next();
        if (!next.done) {
          post({ type: 'progress', id: message.id, done: next.value });
          schedule(step);
          return;
        }
        finishedJobs.set(message.doc, { id: message.id, state, edits: next.value.edits });
        const packed = packEdits(next.value);
        post({ type: 'result', id: message.id, value: packed, ms: 0 }, [packed.offsets.buffer as ArrayBuffer, packed.lengths.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer]);
      } catch (e) {
        post({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
      }
    };
    schedule(step);
  };

  return {
    receive(message) {
      switch (message.type) {
        case 'text': {
          finishedJobs.delete(message.doc);
          const state = documents.get(message.doc);
          if (state && state.version === message.version) return;
          documents.set(message.doc, { version: message.version, text: message.text, values: new Map() });
          return;
        }
        case 'edit': {
          finishedJobs.delete(message.doc);
          const state = documents.get(message.doc);
          if (!state || state.version !== message.from) {
            // An edit of a text this worker does not have: forget it, so the next request asks for the whole text.
            documents.delete(message.doc);
            return;
          }
          documents.set(message.doc, { version: message.version, text: applyChanges(state.text, message.changes), values: new Map() });
          return;
        }
        case 'adopt': {
          const finished = finishedJobs.get(message.doc);
          finishedJobs.delete(message.doc);
          const state = documents.get(message.doc);
          if (!finished || finished.id !== message.job || !state || state !== finished.state || state.version !== message.from) {
            // Not the text that job's edits apply to: forget it, so the next request asks for the whole text.
            documents.delete(message.doc);
            return;
          }
          // The job's edits are sorted and disjoint, at offsets of this text: the host applied exactly these.
          documents.set(message.doc, { version: message.version, text: applyEdits(state.text, finished.edits), values: new Map() });
          return;
        }
        case 'release':
          if (finishedJobs.get(message.doc)?.id === message.job) finishedJobs.delete(message.doc);
          return;
        case 'analyze':
          queue.push(message);
          if (!pumping) {
            pumping = true;
            schedule(runNext);
          }
          return;
        case 'edits':
          startJob(message);
          return;
        case 'cancel':
          cancelledJobs.add(message.id);
          return;
        case 'forget':
          finishedJobs.delete(message.doc);
          documents.delete(message.doc);
          return;
        case 'fault':
          faults.set(message.facet, message.times);
          return;
        case 'vendor':
          // Handled by the Web Worker entry before it reaches here.
          return;
      }
    },
  };
}

/**
 * The text after one edit's changes. VS Code reports them bottom-up (each at offsets of the text before the
 * edit, none moved by the others), which is applied in one pass; any other order is applied one by one.
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let bottomUp = true;
  for (let i = 1; i < changes.length && bottomUp; i++) bottomUp = changes[i]!.offset + changes[i]!.length <= changes[i - 1]!.offset;
  if (!bottomUp) {
    for (const c of changes) text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
    return text;
  }
  const parts: string[] = [];
  let at = 0;
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i]!;
    parts.push(text.slice(at, c.offset), c.text);
    at = c.offset + c.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Undefined when one edit's changes, as VS Code reports them (bottom-up, offsets of the text before the edit),
 * are `edits` (sorted, disjoint, offsets of that same text) as VS Code applied them; otherwise the first
 * difference, for the log. VS Code applies an edit of 1,000 or more replacements as ONE change from the first
 * replacement's start to the last one's end, its text the replacements' texts with the document's own text
 * between them (PieceTreeTextBuffer._reduceOperations), so a change may cover a run of consecutive edits: it
 * must start at the first one's start and end at the last one's end, and its text must hold each edit's text
 * where that edit lands, with exactly the room of the unchanged text between them (which VS Code copied from
 * the same version of the document the worker holds). The host then lets the worker apply its own copy of the
 * job's edits ('adopt') instead of sending the change's strings. Anything else VS Code changed on the way (line
 * breaks normalised, an edit dropped) is a difference, and the changes are forwarded as they are.
 */
export function changesMismatch(changes: readonly TextChange[], edits: readonly TextEdit[]): string | undefined {
  const steps = changesMismatchSteps(changes, edits);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Characters of text compared between two yields of changesMismatchSteps: a few milliseconds. Annotate with
 * Pinyin's change on 10 MB holds 15 M characters, and comparing it in one piece held the host 134 ms.
 */
export const COMPARE_SLICE_CHARS = 1 << 20;

/**
 * changesMismatch in steps: the cheap checks (offsets, lengths, how the changes cover the edits) first, over
 * every change, then the texts, yielding after about COMPARE_SLICE_CHARS characters compared, so that the host
 * compares a whole-document change without blocking. Exact all the same: every character is compared.
 */
export function* changesMismatchSteps(changes: readonly TextChange[], edits: readonly TextEdit[]): Generator<void, string | undefined> {
  // Which edits each change covers (its first and one past its last), the texts' places checked after.
  const covered: Array<readonly [number, number]> = [];
  let i = 0;
  // Bottom-up: the last change is the first in the text.
  for (let k = changes.length - 1; k >= 0; k--) {
    const c = changes[k]!;
    if (i >= edits.length) return `change at ${c.offset} beyond the ${edits.length} edits`;
    if (edits[i]!.offset !== c.offset) return `change at ${c.offset}+${c.length} where edit ${i} is at ${edits[i]!.offset}+${edits[i]!.length}`;
    const end = c.offset + c.length;
    let at = c.offset;
    let pos = 0;
    const first = i;
    while (i < edits.length && edits[i]!.offset + edits[i]!.length <= end) {
      const e = edits[i]!;
      if (e.offset < at) return `edit ${i} overlaps the one before it`;
      pos += e.offset - at;
      if (pos + e.text.length > c.text.length) return `edit ${i} (${e.offset}+${e.length} ${JSON.stringify(e.text.slice(0, 20))}) not found in the change at ${c.offset}+${c.length}`;
      pos += e.text.length;
      at = e.offset + e.length;
      i++;
    }
    if (i === first || at !== end) return `change at ${c.offset}+${c.length} does not end where an edit ends`;
    if (pos !== c.text.length) return `change at ${c.offset}+${c.length} inserts ${c.text.length} characters, the edits ${pos}`;
    covered.push([first, i]);
  }
  if (i !== edits.length) return `${changes.length} changes cover ${i} of the ${edits.length} edits`;
  // The texts: each edit's where it lands in its change (a long one in slices).
  let compared = 0;
  for (let k = changes.length - 1, n = 0; k >= 0; k--, n++) {
    const c = changes[k]!;
    const [first, last] = covered[n]!;
    let at = c.offset;
    let pos = 0;
    for (let j = first; j < last; j++) {
      const e = edits[j]!;
      pos += e.offset - at;
      // A slice covering the whole text is the text itself (no copy), so short edits compare as one piece.
      for (let from = 0; from === 0 || from < e.text.length; from += COMPARE_SLICE_CHARS) {
        const piece = e.text.slice(from, from + COMPARE_SLICE_CHARS);
        if (!c.text.startsWith(piece, pos + from)) return `edit ${j} (${e.offset}+${e.length} ${JSON.stringify(e.text.slice(0, 20))}) not found in the change at ${c.offset}+${c.length}`;
        compared += piece.length;
        if (compared >= COMPARE_SLICE_CHARS) {
          compared = 0;
          yield;
        }
      }
      pos += e.text.length;
      at = e.offset + e.length;
    }
  }
  return undefined;
}
