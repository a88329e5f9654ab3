/** What the benchmarks share: the evaluation corpus and the measuring helpers. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Locates the shared evaluation corpus: `--corpus PATH`, else $ZHDOC_CORPUS, else ../shared/corpus. */
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

/** `source` repeated and cut to `bytes` of UTF-8: real text at the size a benchmark needs. */
export function sized(source: string, bytes: number): string {
  let text = source;
  while (Buffer.byteLength(text) < bytes) text += '\n' + source;
  let cut = Math.floor((text.length * bytes) / Buffer.byteLength(text));
  while (Buffer.byteLength(text.slice(0, cut)) > bytes) cut -= 1000;
  return text.slice(0, cut);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Milliseconds `f` takes. */
export function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Mulberry32: a small seeded PRNG, so a bench plants and generates the same data in every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
