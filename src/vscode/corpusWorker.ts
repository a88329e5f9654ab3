/**
 * Entry of dist/corpusWorker.js: the editor's corpus commands (Compare, Concordance, Trends) read and analyse
 * the files of a folder here, in a worker thread, so the extension host stays responsive. No vscode import.
 * One message in ({ files, request }), one progress message per file, one final message with the results.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyseCorpusFile, type CorpusFileResult, type CorpusRequest } from '../core/corpus';
import { MAX_CORPUS_FILE_BYTES, sidecarPaths, type CorpusWorkerMessage, type CorpusWorkerFile } from './corpusProtocol';

const decoder = new TextDecoder('utf-8', { fatal: true });

function analyse(file: CorpusWorkerFile, request: CorpusRequest): CorpusFileResult | { skipped: string } {
  try {
    let text = file.text;
    if (text === undefined) {
      if (statSync(file.path).size > MAX_CORPUS_FILE_BYTES) return { skipped: 'too-large' };
      try {
        text = decoder.decode(readFileSync(file.path));
      } catch {
        return { skipped: 'not-utf8' };
      }
    }
    let sidecar: string | undefined;
    if (request.dates) {
      const path = sidecarPaths(file.path).find((p) => existsSync(p));
      if (path) sidecar = readFileSync(path, 'utf8');
    }
    return analyseCorpusFile(file.path, text, request, sidecar);
  } catch (e) {
    return { skipped: (e as Error).message };
  }
}

parentPort!.on('message', (message: { files: CorpusWorkerFile[]; request: CorpusRequest }) => {
  message.files.forEach((file, index) => {
    const result = analyse(file, message.request);
    parentPort!.postMessage({ type: 'file', index, result } satisfies CorpusWorkerMessage);
  });
  parentPort!.postMessage({ type: 'done' } satisfies CorpusWorkerMessage);
});
