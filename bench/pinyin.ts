/**
 * Pinyin accuracy and speed, zhdoc against raw pinyin-pro in the same run.
 *  - Accuracy on the g2pL test split and, by k-fold, on the CPP polyphone dev split (one labelled polyphone per
 *    sentence): zhdoc with its polyphone model, today's reader without it, raw pinyin-pro; Simplified as published
 *    and Traditional as zhdoc's own convertText(s, 's2t') and 's2tw' make it (sentences whose conversion changes
 *    length are skipped and counted, so the marked character stays aligned); the weakest 10 characters.
 *  - Latency of the hover path: wordAt at random offsets of a 10 MB document, and readings of the same
 *    20-character windows, against raw pinyin-pro on those windows; cold first call in a fresh process.
 *  - Size and memory of the data zhdoc ships.
 * Usage: npm run bench:pinyin [-- --corpus PATH] [--quick]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OutputFormat, pinyin as rawPinyin, segment as rawSegment } from 'pinyin-pro';
import { convertText, type ConversionConfigName } from '../src/core/convert';
import { describeWord, glossesOf, readingsOf, wordAt, wordsIn } from '../src/core/pinyin';
import type { PolyphoneModel } from '../src/core/pinyin/model';
import { setPolyphoneModel } from '../src/core/pinyin/reader';
import { corpusDir } from './corpus';
import { examplesOf, fold, FOLDS, loadSplit, train, TRAIN_OPTIONS, type LabelledSentence } from './pinyinTraining';

const root = resolve(__dirname, '../..');
/** Hovers timed after the first in a fresh process, as many as bench:responsiveness makes in VS Code. */
const HOVER_SEQUENCE = 40;

// ---------------------------------------------------------------- cold probes (run in a fresh process)
if (process.argv[2] === '--cold-probe') {
  const which = process.argv[3];
  const text = process.argv[4]!;
  if (process.env.ZHDOC_NO_MODEL) setPolyphoneModel(null);
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  if (which === 'zhdoc') wordAt(text, 5);
  else if (which === 'zhdoc-hover') {
    const word = wordAt(text, 5)!;
    const view = describeWord(word, 'marks');
    glossesOf(word.word, word.readings.filter((r): r is string => r !== null));
    if (!view.pinyin) throw new Error('no reading');
  } else if (which === 'raw-files') {
    // Raw pinyin-pro as a program would pay for it: its file from node_modules, then the first call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fromDisk = require(join(root, 'node_modules/pinyin-pro')) as typeof import('pinyin-pro');
    fromDisk.pinyin(text, { type: 'array', toneType: 'num' });
  }
  else if (which === 'zhdoc-hover-sequence') {
    // The hovers a user makes after the first one: full hovers (word, description, gloss) at new places of a
    // document, as the extension host meets them, each paying whatever its new context loads for the first time.
    const doc = readFileSync(text, 'utf8');
    const next = prng(7);
    const ms: number[] = [];
    for (let i = 0; i <= HOVER_SEQUENCE; i++) {
      let at: number;
      do at = Math.floor(next() * doc.length);
      while (!/[\u4e00-\u9fff]/u.test(doc[at]!));
      const t = performance.now();
      const from = Math.max(doc.lastIndexOf('\n', at) + 1, at - 256);
      const word = wordAt(doc.slice(from, at + 256), at - from);
      if (word) {
        describeWord(word, 'marks');
        glossesOf(word.word, word.readings.filter((r): r is string => r !== null));
      }
      if (i > 0) ms.push(performance.now() - t);
    }
    process.stdout.write(JSON.stringify({ ms: 0, heapMB: 0, sequence: ms }));
    process.exit(0);
  }
  else if (which === 'zhdoc-readings') readingsOf(text);
  else if (which === 'raw') rawPinyin(text, { type: 'array', toneType: 'num' });
  else if (which === 'vendor-files') {
    // The extension and CLI load these files from disk on first use; the bench bundle has them inline.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const name of process.argv.slice(5)) require(join(root, 'dist/vendor', `${name}.js`));
  }
  const ms = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed - heap0;
  process.stdout.write(JSON.stringify({ ms, heapMB: heap / 2 ** 20 }));
  process.exit(0);
}

const quick = process.argv.includes('--quick');
const corpus = corpusDir();

