/**
 * Responsiveness on 10 MB and 1 MB documents in the real VS Code: how long zhdoc's marks take to appear, the
 * longest block of the extension host's event loop after typing (the work that delays every extension's
 * answers; typing itself happens in the window process), hovers, activation and whole-document commands.
 * First the same steps run with a zhdoc that contributes nothing (the baseline: VS Code's own blocks on a
 * 10 MB document, which no extension can remove), then with this build.
 * Usage: npm run bench:responsiveness
 *   ZHDOC_BENCH_EXTENSION=/path/to/other/build  measures another build of zhdoc (e.g. the one before a change)
 *   ZHDOC_BENCH_SKIP_COMMANDS=1                 skips the whole-document commands (about a minute of CPU)
 *   ZHDOC_BENCH_COMMANDS=convertToSimplified,…  runs only these whole-document commands
 *   ZHDOC_BENCH_STRATEGIES=lines,plan4000,whole  the shapes in which the bench applies Convert's edit itself, in
 *                                               both runs (none: skip; see bench/vscode/responsiveness.ts)
 *   ZHDOC_BENCH_SKIP_BASELINE=1                 skips the baseline run
 *   ZHDOC_BENCH_SIZES=1                         only the 1 MB document (the final line then needs 10)
 *   ZHDOC_BENCH_PROFILE=dir                     CPU-profiles each phase on the extension host into dir
 *                                               (summarise with node scripts/profile-top.mjs dir/N-phase.cpuprofile)
 *   ZHDOC_BENCH_KEEP_MERGE_CONFLICT=1           leaves VS Code's built-in merge-conflict extension scanning (below)
 *
 * VS Code's built-in merge-conflict extension calls getText() on the whole document and searches it for
 * conflict markers after every edit pause; on 10 MB that, with the garbage collection of the 20 MB string,
 * was the longest block after typing in both runs (45–68 ms of getText plus 17–72 ms of GC in a profile,
 * 107 ms with a zhdoc that does nothing). It is not zhdoc's work, so both runs switch its scans off by its own
 * settings; every other block is still counted, whoever causes it.
 */
import { runTests } from '@vscode/test-electron';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Figure {
  size: string;
  operation: string;
  ms: number;
  longestBlockMs: number;
  zhdocBlockMs?: number;
  note?: string;
}

interface Figures {
  figures: Figure[];
  vendorsAtActivation: string[];
  vendorsOnHost: string[];
}

/** The user settings of both runs: merge-conflict's whole-document scans off unless asked to keep them. */
const KEEP_MERGE_CONFLICT = !!process.env.ZHDOC_BENCH_KEEP_MERGE_CONFLICT;
const BENCH_SETTINGS = KEEP_MERGE_CONFLICT ? {} : { 'merge-conflict.decorators.enabled': false, 'merge-conflict.codeLens.enabled': false };

async function runIn(root: string, extension: string, dir: string, name: string): Promise<Figures> {
  const out = join(dir, `${name}.json`);
  // Read by the code-server shim (scripts/run-tests-in-code-server.mjs) into the run's user settings.
  process.env.ZHDOC_TEST_SETTINGS = JSON.stringify(BENCH_SETTINGS);
  const workspace = join(dir, `${name}-workspace`);
  mkdirSync(workspace);
  await runTests({
    vscodeExecutablePath: join(root, 'scripts/code-server-shim.sh'),
    extensionDevelopmentPath: extension,
    extensionTestsPath: join(root, 'out/bench/vscode/responsiveness.js'),
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: {
      ZHDOC_BENCH_OUT: out,
      ZHDOC_BENCH_SKIP_COMMANDS: process.env.ZHDOC_BENCH_SKIP_COMMANDS ?? '',
      ZHDOC_BENCH_COMMANDS: process.env.ZHDOC_BENCH_COMMANDS ?? '',
      ZHDOC_BENCH_STRATEGIES: process.env.ZHDOC_BENCH_STRATEGIES ?? '',
      ZHDOC_BENCH_SIZES: process.env.ZHDOC_BENCH_SIZES ?? '10,1',
      ZHDOC_BENCH_PROFILE: process.env.ZHDOC_BENCH_PROFILE && name === 'zhdoc' ? resolve(process.env.ZHDOC_BENCH_PROFILE) : '',
    },
  });
  return JSON.parse(readFileSync(out, 'utf8')) as Figures;
}

