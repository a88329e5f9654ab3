/**
 * `zhdoc scan`: a corpus in, one JSON row per document out (or per slogan occurrence with --hits), in input
 * order. Streaming: input is read as output drains, with a bounded number of documents in flight, so memory
 * stays flat however large the corpus. `--jobs N` spreads the analysis over N worker threads. A line that
 * cannot be read is reported on stderr as `line N: …` and skipped; the exit code is 1 when any was.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { version as zhdocVersion } from '../../package.json';
import { builtinSloganLexicon, SLOGAN_DEFAULTS } from '../core/slogans';
import { DEFAULT_CONTEXT_WIDTH, MAX_CONTEXT_WIDTH } from '../core/corpus';
import { InputError, UsageError } from './io';
import { folderFiles, jsonlLines, MAX_INPUT_BYTES, type RawInput } from './scan/input';
import { processInput, type ScanInput, type ScanOutput, type ScanSettings } from './scan/process';

export const scanUsage =
  'scan [--jobs N] [--hits | --hits-out FILE] [--min-count N] [--known-only] [--keep-boilerplate] [--minority]\n' +
  '       [--text-field F] [--id-field F] [--context N] [--quiet] [JSONL | FOLDER]\n' +
  '                                 one JSON line per document: script, 字数, boilerplate, slogans (schema/scan.schema.json)';

/** Documents handed to one worker at a time: large enough that messaging costs little, small for even load. */
const BATCH_BYTES = 256 * 1024;
const BATCH_DOCUMENTS = 64;
/**
 * Bytes of input in flight per job (read, not yet written): two batches keep a worker busy while its last
 * answer is written; more would only grow memory.
 */
const IN_FLIGHT_BYTES_PER_JOB = 4 * BATCH_BYTES;

/**
 * Young generation of each scan worker, in MB. V8 grows it to about 34 MB per isolate on this workload, and a
 * scan runs three isolates; capped at 16 MB, peak RSS of `--jobs 2` on 100–200 MB fell by about 45 MB
 * (243 → 201, 275 → 231 MB) at the same speed in the same run: documents are analysed one at a time and little of
 * that work survives a scavenge, so a larger nursery buys nothing.
 */
const WORKER_YOUNG_GENERATION_MB = 16;
const PROGRESS_INTERVAL_MS = 1000;

interface Flags {
  readonly settings: ScanSettings;
  readonly jobs: number;
  readonly source: string | undefined;
  readonly hitsOut: string | undefined;
  readonly quiet: boolean;
}

function positiveInteger(value: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`scan: ${name} must be a whole number from 1 to ${max}`);
  return n;
}

let lexiconDigest: string | undefined;
/** Identifies the built-in lexicon the slogans were found with, so results from different versions are not mixed. */
export function lexiconSha256(): string {
  lexiconDigest ??= createHash('sha256').update(JSON.stringify(builtinSloganLexicon())).digest('hex');
  return lexiconDigest;
}

function parseFlags(argv: string[]): Flags {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      jobs: { type: 'string', short: 'j' },
      hits: { type: 'boolean' },
      'hits-out': { type: 'string' },
      'min-count': { type: 'string' },
      'known-only': { type: 'boolean' },
      'keep-boilerplate': { type: 'boolean' },
      minority: { type: 'boolean' },
      'text-field': { type: 'string' },
      'id-field': { type: 'string' },
      context: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError('scan: give at most one JSONL file or folder');
  if (values.hits && values['hits-out']) throw new UsageError('scan: give --hits or --hits-out, not both');
  const jobs = positiveInteger(values.jobs, '--jobs', 1, Math.max(64, availableParallelism()));
  const minCount = positiveInteger(values['min-count'], '--min-count', SLOGAN_DEFAULTS.minCount);
  const contextWidth = positiveInteger(values.context, '--context', DEFAULT_CONTEXT_WIDTH, MAX_CONTEXT_WIDTH);
  const rows = values.hits ? 'hits' : values['hits-out'] ? 'both' : 'documents';
  return {
    settings: {
      textField: values['text-field'] ?? 'text',
      idField: values['id-field'] ?? 'id',
      rows,
      minCount,
      knownOnly: values['known-only'] ?? false,
      keepBoilerplate: values['keep-boilerplate'] ?? false,
      minority: values.minority ?? false,
      hits: rows !== 'documents',
      contextWidth,
      zhdocVersion,
      lexiconSha256: lexiconSha256(),
    },
    jobs,
    source: positionals[0] === '-' ? undefined : positionals[0],
    hitsOut: values['hits-out'],
    quiet: values.quiet ?? false,
  };
}

