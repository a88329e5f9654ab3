// Generates src/core/generated/pinyinSpoken.ts, the data behind zhdoc's spoken forms of the reader's readings
// (src/core/pinyin/spoken.ts) and the hover's list of a polyphone's readings, from the same pinned packages as
// scripts/gen-pinyin-data.mjs (fetched with `npm pack` into node_modules/.cache) and from the committed
// src/core/generated/pinyinData.ts (the reader's polyphones and their readings):
//   NEUTRAL_LINES   words whose lexicon reading has a neutral tone (先生 xiānsheng) or an erhua 儿 (一块儿)
//                   that the reader's data writes in citation tones
//   YI_KEPT_WORDS   words in which 一 keeps yī before another syllable ("first": 一线, 一等奖, 一月), which the
//                   general 一 rules (after 第 or a numeral, before a numeral, at a word's end) do not cover
//   READING_LINES   for each polyphone whose list changes: its readings attested in real use, most common first
// Usage: node scripts/gen-pinyin-spoken.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fetchPackage, isHanWord, isSyllable, markToNum, SOURCES } from './pinyin-sources.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const complete = JSON.parse(readFileSync(join(fetchPackage(SOURCES.data), 'json/complete.json'), 'utf8'));
const cedict = (await import(pathToFileURL(join(fetchPackage(SOURCES.cedict), 'data/all.js')).href)).default.all;
const pinluRaw = require(join(fetchPackage(SOURCES.lexicon), 'statistics/pinyinFrequency.js'));

const base = (r) => r.slice(0, -1);

// ---------------------------------------------------------------- the reader's polyphones
const generated = readFileSync(join(root, 'src/core/generated/pinyinData.ts'), 'utf8');
const polyLines = JSON.parse(/export const POLYPHONE_LINES = (".*?");\n/s.exec(generated)[1]);
/** Polyphone → its readings in the reader's order (the default first). */
const polyphones = new Map();
for (const line of polyLines.split('\n')) {
  const ch = String.fromCodePoint(line.codePointAt(0));
  polyphones.set(ch, line.slice(ch.length + 1).split(' '));
}

// Characters the reader's data already writes neutral (gen-pinyin-data.mjs NEUTRAL_KEPT), and those whose tone
// changes are sandhi, not lexicon (spoken.ts applies them when the setting asks).
const NEUTRAL_KEPT = new Set([...'的了么呢着吗啊吧得地啦哟哦呗咯喔哩嘛呀们哪啰呐咧喽哇子卜']);
// 不's lexicon neutral tones (差不多 chàbuduō, 对不起 duìbuqǐ) are the dictionary's and kept.
const SANDHI_CHARS = new Set([...'一七八']);
const MAX_WORD = 8;

// ---------------------------------------------------------------- the lexicon, as the reader builds it
/** word → raw readings (neutral tones kept): complete.json, replaced by CC-CEDICT where it gives one reading. */
const words = new Map();
for (const [word, [py]] of Object.entries(complete)) {
  if (!isHanWord(word)) continue;
  const syl = py.split(' ').map(markToNum);
  if (syl.length === [...word].length && syl.every(isSyllable)) words.set(word, syl);
}
const cedictReadings = new Map();
for (const [, simp, py] of cedict) {
  if (!isHanWord(simp)) continue;
  const syl = py.toLowerCase().replace(/u:/g, 'v').split(' ');
  if (syl.length !== [...simp].length || !syl.every(isSyllable)) continue;
  const list = cedictReadings.get(simp) ?? [];
  if (!list.some((l) => l.join(' ') === syl.join(' '))) list.push(syl);
  cedictReadings.set(simp, list);
}
for (const [word, list] of cedictReadings) {
  const chars = [...word];
  if (chars.length < 2) continue;
  if (!words.has(word) && !(chars.length === 2 && chars[1] === '了')) words.set(word, list[0]);
  else if (words.has(word) && list.length === 1) words.set(word, list[0]);
}

// ---------------------------------------------------------------- neutral tones and erhua
/**
 * Per word, the code of its spoken syllables: a digit k for a neutral syllable at position k, `r` then k for an
 * erhua 儿 at k. A neutral syllable of a polyphone carries its base (`k:base`), so it is applied only where the
 * reader read that character with the same base (大夫 dàifu's fu, not a dà of another reading).
 */
