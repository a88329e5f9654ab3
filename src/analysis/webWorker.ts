/**
 * The analysis worker as a Web Worker (the web extension host of vscode.dev and code-server's browser side):
 * bundled to dist/web/analysisWorker.js. There are no files to require here, so the extension sends the
 * files of the vendors (src/web/vendorFiles.ts) before the first facet or job that needs them; they are
 * installed here, in the worker.
 */
import { installVendorFiles } from '../web/vendorFiles';
import { createAnalyzer } from './analyzer';
import type { FromWorker, ToWorker } from './protocol';

declare const self: { postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void; onmessage: ((event: { data: ToWorker }) => void) | null };

const analyzer = createAnalyzer((message, transfer) => self.postMessage(message, transfer ?? []), (run) => setTimeout(run, 0));
self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'vendor') installVendorFiles(message.name, message.files);
  else analyzer.receive(message);
};
