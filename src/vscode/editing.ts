/**
 * Applying core edits (UTF-16 offsets) to an editor safely: one undo step, nothing applied to a document that
 * changed since the edits were computed, a clear message instead of an edit on a read-only document.
 */
import * as vscode from 'vscode';
import type { DocumentAnalysisService } from '../analysis/service';
import type { EditJob, EditJobResult } from '../core/editJobs';
import { type KeptPlaces } from '../core/editPlan';
export { planPiece } from '../core/editPlan';
import { looksMisdecoded, SAMPLE as ENCODING_SAMPLE, type Misdecoding } from '../core/encoding';
import { coalesceEdits, type TextEdit } from '../core/text';
import { recordDuration, timed } from './timings';

/**
 * Above this many edits one command joins neighbouring edits (see coalesceEdits): VS Code applies a few
 * thousand edits in well under a second, but hundreds of thousands take many seconds.
 */
const MAX_EDITS_PER_COMMAND = 5_000;

/**
 * True when the document should not be edited: a read-only file system (git:, a read-only virtual folder) or a
 * write-protected file (no owner write permission, the test VS Code's `files.readonlyFromPermissions` uses).
 */
export async function isReadOnly(document: vscode.TextDocument): Promise<boolean> {
  if (document.isUntitled) return false;
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return true;
  try {
    const stat = await vscode.workspace.fs.stat(document.uri);
    if ((stat.permissions ?? 0) !== 0) return true;
  } catch {
    return false; // not a file we can stat (a virtual document): let the edit itself decide
  }
  return document.uri.scheme === 'file' && (await isWriteProtectedOnDisk(document.uri.fsPath));
}

/** The extension host's stat does not report permissions for local files, so ask the file system (Node only). */
async function isWriteProtectedOnDisk(path: string): Promise<boolean> {
  try {
    const fs = await import('node:fs/promises');
    return ((await fs.stat(path)).mode & 0o200) === 0;
  } catch {
    return false; // the web extension host has no file system of its own
  }
}

/**
 * Refuses, with a message naming the document, when it is read-only or looks wrongly decoded (editing mojibake
 * would save it over the original bytes). Returns true when editing may go on.
 */
export async function ensureWritable(document: vscode.TextDocument): Promise<boolean> {
  if (misdecodingOf(document)) {
    offerReopenWithEncoding(document, true);
    return false;
  }
  if (!(await isReadOnly(document))) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: {0} is read-only (write-protected), so nothing was changed.', displayName(document)));
  return false;
}

/** VS Code's own command: a quick pick of Reopen with Encoding / Save with Encoding, then the encoding. */
export const CHANGE_ENCODING_COMMAND = 'workbench.action.editor.changeEncoding';

const misdecodingCache = new WeakMap<vscode.TextDocument, { version: number; result: Misdecoding | undefined }>();

/** Why the document looks wrongly decoded (GBK read as UTF-8 or Latin-1), from its first characters; cached per version. */
export function misdecodingOf(document: vscode.TextDocument): Misdecoding | undefined {
  const hit = misdecodingCache.get(document);
  if (hit && hit.version === document.version) return hit.result;
  const end = document.positionAt(ENCODING_SAMPLE);
  const result = looksMisdecoded(document.getText(new vscode.Range(new vscode.Position(0, 0), end)));
  misdecodingCache.set(document, { version: document.version, result });
  return result;
}

/** One message saying the document looks wrongly decoded, with a button to reopen it in another encoding. */
export function offerReopenWithEncoding(document: vscode.TextDocument, refusedEdit: boolean): void {
  const reopen = vscode.l10n.t('Reopen with Encoding…');
  const message = refusedEdit
    ? vscode.l10n.t('zhdoc: {0} looks wrongly decoded (a GBK/GB18030 file read in another encoding), so nothing was changed. Reopen it with Encoding → GB18030 first.', displayName(document))
    : vscode.l10n.t('zhdoc: {0} looks wrongly decoded (a GBK/GB18030 file read in another encoding): counts, script and pinyin would describe the garbled text. Reopen it with Encoding → GB18030.', displayName(document));
  void vscode.window.showWarningMessage(message, reopen).then(async (answer) => {
    if (answer !== reopen) return;
    if (vscode.window.activeTextEditor?.document !== document) await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand(CHANGE_ENCODING_COMMAND);
  });
}

export function displayName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri, false);
}

/**
 * The editor's non-empty selections, or the whole document when every selection is empty.
 * Sorted and without overlaps, so edits computed per range never collide.
 */
export function targetRanges(editor: vscode.TextEditor): vscode.Range[] {
  const selections = editor.selections.filter((s) => !s.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  if (selections.length === 0) {
    // The document's end without reading its text (getText() of 10 MB holds the host for about 100 ms).
    const doc = editor.document;
    return [new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end)];
  }
  const merged: vscode.Range[] = [];
  for (const s of selections) {
    const last = merged[merged.length - 1];
    if (last && s.start.isBeforeOrEqual(last.end)) merged[merged.length - 1] = last.union(s);
    else merged.push(new vscode.Range(s.start, s.end));
  }
  return merged;
}

