// Extracts from the compiled OpenCC tries (src/core/generated/opencc.bin and openccTries.ts) the whole of zhdoc's default t2s
// (config t2s:ext:zhdoc: CJK compatibility normalisation, TSPhrases + TSCharactersExt + TSCharacters, zhdoc's
// pins) as a small key → value table, src/core/generated/pinyinT2s.ts, which ships in the reading data
// (dist/vendor/pinyin.js). The pinyin reader, glosses and the hover convert Traditional words to Simplified
// with it, so a hover never loads OpenCC's 3.9 MB of dictionaries. Same entries as the engine by construction;
// test/unit/pinyin-t2s.test.ts checks that the results equal convertText(…, 't2s').
//   node scripts/gen-pinyin-t2s.mjs        (npm run gen:opencc runs it after gen-opencc-tries.mjs)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const CONFIG = 't2s:ext:zhdoc';
const source = readFileSync(join(root, 'src/core/generated/openccTries.ts'), 'utf8');
const bin = readFileSync(join(root, 'src/core/generated/opencc.bin'));
/** A typed array over a copy of bytes [at, at + length) of opencc.bin (a fresh, aligned buffer). */
const view = (Type, at, count) => new Type(bin.buffer.slice(bin.byteOffset + at, bin.byteOffset + at + count * Type.BYTES_PER_ELEMENT));

const alphabet = view(Uint16Array, 0, 65536);
/** Code → code unit (the inverse of the alphabet). */
const unitOf = new Map();
alphabet.forEach((code, unit) => { if (code) unitOf.set(code, unit); });

const configsAt = source.indexOf('export const CONFIGS');
const configJson = source.slice(source.indexOf('=', configsAt) + 1, source.indexOf('};', configsAt) + 1);
const config = JSON.parse(configJson)[CONFIG];
if (!config || config.segmentation || config.fused || config.chain.length !== 1) throw new Error(`${CONFIG}: expected one unsegmented group`);

/** Every key of a compiled trie with its value, from the double array (each slot's parent is check[slot]). */
function entriesOf(id) {
  const line = new RegExp(`^  ${id}: \\{ at: (\\d+), size: (\\d+), values: (\\d+), units: (\\d+) \\},$`, 'm').exec(source);
  if (!line) throw new Error(`no trie ${id}`);
  const [at, size, values, units] = line.slice(1).map(Number);
  const base = view(Int32Array, at, size);
  const check = view(Int32Array, at + 4 * size, size);
  const value = view(Int32Array, at + 8 * size, size);
  const offsets = view(Uint32Array, at + 12 * size, values + 1);
  const pool = Buffer.from(bin.buffer, bin.byteOffset + at + 12 * size + 4 * (values + 1), 2 * units).toString('utf16le');
  const keys = new Map([[0, '']]);
  const keyOf = (s) => {
    let k = keys.get(s);
    if (k === undefined) {
      const parent = check[s];
      k = keyOf(parent) + String.fromCharCode(unitOf.get(s - base[parent]));
      keys.set(s, k);
    }
    return k;
  };
  const out = new Map();
  for (let s = 1; s < value.length; s++) {
    if (check[s] < 0 || value[s] < 0) continue;
    const i = value[s] >> 1;
    out.set(keyOf(s), pool.slice(offsets[i], offsets[i + 1]));
  }
  return out;
}

const codePoints = (s) => [...s].length;

// Normalisation: one code point to one (the compatibility ideographs), applied to the whole text first.
const normalization = new Map();
for (const id of config.normalization) {
  for (const [k, v] of entriesOf(id)) {
    if (codePoints(k) !== 1) throw new Error(`${CONFIG}: normalisation key ${k} is not one character`);
    if (!normalization.has(k)) normalization.set(k, v);
  }
}
if (config.normalization.length > 1) throw new Error(`${CONFIG}: more than one normalisation group`);

// The group, with the pins merged in: the engine takes the longest of the two matches, a pin winning a tie, which
// over one table is the longest key, a pinned value replacing the dictionary's for the same key.
const table = entriesOf(config.chain[0]);
if (config.pins) for (const [k, v] of entriesOf(config.pins)) table.set(k, v);

const characters = [];
const phrases = new Map();
let maxPhrase = 0;
for (const [k, v] of [...table].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  const chars = [...k];
  if (chars.length === 1) {
    // A character that stays itself needs no entry: an unmatched character passes unchanged all the same.
    if (v !== k) characters.push(k + '\u001f' + v);
    continue;
  }
  // Phrases stay even when they convert to themselves: they stop their characters converting (乾隆 keeps 乾).
  maxPhrase = Math.max(maxPhrase, chars.length);
  const list = phrases.get(chars[0]) ?? [];
  list.push(chars.slice(1).join('') + '\u001f' + v);
  phrases.set(chars[0], list);
}
const normalizationPairs = [...normalization].filter(([k, v]) => k !== v).map(([k, v]) => k + '\u001f' + v);
for (const entry of [...characters, ...normalizationPairs, ...[...phrases.values()].flat()]) {
  if (entry.includes('\u001e') || entry.includes('\n') || entry.split('\u001f').length !== 2) throw new Error(`separator inside entry ${entry}`);
}

const body = `// Generated by scripts/gen-pinyin-t2s.mjs from src/core/generated/openccTries.ts (OpenCC's dictionaries, Apache-2.0,
// with zhdoc's layers). Do not edit; run \`npm run gen:opencc\`.

/** Longest phrase key, in code points. */
export const T2S_MAX_PHRASE = ${maxPhrase};

/** Normalisation applied first, one character to one (CJK compatibility ideographs): "from U+001F to", U+001E between. */
export const T2S_NORMALIZATION = ${JSON.stringify(normalizationPairs.join('\u001e'))};

/** Characters that convert: "Traditional U+001F Simplified", U+001E between. */
export const T2S_CHARACTERS = ${JSON.stringify(characters.join('\u001e'))};

/**
 * Phrases (two code points or more), one line per first character: the first character, then entries separated by
 * U+001E, each "rest of the phrase U+001F its conversion" (some convert to themselves, which stops their characters
 * converting one by one).
 */
export const T2S_PHRASES = ${JSON.stringify([...phrases].map(([first, list]) => first + list.join('\u001e')).join('\n'))};
`;
writeFileSync(join(root, 'src/core/generated/pinyinT2s.ts'), body);
console.log(`pinyinT2s.ts: ${characters.length} characters, ${[...phrases.values()].reduce((n, l) => n + l.length, 0)} phrases (longest ${maxPhrase}), ${normalizationPairs.length} normalisations; ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`);