// ---------------------------------------------------------------- accuracy
// zhdoc with its polyphone model, today's reader alone (the model's prior and fallback), raw pinyin-pro; on the
// g2pL test split (held out: the shipped model never saw it, and it was read once to report) and on CPP dev by
// k-fold (each fold read by a model trained on g2pL train and the other folds, as the shipped model is trained on
// g2pL train and all of CPP dev); Simplified as published and converted by zhdoc's own s2t and s2tw.
const g2plTest = loadSplit(join(corpus, 'pinyin-g2pl'), 'test');
const cppDev = loadSplit(join(corpus, 'pinyin-cpp'), 'dev');
const sentences = cppDev.map((s) => s.text);

function rawReading(text: string, index: number): string | undefined {
  const r = rawPinyin(text, { type: 'all', toneType: 'num', v: true })[index]?.pinyin;
  return r?.replace(/0$/, '5');
}
const zhdocReading = (text: string, index: number): string | undefined => readingsOf(text)[index] ?? undefined;

interface Score {
  right: number;
  total: number;
  skipped: number;
  misses: Map<string, number>;
  perChar: Map<string, [number, number]>;
}

const emptyScore = (): Score => ({ right: 0, total: 0, skipped: 0, misses: new Map(), perChar: new Map() });

function score(items: readonly LabelledSentence[], read: (text: string, index: number) => string | undefined, config?: ConversionConfigName, into = emptyScore()): Score {
  const s = into;
  for (const item of items) {
    let text = item.text;
    if (config) {
      const converted = convertText(text, config);
      if ([...converted].length !== [...text].length) {
        s.skipped++;
        continue;
      }
      text = converted;
    }
    s.total++;
    const got = read(text, item.index);
    const ch = [...item.text][item.index]!;
    const cell = s.perChar.get(ch) ?? [0, 0];
    cell[1]++;
    if (got === item.label) {
      s.right++;
      cell[0]++;
    } else {
      const key = `${[...text][item.index]} ${item.label}→${got ?? 'null'}`;
      s.misses.set(key, (s.misses.get(key) ?? 0) + 1);
    }
    s.perChar.set(ch, cell);
  }
  return s;
}

const rate = (s: Score): number => (100 * s.right) / s.total;
const pct = (s: Score): string => `${rate(s).toFixed(2)}% (${s.right}/${s.total}${s.skipped ? `, ${s.skipped} skipped` : ''})`;
const scripts = [['Simplified', undefined], ['Traditional (s2t)', 's2t'], ['Traditional (s2tw)', 's2tw']] as const;
type Reader = 'model' | 'reader' | 'pinyin-pro';
const readers: readonly Reader[] = ['model', 'reader', 'pinyin-pro'];
const readerNames: Record<Reader, string> = { model: 'zhdoc (model)', reader: 'zhdoc reader alone', 'pinyin-pro': 'raw pinyin-pro' };

function scoreAll(items: readonly LabelledSentence[], model: PolyphoneModel | undefined, into?: Map<string, Score>): Map<string, Score> {
  const out = into ?? new Map<string, Score>();
  for (const [name, config] of scripts) {
    if (quick && config === 's2tw') continue;
    for (const r of readers) {
      setPolyphoneModel(r === 'model' ? model : null);
      const key = `${name}|${r}`;
      out.set(key, score(items, r === 'pinyin-pro' ? rawReading : zhdocReading, config, out.get(key)));
    }
  }
  setPolyphoneModel(undefined);
  return out;
}