const neutralByFirst = new Map();
let neutralCount = 0;
let erhuaCount = 0;
for (const [word, raw] of [...words].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const chars = [...word];
  if (chars.length < 2 || chars.length > MAX_WORD) continue;
  const code = [];
  chars.forEach((ch, k) => {
    const r = raw[k];
    if (!r.endsWith('5') || k === 0) return;
    if (ch === '儿') {
      // The erhua suffix: CC-CEDICT writes it r5, complete.json a neutral er. The reader's data already reads
      // CC-CEDICT's as r5; complete.json's only words it reads as er2.
      if (r === 'r5' || r === 'er5') {
        code.push(`r${k}`);
        erhuaCount++;
      }
      return;
    }
    if (NEUTRAL_KEPT.has(ch) || SANDHI_CHARS.has(ch)) return;
    const bases = new Set((polyphones.get(ch) ?? []).map(base));
    code.push(bases.size > 1 ? `${k}:${base(r)}` : `${k}`);
    neutralCount++;
  });
  if (code.length === 0) continue;
  const line = neutralByFirst.get(chars[0]) ?? [];
  line.push(chars.slice(1).join('') + code.join('.'));
  neutralByFirst.set(chars[0], line);
}
const neutralLines = [...neutralByFirst].map(([first, entries]) => first + entries.join(''));

// ---------------------------------------------------------------- 一 kept as yī
const NUMERAL_DIGITS = new Set([...'〇零一二三四五六七八九十两']);
/** Longest word of YI_KEPT_WORDS: 3 takes 一等奖, 一年级, 一号线. */
const YI_KEPT_MAX = 3;
/**
 * Words complete.json writes with yī where 一 is the numeral "one" before a measure (一声令下 yì shēng, 一层薄雾 yì
 * céng, 一甲子 yí jiǎzǐ): read by hand among the 50 short words it keeps yī in, the rest being ordinals (一线, 一审,
 * 一年级), counting (一传十, 一对一) and fixed phrases (一而再).
 */
const YI_MISSED_SANDHI = new Set(['一册', '一加仑', '一声', '一层', '一层楼', '一甲子', '一着']);
const yiKept = [];
for (const [word, [py]] of Object.entries(complete)) {
  const chars = [...word];
  // Only short words that open with 一: there 一 is the ordinal "first" (一线, 一等奖, 一月份). Inside longer
  // phrases complete.json's yī is often a missed sandhi (举国一致, 一线希望), and words are what the reader shows.
  if (!isHanWord(word) || chars.length < 2 || chars.length > YI_KEPT_MAX || chars[0] !== '一') continue;
  const syl = py.split(' ').map(markToNum);
  // The general rules already keep yī before a numeral.
  if (syl.length === chars.length && syl[0] === 'yi1' && !NUMERAL_DIGITS.has(chars[1]) && !YI_MISSED_SANDHI.has(word)) yiKept.push(word);
}
yiKept.sort();

// ---------------------------------------------------------------- readings in real use
/** Unihan kHanyuPinlu: reading counts in running text, per character (neutral tones as counted). */
const pinlu = new Map();
for (const [key, count] of Object.entries(pinluRaw)) {
  const ch = String.fromCodePoint(key.codePointAt(0));
  const m = pinlu.get(ch) ?? new Map();
  const r = markToNum(key.slice(ch.length));
  m.set(r, (m.get(r) ?? 0) + Number(count));
  pinlu.set(ch, m);
}
/** Frequency-weighted occurrences of each reading of each character over complete.json's words. */
const lexiconShare = new Map();
for (const [word, [py, freq]] of Object.entries(complete)) {
  const chars = [...word];
  const syl = py.split(' ');
  if (!isHanWord(word) || syl.length !== chars.length) continue;
  chars.forEach((ch, k) => {
    if (!polyphones.has(ch)) return;
    const m = lexiconShare.get(ch) ?? new Map();
    const r = markToNum(syl[k]);
    m.set(r, (m.get(r) ?? 0) + freq);
    lexiconShare.set(ch, m);
  });
}
/**
 * CC-CEDICT senses that give a reading no use of its own: another character's variant, a syllable bound to one
 * word (假 gēi "used in 假掰"), a cross-reference.
 */
const NO_OWN_SENSE = /^(?:(?:old |archaic |ancient )?variant of |used in |see |\(archaic\) variant|erhua variant of |(?:old )?form of )/i;
/** Character → readings CC-CEDICT gives a sense of its own, Simplified and Traditional headwords alike. */
const ownSense = new Map();
for (const [trad, simp, py, defs] of cedict) {
  if ([...simp].length !== 1) continue;
  const r = py.toLowerCase().replace(/u:/g, 'v');
  if (!isSyllable(r)) continue;
  const senses = (Array.isArray(defs) ? defs : [defs]).map(String);
  if (senses.every((d) => NO_OWN_SENSE.test(d))) continue;
  for (const ch of new Set([trad, simp])) ownSense.set(ch, new Set([...(ownSense.get(ch) ?? []), r]));
}
/**
 * Share of a character's lexicon occurrences that makes a reading real even without a sense of its own in
 * CC-CEDICT or running-text counts: 1 in 200 is far above a dictionary's archaic and dialect readings (行 hàng in
 * 树行子 is 0.001%) and below every reading a learner meets (觉 jiào, 4%; 着 zhāo, 0.2% but counted in running text).
 */
