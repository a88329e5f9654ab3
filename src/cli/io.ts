/** Input, output and failure conventions shared by every CLI command. */
import { readFileSync, statSync } from 'node:fs';

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** A file that cannot be read or decoded: one line on stderr, exit code 1. */
export class InputError extends Error {}

/**
 * Reads FILE, or standard input when no file (or `-`) is given, as strict UTF-8: a file that is not UTF-8 is
 * refused rather than silently turned into U+FFFD, which would lose the original bytes on the way out.
 */
export function readInput(file: string | undefined): string {
  let bytes: Buffer;
  const name = file === undefined || file === '-' ? 'standard input' : file;
  try {
    if (name !== 'standard input' && statSync(file!).isDirectory()) throw new InputError(`${file}: is a directory, not a file`);
    bytes = readFileSync(name === 'standard input' ? 0 : file!);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : (e as Error).message;
    throw new InputError(`${name}: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(`${name}: not valid UTF-8 (first bad byte at offset ${at}); convert it first, e.g. iconv -f GB18030 -t UTF-8`);
  }
}

/** Byte offset of the first byte that does not decode (a genuine U+FFFD in the file is skipped). */
function firstInvalidUtf8(bytes: Buffer): number {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  for (let i = lossy.indexOf('\ufffd'); i !== -1; i = lossy.indexOf('\ufffd', i + 1)) {
    const at = Buffer.byteLength(lossy.slice(0, i));
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return 0;
}

/** Writes to stdout; a closed pipe (`zhdoc … | head`) ends the process quietly. */
export function writeOutput(text: string): void {
  process.stdout.write(text);
}
