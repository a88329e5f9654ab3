// Trains zhdoc's polyphone model (src/core/pinyin/train.ts) on ../shared/corpus and writes
// src/core/generated/pinyinModel.ts. Deterministic: the unit test test/unit/pinyin-model.test.ts checks that the
// committed file is what this produces.
//   node scripts/train-pinyin.mjs [--corpus PATH] [--dev]   (--dev: also print accuracy on pinyin-g2pl/dev)
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const corpus = resolve(corpusArg >= 0 ? args[corpusArg + 1] : process.env.ZHDOC_CORPUS ?? join(root, '../shared/corpus'));
if (!existsSync(join(corpus, 'pinyin-g2pl/train.sent'))) {
  console.error(`train-pinyin: no corpus at ${corpus} (pass --corpus PATH)`);
  process.exit(2);
}
const out = join(root, 'out/train-pinyin.cjs');
mkdirSync(dirname(out), { recursive: true });
await build({
  stdin: {
    contents: `export * from './src/core/pinyin/train'; export { setPolyphoneModel } from './src/core/pinyin/reader';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
  plugins: [{
    name: 'vendor-inline',
    setup(b) {
      b.onResolve({ filter: /^zhdoc-vendor:/ }, (a) => ({ path: join(root, 'src/vendor', `${a.path.slice('zhdoc-vendor:'.length)}.ts`) }));
    },
  }],
});
const train = createRequire(import.meta.url)(out);
const read = (p) => readFileSync(join(corpus, p), 'utf8');
const t0 = performance.now();
train.setPolyphoneModel(null);
const module = train.trainCommittedModel(read);
writeFileSync(join(root, 'src/core/generated/pinyinModel.ts'), module);
console.log(`wrote src/core/generated/pinyinModel.ts (${(module.length / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (args.includes('--dev')) {
  const dev = train.parseLabelled(read('pinyin-g2pl/dev.sent'), read('pinyin-g2pl/dev.lb'));
  const items = train.TRAINING_FILES.slice(0, 1).flatMap(([s, l]) => train.parseLabelled(read(s), read(l)));
  for (const epochs of (process.env.EPOCHS ?? String(train.EPOCHS)).split(',').map(Number)) {
    train.setPolyphoneModel(train.trainModel(items, epochs));
    const r = train.evaluate(dev);
    console.log(`g2pL dev, trained on g2pL train only, ${epochs} epochs: ${((100 * r.right) / r.total).toFixed(2)}%`);
  }
  train.setPolyphoneModel(null);
  const p = train.evaluate(dev);
  console.log(`g2pL dev, prior alone: ${((100 * p.right) / p.total).toFixed(2)}%`);
}