export function runScan(argv: string[]): void {
  const flags = parseFlags(argv);
  let isFolder = false;
  if (flags.source !== undefined) {
    try {
      isFolder = statSync(flags.source).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(`${flags.source}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
    }
  }
  const inputs: AsyncIterable<RawInput> | Iterable<RawInput> = isFolder
    ? folderFiles(flags.source!)
    // Standard input by its descriptor: the CLI runs each command in a worker thread, whose process.stdin is not the terminal's.
    : jsonlLines(createReadStream(flags.source ?? '', { fd: flags.source === undefined ? 0 : undefined, highWaterMark: 256 * 1024 }));
  scan(inputs, flags).then(
    (failed) => {
      if (failed > 0) process.exitCode = 1;
    },
    (e: unknown) => {
      process.stderr.write(`zhdoc: scan: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

/** Writes to a stream, waiting for it to drain when its buffer is full: that wait is what bounds memory. */
async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text && !stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

interface Runner {
  submit(batch: ScanInput[]): void;
  /** Resolves when at least one more batch has finished. */
  next(): Promise<void>;
  close(): Promise<void>;
}

/** The analysis on this thread: each batch is done when submitted. */
function inlineRunner(settings: ScanSettings, done: (out: ScanOutput[]) => void): Runner {
  return {
    submit: (batch) => done(batch.map((input) => processInput(input, settings))),
    next: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/** Hands a batch to a worker, moving (not copying) each input's own buffer: the main thread never needs it again. */
function post(worker: Worker, batch: ScanInput[]): void {
  worker.postMessage(batch, batch.map((input) => input.bytes.buffer as ArrayBuffer));
}

function workerRunner(jobs: number, settings: ScanSettings, done: (out: ScanOutput[]) => void): Runner {
  const script = join(__dirname, 'scanWorker.js');
  const idle: Worker[] = [];
  const queue: ScanInput[][] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  /** Batches finished since next() last resolved: one may finish before anyone waits for it. */
  let unseen = 0;
  const workers = Array.from({ length: jobs }, () => {
    const w = new Worker(script, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    w.on('message', (out: ScanOutput[]) => {
      done(out);
      const more = queue.shift();
      if (more) post(w, more);
      else idle.push(w);
      unseen++;
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    idle.push(w);
    return w;
  });
  return {
    submit(batch) {
      const w = idle.pop();
      if (w) post(w, batch);
      else queue.push(batch);
    },
    next() {
      if (failure) return Promise.reject(failure);
      if (unseen > 0) {
        unseen = 0;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        wake = () => {
          wake = undefined;
          unseen = 0;
          if (failure) reject(failure);
          else resolve();
        };
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Runs the scan; resolves with the number of inputs that failed. */
async function scan(inputs: AsyncIterable<RawInput> | Iterable<RawInput>, flags: Flags): Promise<number> {
  const started = Date.now();
  const out = process.stdout;
  let hitsStream: WriteStream | undefined;
  if (flags.hitsOut) {
    hitsStream = createWriteStream(flags.hitsOut);
    await new Promise<void>((resolve, reject) => hitsStream!.once('open', () => resolve()).once('error', reject));
  }
  const results = new Map<number, ScanOutput>();
  /** What each input not yet written is: where it came from, and the bytes it holds in flight. */
  const pending = new Map<number, { where: string; kind: 'line' | 'file'; bytes: number }>();
  let inFlightBytes = 0;
  let submitted = 0;
  let written = 0;
  let documents = 0;
  let failed = 0;
  let bytesRead = 0;
  let lastProgress = started;
  const runner = flags.jobs === 1 ? inlineRunner(flags.settings, store) : workerRunner(flags.jobs, flags.settings, store);
  function store(outputs: ScanOutput[]): void {
    for (const o of outputs) results.set(o.seq, o);
  }
  const report = (where: string, kind: 'line' | 'file', message: string): void => {
    failed++;
    process.stderr.write(`${kind === 'line' ? `line ${where}` : where}: ${message}\n`);
  };
  const progress = (final: boolean): void => {
    if (flags.quiet) return;
    const now = Date.now();
    if (!final && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const mb = bytesRead / 1e6;
    process.stderr.write(`zhdoc scan: ${documents} documents, ${failed} failed, ${mb.toFixed(1)} MB, ${(mb / seconds).toFixed(2)} MB/s${final ? `, ${seconds.toFixed(1)} s` : ''}\n`);
  };
  /** Writes every finished result that is next in input order. */
  const flush = async (): Promise<void> => {
    for (let r = results.get(written); r; r = results.get(written)) {
      results.delete(written);
      const { where, kind, bytes } = pending.get(written)!;
      pending.delete(written);
      inFlightBytes -= bytes;
      written++;
      if (r.error) report(where, kind, r.error);
      else if (!r.blank) documents++;
      await write(out, flags.settings.rows === 'hits' ? r.hits : r.documents);
      if (hitsStream) await write(hitsStream, r.hits);
    }
    progress(false);
  };
  const limit = IN_FLIGHT_BYTES_PER_JOB * flags.jobs;
  let batch: ScanInput[] = [];
  let batchBytes = 0;
  const send = (): void => {
    if (batch.length === 0) return;
    runner.submit(batch);
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const raw of inputs) {
      const seq = submitted++;
      bytesRead += raw.size;
      pending.set(seq, { where: raw.where, kind: raw.kind, bytes: raw.bytes?.length ?? 0 });
      if (!raw.bytes) {
        results.set(seq, { seq, documents: '', hits: '', error: `longer than ${MAX_INPUT_BYTES / 1024 / 1024} MB; split it` });
        await flush();
        continue;
      }
      inFlightBytes += raw.bytes.length;
      batch.push({ seq, kind: raw.kind, where: raw.where, bytes: raw.bytes });
      batchBytes += raw.bytes.length;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_DOCUMENTS) send();
      await flush();
      while (inFlightBytes > limit) {
        send();
        await runner.next();
        await flush();
      }
    }
    send();
    while (written < submitted) {
      await runner.next();
      await flush();
    }
  } finally {
    await runner.close();
  }
  if (hitsStream) await new Promise<void>((resolve) => hitsStream!.end(resolve));
  progress(true);
  return failed;
}
