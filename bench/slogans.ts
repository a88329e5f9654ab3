/**
 * Slogan marking on the official-discourse texts of the corpus (`discourse/`), against the naive rule "a phrase
 * quoted at least twice is a slogan, marked wherever it occurs", computed in the same run:
 *  - recall: the share of listed phrases (`slogans.jsonl`: the known phrases counted per file and the phrases
 *    quoted at least twice) whose every occurrence is covered by a marked span; an occurrence is covered when
 *    all its non-space characters are marked; occurrences inside boilerplate lines do not count;
 *  - the share of the text that marked spans cover (a tool that marks everything is no use);
 *  - the same recall on Traditional copies of the texts (OpenCC s2t), where the conversion keeps the length;
 *  - the top 20 discovered phrases of each file, for judging precision by hand;
 *  - the seed article: the phrases that must be marked and a footer that must not be;
 *  - speed on 1 MB and 10 MB, with the naive method (indexOf for every lexicon form, plus the quoted rule) as
 *    baseline in the same run.
 * Boilerplate lines (src/core/boilerplate.ts) are excluded as the editor will exclude them; `--keep-boilerplate`
 * turns that off.
 * Usage: npm run bench:slogans [-- --corpus PATH] [--keep-boilerplate] [--quick] [--all-discovered]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectBoilerplate } from '../src/core/boilerplate';
import { convertText } from '../src/core/convert';
import { builtinSloganLexicon, findSlogans, lineBlocksToRanges, markedMask, sloganCoverage, type OffsetRange } from '../src/core/slogans';
import { corpusDir, median, sized, time } from './corpus';

const argv = process.argv;
const corpus = corpusDir();
const quick = argv.includes('--quick');
const keepBoilerplate = argv.includes('--keep-boilerplate');
const allDiscovered = argv.includes('--all-discovered');
const MB = 1024 * 1024;

interface Record {
  file: string;
  slogan_counts: { [phrase: string]: number };
  repeated_quoted_phrases: { [phrase: string]: number };
}

const records: Record[] = readFileSync(join(corpus, 'discourse/slogans.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Record);

function excludedRanges(text: string): OffsetRange[] {
  return keepBoilerplate ? [] : lineBlocksToRanges(text, detectBoilerplate(text).blocks);
}

function occurrencesOf(text: string, phrase: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) at.push(i);
  return at;
}

function insideAny(ranges: readonly OffsetRange[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

/** True when every occurrence of `phrase` outside excluded ranges has all its non-space units marked. */
function fullyCovered(text: string, phrase: string, marked: Uint8Array, excluded: readonly OffsetRange[]): boolean {
  for (const at of occurrencesOf(text, phrase)) {
    if (insideAny(excluded, at, at + phrase.length)) continue;
    for (let i = at; i < at + phrase.length; i++) if (!marked[i] && !/\s/.test(text[i]!)) return false;
  }
  return true;
}

/** The naive rule: phrases of 2–14 characters quoted with “” or ‘’ at least twice, marked at every occurrence. */
function naiveMask(text: string, excluded: readonly OffsetRange[]): Uint8Array {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/“([^“”\n]{2,14})”|‘([^‘’\n]{2,14})’/g)) {
    if (insideAny(excluded, m.index, m.index + m[0].length)) continue;
    const phrase = m[1] ?? m[2]!;
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  const marked = new Uint8Array(text.length);
  for (const [phrase, count] of counts) {
    if (count < 2) continue;
    for (const at of occurrencesOf(text, phrase)) if (!insideAny(excluded, at, at + phrase.length)) marked.fill(1, at, at + phrase.length);
  }
  return marked;
}

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

