/** Input, output and failure conventions shared by every CLI command. */
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, write, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEncoding, encodingName, UTF8_BOM } from '../core/encoding';

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** A file that cannot be read or decoded: one line on stderr, exit code 1. */
export class InputError extends Error {}

/** The `--encoding` option every text command takes. */
export const ENCODING_OPTION = { encoding: { type: 'string', short: 'e' } } as const;

/** Bytes read before the encoding is decided: enough of a file to tell UTF-8 from GB18030. */
const DETECT_BYTES = 1024 * 1024;

/** Bytes per read from the input. */
const READ_BYTES = 1024 * 1024;

/**
 * Text handed to a command at once: pieces end after a line break once they pass this size, so memory stays
 * bounded whatever the file's size (a 200 MB file is read as some thousand pieces).
 */
export const PIECE_CHARS = 256 * 1024;

/**
 * A line longer than this is cut where the command allows (see InputText.pieces), so a file without line
 * breaks (1 GB of one run) is still read in bounded memory.
 */
export const MAX_PIECE_CHARS = 2 * PIECE_CHARS;

function inputName(file: string | undefined): string {
  return file === undefined || file === '-' ? 'standard input' : file;
}

function readFailure(name: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : (e as Error).message;
  return new InputError(`${name}: ${why}`);
}

/** The decoder for `label` (from --encoding) or for what the first bytes show; refuses what fits neither. */
function chooseEncoding(name: string, label: string | undefined, head: Uint8Array, complete: boolean): { encoding: string; bom: boolean } {
  if (label !== undefined) {
    const encoding = encodingName(label);
    if (!encoding) throw new UsageError(`unknown --encoding "${label}"; use e.g. utf-8, gb18030, gbk, big5, utf-16le, utf-16be`);
    const detected = detectEncoding(head, complete);
    return { encoding, bom: detected?.bom === true && detected.encoding === encoding };
  }
  const detected = detectEncoding(head, complete);
  if (!detected) throw new InputError(`${name}: neither UTF-8 nor GB18030 (first bad byte at offset ${firstInvalidUtf8(head)}); give its encoding with --encoding, e.g. --encoding big5`);
  return detected;
}

function undecodable(name: string, encoding: string, at: number): InputError {
  const what = encoding === 'utf-8' ? 'not valid UTF-8' : `not valid ${encoding.toUpperCase()}`;
  return new InputError(`${name}: ${what} (first bad byte at offset ${at}); give its encoding with --encoding, e.g. --encoding gb18030`);
}

/**
 * Refuses binary input: a text file has no NUL (a UTF-16 file without byte order mark is the one text that
 * does, and --encoding utf-16le reads it). Piping /dev/zero in ends at once instead of running for ever.
 */
function refuseBinary(name: string, text: string, base: number): void {
  const at = text.indexOf('\u0000');
  if (at !== -1) throw new InputError(`${name}: looks binary (a NUL character at offset ${base + at}), not a text file; if it is UTF-16 without a byte order mark, give --encoding utf-16le`);
}

/**
 * Reads FILE, or standard input when no file (or `-`) is given, whole, in the encoding given or detected
 * (UTF-8 with or without BOM, UTF-16 with BOM, GB18030): bytes that do not decode are refused rather than
 * silently turned into U+FFFD, which would lose the original bytes on the way out.
 */
export function readInput(file: string | undefined, label?: string): string {
  const name = inputName(file);
  let bytes: Buffer;
  try {
    if (name !== 'standard input' && statSync(file!).isDirectory()) throw new InputError(`${file}: is a directory, not a file`);
    bytes = readFileSync(name === 'standard input' ? 0 : file!);
  } catch (e) {
    throw readFailure(name, e);
  }
  const { encoding } = chooseEncoding(name, label, bytes, true);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw undecodable(name, encoding, encoding === 'utf-8' ? firstInvalidUtf8(bytes) : 0);
  }
  refuseBinary(name, text, 0);
  return text;
}

