/** Inputs of `zhdoc scan`: the lines of a JSONL stream as bytes, or the text files of a folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';

/** A line or file longer than this is refused (reported, skipped) rather than held in memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface RawInput {
  readonly kind: 'line' | 'file';
  readonly where: string;
  /** Undefined when the input was too long: it is reported, not read. */
  readonly bytes: Uint8Array | undefined;
  readonly size: number;
}

/** The lines of `stream` (split on \n, a \r before it dropped), each copied into its own buffer. */
export async function* jsonlLines(stream: Readable): AsyncGenerator<RawInput> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let line = 0;
  const finish = (last: Buffer): RawInput => {
    line++;
    const size = partBytes + last.length;
    if (size > MAX_INPUT_BYTES) tooLong = true;
    let bytes: Uint8Array | undefined;
    if (!tooLong) {
      const all = parts.length ? Buffer.concat([...parts, last], size) : last;
      const end = all.length > 0 && all[all.length - 1] === 0x0d ? all.length - 1 : all.length;
      bytes = new Uint8Array(end);
      bytes.set(all.subarray(0, end));
    }
    parts = [];
    partBytes = 0;
    const wasTooLong = tooLong;
    tooLong = false;
    return { kind: 'line', where: String(line), bytes: wasTooLong ? undefined : bytes, size };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      yield finish(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      partBytes += rest.length;
      if (partBytes > MAX_INPUT_BYTES) tooLong = true;
      if (!tooLong) parts.push(rest);
      else parts = [];
    }
  }
  if (partBytes > 0 || parts.length > 0 || tooLong) yield finish(Buffer.alloc(0));
}

const TEXT_FILE = /\.(txt|text|md|markdown)$/i;

/** The text files under `folder` (recursively, sorted by path, skipping dot folders and node_modules). */
export function* folderFiles(folder: string): Generator<RawInput> {
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
    yield { kind: 'file', where, bytes: size > MAX_INPUT_BYTES ? undefined : new Uint8Array(readFileSync(path)), size };
  }
}