console.log(`zhdoc slogan benchmark on ${records.length} discourse files${keepBoilerplate ? ' (boilerplate kept)' : ' (boilerplate lines excluded)'}\n`);
console.log('| file | listed | zhdoc covered | naive covered | known listed / covered | quoted listed / covered | text marked | Han marked | discovered |');
console.log('|---|---|---|---|---|---|---|---|---|');
const total = { listed: 0, covered: 0, naive: 0, knownListed: 0, knownCovered: 0, quotedListed: 0, quotedCovered: 0, union: 0, unionCovered: 0, unionNaive: 0, units: 0, marked: 0, han: 0, markedHan: 0 };
const listings: string[] = [];
const misses: string[] = [];
for (const r of records) {
  const text = readFileSync(join(corpus, 'discourse/texts', r.file), 'utf8');
  const excluded = excludedRanges(text);
  const slogans = findSlogans(text, { excludedRanges: excluded });
  const marked = markedMask(text.length, slogans);
  const naive = naiveMask(text, excluded);
  const known = Object.keys(r.slogan_counts);
  const quoted = Object.keys(r.repeated_quoted_phrases);
  const knownCovered = known.filter((p) => fullyCovered(text, p, marked, excluded));
  const quotedCovered = quoted.filter((p) => fullyCovered(text, p, marked, excluded));
  const naiveCovered = [...known, ...quoted].filter((p) => fullyCovered(text, p, naive, excluded)).length;
  const union = [...new Set([...known, ...quoted])];
  total.union += union.length;
  total.unionCovered += union.filter((p) => fullyCovered(text, p, marked, excluded)).length;
  total.unionNaive += union.filter((p) => fullyCovered(text, p, naive, excluded)).length;
  for (const p of [...known.filter((k) => !knownCovered.includes(k)), ...quoted.filter((q) => !quotedCovered.includes(q))]) misses.push(`${r.file}: ${p}`);
  const cov = sloganCoverage(text, slogans);
  const discovered = slogans.filter((s) => s.kind === 'discovered');
  const listed = known.length + quoted.length;
  const covered = knownCovered.length + quotedCovered.length;
  total.listed += listed;
  total.covered += covered;
  total.naive += naiveCovered;
  total.knownListed += known.length;
  total.knownCovered += knownCovered.length;
  total.quotedListed += quoted.length;
  total.quotedCovered += quotedCovered.length;
  total.units += cov.totalUnits;
  total.marked += cov.markedUnits;
  total.han += cov.totalHan;
  total.markedHan += cov.markedHan;
  console.log(`| ${r.file} | ${listed} | ${pct(covered, listed)} | ${pct(naiveCovered, listed)} | ${known.length} / ${knownCovered.length} | ${quoted.length} / ${quotedCovered.length} | ${pct(cov.markedUnits, cov.totalUnits)} | ${pct(cov.markedHan, cov.totalHan)} | ${discovered.length} |`);
  const top = allDiscovered ? discovered : discovered.slice(0, 20);
  listings.push(`${r.file}: ${top.map((s) => `${s.phrase} ×${s.count} (${s.method})`).join(', ') || '—'}`);
}
console.log(`| **all** | ${total.listed} | **${pct(total.covered, total.listed)}** | ${pct(total.naive, total.listed)} | ${total.knownListed} / ${total.knownCovered} | ${total.quotedListed} / ${total.quotedCovered} | **${pct(total.marked, total.units)}** | ${pct(total.markedHan, total.han)} | |`);
console.log(`\nListed phrases covered (each list entry counted; bar ≥ 90%): zhdoc ${pct(total.covered, total.listed)}, naive quoted-twice rule ${pct(total.naive, total.listed)}`);
console.log(`Distinct phrases per file covered (a phrase on both lists once): zhdoc ${pct(total.unionCovered, total.union)}, naive ${pct(total.unionNaive, total.union)}`);
console.log(`Text covered by marked spans (bar ≤ 25%): ${pct(total.marked, total.units)} of UTF-16 units, ${pct(total.markedHan, total.han)} of Han characters`);
// The same texts in Traditional script: the listed phrases stay at the same offsets when s2t keeps the length.
const trad = { listed: 0, covered: 0, files: 0, skipped: 0 };
for (const r of records) {
  const text = readFileSync(join(corpus, 'discourse/texts', r.file), 'utf8');
  const traditional = convertText(text, 's2t');
  if (traditional.length !== text.length) {
    trad.skipped++;
    continue;
  }
  trad.files++;
  const excluded = excludedRanges(traditional);
  const marked = markedMask(traditional.length, findSlogans(traditional, { excludedRanges: excluded }));
  for (const p of [...Object.keys(r.slogan_counts), ...Object.keys(r.repeated_quoted_phrases)]) {
    trad.listed++;
    if (fullyCovered(text, p, marked, excluded)) trad.covered++;
  }
}
console.log(`Same on Traditional copies (s2t, ${trad.files} files${trad.skipped ? `, ${trad.skipped} skipped: conversion changed their length` : ''}): ${pct(trad.covered, trad.listed)} of ${trad.listed}`);
console.log(`\nListed phrases not fully covered (${misses.length}):\n  ${misses.join('\n  ') || '—'}`);
console.log(`\n${allDiscovered ? 'All' : 'Top 20'} discovered phrases per file, most frequent first (judge precision by hand):`);
for (const l of listings) console.log(`  ${l}`);

