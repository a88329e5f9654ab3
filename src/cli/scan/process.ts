/**
 * One unit of `zhdoc scan` work, the same on the command's thread (--jobs 1) and in a worker: a batch of raw JSONL
 * lines (or one whole file) in, the output rows as UTF-8 bytes out, and a message for each line refused.
 * Decoding is strict UTF-8 per line, so one badly encoded line is reported and the others are still scanned.
 */
import { scanDocument, type ScanOptions } from '../../core/corpus';
import { MAX_INPUT_BYTES, type InputBatch } from './input';

export interface ScanSettings extends ScanOptions {
  readonly textField: string;
  readonly idField: string;
  /** `hits`: only hit rows; `documents`: only document rows; `both`: document rows and, separately, hit rows. */
  readonly rows: 'documents' | 'hits' | 'both';
  readonly zhdocVersion: string;
  readonly lexiconSha256: string;
}

export interface ScanInput {
  /** Input order, for writing the results in that order. */
  readonly seq: number;
  /** A JSONL line, or a whole text file whose id is `name`. */
  readonly kind: 'line' | 'file';
  /** 1-based line number (lines) or the file's path relative to the folder (files): how errors name the input. */
  readonly where: string;
  readonly bytes: Uint8Array;
}

export interface ScanOutput {
  readonly seq: number;
  /** Document rows (newline-terminated JSON), or '' */
  readonly documents: string;
  /** Hit rows, or '' */
  readonly hits: string;
  /** Set when the input was refused; then `documents` and `hits` are empty. */
  readonly error?: string;
  /** Blank lines are skipped silently, as JSONL readers do. */
  readonly blank?: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function processInput(input: ScanInput, settings: ScanSettings): ScanOutput {
  const { seq } = input;
  let text: string;
  try {
    text = decoder.decode(input.bytes);
  } catch {
    return { seq, documents: '', hits: '', error: 'not valid UTF-8; convert it first, e.g. iconv -f GB18030 -t UTF-8' };
  }
  let id: unknown;
  let passed: Record<string, unknown> = {};
  if (input.kind === 'line') {
    if (/^\s*$/.test(text)) return { seq, documents: '', hits: '', blank: true };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { seq, documents: '', hits: '', error: `not JSON (${(e as Error).message})` };
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { seq, documents: '', hits: '', error: 'not a JSON object' };
    const record = value as Record<string, unknown>;
    const body = record[settings.textField];
    if (typeof body !== 'string') return { seq, documents: '', hits: '', error: `no "${settings.textField}" string field` };
    text = body;
    id = record[settings.idField];
    if (id === undefined || id === null) id = Number(input.where);
    else if (typeof id !== 'string' && typeof id !== 'number') return { seq, documents: '', hits: '', error: `"${settings.idField}" must be a string or a number` };
    passed = { ...record };
    delete passed[settings.textField];
    delete passed[settings.idField];
  } else {
    id = input.where;
  }
  let result;
  try {
    result = scanDocument(text, settings);
  } catch (e) {
    return { seq, documents: '', hits: '', error: `internal error: ${(e as Error).message}` };
  }
  let documents = '';
  if (settings.rows !== 'hits') {
    // zhdoc's own fields come after the passed-through ones and win over a field of the same name.
    const row = { id, ...passed, script: result.script, han_chars: result.han_chars, boilerplate: result.boilerplate, slogans: result.slogans, zhdoc_version: settings.zhdocVersion, lexicon_sha256: settings.lexiconSha256 };
    documents = JSON.stringify(row) + '\n';
  }
  let hits = '';
  if (settings.rows !== 'documents' && result.hits) {
    for (const h of result.hits) hits += JSON.stringify({ id, phrase: h.phrase, kind: h.kind, offset: h.offset, length: h.length, context: h.context, left: h.left, right: h.right }) + '\n';
  }
  return { seq, documents, hits };
}

/** A batch handed to a worker: its input moved in, and a buffer to write the output into, moved back with it. */
export interface BatchJob {
  readonly seq: number;
  readonly input: InputBatch;
  readonly out: Uint8Array;
}

export interface BatchResult {
  readonly seq: number;
  /** Document rows, UTF-8, a view of `out`'s buffer (or of a larger one when it did not fit). */
  readonly documents: Uint8Array;
  /** Hit rows, UTF-8, in the same buffer after the documents. */
  readonly hits: Uint8Array;
  /** Inputs refused, in input order: how to name them and why. */
  readonly errors: ReadonlyArray<{ readonly where: string; readonly kind: 'line' | 'file'; readonly message: string }>;
  /** Documents scanned (not refused, not blank). */
  readonly documentCount: number;
  /** The batch's input bytes, handed back for reuse. */
  readonly input: Uint8Array | undefined;
}

const encoder = new TextEncoder();

/** Encodes `a` then `b` into `out`, or into a larger buffer when they do not fit. */
function encodePair(a: string, b: string, out: Uint8Array): [Uint8Array, Uint8Array] {
  const tryInto = (buf: Uint8Array): [Uint8Array, Uint8Array] | undefined => {
    const x = encoder.encodeInto(a, buf);
    if (x.read < a.length) return undefined;
    const y = encoder.encodeInto(b, buf.subarray(x.written));
    if (y.read < b.length) return undefined;
    return [buf.subarray(0, x.written), buf.subarray(x.written, x.written + y.written)];
  };
  // A UTF-16 code unit takes at most 3 bytes in UTF-8, so the larger buffer always fits.
  return tryInto(out) ?? tryInto(new Uint8Array((a.length + b.length) * 3))!;
}

export function processBatch(job: BatchJob, settings: ScanSettings): BatchResult {
  const { input } = job;
  const errors: Array<{ where: string; kind: 'line' | 'file'; message: string }> = [];
  let documents = '';
  let hits = '';
  let documentCount = 0;
  const one = (output: ScanOutput, where: string, kind: 'line' | 'file'): void => {
    if (output.error) errors.push({ where, kind, message: output.error });
    else if (!output.blank) documentCount++;
    documents += output.documents;
    hits += output.hits;
  };
  if (!input.bytes) {
    const where = input.kind === 'lines' ? String(input.firstLine) : input.where;
    errors.push({ where, kind: input.kind === 'lines' ? 'line' : 'file', message: `longer than ${MAX_INPUT_BYTES / 1024 / 1024} MB; split it` });
  } else if (input.kind === 'file') {
    one(processInput({ seq: job.seq, kind: 'file', where: input.where, bytes: input.bytes }, settings), input.where, 'file');
  } else {
    const bytes = input.bytes;
    let line = input.firstLine;
    for (let start = 0; start < bytes.length; line++) {
      let nl = bytes.indexOf(0x0a, start);
      if (nl === -1) nl = bytes.length;
      const end = nl > start && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
      const where = String(line);
      one(processInput({ seq: job.seq, kind: 'line', where, bytes: bytes.subarray(start, end) }, settings), where, 'line');
      start = nl + 1;
    }
  }
  const [d, h] = encodePair(documents, hits, job.out);
  return { seq: job.seq, documents: d, hits: h, errors, documentCount, input: input.bytes };
}
