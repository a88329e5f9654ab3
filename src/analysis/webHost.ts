/**
 * The analysis worker in the web extension host (vscode.dev, code-server's browser host): a Web Worker running
 * dist/web/analysisWorker.js (VS Code runs nested workers of web extensions). The worker cannot read the
 * extension's files, so the vendor modules a facet needs are read here, once, and their source (and data file) is
 * posted to it.
 */
import * as vscode from 'vscode';
import { BINARY_VENDORS } from '../vendor/binaryVendor';
import { VENDOR_DATA_FILES } from '../web/vendorRegistry';
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
          const read = (dir: string, file: string): Promise<Uint8Array> => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', dir, file)));
          const dataFile = VENDOR_DATA_FILES[name];
          // A binary vendor (the reading data, for the pinyin commands' jobs) is only its file; the others are
          // source, OpenCC's with its compiled dictionaries beside it.
          loading = Object.hasOwn(BINARY_VENDORS, name)
            ? read('data', `${name}.bin`).then((data) => port.post({ type: 'vendor', name, source: '', data, binary: true }))
            : Promise.all([read('vendor', `${name}.js`), dataFile ? read('vendor', dataFile) : undefined]).then(([source, data]) => {
              port.post({ type: 'vendor', name, source: new TextDecoder().decode(source), ...(data ? { data } : {}) });
            });
          loading.catch(() => map.delete(name));
          map.set(name, loading);
        }
        return loading;
      }));
    },
  };
}
