/**
 * UI smoke test in the real VS Code workbench: zhdoc activates on the sample page, "zhdoc: Convert to
 * Simplified" runs from the F1 palette and the editor shows the converted text. Saves a screenshot.
 */
import * as assert from 'node:assert/strict';
import { runFromPalette, runSampleTest, screenshot, visibleText, waitForZhdoc } from './workbench';

runSampleTest('UI smoke test', 'ui-convert-to-simplified.png', async (page) => {
  await waitForZhdoc(page);
  await page.locator('.view-line', { hasText: '八八戰略' }).first().waitFor();
  await screenshot(page, 'ui-sample-traditional.png');
  await runFromPalette(page, 'zhdoc: Convert to Simplified');
  await page.locator('.view-line', { hasText: '八八战略' }).first().waitFor({ timeout: 15_000 });
  const shown = await visibleText(page);
  assert.ok(shown.includes('深入实施“八八战略”'), 'the editor shows Simplified text');
  assert.ok(!shown.includes('八八戰略'), 'no Traditional 戰 left on screen');
  await page.locator('.statusbar-item', { hasText: /简 100%/ }).first().waitFor({ timeout: 10_000 });
}, { publish: true });
