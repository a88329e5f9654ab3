/**
 * One unit of `zhdoc scan` work, the same on the main thread (--jobs 1) and in a worker: bytes of a JSONL line
 * (or of a whole file) in, the output row(s) as JSON text out, or one message saying why the input was refused.
 * Decoding is strict UTF-8 per line, so one badly encoded line is reported and the others are still scanned.
 */
import { scanDocument, type ScanOptions } from '../../core/corpus';

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