/** An extension with zhdoc's id that contributes nothing: VS Code alone, driven by the same bench. */
function baselineExtension(dir: string): string {
  const path = join(dir, 'baseline-extension');
  mkdirSync(path);
  writeFileSync(join(path, 'package.json'), JSON.stringify({ name: 'zhdoc', publisher: 'zhdoc', version: '0.0.0', engines: { vscode: '^1.90.0' } }));
  return path;
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const extension = process.env.ZHDOC_BENCH_EXTENSION ? resolve(process.env.ZHDOC_BENCH_EXTENSION) : root;
  const dir = mkdtempSync(join(tmpdir(), 'zhdoc-bench-'));
  process.env.ZHDOC_TEST_TIMEOUT_MS = '900000';
  const load = [loadavg()[0]!];
  const base = process.env.ZHDOC_BENCH_SKIP_BASELINE ? undefined : await runIn(root, baselineExtension(dir), dir, 'baseline');
  load.push(loadavg()[0]!);
  const { figures, vendorsAtActivation, vendorsOnHost } = await runIn(root, extension, dir, 'zhdoc');
  load.push(loadavg()[0]!);
  rmSync(dir, { recursive: true, force: true });

  const baseFor = (f: Figure): Figure | undefined => {
    const phase = f.operation.split(' ')[0];
    return base?.figures.find((b) => b.size === f.size && b.operation.split(' ')[0] === phase && (phase !== 'hover' || b.operation.includes('(warm') === f.operation.includes('(warm')) && (phase !== 'apply' || b.operation === f.operation));
  };
  console.log(`Responsiveness of ${extension === root ? 'this build' : extension} in the real VS Code extension host (code-server 4.100.3 = VS Code 1.100.3).`);
  console.log(KEEP_MERGE_CONFLICT ? "VS Code's merge-conflict extension scanning the document as by default (ZHDOC_BENCH_KEEP_MERGE_CONFLICT)." : "VS Code's merge-conflict extension's whole-document scans off in both runs (its own blocks are not zhdoc's; ZHDOC_BENCH_KEEP_MERGE_CONFLICT=1 keeps them).");
  console.log(`Machine load (1-minute load average, ${2} cores would be 2.0 fully busy) before / between / after the runs: ${load.map((l) => l.toFixed(1)).join(' / ')}\n`);
  console.log('| document | operation | duration | longest event-loop block | zhdoc\'s own longest block | same step, VS Code alone: duration / longest block | notes |');
  console.log('|---|---|---|---|---|---|---|');
  for (const f of figures) {
    const b = baseFor(f);
    const own = f.zhdocBlockMs === undefined ? '–' : `${Math.round(f.zhdocBlockMs * 10) / 10} ms`;
    console.log(`| ${f.size} | ${f.operation} | ${f.ms} ms | ${f.longestBlockMs} ms | ${own} | ${b ? `${b.ms} ms / ${b.longestBlockMs} ms` : '–'} | ${f.note ?? ''} |`);
  }
  console.log(`\nvendor bundles on the extension host after activation: ${vendorsAtActivation.length ? vendorsAtActivation.join(', ') : 'none'}`);
  console.log(`vendor bundles on the extension host at the end: ${vendorsOnHost.length ? vendorsOnHost.join(', ') : 'none'}`);
  const typing = figures.find((f) => f.size === '10 MB' && f.operation.startsWith('typing'));
  if (!typing) throw new Error('no typing figure for 10 MB');
  const baseTyping = baseFor(typing);
  if (baseTyping) console.log(`longest event-loop block after typing on 10 MB, VS Code alone: ${baseTyping.longestBlockMs} ms; with zhdoc: ${typing.longestBlockMs} ms (${(typing.longestBlockMs / Math.max(1, baseTyping.longestBlockMs)).toFixed(2)}×)`);
  if (typing.zhdocBlockMs !== undefined) console.log(`zhdoc's own code after typing on 10 MB held the thread at most ${Math.round(typing.zhdocBlockMs)} ms at a time (timed inside zhdoc; the longest block below also counts VS Code's own work and message decoding)`);
  // The whole event loop's longest block while zhdoc catches up: an upper bound of zhdoc's share.
  console.log(`longest zhdoc block after typing on 10 MB: ${typing.longestBlockMs} ms`);
}

main().catch((e: unknown) => {
  console.error(`responsiveness bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
