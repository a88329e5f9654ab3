/**
 * The analysis worker in the web extension host (vscode.dev, code-server's browser host): a Web Worker running
 * dist/web/analysisWorker.js (VS Code runs nested workers of web extensions). The worker cannot read the
 * extension's files, so the vendors a facet or job needs are read here, once, and their files are posted to it
 * (src/web/vendorFiles.ts, the same reading as the web extension host's own).
 */
import * as vscode from 'vscode';
import { readVendorFiles } from '../web/vendorFiles';
import type { FromWorker, ToWorker, VendorName, WorkerPort } from './protocol';
import type { AnalysisHost } from './service';

declare const Worker: new (url: string, options?: { name?: string }) => {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
};

export function webAnalysisHost(extensionUri: vscode.Uri): AnalysisHost {
  const sent = new WeakMap<WorkerPort, Map<VendorName, Promise<void>>>();
  return {
    start() {
      if (typeof Worker !== 'function') throw new Error('Web Workers are not available');
      const url = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js').toString(true);
      const worker = new Worker(url, { name: 'zhdoc analysis' });
      const failures: Array<(error: Error) => void> = [];
      worker.onerror = (event) => failures.forEach((f) => f(new Error(event.message ?? 'the analysis worker failed')));
      const listeners: Array<(message: FromWorker) => void> = [];
      worker.onmessage = (event) => listeners.forEach((l) => l(event.data));
      return {
        post: (message) => worker.postMessage(message),
        onMessage: (listener) => listeners.push(listener),
        onFailure: (listener) => failures.push(listener),
        terminate: () => worker.terminate(),
      };
    },
    async prepare(port, vendors) {
      let map = sent.get(port);
      if (!map) sent.set(port, (map = new Map()));
      await Promise.all(vendors.map((name) => {
        let loading = map.get(name);
        if (!loading) {
          loading = readVendorFiles(name, (path) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', path))))
            .then((files) => port.post({ type: 'vendor', name, files }));
          loading.catch(() => map.delete(name));
          map.set(name, loading);
        }
        return loading;
      }));
    },
  };
}
