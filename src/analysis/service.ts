/**
 * One analysis per open document and version, off the extension host's thread. After an edit the service
 * waits for one pause in typing (one debounce for every feature), reads the text once, sends it to the
 * analysis worker and asks for the facets that features subscribed to; each facet comes back as plain data
 * and listeners hear of it. Work for a version that a newer one has replaced is dropped before it starts, and
 * its callers get the newer version's result. Features subscribe and draw; they never read the whole text.
 * The same shape as VS Code's markdown-language-features, whose analysis runs in a separate server/worker.
 */
import * as vscode from 'vscode';
import type { EditJob, EditJobResult } from '../core/editJobs';
import type { KeptPlaces } from '../core/editPlan';
import type { AnalysisOptions } from '../core/settings';
import type { TextEdit } from '../core/text';
import type { Log } from '../vscode/log';
import { yieldToEventLoop } from '../vscode/editing';
import { ensureResources } from '../vscode/resources';
import { recordBlock, timed } from '../vscode/timings';
import { changesMismatchSteps, createAnalyzer } from './analyzer';
import { unpackEdits, unpackFacet } from './packing';
import { FACET_VENDORS, FACETS, JOB_VENDORS, type Facet, type Facets, type FromWorker, type PackedEdits, type TextChange, type ToWorker, type VendorName, type WorkerPort } from './protocol';

/** Above this size (about 60 MB of Chinese UTF-8) nothing is analysed: VS Code itself turns features off there. */
export const MAX_ANALYSED_CHARS = 20_000_000;

/**
 * The pause in typing after which a document is analysed again. Short enough that 字数 and the marks follow
 * typing; longer for large documents, where each analysis costs the worker a second of CPU that a shared
 * machine may need for the typing itself.
 */
const DEBOUNCE_MS = 250;
const LARGE_DEBOUNCE_MS = 750;
const LARGE_DOCUMENT_CHARS = 1_000_000;

/** Where the worker comes from: Node's worker_threads or a Web Worker; `prepare` sends what a worker lacks. */
export interface AnalysisHost {
  /** Starts a worker; throws when this environment has none (the analysis then runs in-process). */
  start(): WorkerPort;
  /** Makes the vendor modules available inside the worker (the Web Worker has no files to require). */
  prepare?(port: WorkerPort, vendors: readonly VendorName[]): Promise<void>;
}

export interface AnalysisUpdate {
  readonly document: vscode.TextDocument;
  readonly facet: Facet;
}

interface Stored {
  readonly version: number;
  readonly generation: number;
  readonly value: unknown;
}

interface DocumentState {
  /** The version whose text the worker has (undefined: none, the whole text must be sent). */
  sentVersion: number | undefined;
  /** The last version this service saw (from a change event): edits are forwarded while the worker is at it. */
  seenVersion: number | undefined;
  /**
   * The last edit job the worker finished on this document: when the next change is exactly its edits (the
   * command applied them), the worker adopts its own copy of them instead of being sent their text.
   */
  adoptable: { readonly job: number; readonly version: number; readonly edits: readonly TextEdit[] } | undefined;
  /** An edit still being forwarded (a large change compared with a job's edits in slices), undefined when none. */
  forwarding: Promise<void> | undefined;
  readonly values: Map<Facet, Stored>;
  readonly inFlight: Map<Facet, { version: number; generation: number; promise: Promise<unknown> }>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Facets asked for while the debounce runs: computed with the subscribed ones when it ends. */
  readonly waiting: Map<Facet, Array<(value: unknown) => void>>;
}

interface Subscription {
  readonly facet: Facet;
  readonly applies: (document: vscode.TextDocument) => boolean;
}

interface PendingRequest {
  readonly facet: Facet | undefined;
  /** An edit job's progress: characters covered since the last report. */
  readonly progress?: (done: number) => void;
  resolve(value: unknown): void;
  reject(error: Error): void;
  cancelled(missing: boolean): void;
}