function report(title: string, scores: Map<string, Score>): void {
  console.log(title);
  for (const [name, config] of scripts) {
    if (quick && config === 's2tw') continue;
    console.log(`  ${name.padEnd(19)} ${readers.map((r) => `${readerNames[r]} ${pct(scores.get(`${name}|${r}`)!)}`).join('   ')}`);
  }
  const simplified = scores.get('Simplified|model')!;
  for (const [name, config] of scripts.slice(1)) {
    if (quick && config === 's2tw') continue;
    const gap = rate(simplified) - rate(scores.get(`${name}|model`)!);
    console.log(`  ${name} vs Simplified, zhdoc (model): ${gap >= 0 ? '−' : '+'}${Math.abs(gap).toFixed(2)} points`);
  }
  const weakest = [...simplified.perChar].sort((a, b) => a[1][0] / a[1][1] - b[1][0] / b[1][1] || b[1][1] - a[1][1]).slice(0, 10);
  console.log(`  weakest 10 characters, zhdoc (model), Simplified: ${weakest.map(([ch, [r, n]]) => `${ch} ${((100 * r) / n).toFixed(0)}% (${r}/${n})`).join(', ')}`);
  console.log(`  most frequent misses, zhdoc (model), Simplified, char label→read: ${[...simplified.misses].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
}

const t0Accuracy = performance.now();
report(`g2pL test split (held out): ${g2plTest.length} sentences, the shipped model`, scoreAll(g2plTest, undefined));
{
  const g2plTrain = examplesOf(loadSplit(join(corpus, 'pinyin-g2pl'), 'train'));
  const folds = new Map<string, Score>();
  for (let k = 0; k < FOLDS; k++) {
    const { train: rest, test } = fold(cppDev, k);
    const { model } = train([...g2plTrain, ...examplesOf(rest, TRAIN_OPTIONS.cppWeight)], TRAIN_OPTIONS);
    scoreAll(test, model, folds);
  }
  report(`\nCPP dev split, ${FOLDS}-fold (each fold read by a model trained on g2pL train + the other folds): ${cppDev.length} sentences`, folds);
}
console.log(`  (accuracy section: ${((performance.now() - t0Accuracy) / 1000).toFixed(0)} s, including training ${FOLDS} fold models)`);

// ---------------------------------------------------------------- words
// No gold segmentation here, so two proxies on the first 2,000 sentences: how many characters end up in
// multi-character words, and how many of those words CC-CEDICT's common headwords (the gloss table) know.
{
  const sample = cppDev.slice(0, 2000).map((x) => x.text);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const isHanWord = (w: string): boolean => /^\p{Script=Han}+$/u.test(w);
  const measure = (name: string, split: (s: string) => string[]): void => {
    let han = 0;
    let inMulti = 0;
    let multi = 0;
    let known = 0;
    const t0 = performance.now();
    const all = sample.map(split);
    const ms = performance.now() - t0;
    for (const words of all) {
      for (const w of words.filter(isHanWord)) {
        const n = [...w].length;
        han += n;
        if (n > 1) {
          inMulti += n;
          multi++;
          if (glossesOf(w).length > 0) known++;
        }
      }
    }
    console.log(`  ${name.padEnd(40)} ${((100 * inMulti) / han).toFixed(1).padStart(5)}% of characters in words of 2+, ${((100 * known) / Math.max(1, multi)).toFixed(1).padStart(5)}% of those known to CC-CEDICT, ${((1000 * ms) / sample.length).toFixed(0)} µs/sentence`);
  };
  console.log('\nWord segmentation (proxies; 2,000 dev sentences):');
  measure('Intl.Segmenter (ICU)', (s) => [...segmenter.segment(s)].map((x) => x.segment));
  measure('pinyin-pro segment()', (s) => (rawSegment(s, { format: OutputFormat.ZhArray }) as string[][]).map((w) => w.join('')));
  measure('zhdoc wordsIn (ICU + lexicon words)', (s) => wordsIn(s).map((w) => w.word));
  const trad = sample.map((s) => convertText(s, 's2t'));
  const measureTrad = (name: string, split: (s: string) => string[]): void => {
    let han = 0;
    let inMulti = 0;
    for (const words of trad.map(split)) for (const w of words.filter(isHanWord)) {
      han += [...w].length;
      if ([...w].length > 1) inMulti += [...w].length;
    }
    console.log(`  ${name.padEnd(40)} ${((100 * inMulti) / han).toFixed(1).padStart(5)}% of characters in words of 2+ (Traditional)`);
  };
  measureTrad('Intl.Segmenter (ICU)', (s) => [...segmenter.segment(s)].map((x) => x.segment));
  measureTrad('pinyin-pro segment()', (s) => (rawSegment(s, { format: OutputFormat.ZhArray }) as string[][]).map((w) => w.join('')));
  measureTrad('zhdoc wordsIn (ICU + lexicon words)', (s) => wordsIn(s).map((w) => w.word));
}

// ---------------------------------------------------------------- latency
/** A deterministic PRNG, so runs compare on the same offsets. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const fixture = readFileSync(join(root, 'test/fixtures/pinyin/mixed.txt'), 'utf8');
const source = sentences.join('\n') + '\n' + fixture;
const parts: string[] = [];
let size = 0;
while (size < 10 * 2 ** 20) {
  parts.push(source);
  size += source.length * 2;
}
const doc = parts.join('');
const random = prng(42);
const windows = quick ? 3000 : 20000;
const offsets: number[] = [];
while (offsets.length < windows) {
  const at = Math.floor(random() * (doc.length - 40)) + 10;
  const cp = doc.codePointAt(at)!;
  if (cp >= 0x4e00 && cp <= 0x9fff) offsets.push(at);
}
const windowOf = (at: number): string => doc.slice(at - 10, at + 10);

function time(name: string, fn: (at: number) => unknown): { median: number; p99: number } {
  for (let i = 0; i < 2000; i++) fn(offsets[i % offsets.length]!); // warm-up
  const us: number[] = [];
  for (const at of offsets) {
    const t0 = process.hrtime.bigint();
    fn(at);
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  us.sort((a, b) => a - b);
  const r = { median: us[Math.floor(us.length / 2)]!, p99: us[Math.floor(us.length * 0.99)]! };
  console.log(`  ${name.padEnd(52)} median ${r.median.toFixed(1).padStart(6)} µs   p99 ${r.p99.toFixed(1).padStart(6)} µs`);
  return r;
}

console.log(`\nLatency, warm (${(doc.length * 2 / 2 ** 20).toFixed(1)} MB document, ${offsets.length} random offsets on Han characters):`);
const raw = time('raw pinyin-pro, 20-character window', (at) => rawPinyin(windowOf(at), { type: 'array', toneType: 'num' }));
const readings = time('zhdoc readingsOf, same 20-character window', (at) => readingsOf(windowOf(at)));
const hover = time('zhdoc wordAt(document, offset) (the hover), with the model', (at) => wordAt(doc, at));
setPolyphoneModel(null);
const hoverReader = time('zhdoc wordAt, today\'s reader alone (no model)', (at) => wordAt(doc, at));
setPolyphoneModel(undefined);
console.log(`  ratios to raw pinyin-pro: readingsOf ×${(readings.median / raw.median).toFixed(2)} median, ×${(readings.p99 / raw.p99).toFixed(2)} p99; wordAt ×${(hover.median / raw.median).toFixed(2)} median, ×${(hover.p99 / raw.p99).toFixed(2)} p99`);
console.log(`  the model's cost in the hover: wordAt with it ×${(hover.median / hoverReader.median).toFixed(2)} median, ×${(hover.p99 / hoverReader.p99).toFixed(2)} p99 of the reader alone (budget: p99 ≤ 1000 µs)`);

function probe(args: string[], noModel = false): { ms: number; heapMB: number } {
  const runs = quick ? 1 : 3;
  const got: Array<{ ms: number; heapMB: number }> = [];
  const env = noModel ? { ...process.env, ZHDOC_NO_MODEL: '1' } : process.env;
  for (let i = 0; i < runs; i++) got.push(JSON.parse(execFileSync(process.execPath, [__filename, '--cold-probe', ...args], { encoding: 'utf8', env })));
  got.sort((a, b) => a.ms - b.ms);
  return got[Math.floor(got.length / 2)]!;
}

const sample = '在中國式現代化新征程上幹在實處走在前列勇立潮頭';
const sampleSimplified = '在中国式现代化新征程上干在实处走在前列勇立潮头';
console.log(`\nCold first call, fresh process (median of ${quick ? 1 : 3}):`);
const rawCold = probe(['raw', sampleSimplified]);
const rawColdFiles = probe(['raw-files', sampleSimplified]);
const zhCold = probe(['zhdoc', sampleSimplified]);
const zhColdTrad = probe(['zhdoc', sample]);
const hoverCold = probe(['zhdoc-hover', sample]);
const hoverColdSimplified = probe(['zhdoc-hover', sampleSimplified]);
const hoverColdReader = probe(['zhdoc-hover', sample], true);
const hoverColdSimplifiedReader = probe(['zhdoc-hover', sampleSimplified], true);
const sequenceFile = join(tmpdir(), `zhdoc-bench-hovers-${process.pid}.txt`);
writeFileSync(sequenceFile, doc);
const sequences = (quick ? [1] : [1, 2, 3]).map(() => (JSON.parse(execFileSync(process.execPath, [__filename, '--cold-probe', 'zhdoc-hover-sequence', sequenceFile], { encoding: 'utf8' })) as { sequence: number[] }).sequence);
rmSync(sequenceFile);
const haveDist = existsSync(join(root, 'dist/vendor/pinyin.js'));
const files = haveDist ? probe(['vendor-files', '', 'pinyin']) : undefined;
const filesTrad = haveDist ? probe(['vendor-files', '', 'pinyin', 'opencc']) : undefined;
const filesHover = haveDist ? probe(['vendor-files', '', 'pinyin', 'opencc', 'cedict']) : undefined;
const filesHoverSimplified = haveDist ? probe(['vendor-files', '', 'pinyin', 'cedict']) : undefined;
console.log(`  raw pinyin-pro, first call (bundled, no file load)       ${rawCold.ms.toFixed(0).padStart(4)} ms`);
console.log(`  raw pinyin-pro, require from node_modules + first call  ${rawColdFiles.ms.toFixed(0).padStart(4)} ms`);
console.log(`  zhdoc wordAt, Simplified window (data evaluated)        ${zhCold.ms.toFixed(0).padStart(4)} ms`);
console.log(`  zhdoc wordAt, Traditional window (+ opencc t2s)         ${zhColdTrad.ms.toFixed(0).padStart(4)} ms`);
console.log(`  zhdoc full hover, Traditional (word, counterpart, gloss) ${hoverCold.ms.toFixed(0).padStart(4)} ms`);
console.log(`  zhdoc full hover, Simplified (counterpart from s2t data)${hoverColdSimplified.ms.toFixed(0).padStart(4)} ms`);
console.log(`  the same two, today's reader alone (no model)           ${hoverColdReader.ms.toFixed(0).padStart(4)} ms, ${hoverColdSimplifiedReader.ms.toFixed(0)} ms: with the model ×${(hoverCold.ms / hoverColdReader.ms).toFixed(2)}, ×${(hoverColdSimplified.ms / hoverColdSimplifiedReader.ms).toFixed(2)}`);
{
  const all = sequences.flat().sort((a, b) => a - b);
  const at = (q: number): string => all[Math.min(all.length - 1, Math.floor(all.length * q))]!.toFixed(2);
  console.log(`  the ${HOVER_SEQUENCE} full hovers after the first, fresh process, new places (×${sequences.length}): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${all[all.length - 1]!.toFixed(2)} ms`);
}
if (files && filesTrad) {
  console.log(`  + reading dist/vendor/pinyin.js (dist/data/pinyin.bin) from disk (extension) ${files.ms.toFixed(0).padStart(4)} ms   (with opencc.js: ${filesTrad.ms.toFixed(0)} ms)`);
  console.log(`  first hover as the extension pays it (computation + vendor files from disk, an upper bound):`);
  console.log(`    reading, Simplified ≈ ${(zhCold.ms + files.ms).toFixed(0)} ms; Traditional ≈ ${(zhColdTrad.ms + filesTrad.ms).toFixed(0)} ms; full hover with gloss ≈ ${(hoverCold.ms + (filesHover?.ms ?? 0)).toFixed(0)} ms Traditional, ≈ ${(hoverColdSimplified.ms + (filesHoverSimplified?.ms ?? 0)).toFixed(0)} ms Simplified (budget 200 ms)`);
} else console.log('  (run `npm run build` first to also time loading dist/vendor/*.js from disk)');

// ---------------------------------------------------------------- size
console.log('\nData shipped:');
for (const [file, what] of [
  ['src/core/generated/pinyinData.ts', 'polyphones and their words (source)'],
  ['src/core/generated/pinyinModel.ts', 'the polyphone model (source, base64; its bytes inside dist/data/pinyin.bin)'],
  ['src/core/generated/cedictGlosses.ts', 'CC-CEDICT glosses (source)'],
  ['dist/vendor/pinyin.js', 'loader of dist/data/pinyin.bin'],
  ['dist/data/pinyin.bin', 'reading data (UTF-16), loaded on first reading'],
  ['dist/vendor/cedict.js', 'loader of dist/data/cedict.bin'],
  ['dist/data/cedict.bin', 'glosses (UTF-16), loaded on first gloss'],
] as const) {
  const path = join(root, file);
  if (existsSync(path)) console.log(`  ${file.padEnd(36)} ${(statSync(path).size / 1024).toFixed(0).padStart(5)} KiB  ${what}`);
}
{
  const model = join(root, 'src/core/generated/pinyinModel.ts');
  const vendorFile = join(root, 'dist/data/pinyin.bin');
  if (existsSync(model) && existsSync(vendorFile)) {
    // Stored as its bytes: three quarters of the base64 source.
    const added = Math.round((statSync(model).size * 3) / 4);
    console.log(`  the model adds about ${(added / 1024).toFixed(0)} KiB to dist/data/pinyin.bin (${(statSync(vendorFile).size / 1024).toFixed(0)} KiB with it, ≈${((statSync(vendorFile).size - added) / 1024).toFixed(0)} KiB before; budget 1,536 KiB added)`);
  }
}
console.log(`  heap after first call: zhdoc +${zhCold.heapMB.toFixed(1)} MB, raw pinyin-pro +${rawCold.heapMB.toFixed(1)} MB`);
