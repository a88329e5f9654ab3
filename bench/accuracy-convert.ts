/**
 * Conversion accuracy on real data, zhdoc against raw opencc-js in the same run:
 *  - OpenCC's own test cases (every config) through the same function the CLI's `convert` calls;
 *  - character accuracy on the Traditional/Simplified verse pairs (t2s and s2t).
 * Usage: npm run accuracy [-- --corpus PATH]
 */
import { readFileSync } from 'node:fs';
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
let rawPass = 0;
const failures: string[] = [];
for (const c of cases) {
  for (const [config, expected] of Object.entries(c.expected)) {
    if (!isConversionConfigName(config)) throw new Error(`unknown config in test cases: ${config}`);
    total++;
    const out = convertText(c.input, config);
    if (out === expected) zhdocPass++;
    else failures.push(`  ${c.id} ${config}: ${c.input}\n    got      ${out}\n    expected ${expected}`);
    if (rawOpenCC(config)(c.input) === expected) rawPass++;
  }
}
console.log(`OpenCC test cases: zhdoc ${zhdocPass}/${total}, raw opencc-js ${rawPass}/${total}`);
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
