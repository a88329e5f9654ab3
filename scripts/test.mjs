// `npm test`: the whole suite, as CI runs it. Installs what the real-VS-Code tests need (idempotent), then:
// lint, type checks, unit tests (node:test on the core), grammar tests, integration tests (mocha in VS Code's extension host
// through @vscode/test-electron's runTests), UI tests (Playwright + chromium on the workbench).
// Every step runs even when an earlier one fails, and a summary says which failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const started = Date.now();
const only = process.env.ZHDOC_TEST_ONLY?.split(',');

const uiTests = () => readdirSync(join(root, 'test/ui')).filter((f) => f.endsWith('.ts') && f !== 'workbench.ts').map((f) => f.replace(/\.ts$/, '.js'));
const steps = [
  ['setup', 'bash', ['scripts/install-code-server.sh']],
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']],
  ['typecheck-core', 'npx', ['tsc', '-p', 'src/core', '--noEmit']],
  ['build', 'node', ['scripts/build.mjs', '--tests']],
  ['unit', 'node', ['--test', '--test-reporter=spec', 'out/test/unit/']],
  ['grammar', 'node', ['scripts/test-grammar.mjs']],
  ['integration', 'node', ['out/test/runIntegration.js']],
  ['web', 'node', ['out/test/web/run.js']],
  ...uiTests().map((f) => [`ui:${f.replace(/\.js$/, '')}`, 'node', [`out/test/ui/${f}`]]),
];

const results = [];
for (const [name, cmd, args] of steps) {
  if (only && !only.some((o) => name.startsWith(o))) continue;
  const t0 = Date.now();
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  results.push({ name, ok: status === 0, seconds: (Date.now() - t0) / 1000 });
  if (name === 'setup' && status !== 0) break; // nothing after it can run without the tools
  if (name === 'build' && status !== 0) break;
}

console.log('\n━━ summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(16)} ${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.ok);
console.log(`${failed.length ? `${failed.length} step(s) failed` : 'all steps passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed.length ? 1 : 0);
