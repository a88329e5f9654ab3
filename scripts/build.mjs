// Builds zhdoc with esbuild. Heavy libraries (opencc-js, pinyin-pro) become separate files under dist/vendor
// that the extension and the CLI require only on first use, so activation parses none of their dictionaries.
//   node scripts/build.mjs            dist/extension.js, dist/cli.js, dist/vendor/*
//   node scripts/build.mjs --tests    also out/test/** (unit, integration, ui)
//   node scripts/build.mjs --bench    also out/bench/*
//   --watch                           rebuild on change
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const root = new URL('..', import.meta.url).pathname;

/** Libraries the core loads lazily with `require('zhdoc-vendor:NAME')`; each has an entry src/vendor/NAME.ts. */
const VENDOR = ['opencc', 'pinyin', 'cedict', 'sloganLexicon', 're2'];
/**
 * Vendors shipped as binary files, dist/data/NAME.bin (their list and layout: BINARY_VENDORS in
 * src/vendor/binaryVendor.ts), with a small dist/vendor/NAME.js that reads them: parsing megabytes of string
 * constants was most of the first pinyin hover.
 */
const BINARY_VENDOR = new Set(['pinyin', 'cedict']);

/** In the extension and CLI bundles: a runtime require of dist/vendor/NAME.js, parsed only on first use. */
const vendorExternal = {
  name: 'vendor-external',
  setup(build) {
    build.onResolve({ filter: /^zhdoc-vendor:/ }, (a) => ({ path: `./vendor/${a.path.slice('zhdoc-vendor:'.length)}.js`, external: true }));
  },
};
/** Everywhere else (tests, benches, the web bundle): the vendor entry bundled inline. */
const vendorInline = {
  name: 'vendor-inline',
  setup(build) {
    build.onResolve({ filter: /^zhdoc-vendor:/ }, (a) => ({ path: join(root, 'src/vendor', `${a.path.slice('zhdoc-vendor:'.length)}.ts`) }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  charset: 'utf8',
  external: ['vscode'],
  plugins: [vendorInline],
};

/** In the Web Worker test bundles: vendor files fetched synchronously from the test server's /dist/vendor. */
const vendorXhr = {
  name: 'vendor-xhr',
  setup(build) {
    build.onResolve({ filter: /^zhdoc-vendor:/ }, (a) => ({ path: a.path.slice('zhdoc-vendor:'.length), namespace: 'zhdoc-vendor' }));
    build.onLoad({ filter: /.*/, namespace: 'zhdoc-vendor' }, (a) => ({
      contents: BINARY_VENDOR.has(a.path)
        ? `const x = new XMLHttpRequest(); x.open('GET', '/dist/data/${a.path}.bin', false); x.responseType = 'arraybuffer'; x.send();
if (x.status !== 200) throw new Error('vendor ${a.path}: HTTP ' + x.status);
module.exports = require(${JSON.stringify(join(root, 'src/vendor/binaryVendor.ts'))}).unpackVendor(new Uint8Array(x.response));`
        : `const x = new XMLHttpRequest(); x.open('GET', '/dist/vendor/${a.path}.js', false); x.send();
if (x.status !== 200) throw new Error('vendor ${a.path}: HTTP ' + x.status);
new Function('module', 'exports', x.responseText)(module, module.exports);
if (module.exports.DATA_FILE) {
  const d = new XMLHttpRequest(); d.open('GET', '/dist/vendor/' + module.exports.DATA_FILE, false); d.responseType = 'arraybuffer'; d.send();
  if (d.status !== 200) throw new Error('vendor ${a.path} data: HTTP ' + d.status);
  module.exports.provideData(new Uint8Array(d.response));
}`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/** In the web bundle: the vendor modules src/extension.web.ts has fetched and registered. */
const vendorWeb = {
  name: 'vendor-web',
  setup(build) {
    build.onResolve({ filter: /^zhdoc-vendor:/ }, (a) => ({ path: a.path.slice('zhdoc-vendor:'.length), namespace: 'zhdoc-vendor' }));
    build.onLoad({ filter: /.*/, namespace: 'zhdoc-vendor' }, (a) => ({
      contents: `module.exports = require(${JSON.stringify(join(root, 'src/web/vendorRegistry.ts'))}).loadedVendor(${JSON.stringify(a.path)});`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/** Writes dist/data/NAME.bin from the vendor module's exports (the generated data stays the source of truth). */
async function writeBinaryVendor(name) {
  const result = await esbuild.build({
    stdin: {
      contents: `export * as data from ${JSON.stringify(join(root, 'src/vendor', `${name}.ts`))}; export { packVendor, BINARY_VENDORS } from ${JSON.stringify(join(root, 'src/vendor/binaryVendor.ts'))};`,
      resolveDir: root, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'warning', charset: 'utf8',
  });
  const module = { exports: {} };
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  const { data, packVendor, BINARY_VENDORS } = module.exports;
  const spec = BINARY_VENDORS[name];
  if (!spec || Object.keys(BINARY_VENDORS).some((n) => !BINARY_VENDOR.has(n))) throw new Error(`build: BINARY_VENDOR and src/vendor/binaryVendor.ts disagree about ${name}`);
  const exports = { ...data };
  for (const key of spec.base64) exports[key] = new Uint8Array(Buffer.from(exports[key], 'base64'));
  const dir = join(root, 'dist/data');
  mkdirSync(dir, { recursive: true });
  // Written beside and renamed: a test reading dist/ while a build runs never sees half a file.
  const tmp = join(dir, `${name}.bin.${process.pid}`);
  writeFileSync(tmp, packVendor(exports, spec.units));
  renameSync(tmp, join(dir, `${name}.bin`));
}

/** The dist/vendor/NAME.js of a binary vendor: requires nothing but node:fs and reads ../data/NAME.bin. */
const binaryVendorBuild = (name) => ({
  ...common, sourcemap: false, minify: true, outfile: join(root, 'dist/vendor', `${name}.js`),
  stdin: { contents: `module.exports = require(${JSON.stringify(join(root, 'src/vendor/nodeLoader.ts'))}).loadBinaryVendor(__dirname, ${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
  plugins: [{ name: 'binary-data', setup: (b) => b.onEnd(() => writeBinaryVendor(name)) }],
});

const files = (dir, suffix) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith(suffix)).map((f) => join(root, dir, f)) : []);

const builds = [
  { ...common, entryPoints: { extension: join(root, 'src/extension.ts') }, outdir: join(root, 'dist'), plugins: [vendorExternal], minifySyntax: true },
  // The document analysis worker: worker_threads beside dist/vendor (dictionaries load in the worker), and a Web Worker.
  { ...common, entryPoints: { analysisWorker: join(root, 'src/analysis/nodeWorker.ts') }, outdir: join(root, 'dist'), plugins: [vendorExternal], minifySyntax: true },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { analysisWorker: join(root, 'src/analysis/webWorker.ts') }, outdir: join(root, 'dist/web'), plugins: [vendorWeb], external: [], minifySyntax: true },
  { ...common, entryPoints: { cli: join(root, 'src/cli.ts') }, outdir: join(root, 'dist'), plugins: [vendorExternal], banner: { js: '#!/usr/bin/env node' }, minifySyntax: true },
  // Worker threads of `zhdoc scan --jobs N` and of the editor's corpus commands (worker_threads, Node only).
  { ...common, entryPoints: { scanWorker: join(root, 'src/cli/scan/worker.ts'), corpusWorker: join(root, 'src/vscode/corpusWorker.ts') }, outdir: join(root, 'dist'), plugins: [vendorExternal], minifySyntax: true },
  // The web extension (vscode.dev): no Node built-ins; vendor files are fetched, not bundled again.
  { ...common, platform: 'browser', target: 'es2022', entryPoints: { extension: join(root, 'src/extension.web.ts') }, outdir: join(root, 'dist/web'), plugins: [vendorWeb], external: ['vscode', 'node:*'], minifySyntax: true },
  ...VENDOR.map((name) => (BINARY_VENDOR.has(name) ? binaryVendorBuild(name) : { ...common, sourcemap: false, minify: true, entryPoints: { [name]: join(root, 'src/vendor', `${name}.ts`) }, outdir: join(root, 'dist/vendor') })),
];
if (args.has('--tests')) {
  builds.push(
    // DuckDB is a native module: required from node_modules at run time, not bundled.
    { ...common, entryPoints: files('test/unit', '.test.ts'), outdir: join(root, 'out/test/unit'), external: ['vscode', '@duckdb/node-api'] },
    { ...common, entryPoints: [...files('test/integration', '.ts')], outdir: join(root, 'out/test/integration'), external: ['vscode', 'mocha'] },
    { ...common, entryPoints: [join(root, 'test/runIntegration.ts'), join(root, 'test/web/run.ts'), ...files('test/ui', '.ts')].filter(existsSync), outdir: join(root, 'out/test'), outbase: join(root, 'test'), external: ['vscode', 'playwright-core', '@vscode/test-electron'] },
    { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: [join(root, 'test/web/worker.ts'), join(root, 'test/web/extensionBundle.ts')], outdir: join(root, 'out/test/web'), plugins: [vendorXhr] },
  );
}
if (args.has('--bench')) {
  builds.push(
    { ...common, entryPoints: files('bench', '.ts'), outdir: join(root, 'out/bench'), external: ['vscode', '@vscode/test-electron'] },
    { ...common, entryPoints: files('bench/vscode', '.ts'), outdir: join(root, 'out/bench/vscode') },
  );
}

// Binary data files of vendor entries (src/core/generated/opencc.bin, imported by src/vendor/opencc.ts): esbuild
// copies each beside the bundle that imports it, under its own name (dist/vendor/opencc.bin, out/**/opencc.bin),
// and the import is its path relative to that bundle.
for (const b of builds) Object.assign(b, { loader: { ...b.loader, '.bin': 'file' }, assetNames: '[name]' });

// dist is overwritten in place, not deleted first: a test reading dist/ while a build runs must not find it gone.
if (args.has('--watch')) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
