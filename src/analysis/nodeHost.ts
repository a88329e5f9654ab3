/**
 * The analysis worker on Node (desktop VS Code, code-server's extension host): a worker_threads Worker running
 * dist/analysisWorker.js. worker_threads is required only when this runs (and nothing else of Node is
 * imported), so the web bundle, which never calls it, has no Node import to fail on.
 */
import type { Worker as NodeWorker } from 'node:worker_threads';
import type { FromWorker } from './protocol';
import type { AnalysisHost } from './service';

/** `workerPath`: dist/analysisWorker.js of the installed extension. */
export function nodeAnalysisHost(workerPath: string): AnalysisHost {
  return {
    start() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only in Node, never in the web bundle
      const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
      const worker: NodeWorker = new Worker(workerPath, { name: 'zhdoc analysis' });
      // The extension host may exit while the worker still has work queued.
      worker.unref();
      const failures: Array<(error: Error) => void> = [];
      let stopped = false;
      worker.on('error', (e) => failures.forEach((f) => f(e)));
      worker.on('exit', (code) => {
        if (!stopped) failures.forEach((f) => f(new Error(`the analysis worker exited with code ${code}`)));
      });
      return {
        post: (message) => worker.postMessage(message),
        onMessage: (listener) => worker.on('message', (m: FromWorker) => listener(m)),
        onFailure: (listener) => failures.push(listener),
        terminate: () => {
          stopped = true;
          void worker.terminate();
        },
      };
    },
  };
}
