/** UI test: hovering 幹 in the sample's 幹在實處 shows its reading, gàn, in the real workbench. Saves a screenshot. */
import * as assert from 'node:assert/strict';
import { hoverText, runSampleTest, waitForFolded, waitForZhdoc } from './workbench';

runSampleTest('pinyin hover UI test', 'ui-pinyin-hover-smoke.png', async (page) => {
  await waitForZhdoc(page);
  await waitForFolded(page);
  const hover = await hoverText(page, '幹在實處', 0);
  assert.match(hover, /gàn/);
});