export type ApplyResult = 'applied' | 'unchanged' | 'stale' | 'failed';

/**
 * Applies edits (offsets into the document as it was at `version`) in one undo step. Refuses when the document
 * has changed since: the edits would land on the wrong characters.
 */
export async function applyDocumentEdits(editor: vscode.TextEditor, version: number, edits: readonly TextEdit[]): Promise<ApplyResult> {
  const document = editor.document;
  if (edits.length === 0) return 'unchanged';
  if (document.isClosed || document.version !== version) return 'stale';
  if (edits.length > MAX_EDITS_PER_COMMAND) edits = coalesceEdits(document.getText(), edits, MAX_EDITS_PER_COMMAND);
  const ranges = edits.map((e) => new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)));
  const started = performance.now();
  // Where an apply's time goes: until the change event reaches this host (the window applying the edits, their
  // strings crossing over, this host's copy of the document applying them, listeners registered before this
  // one), and from there until VS Code confirms the edit.
  let eventAt: number | undefined;
  const watch = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && eventAt === undefined && e.contentChanges.length > 0) eventAt = performance.now();
  });
  try {
    const ok = await editor.edit(
      (builder) => {
        edits.forEach((e, i) => builder.replace(ranges[i]!, e.text));
      },
      { undoStopBefore: true, undoStopAfter: true },
    );
    if (ok) return 'applied';
    return document.version !== version ? 'stale' : 'failed';
  } catch {
    // The editor was closed or replaced while we worked: nothing was applied, and there is nobody to tell.
    return document.isClosed || document.version !== version ? 'stale' : 'failed';
  } finally {
    watch.dispose();
    const ended = performance.now();
    recordDuration('command.apply', ended - started);
    if (eventAt !== undefined) {
      recordDuration('command.apply.untilEvent', eventAt - started);
      recordDuration('command.apply.afterEvent', ended - eventAt);
    }
  }
}

/**
 * Tells the user why an edit was not applied: the document changed meanwhile, or VS Code refused the edit.
 * Says nothing for a document that was closed (nobody is there to read it). Returns false, for `return`.
 */
export function reportUnapplied(document: vscode.TextDocument, result: 'stale' | 'failed'): false {
  if (document.isClosed) return false;
  if (result === 'stale') {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: {0} changed meanwhile, so nothing was changed. Run the command again.', displayName(document)));
  } else {
    void vscode.window.showErrorMessage(vscode.l10n.t('zhdoc: VS Code refused the edit to {0}; nothing was changed.', displayName(document)));
  }
  return false;
}

/** About 1 MB of Chinese text in UTF-8: above it, long work reports progress and can be cancelled. */
export const LARGE_DOCUMENT_CHARS = 350_000;

/** One step of long work: how many characters it covers (for progress) and the edits it computes. */
export interface EditStep {
  readonly size: number;
  readonly run: () => Iterable<TextEdit>;
}

/**
 * Computes edits step by step. For a large document (`total` characters above LARGE_DOCUMENT_CHARS) it shows
 * a cancellable progress notification and gives the event loop a turn between steps, stopping at once when
 * the user cancels or the document changes (the edits would then be stale).
 */
export async function computeEdits(document: vscode.TextDocument, version: number, total: number, title: string, steps: Iterable<EditStep>): Promise<TextEdit[] | 'cancelled' | 'stale'> {
  const compute = async (progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken): Promise<TextEdit[] | 'cancelled' | 'stale'> => {
    const edits: TextEdit[] = [];
    // The steps read the document as they go: none may read a newer text than the one the edits are for.
    if (document.version !== version) return 'stale';
    for (const step of steps) {
      for (const e of timed('command step', step.run)) edits.push(e);
      if (progress) {
        progress.report({ increment: (100 * step.size) / total });
        await yieldToEventLoop();
        if (token?.isCancellationRequested) return 'cancelled';
        if (document.version !== version) return 'stale';
      }
    }
    return edits;
  };
  const started = performance.now();
  try {
    return await (total > LARGE_DOCUMENT_CHARS
      ? vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => compute(progress, token))
      : compute());
  } finally {
    recordDuration('command.compute', performance.now() - started);
  }
}

/**
 * A whole-document command's edits computed in the analysis worker (see DocumentAnalysisService.editsInWorker),
 * with the same cancellable progress notification as computeEdits for a large document. Undefined when there is
 * no worker (or it failed; logged): the caller then computes the edits itself with computeEdits.
 */
export async function editsInWorker(analysis: DocumentAnalysisService, document: vscode.TextDocument, job: EditJob, ranges: readonly vscode.Range[], total: number, maxEdits: number, kept: KeptPlaces, title: string): Promise<EditJobResult | 'cancelled' | 'stale' | undefined> {
  const offsets = ranges.map((r) => [document.offsetAt(r.start), document.offsetAt(r.end)] as const);
  const run = async (progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken): Promise<EditJobResult | 'cancelled' | 'stale' | undefined> => {
    try {
      return await analysis.editsInWorker(document, job, offsets, maxEdits, kept, progress && ((done) => progress.report({ increment: (100 * done) / Math.max(1, total) })), token);
    } catch {
      return undefined; // logged by the service; the host computes the edits itself
    }
  };
  const started = performance.now();
  try {
    return await (total > LARGE_DOCUMENT_CHARS ? vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => run(progress, token)) : run());
  } finally {
    recordDuration('command.compute', performance.now() - started);
  }
}

