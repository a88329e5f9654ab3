/**
 * Responsiveness on 10 MB and 1 MB documents in the real VS Code: how long zhdoc's marks take to appear, the
 * longest block of the extension host's event loop after typing (the work that delays every extension's
 * answers; typing itself happens in the window process), hovers, activation and whole-document commands.
 * Usage: npm run bench:responsiveness
 *   ZHDOC_BENCH_EXTENSION=/path/to/other/build  measures another build of zhdoc (e.g. the one before a change)
 *   ZHDOC_BENCH_SKIP_COMMANDS=1                 skips the whole-document commands (about a minute of CPU)
 *   ZHDOC_BENCH_SIZES=1                         only the 1 MB document (the final line then needs 10)
 */
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Figures {
  figures: Array<{ size: string; operation: string; ms: number; longestBlockMs: number }>;
  vendorsAtActivation: string[];
  vendorsOnHost: string[];
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const extension = process.env.ZHDOC_BENCH_EXTENSION ? resolve(process.env.ZHDOC_BENCH_EXTENSION) : root;
  const dir = mkdtempSync(join(tmpdir(), 'zhdoc-bench-'));
  const out = join(dir, 'figures.json');
  process.env.ZHDOC_TEST_TIMEOUT_MS = '900000';
  await runTests({
    vscodeExecutablePath: join(root, 'scripts/code-server-shim.sh'),
    extensionDevelopmentPath: extension,
    extensionTestsPath: join(root, 'out/bench/vscode/responsiveness.js'),
    launchArgs: [dir, '--disable-extensions'],
    extensionTestsEnv: { ZHDOC_BENCH_OUT: out, ZHDOC_BENCH_SKIP_COMMANDS: process.env.ZHDOC_BENCH_SKIP_COMMANDS ?? '', ZHDOC_BENCH_SIZES: process.env.ZHDOC_BENCH_SIZES ?? '10,1' },
  });
  const { figures, vendorsAtActivation, vendorsOnHost } = JSON.parse(readFileSync(out, 'utf8')) as Figures;
  console.log(`Responsiveness of ${extension === root ? 'this build' : extension} in the real VS Code extension host (code-server):\n`);
  console.log('| document | operation | duration | longest event-loop block |');
  console.log('|---|---|---|---|');
  for (const f of figures) console.log(`| ${f.size} | ${f.operation} | ${f.ms} ms | ${f.longestBlockMs} ms |`);
  console.log(`\nvendor bundles on the extension host after activation: ${vendorsAtActivation.length ? vendorsAtActivation.join(', ') : 'none'}`);
  console.log(`vendor bundles on the extension host at the end: ${vendorsOnHost.length ? vendorsOnHost.join(', ') : 'none'}`);
  const typing = figures.find((f) => f.size === '10 MB' && f.operation.startsWith('typing'));
  rmSync(dir, { recursive: true, force: true });
  if (!typing) throw new Error('no typing figure for 10 MB');
  console.log(`longest zhdoc block after typing on 10 MB: ${typing.longestBlockMs} ms`);
}

main().catch((e: unknown) => {
  console.error(`responsiveness bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
