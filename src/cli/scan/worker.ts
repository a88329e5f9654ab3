/**
 * Entry of dist/scanWorker.js: a worker thread of `zhdoc scan --jobs N`. It receives batches of inputs and
 * answers with their outputs; all the work (decoding, JSON, analysis, serialising) happens here, so the main
 * thread only splits lines and writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processInput, type ScanInput, type ScanSettings } from './process';

const settings = workerData as ScanSettings;
parentPort!.on('message', (batch: ScanInput[]) => {
  parentPort!.postMessage(batch.map((input) => processInput(input, settings)));
});
