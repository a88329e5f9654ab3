/**
 * Inputs of `zhdoc scan`: batches of whole JSONL lines read straight into reusable buffers, or the text files of a
 * folder. The thread that reads never looks inside a line: it only finds the last newline of each buffer and
 * counts newlines, so with --jobs N it allocates next to nothing per document and the workers get the raw bytes.
 */
import { read, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A line or file longer than this is refused (reported, skipped) rather than held in memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Whole lines of a JSONL input (the last one may lack its newline), or one whole text file. */
export interface InputBatch {
  readonly kind: 'lines' | 'file';
  /** Lines: the 1-based number of the first line. */
  readonly firstLine: number;
  /** Files: the path relative to the folder. */
  readonly where: string;
  /** Undefined when a single line or file was too long: it is reported, not read. */
  readonly bytes: Uint8Array | undefined;
  /** Input bytes this batch stands for (a refused line's full length), for progress. */
  readonly size: number;
}

/**
 * Standard-size buffers handed back and forth between the reader and the workers (moved, never copied): a scan
 * allocates only as many as are in flight, instead of one per line that another thread frees, which made the
 * process's memory creep up with the corpus size.
 */
export class BufferPool {
  private readonly free: Uint8Array[] = [];
  constructor(readonly size: number) {}
  take(atLeast = 0): Uint8Array {
    if (atLeast > this.size) return new Uint8Array(atLeast);
    return this.free.pop() ?? new Uint8Array(this.size);
  }
  /** Takes back a buffer of the standard size; any other is left to the collector. */
  give(buffer: ArrayBufferLike): void {
    if (buffer.byteLength === this.size && this.free.length < 64) this.free.push(new Uint8Array(buffer));
  }
}

function readInto(fd: number, buffer: Uint8Array, offset: number): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, offset, buffer.length - offset, null, (e, n) => {
      if (!e) resolve(n);
      // A non-blocking descriptor inherited from the caller (a pipe or terminal): wait and try again.
      else if (e.code === 'EAGAIN') setTimeout(() => readInto(fd, buffer, offset).then(resolve, reject), 5);
      else reject(e);
    });
  });
}

/** The number of lines in `bytes`: its newlines, and one more for a last line without one. */
export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) n++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) n++;
  return n;
}

/**
 * The lines read from `fd`, in batches of whole lines that fill a pool buffer; a line longer than one buffer
 * gets a buffer of its own, and one longer than MAX_INPUT_BYTES is skipped and yielded without bytes.
 */
export async function* jsonlBatches(fd: number, pool: BufferPool): AsyncGenerator<InputBatch> {
  let buf = pool.take();
  let filled = 0;
  let eof = false;
  let nextLine = 1;
  while (!eof || filled > 0) {
    while (!eof && filled < buf.length) {
      const n = await readInto(fd, buf, filled);
      if (n === 0) eof = true;
      filled += n;
    }
    const cut = eof ? filled : buf.lastIndexOf(0x0a, filled - 1) + 1;
    if (cut === 0 && filled > MAX_INPUT_BYTES) {
      // One line longer than the limit: drop what is held and read on to its end without keeping it.
      let size = filled;
      filled = 0;
      for (;;) {
        const n = eof ? 0 : await readInto(fd, buf, 0);
        if (n === 0) {
          eof = true;
          break;
        }
        const nl = buf.subarray(0, n).indexOf(0x0a);
        if (nl === -1) {
          size += n;
          continue;
        }
        size += nl;
        buf.copyWithin(0, nl + 1, n);
        filled = n - nl - 1;
        break;
      }
      pool.give(buf.buffer);
      const next = pool.take(filled);
      next.set(buf.subarray(0, filled));
      buf = next;
      yield { kind: 'lines', firstLine: nextLine++, where: '', bytes: undefined, size };
      continue;
    }
    if (cut === 0) {
      // One line longer than the buffer: a buffer of its own, twice the size, up to just over the limit.
      const bigger = new Uint8Array(Math.min(buf.length * 2, MAX_INPUT_BYTES + 1));
      bigger.set(buf.subarray(0, filled));
      pool.give(buf.buffer);
      buf = bigger;
      continue;
    }
    const rest = filled - cut;
    const next = pool.take(rest);
    next.set(buf.subarray(cut, filled));
    const bytes = buf.subarray(0, cut);
    const firstLine = nextLine;
    // Counted before the batch is handed on: a worker takes its buffer away.
    nextLine += countLines(bytes);
    yield { kind: 'lines', firstLine, where: '', bytes, size: cut };
    buf = next;
    filled = rest;
  }
  pool.give(buf.buffer);
}

const TEXT_FILE = /\.(txt|text|md|markdown)$/i;

/** The text files under `folder` (recursively, sorted by path, skipping dot folders and node_modules). */
export function* folderFiles(folder: string): Generator<InputBatch> {
  const walk = (dir: string): string[] => {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...walk(path));
      else if (entry.isFile() && TEXT_FILE.test(entry.name)) out.push(path);
    }
    return out;
  };
  for (const path of walk(folder)) {
    const where = relative(folder, path).split(sep).join('/');
    const size = statSync(path).size;
    yield { kind: 'file', firstLine: 0, where, bytes: size > MAX_INPUT_BYTES ? undefined : new Uint8Array(readFileSync(path)), size };
  }
}
