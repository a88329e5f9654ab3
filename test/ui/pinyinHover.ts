/** UI test: hovering 幹 in the sample's 幹在實處 shows its reading, gàn, in the real workbench. Saves a screenshot. */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hoverText, openWorkbench, ROOT, screenshot, waitForFolded, waitForZhdoc } from './workbench';

async function main(): Promise<void> {
  const started = Date.now();
  const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ui-'));
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  const workbench = await openWorkbench(workspace, 'sample-article.txt');
  const { page } = workbench;
  let failure: unknown;
  try {
    await waitForZhdoc(page);
    await waitForFolded(page);
    const hover = await hoverText(page, '幹在實處', 0);
    assert.match(hover, /gàn/);
    console.log(`hover: ${JSON.stringify(hover.slice(0, 120))}`);
  } catch (e) {
    failure = e;
  }
  const shot = await screenshot(page, 'ui-pinyin-hover-smoke.png');
  await workbench.close();
  rmSync(workspace, { recursive: true, force: true });
  if (failure) {
    console.error(`pinyin hover UI test FAILED: ${failure instanceof Error ? failure.message : String(failure)} (screenshot ${shot})`);
    process.exit(1);
  }
  console.log(`pinyin hover UI test passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshot ${shot}`);
}

main().catch((e: unknown) => {
  console.error(`pinyin hover UI test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