export interface RequestOptions {
  /** Do not wait for typing to pause (commands). */
  readonly now?: boolean;
  /** Compute again even if known: files the options read (lexiconFiles) may have changed. */
  readonly fresh?: boolean;
}

/** An analysis request that a newer version made stale (or, `missing`, whose text the worker lacked). */
class Superseded extends Error {
  constructor(readonly missing = false) {
    super('superseded');
  }
}


export class DocumentAnalysisService implements vscode.Disposable {
  private portStarted: WorkerPort | undefined;
  private readonly documents = new Map<string, DocumentState>();
  private readonly requests = new Map<number, PendingRequest>();
  private readonly subscriptions: Subscription[] = [];
  private readonly updated = new vscode.EventEmitter<AnalysisUpdate>();
  private readonly disposables: vscode.Disposable[] = [this.updated];
  private nextId = 1;
  /** Bumped when zhdoc's settings change: every stored value then belongs to the past. */
  private generation = 0;
  private textCounter = 0;
  private kickoff: ReturnType<typeof setTimeout> | undefined;
  private answered = false;
  /** Whether the analysis runs in a worker (false: the in-process fallback). */
  inWorker = true;

  /** A facet of a document's current version was computed. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly host: AnalysisHost,
    private readonly log: Log,
    private readonly optionsFor: (document: vscode.TextDocument | vscode.Uri) => Promise<AnalysisOptions>,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.forwardEdit(e);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      vscode.window.onDidChangeVisibleTextEditors(() => this.analyseVisible()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('zhdoc')) return;
        this.generation++;
        this.analyseVisible();
      }),
    );
  }

  /** The worker, started on first use: activation starts no thread and reads no text. */
  private get port(): WorkerPort {
    this.portStarted ??= this.startPort();
    return this.portStarted;
  }

  /** Computes `facet` for every document `applies` accepts, after each pause in typing, while it is visible. */
  subscribe(facet: Facet, applies: (document: vscode.TextDocument) => boolean): vscode.Disposable {
    const subscription = { facet, applies };
    this.subscriptions.push(subscription);
    // After activation returns: the features subscribe while zhdoc activates, and that must stay instant.
    this.kickoff ??= setTimeout(() => {
      this.kickoff = undefined;
      this.analyseVisible();
    }, 0);
    return new vscode.Disposable(() => {
      const i = this.subscriptions.indexOf(subscription);
      if (i >= 0) this.subscriptions.splice(i, 1);
    });
  }

  /** The facet as computed for the document's current version and settings, or undefined. */
  current<F extends Facet>(document: vscode.TextDocument, facet: F): Facets[F] | undefined {
    const stored = this.documents.get(document.uri.toString())?.values.get(facet);
    return stored && stored.version === document.version && stored.generation === this.generation ? (stored.value as Facets[F]) : undefined;
  }

  /**
   * The facet for the document's current version: at once when known, after the running debounce when typing
   * has not paused yet (`now` skips that wait: commands), computed otherwise. Undefined when the document is too
   * large, closed, or the analysis failed (the failure is in the zhdoc output channel).
   */
  async request<F extends Facet>(document: vscode.TextDocument, facet: F, options: RequestOptions = {}): Promise<Facets[F] | undefined> {
    try {
      return await this.get(document, facet, options);
    } catch {
      return undefined;
    }
  }

  /** As request(), but a failure rejects (it is logged all the same). */
  async get<F extends Facet>(document: vscode.TextDocument, facet: F, options: RequestOptions = {}): Promise<Facets[F] | undefined> {
    const known = options.fresh ? undefined : this.current(document, facet);
    if (known !== undefined) return known;
    if (document.isClosed || documentLength(document) > MAX_ANALYSED_CHARS) return undefined;
    const state = this.state(document.uri.toString());
    if (state.timer && !options.now) {
      // One debounce for everyone: wait for the pause in typing instead of reading the text now.
      return new Promise<Facets[F] | undefined>((resolve) => {
        const list = state.waiting.get(facet) ?? [];
        list.push(resolve as (value: unknown) => void);
        state.waiting.set(facet, list);
      });
    }
    return this.compute(document, facet, options.fresh) as Promise<Facets[F] | undefined>;
  }

