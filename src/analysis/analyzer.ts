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
import { containsHan, countHan } from '../core/text';
import { packFacet } from './packing';
import type { BoilerplateFacet, Facet, Facets, FromWorker, PackedEdits, TextChange, ToWorker } from './protocol';

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
          const state = documents.get(message.doc);
          if (state && state.version === message.version) return;
          documents.set(message.doc, { version: message.version, text: message.text, values: new Map() });
          return;
        }
        case 'edit': {
          const state = documents.get(message.doc);
          if (!state || state.version !== message.from) {
            // An edit of a text this worker does not have: forget it, so the next request asks for the whole text.
            documents.delete(message.doc);
            return;
          }
          documents.set(message.doc, { version: message.version, text: applyChanges(state.text, message.changes), values: new Map() });
          return;
        }
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

/** An edit job's result as typed arrays and one string: one copy on the trip, not an object per edit. */
export function packEdits(result: EditJobResult): PackedEdits {
  const n = result.edits.length;
  const offsets = new Int32Array(n);
  const lengths = new Int32Array(n);
  const ends = new Int32Array(n);
  let end = 0;
  result.edits.forEach((e, i) => {
    offsets[i] = e.offset;
    lengths[i] = e.length;
    end += e.text.length;
    ends[i] = end;
  });
  return { offsets, lengths, ends, text: result.edits.map((e) => e.text).join(''), count: result.count };
}
