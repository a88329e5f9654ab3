/**
 * What the extension host and the analysis worker say to each other: plain, structured-clone-able data only,
 * so the same messages cross a Node worker_threads port and a browser Web Worker alike.
 */
import type { BoilerplateBlock } from '../core/boilerplate';
import type { EditJob } from '../core/editJobs';
import type { ScriptCounts, Script } from '../core/script';
import type { AnalysisOptions } from '../core/settings';
import type { Slogan } from '../core/slogans';
import type { DocumentStatistics } from '../core/statistics';
import type { VendorFiles } from '../web/vendorFiles';

/** The boilerplate of a text as the editor needs it (the per-line evidence stays in the worker). */
export interface BoilerplateFacet {
  readonly lines: number;
  readonly blocks: readonly BoilerplateBlock[];
  /** User cues that were ignored (empty, invalid, matching everything). */
  readonly ignoredCues: readonly string[];
}

export interface ScriptFacet {
  readonly counts: ScriptCounts;
  readonly hasHan: boolean;
}

/** A character of the minority script, with its counterpart in the dominant one. */
export interface MinorityFacetItem {
  readonly offset: number;
  readonly char: string;
  readonly counterpart: string;
  readonly script: Script;
}

/** Each thing the analysis can say about a document, computed only when some feature asks for it. */
export interface Facets {
  /** 字数: Han characters, the figure Chinese writers count by. */
  readonly han: number;
  readonly scripts: ScriptFacet;
  readonly minority: { readonly counts: ScriptCounts; readonly characters: readonly MinorityFacetItem[] };
  readonly statistics: DocumentStatistics;
  readonly boilerplate: BoilerplateFacet;
  readonly slogans: readonly Slogan[];
}

export type Facet = keyof Facets;

export const FACETS: readonly Facet[] = ['han', 'scripts', 'minority', 'statistics', 'boilerplate', 'slogans'];

/** The lazily loaded data a facet needs, for a worker that must be sent it (the Web Worker has no files). */
export const FACET_VENDORS: Readonly<Record<Facet, readonly VendorName[]>> = {
  han: [],
  scripts: [],
  minority: ['opencc'],
  statistics: [],
  boilerplate: [],
  slogans: ['sloganLexicon'],
};

export type VendorName = 'opencc' | 'sloganLexicon' | 'pinyin';

/** The data each kind of edit job needs (as FACET_VENDORS). */
export const JOB_VENDORS: Readonly<Record<EditJob['kind'], readonly VendorName[]>> = {
  convert: ['opencc'],
  annotate: ['pinyin', 'opencc'],
  // Removal is strict: it removes a parenthesis only when it holds a reading of the Han text before it.
  remove: ['pinyin', 'opencc'],
};

export type ToWorker =
  /** The text of a document's version; replaces the worker's copy (one read of the text per version). */
  | { readonly type: 'text'; readonly doc: string; readonly version: number; readonly text: string }
  /**
   * The changes of one edit (a document change event), turning the worker's copy of `from` into `version`:
   * after typing, the host sends these instead of reading and sending the whole text again. Offsets are into the
   * text before the edit, in the order VS Code reports them (bottom-up, so each applies unmoved by the others).
   */
  | { readonly type: 'edit'; readonly doc: string; readonly from: number; readonly version: number; readonly changes: readonly TextChange[] }
  /**
   * The edit of version `from` was exactly the edits the worker's job `job` computed on it (the host compared the
   * change event with them): the worker applies its own copy of those edits and calls the result `version`, so
   * the host sends no text (on 10 MB a whole-document edit's strings cost it a 100 ms block to send). When the
   * worker no longer holds that job's edits for that text, it forgets the document, as for an edit it cannot
   * apply, and the next request sends the whole text.
   */
  | { readonly type: 'adopt'; readonly doc: string; readonly job: number; readonly from: number; readonly version: number }
  /**
   * The command that asked for job `job` did not apply its edits (cancelled, refused, the document changed, nothing
   * to change): the worker drops the edits it kept for adopting them, rather than holding them until the next edit.
   */
  | { readonly type: 'release'; readonly doc: string; readonly job: number }
  | { readonly type: 'analyze'; readonly id: number; readonly doc: string; readonly version: number; readonly facet: Facet; readonly optionsKey: string; readonly options: AnalysisOptions }
  | { readonly type: 'forget'; readonly doc: string }
  /**
   * A whole-document command's edits over the worker's copy of `version` (see core/editJobs.ts): answered with
   * progress messages, then a result whose value is PackedEdits, or cancelled when a newer version arrives first.
   */
  | { readonly type: 'edits'; readonly id: number; readonly doc: string; readonly version: number; readonly job: EditJob; readonly ranges: ReadonlyArray<readonly [number, number]>; readonly maxEdits: number; readonly keptLines: readonly number[]; readonly keptOffsets: readonly number[] }
  /** The user cancelled the edit job `id`. */
  | { readonly type: 'cancel'; readonly id: number }
  /**
   * The files of a vendor, as src/web/vendorFiles.ts reads them (Web Worker only: in Node the worker reads the
   * files itself).
   */
  | { readonly type: 'vendor'; readonly name: VendorName; readonly files: VendorFiles }
  /** Test hook: the next `times` computations of `facet` throw inside the worker. */
  | { readonly type: 'fault'; readonly facet: Facet; readonly times: number };

export type FromWorker =
  | { readonly type: 'result'; readonly id: number; readonly value: unknown; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly stack?: string }
  /**
   * A newer version of the document arrived before this request ran: nothing was computed. `missing`: the worker
   * has no text of that version (it missed an edit or forgot the document); the host must send the whole text.
   */
  | { readonly type: 'cancelled'; readonly id: number; readonly missing?: boolean }
  /** An edit job has covered `done` more characters. */
  | { readonly type: 'progress'; readonly id: number; readonly done: number };

/** An edit job's edits as parallel arrays and one string (edit i's text is text.slice(ends[i - 1], ends[i])). */
export interface PackedEdits {
  readonly offsets: Int32Array;
  readonly lengths: Int32Array;
  readonly ends: Int32Array;
  readonly text: string;
  readonly count: number;
}

/** One change of an edit: `length` UTF-16 units at `offset` replaced by `text`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** Both ends of a worker, whatever kind of worker it is. */
export interface WorkerPort {
  post(message: ToWorker): void;
  /** Messages from the worker; packed facet values arrive as packed (see packing.ts). */
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called when the worker died or failed to start. */
  onFailure(listener: (error: Error) => void): void;
  terminate(): void;
}