// The seed article: Traditional script with Simplified leftovers, boilerplate header and footer.
const seedText = readFileSync(join(corpus, 'seed/zjxu-baba-2023.txt'), 'utf8');
const seedExcluded = excludedRanges(seedText);
const seed = findSlogans(seedText, { excludedRanges: seedExcluded });
const seedMarked = markedMask(seedText.length, seed);
console.log('\nSeed article (seed/zjxu-baba-2023.txt):');
const mustMark: Array<[string, number | undefined]> = [
  ['八八戰略', 8],
  ['創新深化、改革攻堅、開放提升', undefined],
  ['幹在實處、走在前列、勇立潮頭', undefined],
  ['兩個先行', undefined],
  ['重要窗口', undefined],
  ['地瓜經濟', undefined],
  ['一号發展工程', undefined],
];
let seedOk = true;
for (const [phrase, expected] of mustMark) {
  const at = occurrencesOf(seedText, phrase);
  const covered = at.filter((i) => [...Array(phrase.length).keys()].every((k) => seedMarked[i + k] === 1));
  const ok = at.length > 0 && covered.length === at.length && (expected === undefined || at.length === expected);
  seedOk &&= ok;
  console.log(`  ${ok ? 'ok ' : 'BAD'} ${phrase}: ${covered.length}/${at.length} occurrences marked${expected !== undefined ? ` (expected ${expected})` : ''}`);
}
const footer = seedText.indexOf('聯系我們');
const footerMarks = seed.flatMap((s) => s.occurrences.filter((o) => o.offset + o.length > footer).map(() => s.phrase));
seedOk &&= footer > 0 && footerMarks.length === 0;
console.log(`  ${footerMarks.length === 0 ? 'ok ' : 'BAD'} footer (聯系我們 to the end): ${footerMarks.length} marks${footerMarks.length ? ` (${footerMarks.join(', ')})` : ''}`);
console.log(`  boilerplate excluded: ${seedExcluded.length} ranges; slogans: ${seed.map((s) => `${s.phrase} ×${s.count}`).join(', ')}`);
console.log(`  seed checks: ${seedOk ? 'all pass' : 'FAILED'}`);

// Speed: the core on real text repeated to size, against the naive method in the same run.
const discourse = records.map((r) => readFileSync(join(corpus, 'discourse/texts', r.file), 'utf8')).join('\n') + '\n' + seedText;
const forms = builtinSloganLexicon().flatMap((e) => [e.phrase, ...e.abbreviations]);
function naiveMethod(text: string): number {
  let n = 0;
  for (const form of forms) n += occurrencesOf(text, form).length;
  n += naiveMask(text, []).length;
  return n;
}
findSlogans(discourse.slice(0, 20000));
console.log('\nSpeed (the 1 MB text is the discourse texts and the seed once; the 10 MB one repeats them, so every phrase recurs 10×).');
console.log('First call on the text (cold: compiling, caches empty), then the median of repeated calls, interleaved with the naive method:');
console.log('| input | units | first call | naive method | zhdoc findSlogans | ratio (naive / zhdoc) | known only | ≤ bar |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [size, bar] of quick ? [[1, 100]] : [[1, 100], [10, 1000]]) {
  const text = sized(discourse, size! * MB);
  const first = time(() => findSlogans(text));
  naiveMethod(text);
  const runs = size === 1 ? 9 : 5;
  const naiveTimes: number[] = [];
  const zhdocTimes: number[] = [];
  const knownTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    naiveTimes.push(time(() => naiveMethod(text)));
    zhdocTimes.push(time(() => findSlogans(text)));
    knownTimes.push(time(() => findSlogans(text, { discover: false })));
  }
  const z = median(zhdocTimes);
  const nv = median(naiveTimes);
  console.log(`| ${size} MB | ${text.length.toLocaleString('en')} | ${first.toFixed(0)} ms | ${nv.toFixed(0)} ms | ${z.toFixed(0)} ms | ${(nv / z).toFixed(2)} | ${median(knownTimes).toFixed(0)} ms | ${z <= bar! ? 'yes' : 'NO'} (${bar} ms) |`);
}
