/** Locates the shared evaluation corpus: `--corpus PATH`, else $ZHDOC_CORPUS, else ../shared/corpus. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function corpusDir(argv: readonly string[] = process.argv): string {
  const at = argv.indexOf('--corpus');
  const dir = resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : process.env.ZHDOC_CORPUS ?? resolve(__dirname, '../../../shared/corpus'));
  if (!existsSync(dir)) {
    console.error(`corpus not found at ${dir}; pass --corpus PATH (the zhdoc development corpus, see its README)`);
    process.exit(2);
  }
  return dir;
}

/** Parses JSON that may carry trailing commas, as OpenCC's testcases.json does. */
export function parseLenientJson(text: string): unknown {
  return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
}
