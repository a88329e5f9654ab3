/**
 * Runs the integration suite in a real VS Code through @vscode/test-electron's runTests. By default the
 * "VS Code executable" is scripts/code-server-shim.sh (code-server + chromium, for machines that cannot
 * download desktop VS Code); ZHDOC_TEST_VSCODE=desktop lets runTests download and use desktop VS Code.
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ws-'));
  cpSync(join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  cpSync(join(root, 'samples'), join(workspace, 'samples'), { recursive: true });
  const desktop = process.env.ZHDOC_TEST_VSCODE === 'desktop';
  try {
    await runTests({
      ...(desktop ? { version: process.env.ZHDOC_TEST_VSCODE_VERSION ?? 'stable' } : { vscodeExecutablePath: join(root, 'scripts/code-server-shim.sh') }),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out/test/integration/index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { ZHDOC_TEST_WORKSPACE: workspace },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`integration tests failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
