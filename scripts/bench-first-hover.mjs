// The first pinyin hover's own cost in a fresh Node process, as the extension host pays it: the hover path of the
// core (wordAt, describeWord, glossesOf, as src/features/pinyinHover.ts calls them) bundled with its vendor files
// required from dist/vendor at run time, exactly as in dist/extension.js. Median of fresh processes per case,
// beside a same-run baseline (a process that requires nothing), since the machine may be loaded.
//   node scripts/build.mjs && node scripts/bench-first-hover.mjs [runs=9] [distDir=dist ...]
// Several dist directories (each beside its own src/, e.g. a checkout of main built in /tmp) are run interleaved,
// so that a before/after comparison shares the machine's load.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 9);
const dists = (process.argv.length > 3 ? process.argv.slice(3) : [join(root, 'dist')]).map((d) => resolve(d));
const outDir = join(root, 'out/bench-first-hover');
mkdirSync(outDir, { recursive: true });
const bundles = [];
for (const [k, dist] of dists.entries()) {
const srcRoot = resolve(dist, '..');
const entry = join(outDir, `entry${k}.ts`);
writeFileSync(entry, `
import { describeWord, glossesOf, wordAt } from ${JSON.stringify(join(srcRoot, 'src/core/pinyin'))};
import { isOpenCCLoaded } from ${JSON.stringify(join(srcRoot, 'src/core/opencc'))};
const text = process.argv[2];
const at = Number(process.argv[3]);
const t1 = performance.now();
const word = wordAt(text, at, { sandhi: 'off' });
const view = describeWord(word, 'marks');
const readings = word.readings.filter((r) => r !== null);
const [gloss] = glossesOf(word.word, readings.length === word.readings.length ? readings : undefined);
const t2 = performance.now();
// A second hover elsewhere on the line: the warm cost.
const w2 = wordAt(text, Math.max(0, at - 3), { sandhi: 'off' });
describeWord(w2, 'marks');
glossesOf(w2.word);
const t3 = performance.now();
// Every position of the line, 11 times: passes after the first are warm (every entry they need parsed).
const warm = [];
for (let pass = 0; pass < 11; pass++) {
  for (let i = 0; i < text.length; i++) {
    const a = performance.now();
    const w = wordAt(text, i, { sandhi: 'off' });
    if (w) { describeWord(w, 'marks'); glossesOf(w.word); }
    if (pass >= 1) warm.push(performance.now() - a);
  }
}
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ first: t2 - t1, second: t3 - t2, warmMax: warm[warm.length - 1], warmMedian: warm[warm.length >> 1], word: word.word, pinyin: view.pinyin, gloss: gloss?.gloss, opencc: isOpenCCLoaded() }));
`);
await esbuild.build({
  entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(outDir, `entry${k}.js`), logLevel: 'error',
  plugins: [{ name: 'vendor', setup(b) { b.onResolve({ filter: /^zhdoc-vendor:/ }, (a) => ({ path: join(dist, 'vendor', `${a.path.slice('zhdoc-vendor:'.length)}.js`), external: true })); } }],
});
bundles.push(join(outDir, `entry${k}.js`));
}

const CASES = {
  simplified: ['我们要坚持以人民为中心的发展思想，推动经济高质量发展。', 24],
  traditional: ['我們要堅持以人民為中心的發展思想，推動經濟高質量發展。', 24],
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = (args) => {
  const t = process.hrtime.bigint();
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
};
const baseline = [];
const results = Object.fromEntries(dists.flatMap((_, k) => Object.keys(CASES).map((c) => [`${c}@${k}`, { wall: [], first: [], second: [], warmMax: [], warmMedian: [], sample: null }])));
for (let r = 0; r < runs; r++) {
  baseline.push(wall(['-e', '0']).ms);
  for (const [k, bundle] of bundles.entries()) for (const [caseName, [text, at]] of Object.entries(CASES)) {
    const name = `${caseName}@${k}`;
    const { ms, out } = wall([bundle, text, String(at)]);
    const m = JSON.parse(out);
    const res = results[name];
    res.wall.push(ms);
    res.first.push(m.first);
    res.second.push(m.second);
    res.warmMax.push(m.warmMax);
    res.warmMedian.push(m.warmMedian);
    res.sample = m;
  }
}
const base = median(baseline);
console.log(`first hover, ${runs} fresh processes each, interleaved, medians; baseline node -e 0: ${base.toFixed(1)} ms wall`);
dists.forEach((d, k) => console.log(`@${k}: ${d}`));
for (const [name, res] of Object.entries(results)) {
  const extra = median(res.wall) - base;
  console.log(`${name.padEnd(14)} first hover ${median(res.first).toFixed(1)} ms, second ${median(res.second).toFixed(2)} ms, warm hover median ${median(res.warmMedian).toFixed(3)} ms, max ${median(res.warmMax).toFixed(2)} ms; process wall − baseline ${extra.toFixed(1)} ms (${(median(res.wall) / base).toFixed(2)}× baseline); ${res.sample.word} ${res.sample.pinyin} opencc loaded: ${res.sample.opencc}`);
}