  /**
   * Facets of a text that is not open in an editor (Count Slogans in Folder): the same worker and the same
   * computation as for an open document, so the results are the editor's.
   */
  async analyseText<F extends Facet>(text: string, facets: readonly F[], options: AnalysisOptions): Promise<{ [K in F]: Facets[K] }> {
    const doc = `zhdoc-text:${++this.textCounter}`;
    this.post({ type: 'text', doc, version: 1, text });
    try {
      const optionsKey = JSON.stringify(options);
      const values = await Promise.all(facets.map(async (facet) => {
        await this.prepare(facet);
        return this.send(doc, 1, facet, optionsKey, options);
      }));
      return Object.fromEntries(facets.map((f, i) => [f, values[i]])) as { [K in F]: Facets[K] };
    } finally {
      this.post({ type: 'forget', doc });
    }
  }

  /**
   * A whole-document command's edits computed in the worker on its copy of the document's current version (the
   * host neither converts nor loads dictionaries): `ranges` are offsets of that version. Resolves to the edits,
   * 'cancelled' (the token), 'stale' (the document changed meanwhile), or undefined when there is no worker
   * (the in-process fallback): the caller then computes them itself, in steps.
   */
  async editsInWorker(document: vscode.TextDocument, job: EditJob, ranges: ReadonlyArray<readonly [number, number]>, maxEdits: number, kept: KeptPlaces, progress?: (done: number) => void, token?: vscode.CancellationToken, retried = false): Promise<EditJobResult | 'cancelled' | 'stale' | undefined> {
    if (!this.inWorker || document.isClosed || documentLength(document) > MAX_ANALYSED_CHARS) return undefined;
    const key = document.uri.toString();
    const state = this.state(key);
    while (state.forwarding) await state.forwarding;
    if (document.isClosed) return 'stale';
    const version = document.version;
    if (state.sentVersion !== version) {
      // The worker lacks this version (the document was never analysed): one read of the whole text.
      timed('text', () => this.post({ type: 'text', doc: key, version, text: document.getText() }));
      state.sentVersion = version;
      state.seenVersion = version;
    }
    try {
      for (const vendor of JOB_VENDORS[job.kind]) await this.prepareVendor(vendor);
    } catch (e) {
      this.log.error('the data for an edit job could not be sent to the worker', e);
      return undefined;
    }
    if (!this.inWorker) return undefined;
    if (document.isClosed || document.version !== version) return 'stale';
    const id = this.nextId++;
    const subscription = token?.onCancellationRequested(() => this.post({ type: 'cancel', id }));
    try {
      const packed = await new Promise<PackedEdits | 'cancelled' | 'missing'>((resolve, reject) => {
        this.requests.set(id, { facet: undefined, progress, resolve: (v) => resolve(v as PackedEdits), reject, cancelled: (missing) => resolve(missing ? 'missing' : 'cancelled') });
        this.post({ type: 'edits', id, doc: key, version, job, ranges, maxEdits, keptLines: [...kept.lines], keptOffsets: kept.offsets });
      });
      if (packed === 'missing') {
        // The worker lost the text (it forgot the document, or died and the fallback has none): once more with it.
        if (state.sentVersion === version) state.sentVersion = undefined;
        return retried || document.version !== version ? 'stale' : this.editsInWorker(document, job, ranges, maxEdits, kept, progress, token, true);
      }
      if (packed === 'cancelled') return token?.isCancellationRequested ? 'cancelled' : 'stale';
      const edits = timed('decode.edits', () => unpackEdits(packed));
      const now = this.documents.get(key);
      if (now && now.sentVersion === version) now.adoptable = { job: id, version, edits };
      return { edits, count: packed.count };
    } catch (e) {
      this.log.error(`the ${job.kind} edits of ${document.uri.toString(true)} failed in the worker`, e);
      throw e;
    } finally {
      subscription?.dispose();
    }
  }