/** Byte offset of the first byte that does not decode (a genuine U+FFFD in the file is skipped). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  for (let i = lossy.indexOf('\ufffd'); i !== -1; i = lossy.indexOf('\ufffd', i + 1)) {
    const at = Buffer.byteLength(lossy.slice(0, i));
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return 0;
}

/**
 * Where a command may cut a piece of text that has no line break in the first MAX_PIECE_CHARS: an offset in
 * (0, text.length]. The default cuts after the last space or punctuation, else at a code point boundary.
 */
export type CutRule = (text: string) => number;

export const cutAfterSpaceOrPunctuation: CutRule = (text) => {
  for (let i = text.length - 1; i > text.length / 2; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || (c >= 0x3001 && c <= 0x3002) || c === 0xff0c || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x2c || c === 0x2e) return i + 1;
  }
  return codePointCut(text, text.length);
};

/** `at`, moved back so it splits neither a surrogate pair nor a CRLF. */
export function codePointCut(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (at > 0 && at < text.length && ((c >= 0xdc00 && c <= 0xdfff) || (c === 0x0a && text.charCodeAt(at - 1) === 0x0d))) return at - 1;
  return at;
}

/** An input opened for streaming: its encoding is decided from the first bytes. */
export interface InputText {
  readonly name: string;
  readonly encoding: string;
  /** The input began with a byte order mark (dropped from the text, as VS Code does: offsets match the editor's). */
  readonly bom: boolean;
  /**
   * The decoded text in pieces, in order: each ends after a line break (`\n`), at the end of the input, or, for
   * a line longer than MAX_PIECE_CHARS, where `cut` says. Concatenated, they are the whole text.
   */
  pieces(cut?: CutRule, maxChars?: number): AsyncGenerator<string>;
}

