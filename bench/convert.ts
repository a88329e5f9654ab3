/**
 * Conversion speed, zhdoc's core against raw opencc-js measured in the same run (ratios, with the figures):
 *  - throughput on 1 MB and 10 MB of real text (s2t and s2twp on Simplified official discourse, t2s on Traditional verse),
 *    for `convert` (what the CLI does) and `edits` (what the editor applies);
 *  - cold start to the first converted character, in a fresh process (load + decode + convert);
 *  - peak RSS of a process converting 10 MB;
 *  - activation of the extension bundle: require + activate(), and proof that no dictionary was loaded.
 * Usage: npm run bench [-- --corpus PATH] [--quick]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { conversionChunks, getConverter } from '../src/core/convert';
import { corpusDir, median, sized, time } from './corpus';

const quick = process.argv.includes('--quick');
const corpus = corpusDir();
const root = resolve(__dirname, '../..');
const MB = 1024 * 1024;

const simplified = readdirSync(join(corpus, 'discourse/texts')).map((f) => readFileSync(join(corpus, 'discourse/texts', f), 'utf8')).join('\n');
const traditional = readFileSync(join(corpus, 'script/cuv_trad_simp_pairs.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[1] ?? '').join('\n');




const rawLocale = { s2t: { from: 'cn', to: 't' }, t2s: { from: 't', to: 'cn' }, s2twp: { from: 'cn', to: 'twp' } } as const;

console.log('zhdoc conversion benchmark (times are medians; ratio = zhdoc throughput / raw opencc-js throughput, ≥ 1 is faster;');
console.log('"best" compares the fastest run of each, which shared-machine noise disturbs least)\n');
console.log('| config | input | raw opencc-js | zhdoc convert | ratio (best) | zhdoc edits | ratio (best) |');
console.log('|---|---|---|---|---|---|---|');
for (const config of ['s2t', 't2s', 's2twp'] as const) {
  const raw = OpenCC.Converter(rawLocale[config]);
  const zhdoc = getConverter(config);
  const source = config === 't2s' ? traditional : simplified;
  for (const size of quick ? [1] : [1, 10]) {
    const text = sized(source, size * MB);
    const runs = size === 1 ? 12 : 4;
    const rawTimes: number[] = [];
    const convertTimes: number[] = [];
    const editTimes: number[] = [];
    raw(text.slice(0, 10000));
    zhdoc.convert(text.slice(0, 10000));
    const measures: Array<() => void> = [
      () => rawTimes.push(time(() => raw(text))),
      () => convertTimes.push(time(() => zhdoc.convert(text))),
      () => editTimes.push(time(() => { for (const [a, b] of conversionChunks(text, 128 * 1024)) zhdoc.edits(text, a, b); })),
    ];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so drifts in machine load hit all three alike, and rotated, so none always pays for the
      // garbage the one before it left.
      for (let k = 0; k < measures.length; k++) measures[(i + k) % measures.length]!();
    }
    const r = median(rawTimes);
    const c = median(convertTimes);
    const e = median(editTimes);
    const best = (xs: number[]): number => Math.min(...xs);
    const mbps = (ms: number): string => `${((size * 1000) / ms).toFixed(1)} MB/s (${ms.toFixed(0)} ms)`;
    const ratios = (mine: number[], m: number): string => `${(r / m).toFixed(2)} (${(best(rawTimes) / best(mine)).toFixed(2)})`;
    console.log(`| ${config} | ${size} MB | ${mbps(r)} | ${mbps(c)} | ${ratios(convertTimes, c)} | ${mbps(e)} | ${ratios(editTimes, e)} |`);
  }
}

// Cold start and peak memory, each in a fresh process.
const dir = mkdtempSync(join(tmpdir(), 'zhdoc-bench-'));
const input = join(dir, 'input.txt');
writeFileSync(input, sized(simplified, (quick ? 1 : 10) * MB));
const child = (code: string): Record<string, number> => {
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', cwd: root, maxBuffer: 64 * MB });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
};
const rawCold = `const t0=performance.now();const O=require('opencc-js');const t1=performance.now();const c=O.Converter({from:'cn',to:'t'});c('预热');const t2=performance.now();console.log(JSON.stringify({load:t1-t0,build:t2-t1}))`;
const zhdocCold = `const t0=performance.now();require('./dist/vendor/opencc.js');const t1=performance.now();console.log(JSON.stringify({load:t1-t0}))`;
const cliCold = (config: string): number => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'convert', '--config', config], { input: '预热', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
};
const nodeStart = median([0, 1, 2].map(() => { const t0 = performance.now(); spawnSync(process.execPath, ['-e', '0']); return performance.now() - t0; }));
const firstCharacter = (code: string): number => child(`const t0=performance.now();${code};console.log(JSON.stringify({ms:performance.now()-t0}))`).ms!;
const rawFirst = [0, 1, 2].map(() => firstCharacter(`const O=require('opencc-js');O.Converter({from:'cn',to:'t'})('预热')`));
const zhdocFirst = [0, 1, 2].map(() => firstCharacter(`require('./out/bench/cold-convert.js').first()`));
console.log(`\nCold start to the first converted character (fresh process, medians of 3): raw opencc-js ${median(rawFirst).toFixed(0)} ms, zhdoc ${median(zhdocFirst).toFixed(0)} ms (ratio ${(median(rawFirst) / median(zhdocFirst)).toFixed(1)}×; target ≤ 30 ms)`);
const rawColds = [0, 1, 2].map(() => child(rawCold));
const zhdocLoads = [0, 1, 2].map(() => child(zhdocCold).load!);
console.log(`\nCold start (fresh process, medians of 3):`);
console.log(`  raw opencc-js: require ${median(rawColds.map((c) => c.load!)).toFixed(0)} ms + build s2t converter ${median(rawColds.map((c) => c.build!)).toFixed(0)} ms`);
console.log(`  zhdoc: require dist/vendor/opencc.js ${median(zhdocLoads).toFixed(0)} ms; whole CLI run minus bare node start: s2t ${(median([0, 1, 2].map(() => cliCold('s2t'))) - nodeStart).toFixed(0)} ms, t2s ${(median([0, 1, 2].map(() => cliCold('t2s'))) - nodeStart).toFixed(0)} ms (node start ${nodeStart.toFixed(0)} ms)`);

const rss = (code: string): number => child(`${code};console.log(JSON.stringify({rss:process.resourceUsage().maxRSS/1024}))`).rss!;
const rawRss = rss(`const O=require('opencc-js');const fs=require('fs');const t=fs.readFileSync(${JSON.stringify(input)},'utf8');process.stdout.write(String(O.Converter({from:'cn',to:'t'})(t).length)+'\\n')`);
const zhdocRss = (() => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'dist/cli.js'), 'convert', '--config', 's2t', input], { encoding: 'utf8', maxBuffer: 64 * MB });
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
})();
console.log(`\nPeak RSS converting ${quick ? 1 : 10} MB (s2t): raw opencc-js ${rawRss.toFixed(0)} MB, zhdoc CLI ${zhdocRss.toFixed(0)} MB (ratio ${(zhdocRss / rawRss).toFixed(2)})`);

const VSCODE_NAMESPACES = ['window', 'workspace', 'commands', 'languages', 'l10n', 'extensions', 'env', 'Uri', 'Range', 'Position', 'Selection',
  'Disposable', 'EventEmitter', 'ThemeColor', 'ThemeIcon', 'MarkdownString', 'StatusBarAlignment', 'OverviewRulerLane', 'ProgressLocation',
  'FilePermission', 'ConfigurationTarget', 'TreeItem', 'TreeItemCollapsibleState', 'FoldingRange', 'FoldingRangeKind', 'Hover', 'InlayHint',
  'InlayHintKind', 'CodeLens', 'ViewColumn', 'DecorationRangeBehavior', 'EndOfLine', 'TextEditorRevealType', 'CancellationTokenSource', 'RelativePattern'];

// Activation: the bundle's require + activate() with a stand-in for the vscode module, which only the
// editor provides; it records nothing, it just lets activate() run its registrations.
const activation = child(`
const Module=require('module');const orig=Module._resolveFilename;
const empty={activeTextEditor:undefined,visibleTextEditors:[],textDocuments:[],workspaceFolders:undefined,then:undefined};
const stub=new Proxy(function(){},{get:(t,k)=>k===Symbol.toPrimitive?()=>0:k in empty?empty[k]:stub,set:()=>true,apply:()=>stub,construct:()=>stub});
const names=${JSON.stringify(VSCODE_NAMESPACES)};
const api=new Proxy({},{get:()=>stub,ownKeys:()=>names,getOwnPropertyDescriptor:()=>({enumerable:true,configurable:true})});
Module._resolveFilename=function(r,...a){return r==='vscode'?'vscode':orig.call(this,r,...a)};
require.cache.vscode={id:'vscode',filename:'vscode',loaded:true,exports:api};
const t0=performance.now();const ext=require('./dist/extension.js');const t1=performance.now();
ext.activate({subscriptions:[],globalState:stub,workspaceState:stub,extensionUri:stub,extensionPath:'.'});const t2=performance.now();
const heavy=Object.keys(require.cache).filter(k=>/vendor/.test(k)).length;
console.log(JSON.stringify({require:t1-t0,activate:t2-t1,heavy}))`);
console.log(`\nActivation of dist/extension.js: require ${activation.require!.toFixed(1)} ms + activate() ${activation.activate!.toFixed(1)} ms = ${(activation.require! + activation.activate!).toFixed(1)} ms (target < 20 ms); vendor files loaded at activation: ${activation.heavy}`);
