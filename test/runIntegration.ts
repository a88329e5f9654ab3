/**
 * Runs the integration suite in a real VS Code through @vscode/test-electron's runTests. By default the
 * "VS Code executable" is scripts/code-server-shim.sh (code-server + chromium, for machines that cannot
 * download desktop VS Code); ZHDOC_TEST_VSCODE=desktop lets runTests download and use desktop VS Code.
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Two runs: the suite in a trusted workspace, then the untrusted-workspace suite (test/integration/untrusted)
 * with workspace trust on, in a workspace whose settings try to make zhdoc read files and rewrite conversions.
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const desktop = process.env.ZHDOC_TEST_VSCODE === 'desktop';
  for (const untrusted of [false, true]) {
    if (process.env.ZHDOC_TEST_UNTRUSTED_ONLY && !untrusted) continue;
    if (process.env.ZHDOC_TEST_GREP && untrusted) continue;
    const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ws-'));
    cpSync(join(root, untrusted ? 'test/fixtures/untrusted-workspace' : 'test/fixtures/workspace'), workspace, { recursive: true });
    cpSync(join(root, 'samples'), join(workspace, 'samples'), { recursive: true });
    // Read by the code-server shim; desktop VS Code gets the equivalent launch flags below.
    process.env.ZHDOC_WORKSPACE_TRUST = untrusted ? '1' : '';
    try {
      await runTests({
        ...(desktop ? { version: process.env.ZHDOC_TEST_VSCODE_VERSION ?? 'stable' } : { vscodeExecutablePath: join(root, 'scripts/code-server-shim.sh') }),
        extensionDevelopmentPath: root,
        extensionTestsPath: join(root, 'out/test/integration/index.js'),
        launchArgs: [workspace, '--disable-extensions', ...(untrusted || !desktop ? [] : ['--disable-workspace-trust'])],
        extensionTestsEnv: { ZHDOC_TEST_WORKSPACE: workspace, ZHDOC_TEST_SUITE: untrusted ? 'untrusted' : 'main' },
      });
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }
}

main().catch((e: unknown) => {
  console.error(`integration tests failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
