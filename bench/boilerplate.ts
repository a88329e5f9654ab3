/**
 * Boilerplate detection on the labelled web pages of the corpus (`boilerplate/`), against the naive rule
 * "fewer than 15 Han characters is boilerplate" computed in the same run:
 *  - per page and overall: boilerplate-line precision, recall, F1, and the share of content characters kept
 *    visible (a page's title line, `title_line` in the manifest, counts either way);
 *  - the seed article: its header and both footer copies fold, its title and paragraphs stay;
 *  - speed: a 10 MB document built from the pages, classified by the core, with a one-pass baseline.
 * Usage: npm run bench:boilerplate [-- --corpus PATH] [--sensitivity S] [--errors]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeBoilerplate, BOILERPLATE_SENSITIVITIES, detectBoilerplate, type BoilerplateSensitivity } from '../src/core/boilerplate';
import { convertText } from '../src/core/convert';
import { countHan, splitLines } from '../src/core/text';
import { corpusDir, median } from './corpus';

const argv = process.argv;
const corpus = corpusDir();
const dir = join(corpus, 'boilerplate');
const showErrors = argv.includes('--errors');
const sensitivityArg = argv[argv.indexOf('--sensitivity') + 1];
const sensitivity: BoilerplateSensitivity =
  argv.includes('--sensitivity') && (BOILERPLATE_SENSITIVITIES as readonly string[]).includes(sensitivityArg ?? '') ? (sensitivityArg as BoilerplateSensitivity) : 'conservative';

interface Page {
  name: string;
  text: string;
  lines: string[];
  gold: boolean[]; // true = boilerplate
  titleLine: number | null;
}

const pages: Page[] = readFileSync(join(dir, 'manifest.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { name: string; title_line: number | null })
  .map((m) => {
    const text = readFileSync(join(dir, `${m.name}.txt`), 'utf8').replace(/\n$/, '');
    const labels = readFileSync(join(dir, `${m.name}.labels`), 'utf8').split('\n').filter(Boolean);
    const lines = splitLines(text);
    if (labels.length !== lines.length) throw new Error(`${m.name}: ${lines.length} lines, ${labels.length} labels`);
    return { name: m.name, text, lines, gold: labels.map((l) => l.trim() === 'B'), titleLine: m.title_line };
  });

interface Score {
  tp: number;
  fp: number;
  fn: number;
  contentChars: number;
  keptChars: number;
}

const visibleChars = (line: string): number => line.replace(/\s/g, '').length;

function score(page: Page, predicted: readonly boolean[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, contentChars: 0, keptChars: 0 };
  page.lines.forEach((line, i) => {
    // The title line counts either way: its gold label is whatever was predicted.
    const gold = i === page.titleLine ? predicted[i]! : page.gold[i]!;
    const pred = predicted[i]!;
    if (pred && gold) s.tp++;
    else if (pred) s.fp++;
    else if (gold) s.fn++;
    if (!gold) {
      const c = visibleChars(line);
      s.contentChars += c;
      if (!pred) s.keptChars += c;
    }
  });
  return s;
}

function add(a: Score, b: Score): Score {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, contentChars: a.contentChars + b.contentChars, keptChars: a.keptChars + b.keptChars };
}

function figures(s: Score): { p: number; r: number; f1: number; kept: number } {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const kept = s.contentChars ? s.keptChars / s.contentChars : 1;
  return { p, r, f1, kept };
}

const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;
const row = (label: string, s: Score): string => {
  const f = figures(s);
  return `${label.padEnd(18)} P ${pct(f.p).padStart(6)}  R ${pct(f.r).padStart(6)}  F1 ${pct(f.f1).padStart(6)}  content kept ${pct(f.kept, 2).padStart(7)}`;
};

function zhdocPrediction(page: Page, s: BoilerplateSensitivity): boolean[] {
  const predicted = new Array<boolean>(page.lines.length).fill(false);
  for (const b of detectBoilerplate(page.text, { sensitivity: s }).blocks) for (let i = b.start; i <= b.end; i++) predicted[i] = true;
  return predicted;
}

const naivePrediction = (page: Page): boolean[] => page.lines.map((l) => countHan(l) < 15);

console.log(`Boilerplate detection on ${pages.length} pages (${pages.reduce((n, p) => n + p.lines.length, 0)} lines), sensitivity ${sensitivity}`);
console.log('');
console.log(`${'page'.padEnd(18)} ${'zhdoc'.padEnd(60)} | naive (< 15 Han)`);
let total: Score = { tp: 0, fp: 0, fn: 0, contentChars: 0, keptChars: 0 };
let naiveTotal: Score = { ...total };
const bySource = new Map<string, Score>();
for (const page of pages) {
  const predicted = zhdocPrediction(page, sensitivity);
  const s = score(page, predicted);
  const naive = score(page, naivePrediction(page));
  total = add(total, s);
  naiveTotal = add(naiveTotal, naive);
  const source = page.name.split('_')[0]!;
  bySource.set(source, add(bySource.get(source) ?? { tp: 0, fp: 0, fn: 0, contentChars: 0, keptChars: 0 }, s));
  const nf = figures(naive);
  console.log(`${row(page.name, s)} | F1 ${pct(nf.f1).padStart(6)} kept ${pct(nf.kept).padStart(6)}`);
  if (showErrors) {
    const classes = analyzeBoilerplate(page.text, { sensitivity }).lineClasses;
    page.lines.forEach((line, i) => {
      if (i === page.titleLine || predicted[i] === page.gold[i]) return;
      const c = classes[i]!;
      console.log(`    ${predicted[i] ? 'FP' : 'FN'} ${String(i).padStart(3)} [${c.intrinsic}${c.reason ? ' ' + c.reason : ''}] ${line.slice(0, 70)}`);
    });
  }
}
console.log('');
console.log(row('overall zhdoc', total));
console.log(row('overall naive', naiveTotal));
for (const [source, s] of bySource) console.log(row(`  ${source}_ pages`, s));
// The same pages in Traditional script (OpenCC s2t): the cues must not depend on the script.
const traditional = pages.reduce((acc, page) => {
  const converted = convertText(page.text, 's2t');
  const lines = splitLines(converted);
  if (lines.length !== page.lines.length) throw new Error(`${page.name}: conversion changed the line count`);
  const p: Page = { ...page, text: converted, lines };
  return add(acc, score(p, zhdocPrediction(p, sensitivity)));
}, { tp: 0, fp: 0, fn: 0, contentChars: 0, keptChars: 0 } as Score);
console.log(row('  in Traditional', traditional));
const bars = figures(total);
console.log(`bars: content kept >= 99.5% ${bars.kept >= 0.995 ? 'met' : 'NOT met'}, recall >= 90% ${bars.r >= 0.9 ? 'met' : 'NOT met'}, precision >= 90% ${bars.p >= 0.9 ? 'met' : 'NOT met'}`);
if (!argv.includes('--sensitivity')) {
  for (const s of BOILERPLATE_SENSITIVITIES) {
    const t = pages.reduce((acc, page) => add(acc, score(page, zhdocPrediction(page, s))), { tp: 0, fp: 0, fn: 0, contentChars: 0, keptChars: 0 } as Score);
    console.log(row(`  ${s}`, t));
  }
}

// The seed: header and both footer copies are boilerplate; title and article paragraphs are content.
console.log('');
const seedText = readFileSync(join(corpus, 'seed/zjxu-baba-2023.txt'), 'utf8');
const seedLines = splitLines(seedText);
const seed = detectBoilerplate(seedText);
const inBlock = (i: number): boolean => seed.blocks.some((b) => b.start <= i && i <= b.end);
const find = (re: RegExp): number[] => seedLines.flatMap((l, i) => (re.test(l) ? [i] : []));
const header = find(/點擊數/);
const footer = seedLines.flatMap((l, i) => (i >= find(/聯系我們/)[0]! && l.trim() ? [i] : []));
const article = seedLines.flatMap((l, i) => (countHan(l) >= 40 ? [i] : []));
const title = find(/八八戰略.*開放提升/).filter((i) => countHan(seedLines[i]!) < 60);
const seedChecks: Array<[string, boolean]> = [
  [`header (line ${header.join(', ')}) folds`, header.length > 0 && header.every(inBlock)],
  [`footer, both copies (${footer.length} lines from ${footer[0]}) fold`, footer.length > 0 && footer.every(inBlock)],
  [`title (line ${title.join(', ')}) stays`, title.length > 0 && !title.some(inBlock)],
  [`${article.length} article paragraphs stay`, article.length > 0 && !article.some(inBlock)],
];
console.log(`seed ${'zjxu-baba-2023.txt'}: blocks ${seed.blocks.map((b) => `${b.start}-${b.end} ${b.reason}`).join(', ')}`);
for (const [what, ok] of seedChecks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);

// Speed: a 10 MB document from the pages, concatenated in memory.
console.log('');
const target = 10 * 1024 * 1024;
const chunks: string[] = [];
let size = 0;
while (size < target) {
  for (const p of pages) {
    chunks.push(p.text);
    size += Buffer.byteLength(p.text) + 1;
    if (size >= target) break;
  }
}
const big = chunks.join('\n');
const bytes = Buffer.byteLength(big);
const time = (fn: () => unknown, runs = 7): number => {
  fn();
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
};
// The first call on the big document (after the small pages above): no warm-up run on this input.
const t0 = performance.now();
detectBoilerplate(big);
const firstMs = performance.now() - t0;
const baselineMs = time(() => splitLines(big).map((l) => countHan(l) < 15));
const zhdocMs = time(() => detectBoilerplate(big));
const lineCount = big.split('\n').length;
console.log(`speed on ${(bytes / 1024 / 1024).toFixed(1)} MB (${lineCount} lines), median of 7:`);
console.log(`  zhdoc detectBoilerplate  ${zhdocMs.toFixed(0)} ms  (${zhdocMs <= 300 ? 'within' : 'OVER'} the 300 ms bar); first call on it ${firstMs.toFixed(0)} ms`);
console.log(`  baseline split + countHan per line  ${baselineMs.toFixed(0)} ms; zhdoc/baseline ${(zhdocMs / baselineMs).toFixed(1)}x`);
