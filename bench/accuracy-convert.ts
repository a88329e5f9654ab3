/**
 * Conversion accuracy on real data, zhdoc against raw opencc-js in the same run:
 *  - OpenCC's own test cases (every config) through the same function the CLI's `convert` calls, with zhdoc's
 *    layers (supplementary phrases, exceptions) and without them (the compiled engine alone, which must agree
 *    with opencc-js on every case);
 *  - character accuracy on the Traditional/Simplified verse pairs (t2s and s2t);
 *  - meaning kept by the Taiwan phrase configs: tw2sp(s2twp(text)) against the text, on the discourse files
 *    (split by name, alternate files: design / report), with the characters that do not come back.
 * Usage: npm run accuracy [-- --corpus PATH]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { convertText, isConversionConfigName } from '../src/core/convert';
import { corpusDir, parseLenientJson } from './corpus';

const corpus = corpusDir();

function rawOpenCC(config: string): (s: string) => string {
  const [from, to] = config.split('2') as [string, string];
  const loc = (c: string): string => (c === 's' ? 'cn' : c);
  return OpenCC.Converter(to === 'sp' ? { from: `${from}p`, to: 'cn' } : { from: loc(from), to: loc(to) });
}

interface Case { id: string; input: string; expected: Record<string, string> }
const { cases } = parseLenientJson(readFileSync(join(corpus, 'opencc/testcases/testcases.json'), 'utf8')) as { cases: Case[] };
let total = 0;
let zhdocPass = 0;
let enginePass = 0;
let engineSame = 0;
let rawPass = 0;
const failures: string[] = [];
for (const c of cases) {
  for (const [config, expected] of Object.entries(c.expected)) {
    if (!isConversionConfigName(config)) throw new Error(`unknown config in test cases: ${config}`);
    total++;
    const out = convertText(c.input, config);
    if (out === expected) zhdocPass++;
    else failures.push(`  ${c.id} ${config}: ${c.input}\n    got      ${out}\n    expected ${expected}`);
    const rawOut = rawOpenCC(config)(c.input);
    if (rawOut === expected) rawPass++;
    const engine = convertText(c.input, config, { layers: false, extensionCharacters: false });
    if (engine === expected) enginePass++;
    if (engine === rawOut) engineSame++;
  }
}
console.log(`OpenCC test cases: zhdoc ${zhdocPass}/${total}, zhdoc engine without layers ${enginePass}/${total} (identical to opencc-js on ${engineSame}/${total}), raw opencc-js ${rawPass}/${total}`);
if (failures.length) console.log(failures.join('\n'));

const pairs = readFileSync(join(corpus, 'script/cuv_trad_simp_pairs.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t') as [string, string, string]);
function charAccuracy(convert: (s: string) => string, source: 1 | 2, gold: 1 | 2, hanOnly: boolean): number {
  let right = 0;
  let all = 0;
  for (const p of pairs) {
    const out = [...convert(p[source])];
    const want = [...p[gold]];
    want.forEach((ch, i) => {
      if (hanOnly && !/\p{Script=Han}/u.test(ch)) return;
      all++;
      if (out[i] === ch) right++;
    });
  }
  return (100 * right) / all;
}
for (const [config, source, gold] of [['t2s', 1, 2], ['s2t', 2, 1]] as const) {
  for (const hanOnly of [false, true]) {
    const zhdoc = charAccuracy((s) => convertText(s, config), source, gold, hanOnly);
    const raw = charAccuracy(rawOpenCC(config), source, gold, hanOnly);
    const over = hanOnly ? 'Han characters' : 'all characters';
    console.log(`${config} accuracy over ${over} of ${pairs.length} verse pairs: zhdoc ${zhdoc.toFixed(2)}%, raw opencc-js ${raw.toFixed(2)}%`);
  }
}

// Round trip through the Taiwan phrase configs on official discourse.
const files = readdirSync(join(corpus, 'discourse/texts')).sort();
for (const [split, names] of [['design', files.filter((_, i) => i % 2 === 0)], ['report', files.filter((_, i) => i % 2 === 1)]] as const) {
  const text = names.map((f) => readFileSync(join(corpus, 'discourse/texts', f), 'utf8')).join('\n');
  const rows: string[] = [];
  for (const [label, there, back] of [
    ['zhdoc', (s: string) => convertText(s, 's2twp'), (s: string) => convertText(s, 'tw2sp')],
    ['raw opencc-js', rawOpenCC('s2twp'), rawOpenCC('tw2sp')],
  ] as const) {
    let same = 0;
    let all = 0;
    const lost = new Map<string, number>();
    for (const line of text.split('\n')) {
      const a = [...line];
      const b = [...back(there(line))];
      if (a.length !== b.length) {
        // A phrase changed length on the way: what lies between the common prefix and suffix is not reproduced.
        let p = 0;
        while (p < a.length && p < b.length && a[p] === b[p]) p++;
        let q = 0;
        while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
        all += a.length;
        same += p + q;
        const key = `${a.slice(Math.max(0, p - 2), a.length - q + 2).join('')}→${b.slice(Math.max(0, p - 2), b.length - q + 2).join('')}`;
        lost.set(key, (lost.get(key) ?? 0) + a.length - p - q);
        continue;
      }
      for (let i = 0; i < a.length; i++) {
        all++;
        if (a[i] === b[i]) same++;
        else {
          const key = `${a.slice(Math.max(0, i - 2), i + 3).join('')}→${b.slice(Math.max(0, i - 2), i + 3).join('')}`;
          lost.set(key, (lost.get(key) ?? 0) + 1);
        }
      }
    }
    rows.push(`  ${label}: ${((100 * same) / all).toFixed(3)}% of ${all} characters reproduced; not reproduced: ${[...lost].sort((x, y) => y[1] - x[1]).slice(0, label === 'zhdoc' ? 40 : 12).map(([k, n]) => `${k}${n > 1 ? `×${n}` : ''}`).join('  ')}`);
  }
  console.log(`tw2sp(s2twp(text)) on the ${split} split (${names.length} files):\n${rows.join('\n')}`);
}