  /**
   * The command did not apply `edits` (as editsInWorker returned them): cancelled, refused, stale, or nothing to
   * change. Forgets them here and in the worker, which otherwise held them (a whole document's edits) until the
   * next change of the document, and compared that change with them. Another job's edits are left alone.
   */
  releaseEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): void {
    const key = document.uri.toString();
    const state = this.documents.get(key);
    if (!state?.adoptable || state.adoptable.edits !== edits) return;
    const job = state.adoptable.job;
    state.adoptable = undefined;
    if (this.portStarted) this.post({ type: 'release', doc: key, job });
  }

  /** Test hook: how many edits of a finished job the service keeps for the document's next change (undefined: none). */
  heldEdits(document: vscode.TextDocument): number | undefined {
    return this.documents.get(document.uri.toString())?.adoptable?.edits.length;
  }

  private async prepareVendor(vendor: VendorName): Promise<void> {
    if (this.host.prepare) await this.host.prepare(this.port, [vendor]);
  }

  /** Test hook: the next `times` computations of `facet` throw inside the worker. */
  injectFault(facet: Facet, times = 1): void {
    this.post({ type: 'fault', facet, times });
  }

  private state(key: string): DocumentState {
    let state = this.documents.get(key);
    if (!state) {
      state = { sentVersion: undefined, seenVersion: undefined, adoptable: undefined, forwarding: undefined, values: new Map(), inFlight: new Map(), timer: undefined, waiting: new Map() };
      this.documents.set(key, state);
    }
    return state;
  }

  private async compute(document: vscode.TextDocument, facet: Facet, fresh = false): Promise<unknown> {
    const state = this.state(document.uri.toString());
    const running = state.inFlight.get(facet);
    if (!fresh && running && running.version === document.version && running.generation === this.generation) return running.promise;
    const version = document.version;
    const generation = this.generation;
    const promise = (async () => {
      for (;;) {
        const options = await this.optionsFor(document);
        // The worker's copy of the text is decided once the edits before are forwarded.
        while (state.forwarding) await state.forwarding;
        if (document.isClosed) return undefined;
        const at = document.version;
        const key = document.uri.toString();
        if (state.sentVersion !== at) {
          // The one read of the whole text (when the worker has none to edit); every facet of it is computed from
          // the worker's copy, which the edits after it keep up to date (forwardEdit).
          timed('text', () => this.post({ type: 'text', doc: key, version: at, text: document.getText() }));
          state.sentVersion = at;
          state.seenVersion = at;
        }
        await this.prepare(facet);
        try {
          const value = await this.send(key, at, facet, JSON.stringify(options), options);
          if (!document.isClosed && document.version === at) {
            state.values.set(facet, { version: at, generation: this.generation, value });
            timed(`draw.${facet}`, () => this.updated.fire({ document, facet }));
          }
          return value;
        } catch (e) {
          if (e instanceof Superseded && e.missing && state.sentVersion === at) state.sentVersion = undefined;
          if (e instanceof Superseded && !document.isClosed) continue;
          if (e instanceof Superseded) return undefined;
          this.log.error(`analysis "${facet}" of ${document.uri.toString(true)} (version ${at}) failed`, e);
          throw e;
        }
      }
    })();
    state.inFlight.set(facet, { version, generation, promise });
    const clear = (): void => {
      if (state.inFlight.get(facet)?.promise === promise) state.inFlight.delete(facet);
    };
    promise.then(clear, clear);
    return promise;
  }

  private send(doc: string, version: number, facet: Facet, optionsKey: string, options: AnalysisOptions): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { facet, resolve, reject, cancelled: (missing) => reject(new Superseded(missing)) });
      this.post({ type: 'analyze', id, doc, version, facet, optionsKey, options });
    });
  }

  private async prepare(facet: Facet): Promise<void> {
    const vendors = FACET_VENDORS[facet];
    if (vendors.length === 0) return;
    if (this.inWorker && this.host.prepare) await this.host.prepare(this.port, vendors);
    // In-process, the extension host's own loader fetches them (a no-op in Node, which requires them).
    else if (!this.inWorker) await ensureResources(...vendors);
  }

  /**
   * Sends an edit's changes to the worker when it has the text they apply to, so that after typing the host
   * neither reads nor copies the whole text (on 10 MB that is a 100 ms block per pause). A whole-document edit is
   * forwarded too: its changes' strings are already in the event, while reading the result back joins every line
   * (460 ms on the 15 M characters Annotate with Pinyin leaves). The edit of a whole-document command whose
   * edits the worker computed is not even sent: when the change is exactly those edits, the worker adopts its own
   * copy of them (sending 10 MB of an edit's strings held the host 111 ms). When the worker lacks the text they
   * apply to, the next analysis sends the whole text.
   */
  private forwardEdit(e: vscode.TextDocumentChangeEvent): void {
    const state = this.documents.get(e.document.uri.toString());
    if (!state) return;
    const from = state.seenVersion;
    const adoptable = state.adoptable;
    state.adoptable = undefined;
    state.seenVersion = e.document.version;
    if (from === undefined || !this.portStarted) return;
    const changes: TextChange[] = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    const doc = e.document.uri.toString();
    const version = e.document.version;
    // In the order of the change events: an edit after one still being compared waits for it.
    if (state.forwarding) {
      const after = state.forwarding.then(() => this.forwardChanges(state, doc, from, version, changes, adoptable));
      this.settleForwarding(state, after);
      return;
    }
    const running = this.forwardChanges(state, doc, from, version, changes, adoptable);
    if (running) this.settleForwarding(state, running);
  }

  /**
   * Tells the worker about one edit: adopt the job's edits when the change is exactly them, else the changes.
   * A large change is compared with the job's edits in slices, the event loop free in between (the promise then
   * returned); meanwhile state.forwarding holds the later edits and the requests that need the worker's text.
   */
  private forwardChanges(state: DocumentState, doc: string, from: number, version: number, changes: readonly TextChange[], adoptable: DocumentState['adoptable']): Promise<void> | undefined {
    if (state.sentVersion !== from) return undefined;
    const decide = (mismatch: string | undefined | 'no job'): void => {
      if (adoptable && mismatch !== 'no job') this.log.debug(mismatch === undefined ? 'the worker adopts the edits it computed' : `the edit is not the one the worker computed, so it is sent: ${mismatch}`);
      if (adoptable && mismatch === undefined) {
        timed('adopt', () => this.post({ type: 'adopt', doc, job: adoptable.job, from, version }));
      } else {
        timed('edit', () => this.post({ type: 'edit', doc, from, version, changes }));
      }
      state.sentVersion = version;
    };
    if (!adoptable || adoptable.version !== from) {
      decide('no job');
      return undefined;
    }
    // Exact, never sampled: an edit adopted that is not the one applied would leave the worker another text.
    const steps = changesMismatchSteps(changes, adoptable.edits);
    const first = timed('adopt.compare', () => steps.next());
    if (first.done) {
      decide(first.value);
      return undefined;
    }
    return (async () => {
      for (;;) {
        await yieldToEventLoop();
        const step = timed('adopt.compare', () => steps.next());
        if (step.done) return decide(step.value);
      }
    })();
  }

  /** Records `running` as the document's forwarding until it ends (a failure is logged, and the worker's text dropped). */
  private settleForwarding(state: DocumentState, running: Promise<void>): void {
    const settled = running.catch((e: unknown) => {
      this.log.error('an edit could not be forwarded to the analysis worker', e);
      state.sentVersion = undefined;
    });
    state.forwarding = settled;
    void settled.then(() => {
      if (state.forwarding === settled) state.forwarding = undefined;
    });
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.documents.has(key) && !this.isVisible(document)) return;
    const state = this.state(key);
    clearTimeout(state.timer);
    const delay = documentLength(document) > LARGE_DOCUMENT_CHARS ? LARGE_DEBOUNCE_MS : DEBOUNCE_MS;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (!document.isClosed) this.analyse(document);
    }, delay);
  }

  /** Computes the subscribed facets (and those waited for) of the document, the cheap ones first. */
  private analyse(document: vscode.TextDocument): void {
    const state = this.state(document.uri.toString());
    const waiting = new Map(state.waiting);
    state.waiting.clear();
    const visible = this.isVisible(document);
    const wanted = FACETS.filter((f) => waiting.has(f) || (visible && this.subscriptions.some((s) => s.facet === f && s.applies(document))));
    for (const facet of wanted) {
      const work = this.current(document, facet) !== undefined ? Promise.resolve(this.current(document, facet)) : this.compute(document, facet);
      work.then(
        (value) => waiting.get(facet)?.forEach((resolve) => resolve(value)),
        () => waiting.get(facet)?.forEach((resolve) => resolve(undefined)),
      );
    }
  }

  private analyseVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const state = this.documents.get(editor.document.uri.toString());
      if (!state?.timer) this.analyse(editor.document);
    }
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  private forget(key: string): void {
    const state = this.documents.get(key);
    if (!state) return;
    clearTimeout(state.timer);
    for (const list of state.waiting.values()) list.forEach((resolve) => resolve(undefined));
    this.documents.delete(key);
    this.post({ type: 'forget', doc: key });
  }

  private post(message: ToWorker): void {
    this.port.post(message);
  }

  private receive(message: FromWorker): void {
    const pending = this.requests.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.progress?.(message.done);
      return;
    }
    this.requests.delete(message.id);
    if (!this.answered && this.inWorker) {
      this.answered = true;
      this.log.info('the analysis worker answered its first request');
    }
    if (message.type === 'result') {
      const started = performance.now();
      const value = pending.facet ? unpackFacet(message.value) : message.value;
      recordBlock(pending.facet ? `decode.${pending.facet}` : 'decode.edits', performance.now() - started);
      pending.resolve(value);
    } else if (message.type === 'cancelled') pending.cancelled(!!message.missing);
    else {
      const error = new Error(message.message);
      if (message.stack) error.stack = message.stack;
      pending.reject(error);
    }
  }

  private startPort(): WorkerPort {
    let port: WorkerPort;
    try {
      port = this.host.start();
      this.log.info('document analysis runs in a worker');
    } catch (e) {
      this.log.warn(`zhdoc: no analysis worker in this environment, analysing on the extension host instead (${e instanceof Error ? e.message : String(e)})`);
      this.inWorker = false;
      port = inProcessPort();
    }
    port.onMessage((m) => this.receive(m));
    port.onFailure((e) => {
      this.log.error('the analysis worker stopped; analysing on the extension host from now on', e);
      this.inWorker = false;
      const failed = [...this.requests.values()];
      this.requests.clear();
      for (const state of this.documents.values()) state.sentVersion = undefined;
      const fallback = inProcessPort();
      fallback.onMessage((m) => this.receive(m));
      this.portStarted = fallback;
      // What the worker never answered is asked again here, as a newer version's request is: a worker that
      // cannot start (or dies) then costs the responsiveness, not the status bar, folds and marks.
      for (const r of failed) r.cancelled(true);
    });
    return port;
  }

  dispose(): void {
    for (const state of this.documents.values()) clearTimeout(state.timer);
    clearTimeout(this.kickoff);
    this.portStarted?.terminate();
    this.disposables.forEach((d) => d.dispose());
  }
}

/**
 * The analysis on the extension host's own thread, for an environment without workers. Results are the
 * same; only the responsiveness is lost, and the output channel says so.
 */
export function inProcessPort(): WorkerPort {
  let listener: ((message: FromWorker) => void) | undefined;
  const analyzer = createAnalyzer((message) => listener?.(message), (run) => setTimeout(run, 0));
  return {
    post: (message) => setTimeout(() => analyzer.receive(message), 0),
    onMessage: (l) => { listener = l; },
    onFailure: () => undefined,
    terminate: () => { listener = undefined; },
  };
}

/** Length in UTF-16 code units without joining the lines into one string. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
