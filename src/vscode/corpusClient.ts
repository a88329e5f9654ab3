/**
 * Runs the editor's corpus analyses: the files of a folder (and the active document's text) analysed in a
 * worker thread (dist/corpusWorker.js) with a cancellable progress notification. Where no worker can run (a
 * virtual file system, the web extension host), the same core function runs here, one file at a time, yielding
 * between files so the host stays responsive.
 */
import * as vscode from 'vscode';
import { analyseCorpusFile, type CorpusFileResult, type CorpusRequest, type CorpusSloganSettings } from '../core/corpus';
import type { AnalysisOptions } from '../core/settings';
import { SLOGAN_DEFAULTS } from '../core/slogans';
import type { Log } from './log';
import { MAX_CORPUS_FILE_BYTES, sidecarPaths, type CorpusWorkerMessage } from './corpusProtocol';
import { ensureResources } from './resources';

export const CORPUS_FILE_GLOB = '**/*.{txt,md,markdown,text}';
const MAX_FILES = 20_000;

export interface CorpusSource {
  readonly uri: vscode.Uri;
  /** The text to analyse instead of the file's (an open, possibly unsaved, document). */
  readonly text?: string;
}

export interface CorpusFileOutcome {
  readonly uri: vscode.Uri;
  readonly result?: CorpusFileResult;
  /** Why it was skipped, in the user's language. */
  readonly skipped?: string;
}

/**
 * The corpus analyses' settings for `scope`: the editor's own settings → options path (user lexicon files
 * included), flattened to plain data for the worker, so a corpus view counts what the editor marks.
 */
export async function corpusSettings(scope: vscode.Uri): Promise<CorpusSloganSettings> {
  if (!client) throw new Error('zhdoc: the corpus client is not configured');
  const options = await client.options(scope);
  return {
    known: options.slogans.known ?? true,
    discover: options.slogans.discover ?? true,
    minRepeatCount: options.slogans.minRepeatCount ?? SLOGAN_DEFAULTS.minRepeatCount,
    minDiscoveredCount: options.slogans.minDiscoveredCount ?? SLOGAN_DEFAULTS.minDiscoveredCount,
    ignore: options.slogans.ignore ?? [],
    userLexicon: options.slogans.userLexicon ?? [],
    excludeBoilerplate: options.excludeBoilerplate,
    boilerplateSensitivity: options.boilerplate.sensitivity ?? 'conservative',
    boilerplateExtraCues: options.boilerplate.extraCues ?? [],
  };
}

/** The text files of a folder, sorted by path. */
export async function corpusFiles(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, CORPUS_FILE_GLOB), '**/{node_modules,.git}/**', MAX_FILES);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function skippedMessage(reason: string): string {
  if (reason === 'too-large') return vscode.l10n.t('skipped: larger than 20 MB');
  if (reason === 'not-utf8') return vscode.l10n.t('skipped: not UTF-8 text');
  return vscode.l10n.t('skipped: {0}', reason);
}

type WorkerModule = typeof import('node:worker_threads');

function workerThreads(): WorkerModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- absent in the web extension host
    return require('node:worker_threads') as WorkerModule;
  } catch {
    return undefined;
  }
}

/** What the corpus client needs from the composition root: where its worker is, the log, and the settings path. */
export interface CorpusClientContext {
  readonly extensionRoot: vscode.Uri;
  readonly log: Log;
  readonly options: (scope: vscode.Uri) => Promise<AnalysisOptions>;
}

let client: CorpusClientContext | undefined;

export function configureCorpusClient(context: CorpusClientContext): void {
  client = context;
}

/**
 * Analyses `sources` with a progress notification titled `title`; undefined when the user cancelled.
 */
export async function analyseSources(sources: readonly CorpusSource[], request: CorpusRequest, title: string): Promise<CorpusFileOutcome[] | undefined> {
  await ensureResources('sloganLexicon', 'opencc');
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const threads = workerThreads();
    const allFiles = sources.every((s) => s.uri.scheme === 'file' || s.text !== undefined);
    const step = 100 / Math.max(1, sources.length);
    const report = (done: number): void => progress.report({ increment: step, message: `${done}/${sources.length}` });
    if (threads && allFiles && client) {
      try {
        return await inWorker(threads, sources, request, token, report);
      } catch (e) {
        // A worker that cannot start (or dies) loses nothing: the same analysis runs here instead.
        client!.log.warn(`corpus worker failed, analysing on the extension host instead: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return inProcess(sources, request, token, report);
  });
}

function inWorker(threads: WorkerModule, sources: readonly CorpusSource[], request: CorpusRequest, token: vscode.CancellationToken, report: (done: number) => void): Promise<CorpusFileOutcome[] | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new threads.Worker(vscode.Uri.joinPath(client!.extensionRoot, 'dist', 'corpusWorker.js').fsPath);
    const outcomes: CorpusFileOutcome[] = sources.map((s) => ({ uri: s.uri }));
    let done = 0;
    const cancel = token.onCancellationRequested(() => {
      void worker.terminate();
      resolve(undefined);
    });
    worker.on('message', (m: CorpusWorkerMessage) => {
      if (m.type === 'file') {
        const r = m.result;
        outcomes[m.index] = 'skipped' in r ? { uri: sources[m.index]!.uri, skipped: skippedMessage(r.skipped) } : { uri: sources[m.index]!.uri, result: r };
        report(++done);
        return;
      }
      cancel.dispose();
      void worker.terminate();
      resolve(outcomes);
    });
    worker.on('error', (e) => {
      cancel.dispose();
      reject(e);
    });
    worker.postMessage({ files: sources.map((s) => ({ path: s.uri.fsPath, text: s.text })), request });
  });
}

async function inProcess(sources: readonly CorpusSource[], request: CorpusRequest, token: vscode.CancellationToken, report: (done: number) => void): Promise<CorpusFileOutcome[] | undefined> {
  const out: CorpusFileOutcome[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const source of sources) {
    if (token.isCancellationRequested) return undefined;
    try {
      let text = source.text;
      if (text === undefined) {
        const bytes = await vscode.workspace.fs.readFile(source.uri);
        if (bytes.byteLength > MAX_CORPUS_FILE_BYTES) {
          out.push({ uri: source.uri, skipped: skippedMessage('too-large') });
          continue;
        }
        try {
          text = decoder.decode(bytes);
        } catch {
          out.push({ uri: source.uri, skipped: skippedMessage('not-utf8') });
          continue;
        }
      }
      let sidecar: string | undefined;
      if (request.dates) {
        for (const path of sidecarPaths(source.uri.path)) {
          try {
            sidecar = new TextDecoder().decode(await vscode.workspace.fs.readFile(source.uri.with({ path })));
            break;
          } catch {
            // no sidecar there
          }
        }
      }
      out.push({ uri: source.uri, result: analyseCorpusFile(source.uri.path, text, request, sidecar) });
    } catch (e) {
      out.push({ uri: source.uri, skipped: skippedMessage(e instanceof Error ? e.message : String(e)) });
    }
    report(out.length);
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}
