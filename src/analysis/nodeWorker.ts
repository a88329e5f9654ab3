/**
 * The analysis worker in Node's worker_threads (desktop VS Code, code-server, the CLI could too): bundled to
 * dist/analysisWorker.js, beside dist/vendor, so the core's lazy `require('zhdoc-vendor:…')` loads the
 * dictionaries here, in the worker, never on the extension host's thread.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from './analyzer';
import type { ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('zhdoc: analysisWorker.js must run as a worker thread');
const analyzer = createAnalyzer((message, transfer) => port.postMessage(message, transfer), (run) => setImmediate(run));
port.on('message', (message: ToWorker) => analyzer.receive(message));