/**
 * Applies edits the worker computed (through the command's own `apply`, which checks the version and makes one
 * undo step) and, when they end up not applied, lets the service and worker drop them: no change will come to
 * match them against.
 */
export async function applyWorkerEdits(analysis: DocumentAnalysisService, document: vscode.TextDocument, result: EditJobResult, apply: (result: EditJobResult) => Promise<boolean>): Promise<boolean> {
  let applied = false;
  try {
    applied = await apply(result);
    return applied;
  } finally {
    if (!applied) analysis.releaseEdits(document, result.edits);
  }
}

/** Gives the event loop a turn so typing, rendering and cancellation get through during long work. */
export function yieldToEventLoop(): Promise<void> {
  // setImmediate is Node's; the web extension host (vscode.dev) only has setTimeout.
  const immediate = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * The editor a command acts on. When there is none, says why: most often nothing is open, but a text file above
 * 50 MB is open in an editor that VS Code does not share with extensions at all, and the user should hear that
 * zhdoc cannot see it (and that the command line can), not silence.
 */
export function commandEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('zhdoc cannot work on {0}: VS Code does not give extensions files larger than 50 MB. The zhdoc command line handles files of any size (zhdoc convert, pinyin, slogans, boilerplate).', vscode.workspace.asRelativePath(input.uri, false)),
    );
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: open a text document first.'));
  }
  return undefined;
}

/**
 * Whole lines of `range` in groups of about `size` characters (one line may be longer), as [first, last] line
 * numbers: a word and a conversion never span a line break, so each group reads exactly as in the whole text.
 */
export function* lineGroups(document: vscode.TextDocument, range: vscode.Range, size: number): Generator<readonly [number, number]> {
  for (let line = range.start.line; line <= range.end.line; ) {
    let last = line;
    let length = document.lineAt(line).text.length;
    while (last < range.end.line && length < size) length += document.lineAt(++last).text.length + 1;
    yield [line, last];
    line = last + 1;
  }
}

/** A group of whole lines read from the document on its own, and the part of it inside the range worked on. */
export interface TextPiece {
  /** The lines' text, with the line breaks between them (and after the last, unless the range ends on it). */
  readonly text: string;
  /** Offset of `text` in the document, and the line it starts. */
  readonly base: number;
  readonly firstLine: number;
  /** [from, to) of `text` inside the range. */
  readonly from: number;
  readonly to: number;
}

/**
 * The range in pieces of whole lines of about `size` characters, each read when the iteration reaches it: the
 * whole text is never read at once (on 10 MB one getText() holds the host for about 100 ms, twice the budget).
 */
export function* rangePieces(document: vscode.TextDocument, range: vscode.Range, size: number): Generator<TextPiece> {
  const rangeStart = document.offsetAt(range.start);
  const rangeEnd = document.offsetAt(range.end);
  for (const [line, last] of lineGroups(document, range, size)) {
    const start = new vscode.Position(line, 0);
    const end = last < document.lineCount - 1 && last < range.end.line ? new vscode.Position(last + 1, 0) : document.lineAt(last).range.end;
    const base = document.offsetAt(start);
    const text = document.getText(new vscode.Range(start, end));
    yield { text, base, firstLine: line, from: Math.max(rangeStart - base, 0), to: Math.min(rangeEnd - base, text.length) };
  }
}

/** No place kept (small edits, or a document without folds or cursors to keep). */
export const NOTHING_KEPT: KeptPlaces = { lines: new Set(), offsets: [] };

/** What a large edit must not move: every foldable range's first and last line, the cursors. */
export async function keptPlaces(editor: vscode.TextEditor): Promise<KeptPlaces> {
  const document = editor.document;
  const lines = new Set<number>();
  const offsets: number[] = [];
  for (const s of editor.selections) {
    for (const p of [s.anchor, s.active]) {
      lines.add(p.line);
      offsets.push(document.offsetAt(p));
    }
  }
  try {
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', document.uri);
    for (const f of folds ?? []) {
      lines.add(f.start);
      lines.add(f.end);
    }
  } catch {
    // No folding provider answered: the cursors are still kept.
  }
  // The editor's own indentation folds are not reported by providers: keep the edges of what is folded now.
  const visible = editor.visibleRanges;
  for (let i = 0; i + 1 < visible.length; i++) {
    lines.add(visible[i]!.end.line);
    lines.add(visible[i]!.end.line + 1);
    lines.add(visible[i + 1]!.start.line - 1);
  }
  return { lines, offsets };
}

/** Code points of a string (what a user counts as characters: an astral 𠮷 is one). */
export function codePointCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) n--;
  }
  return n;
}
