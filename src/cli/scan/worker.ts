/**
 * Entry of dist/scanWorker.js: a worker thread of `zhdoc scan --jobs N`. It receives batches of raw lines and
 * answers with their output rows as UTF-8 bytes; all the work (splitting, decoding, JSON, analysis, serialising,
 * encoding) happens here, so the command's thread only reads, hands buffers round and writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processBatch, type BatchJob, type ScanSettings } from './process';

const settings = workerData as ScanSettings;
parentPort!.on('message', (job: BatchJob) => {
  const result = processBatch(job, settings);
  // The input and output buffers move back to the command's thread, which reuses them.
  const transfer = new Set<ArrayBuffer>([result.documents.buffer as ArrayBuffer]);
  if (result.input) transfer.add(result.input.buffer as ArrayBuffer);
  parentPort!.postMessage(result, [...transfer]);
});
