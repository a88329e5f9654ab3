/**
 * Stray-character detection on Traditional text with Simplified characters planted at random, the seed's
 * situation at scale. Each discourse file (Simplified) is converted with raw opencc-js s2t; 5% of the characters
 * s2t changed are put back (seeded, reproducible); a method must flag exactly those. Side by side:
 *  - zhdoc: findMinorityCharacters (one-script characters, plus two-script ones its context's conversion changes);
 *  - today's 0.1 method: one-script characters only (号, not 党);
 *  - naive per-character: every character that s2t changes when converted alone (no context).
 * Files are split by name (sorted, alternate): `design` was looked at while building, `report` was not.
 * Also: what Unify Script leaves (characters still differing from the s2t text), and the seed's strays.
 * Usage: npm run bench:mixed-script [-- --corpus PATH] [--split design|report|all]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { findMinorityCharacters, scriptOf, unifyScriptEdits } from '../src/core/script';
import { applyEdits } from '../src/core/text';
import { corpusDir, prng } from './corpus';

const corpus = corpusDir();
const splitArg = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'all';
const PLANT_RATE = 0.05;

const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
const alone = new Map<string, boolean>();

interface Planted { text: string; converted: string; planted: Set<number> }

/** s2t of `simplified`, line by line, with 5% of the changed characters put back. */
function plant(simplified: string, seed: number): Planted {
  const random = prng(seed);
  const outLines: string[] = [];
  const convertedLines: string[] = [];
  const planted = new Set<number>();
  let base = 0;
  for (const line of simplified.split('\n')) {
    const conv = s2t(line);
    const a = [...line];
    const b = [...conv];
    let out = conv;
    if (a.length === b.length) {
      const chars = [...b];
      let offset = 0;
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i] && a[i]!.length === b[i]!.length && random() < PLANT_RATE) {
          chars[i] = a[i]!;
          planted.add(base + offset);
        }
        offset += b[i]!.length;
      }
      out = chars.join('');
    }
    outLines.push(out);
    convertedLines.push(conv);
    base += out.length + 1;
  }
  return { text: outLines.join('\n'), converted: convertedLines.join('\n'), planted };
}

type Method = (text: string) => number[];
const methods: Record<string, Method> = {
  zhdoc: (text) => findMinorityCharacters(text).map((m) => m.offset),
  'today (one-script table)': (text) => offsets(text, (c) => scriptOf(c) === 'simplified'),
  'naive per-character (s2t of the character alone changes it)': (text) => offsets(text, (c) => (alone.get(c) ?? alone.set(c, s2t(c) !== c).get(c))!),
};

function offsets(text: string, test: (c: string) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = String.fromCodePoint(text.codePointAt(i)!);
    if (test(c)) out.push(i);
    if (c.length === 2) i++;
  }
  return out;
}

const files = readdirSync(join(corpus, 'discourse/texts')).sort();
const splits: Record<string, string[]> = { design: files.filter((_, i) => i % 2 === 0), report: files.filter((_, i) => i % 2 === 1) };
const chosen = splitArg === 'all' ? ['design', 'report'] : [splitArg!];

console.log(`Stray detection: s2t text of the discourse files, ${PLANT_RATE * 100}% of converted characters planted back (seeded)\n`);
for (const split of chosen) {
  const names = splits[split]!;
  const totals: Record<string, { tp: number; fp: number; fn: number; ms: number }> = {};
  const misses: string[] = [];
  const falseAlarms = new Map<string, number>();
  let planted = 0;
  let unifyLeft = 0;
  let unifyTotal = 0;
  names.forEach((name, k) => {
    const p = plant(readFileSync(join(corpus, 'discourse/texts', name), 'utf8'), 1000 + k);
    planted += p.planted.size;
    for (const [label, method] of Object.entries(methods)) {
      const t0 = performance.now();
      const found = new Set(method(p.text));
      const ms = performance.now() - t0;
      const tally = (totals[label] ??= { tp: 0, fp: 0, fn: 0, ms: 0 });
      tally.ms += ms;
      for (const o of found) {
        if (p.planted.has(o)) tally.tp++;
        else {
          tally.fp++;
          if (label === 'zhdoc') {
            const key = `${p.text.slice(Math.max(0, o - 3), o)}[${p.text[o]}]${p.text.slice(o + 1, o + 4)}`;
            falseAlarms.set(key, (falseAlarms.get(key) ?? 0) + 1);
          }
        }
      }
      for (const o of p.planted) {
        if (!found.has(o)) {
          tally.fn++;
          if (label === 'zhdoc') misses.push(`${p.text.slice(Math.max(0, o - 3), o)}[${p.text[o]}]${p.text.slice(o + 1, o + 4)}`);
        }
      }
    }
    const unified = applyEdits(p.text, unifyScriptEdits(p.text));
    const a = [...unified];
    const b = [...p.converted];
    unifyTotal += p.planted.size;
    if (a.length === b.length) for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) unifyLeft++;
  });
  console.log(`## ${split} split (${names.length} files: ${names.join(', ')}): ${planted} planted characters\n`);
  console.log('| method | recall | precision | found | false alarms | missed | time |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, t] of Object.entries(totals)) {
    const recall = (100 * t.tp) / (t.tp + t.fn);
    const precision = (100 * t.tp) / Math.max(1, t.tp + t.fp);
    console.log(`| ${label} | ${recall.toFixed(2)}% | ${precision.toFixed(2)}% | ${t.tp + t.fp} | ${t.fp} | ${t.fn} | ${t.ms.toFixed(0)} ms |`);
  }
  console.log(`\nUnify Script: ${unifyLeft} characters differ from the s2t text afterwards (of ${unifyTotal} planted)`);
  if (misses.length) console.log(`zhdoc missed: ${misses.slice(0, 30).join(' ')}`);
  if (falseAlarms.size) console.log(`zhdoc false alarms: ${[...falseAlarms].slice(0, 40).map(([k, n]) => (n > 1 ? `${k}×${n}` : k)).join(' ')}`);
  console.log('');
}

const seed = readFileSync(join(corpus, 'seed/zjxu-baba-2023.txt'), 'utf8');
const strays = findMinorityCharacters(seed);
const byChar = new Map<string, number>();
for (const s of strays) byChar.set(`${s.char}→${s.counterpart}`, (byChar.get(`${s.char}→${s.counterpart}`) ?? 0) + 1);
console.log(`Seed (zjxu-baba-2023.txt): ${strays.length} strays: ${[...byChar].map(([k, n]) => `${k}×${n}`).join(' ')}`);
for (const s of strays) if (scriptOf(s.char) !== 'simplified') console.log(`  in context: ${seed.slice(Math.max(0, s.offset - 4), s.offset)}[${s.char}]${seed.slice(s.offset + s.char.length, s.offset + 4)} → ${s.counterpart}`);