const MIN_LEXICON_SHARE = 0.005;
/** Running-text counts below this are too few to order readings by; the lexicon's shares order them instead. */
const MIN_PINLU_TOTAL = 50;

/** The reader's reading for a source reading: the reader's lists hold citation tones, except for particles. */
function inList(list, r) {
  if (list.includes(r)) return r;
  if (!r.endsWith('5')) return undefined;
  const same = list.filter((x) => base(x) === base(r));
  return same.length === 1 ? same[0] : undefined;
}

const readingLines = [];
let filtered = 0;
let reordered = 0;
for (const [ch, list] of polyphones) {
  const counts = new Map();
  const shares = new Map();
  for (const [r, n] of pinlu.get(ch) ?? []) {
    const x = inList(list, r);
    if (x) counts.set(x, (counts.get(x) ?? 0) + n);
  }
  const share = lexiconShare.get(ch) ?? new Map();
  const total = [...share.values()].reduce((a, b) => a + b, 0);
  for (const [r, f] of share) {
    const x = inList(list, r);
    if (x) shares.set(x, (shares.get(x) ?? 0) + f / total);
  }
  const own = new Set([...(ownSense.get(ch) ?? [])].map((r) => inList(list, r)).filter(Boolean));
  // A character none of the sources knows (rare, archaic) keeps the reader's list: there is nothing to judge by.
  if (counts.size === 0 && shares.size === 0 && own.size === 0) continue;
  const real = list.filter((r) => counts.has(r) || own.has(r) || (shares.get(r) ?? 0) >= MIN_LEXICON_SHARE);
  if (real.length === 0) continue;
  const pinluTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  const order = (r) => [pinluTotal >= MIN_PINLU_TOTAL ? (counts.get(r) ?? 0) / pinluTotal : 0, shares.get(r) ?? 0];
  real.sort((a, b) => {
    const [ca, sa] = order(a);
    const [cb, sb] = order(b);
    return cb - ca || sb - sa || list.indexOf(a) - list.indexOf(b);
  });
  if (real.join(' ') === list.join(' ')) continue;
  if (real.length < list.length) filtered++;
  else reordered++;
  readingLines.push(`${ch}${real.join(' ')}`);
}

const out = `// Generated by scripts/gen-pinyin-spoken.mjs from ${[SOURCES.data, SOURCES.cedict, SOURCES.lexicon].join(', ')} and src/core/generated/pinyinData.ts.
// Do not edit; run \`node scripts/gen-pinyin-spoken.mjs\`. Licence: CC BY-SA 4.0 (adapted from CC-CEDICT, with
// @pinyin-pro/data (ISC) and Unihan (Unicode licence)); see THIRD_PARTY_NOTICES.md.

/**
 * Words whose lexicon reading has a neutral tone or an erhua 儿 that the reading data writes otherwise, one line
 * per first character: the first character, then for each word the rest of the word and its code: a digit k for
 * a neutral syllable at position k (\`k:base\` when the character has readings of several bases), \`rk\` for an
 * erhua 儿 at position k; several codes are separated by \`.\`.
 */
export const NEUTRAL_LINES = ${JSON.stringify(neutralLines.join('\n'))};

/** Words in which 一 keeps yī before another syllable (an ordinal "first": 一线, 一等奖), separated by spaces. */
export const YI_KEPT_WORDS = ${JSON.stringify(yiKept.join(' '))};

/**
 * Polyphones whose readings in real use differ from the reading data's list (by membership or order): the
 * character, then those readings separated by spaces, most common first.
 */
export const READING_LINES = ${JSON.stringify(readingLines.join('\n'))};
`;
writeFileSync(join(root, 'src/core/generated/pinyinSpoken.ts'), out);
console.log(`neutral syllables: ${neutralCount}, erhua: ${erhuaCount} in ${neutralLines.reduce((n, l) => n + l.split(/[0-9:a-z.]+/).length - 1, 0)} words; 一 kept: ${yiKept.length} words`);
console.log(`readings: ${filtered} polyphones filtered, ${reordered} reordered; pinyinSpoken.ts ${(Buffer.byteLength(out) / 1024).toFixed(0)} KiB`);
