/** What the extension host and dist/corpusWorker.js say to each other (plain data, no vscode). */
import type { CorpusFileResult } from '../core/corpus';

/** Files larger than this are listed as skipped (the same limit as Count Slogans in Folder). */
export const MAX_CORPUS_FILE_BYTES = 20 * 1024 * 1024;

export interface CorpusWorkerFile {
  readonly path: string;
  /** The text of an open document, analysed instead of the file's bytes. */
  readonly text?: string;
}

export type CorpusWorkerMessage =
  | { readonly type: 'file'; readonly index: number; readonly result: CorpusFileResult | { readonly skipped: string } }
  | { readonly type: 'done' };

/** Where a file's sidecar may be: NAME.txt.json, NAME.json, NAME.meta.json. */
export function sidecarPaths(path: string): string[] {
  const stem = path.replace(/\.[^./\\]*$/, '');
  return [`${path}.json`, `${stem}.json`, `${stem}.meta.json`].filter((p) => p !== path);
}
