/**
 * UI smoke test in the real VS Code workbench: zhdoc activates on the sample page, "zhdoc: Convert to
 * Simplified" runs from the F1 palette and the editor shows the converted text. Saves a screenshot.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, ROOT, runFromPalette, screenshot, visibleText, waitForZhdoc } from './workbench';

async function main(): Promise<void> {
  const started = Date.now();
  const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ui-'));
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  const original = readFileSync(join(workspace, 'sample-article.txt'), 'utf8');
  assert.ok(original.includes('八八戰略'));
  const workbench = await openWorkbench(workspace, 'sample-article.txt');
  const { page } = workbench;
  let failure: unknown;
  try {
    await waitForZhdoc(page);
    await page.locator('.view-line', { hasText: '八八戰略' }).first().waitFor();
    await screenshot(page, 'ui-sample-traditional.png');
    await runFromPalette(page, 'zhdoc: Convert to Simplified');
    await page.locator('.view-line', { hasText: '八八战略' }).first().waitFor({ timeout: 15_000 });
    const shown = await visibleText(page);
    assert.ok(shown.includes('深入实施“八八战略”'), 'the editor shows Simplified text');
    assert.ok(!shown.includes('八八戰略'), 'no Traditional 戰 left on screen');
    await page.locator('.statusbar-item', { hasText: /简 100%/ }).first().waitFor({ timeout: 10_000 });
  } catch (e) {
    failure = e;
  }
  const shot = await screenshot(page, 'ui-convert-to-simplified.png', { publish: true });
  await workbench.close();
  rmSync(workspace, { recursive: true, force: true });
  if (failure) {
    console.error(`UI smoke test FAILED: ${failure instanceof Error ? failure.message : String(failure)} (screenshot ${shot})`);
    process.exit(1);
  }
  console.log(`UI smoke test passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshot ${shot}`);
}

main().catch((e: unknown) => {
  console.error(`UI smoke test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
