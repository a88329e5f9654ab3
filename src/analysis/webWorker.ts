/**
 * The analysis worker as a Web Worker (the web extension host of vscode.dev and code-server's browser side):
 * bundled to dist/web/analysisWorker.js. There are no files to require here, so the extension sends the
 * vendor modules' source (read from dist/vendor) before the first facet that needs them; they are evaluated
 * and registered here, in the worker.
 */
import { unpackVendor } from '../vendor/binaryVendor';
import { evaluateVendor, registerVendor } from '../web/vendorRegistry';
import { createAnalyzer } from './analyzer';
import type { FromWorker, ToWorker } from './protocol';

declare const self: { postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void; onmessage: ((event: { data: ToWorker }) => void) | null };

const analyzer = createAnalyzer((message, transfer) => self.postMessage(message, transfer ?? []), (run) => setTimeout(run, 0));
self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'vendor' && message.binary) registerVendor(message.name, unpackVendor(message.data!));
  else if (message.type === 'vendor') evaluateVendor(message.name, message.source, message.data);
  else analyzer.receive(message);
};