/** Opens FILE or standard input for reading in pieces (see InputText); a second call to pieces() reads it again. */
export async function openInput(file: string | undefined, label?: string, displayName?: string): Promise<InputText> {
  const name = displayName ?? inputName(file);
  const path: string | undefined = file === undefined || file === '-' ? undefined : file;
  try {
    if (path !== undefined && statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
    if (path !== undefined) closeSync(openSync(path, 'r'));
  } catch (e) {
    throw readFailure(name, e);
  }
  // The first bytes decide the encoding; standard input cannot be read twice, so they are kept for the first read.
  let stdin: AsyncIterator<Buffer> | undefined = path === undefined ? (createReadStream('', { fd: 0, highWaterMark: READ_BYTES })[Symbol.asyncIterator]() as AsyncIterator<Buffer>) : undefined;
  const head: Buffer[] = [];
  let headBytes = 0;
  let complete = false;
  const source = stdin ?? (createReadStream(path!, { highWaterMark: READ_BYTES, end: DETECT_BYTES - 1 })[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  try {
    while (headBytes < DETECT_BYTES) {
      const next = await source.next();
      if (next.done) {
        complete = path === undefined || statSync(path).size <= headBytes;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
  } catch (e) {
    throw readFailure(name, e);
  }
  if (path !== undefined && !complete) complete = statSync(path).isFile() && statSync(path).size <= headBytes;
  const { encoding, bom } = chooseEncoding(name, label, Buffer.concat(head), complete);
  let used = false;
  async function* bytes(): AsyncGenerator<Buffer> {
    if (path === undefined) {
      if (used) throw new Error('standard input read twice');
      used = true;
      yield* head;
      for (let next = await stdin!.next(); !next.done; next = await stdin!.next()) yield next.value;
      stdin = undefined;
      return;
    }
    for await (const chunk of createReadStream(path, { highWaterMark: READ_BYTES })) yield chunk as Buffer;
  }
  async function* pieces(cut: CutRule = cutAfterSpaceOrPunctuation, maxChars: number = MAX_PIECE_CHARS): AsyncGenerator<string> {
    const target = Math.max(1, Math.floor(maxChars / 2));
    const decoder = new TextDecoder(encoding, { fatal: true });
    let pending = '';
    let bytesRead = 0;
    let charsOut = 0;
    const decode = (chunk: Uint8Array | undefined): string => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw undecodable(name, encoding, bytesRead);
      }
    };
    try {
      for await (const chunk of bytes()) {
        let text = decode(chunk);
        bytesRead += chunk.length;
        if (charsOut === 0 && pending === '' && text.charCodeAt(0) === 0xfeff && bom) text = text.slice(1);
        refuseBinary(name, text, charsOut + pending.length);
        pending += text;
        yield* take(false);
      }
    } catch (e) {
      throw readFailure(name, e);
    }
    pending += decode(undefined);
    yield* take(true);

    /**
     * The pieces `pending` holds: each ends after a line break once past `target`, or, with no line break in the
     * first `maxChars`, where `cut` says; at the end of the input the rest, cut the same way while it is longer
     * than `maxChars` (a last read can add a whole chunk to what is pending).
     */
    function* take(final: boolean): Generator<string> {
      while (pending.length >= target || (final && pending.length > 0)) {
        if (final && pending.length <= maxChars) {
          charsOut += pending.length;
          yield pending;
          pending = '';
          return;
        }
        const lineEnd = pending.lastIndexOf('\n', maxChars);
        const at = lineEnd !== -1 ? lineEnd + 1 : pending.length >= maxChars ? Math.max(1, cut(pending.slice(0, maxChars))) : -1;
        if (at === -1) return;
        const piece = pending.slice(0, at);
        pending = pending.slice(at);
        charsOut += piece.length;
        yield piece;
      }
    }
  }
  return { name, encoding, bom, pieces };
}

/**
 * Standard input copied to a temporary file, for a command that must read its input twice (script: the counts
 * decide which characters are the minority); the file is removed when `use` ends.
 */
export async function withRereadableInput<T>(file: string | undefined, use: (file: string | undefined, name?: string) => Promise<T>): Promise<T> {
  if (file !== undefined && file !== '-') return use(file);
  const dir = mkdtempSync(join(tmpdir(), 'zhdoc-'));
  const copy = join(dir, 'stdin');
  try {
    const out = createWriteStream(copy);
    for await (const chunk of createReadStream('', { fd: 0, highWaterMark: READ_BYTES })) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return await use(copy, 'standard input');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The UTF-8 byte order mark, to write first when the input had one. */
export function writeBom(): void {
  writeBytes(UTF8_BOM);
}

/** Writes to stdout; a closed pipe (`zhdoc … | head`) ends the process quietly. */
export function writeOutput(text: string): void {
  writeBytes(Buffer.from(text, 'utf8'));
}

/**
 * What every writer of the CLI does with a failed write: a non-blocking descriptor inherited from the caller (a
 * pipe or terminal) that is full is waited on and retried; a closed pipe (`zhdoc … | head`) ends the process
 * quietly with exit 0, since the reader asked for no more; anything else is the caller's to report.
 */
function retryAfterWriteError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'EAGAIN') return true;
  if (code === 'EPIPE') process.exit(0);
  return false;
}

/** How long a writer waits for a full non-blocking pipe before trying again. */
const FULL_PIPE_WAIT_MS = 5;

/**
 * Writes synchronously to file descriptor 1, so output never piles up in memory ahead of a slow reader (the
 * streaming commands write some hundred pieces).
 */
function writeBytes(bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (e) {
      if (!retryAfterWriteError(e)) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, FULL_PIPE_WAIT_MS);
    }
  }
}

/**
 * Writes all of `bytes` to descriptor `fd` without blocking the thread, for a command that keeps receiving
 * results from workers while a slow reader drains its output; the wait for each write is what bounds memory.
 * Same failure rules as the synchronous writer.
 */
export function writeBytesTo(fd: number, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const from = (offset: number): void => {
      if (offset >= bytes.length) return resolve();
      write(fd, bytes, offset, bytes.length - offset, null, (e, n) => {
        if (!e) from(offset + n);
        else if (retryAfterWriteError(e)) setTimeout(() => from(offset), FULL_PIPE_WAIT_MS);
        else reject(e);
      });
    };
    from(0);
  });
}
