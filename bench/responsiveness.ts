/**
 * Responsiveness on a 10 MB document in the real VS Code: each heavy zhdoc operation's duration and the
 * longest block of the extension host's event loop while it ran (the work that delays every extension's
 * answers; typing itself happens in the window process and is never blocked by it).
 * Usage: npm run bench:responsiveness
 */
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'zhdoc-bench-'));
  const out = join(dir, 'figures.json');
  process.env.ZHDOC_TEST_TIMEOUT_MS = '900000';
  await runTests({
    vscodeExecutablePath: join(root, 'scripts/code-server-shim.sh'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/bench/vscode/responsiveness.js'),
    launchArgs: [dir],
    extensionTestsEnv: { ZHDOC_BENCH_OUT: out },
  });
  const { characters, bytes, figures } = JSON.parse(readFileSync(out, 'utf8')) as { characters: number; bytes: number; figures: Array<{ operation: string; ms: number; longestBlockMs: number }> };
  console.log(`Responsiveness on ${(bytes / 1024 / 1024).toFixed(1)} MB (${characters.toLocaleString('en')} characters) in the real VS Code extension host:\n`);
  console.log('| operation | duration | longest event-loop block |');
  console.log('|---|---|---|');
  for (const f of figures) console.log(`| ${f.operation} | ${f.ms} ms | ${f.longestBlockMs} ms |`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(`responsiveness bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
