/**
 * UI test: with word wrap on and slogans marked, every character of a long paragraph stays in view. The marks
 * once had a count badge (×5) after a phrase; VS Code wraps lines without counting such `after` text, so the
 * badge pushed characters past the editor's right edge, under the minimap. The test waits until the slogans are
 * painted (the status bar's 提法 count and the marks in the text), then reads the rendered lines: their text, in
 * order, is the document's text, and no character lies right of the text area. Saves a screenshot.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, screenshot, visibleText, waitForZhdoc } from './workbench';

/** A paragraph of our own, dense with known formulae, long enough to wrap many times. */
const SENTENCE = '坚持以“八八战略”为总纲，忠实践行“两个先行”，在中国式现代化新征程上干在实处、走在前列、勇立潮头，推进创新深化、改革攻坚、开放提升，打造“重要窗口”。';
const PARAGRAPH = SENTENCE.repeat(12);

async function run(): Promise<void> {
  const started = Date.now();
  const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ui-wrap-'));
  cpSync(join(__dirname, '../../../samples'), workspace, { recursive: true });
  writeFileSync(join(workspace, 'long-paragraph.txt'), `${PARAGRAPH}\n`);
  const workbench = await openWorkbench(workspace, 'long-paragraph.txt', { settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': true } });
  const { page } = workbench;
  let failure: unknown;
  try {
    await waitForZhdoc(page);
    // What a user waits for: the slogan count in the status bar, then the marks on the text.
    await page.locator('.statusbar-item', { hasText: /提法 \d+/ }).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.editor-instance .view-overlays [class*="ced-"], .editor-instance .view-lines [class*="ced-"]').length > 0, undefined, { timeout: 30_000 });
    const shown = (await visibleText(page)).replace(/\n/g, '');
    assert.ok(shown.length > 200, `a long stretch of the paragraph is on screen (${shown.length} characters)`);
    assert.equal(shown, PARAGRAPH.slice(0, shown.length), 'the rendered lines read as the text, nothing added or missing');
    const overflow = await page.evaluate(() => {
      const scrollable = document.querySelector('.editor-instance .monaco-editor .monaco-scrollable-element.editor-scrollable');
      const minimap = document.querySelector('.editor-instance .monaco-editor .minimap');
      if (!scrollable) return ['no editor'];
      const right = Math.min(scrollable.getBoundingClientRect().right, minimap ? minimap.getBoundingClientRect().left : Infinity);
      const out: string[] = [];
      for (const line of document.querySelectorAll('.editor-instance .view-line')) {
        const range = document.createRange();
        range.selectNodeContents(line);
        for (const box of range.getClientRects()) if (box.width > 0 && box.right > right + 1) out.push(`${(line.textContent ?? '').slice(-6)} ends at ${Math.round(box.right)} > ${Math.round(right)}`);
      }
      return out;
    });
    assert.deepEqual(overflow, [], 'no rendered text lies right of the text area');
  } catch (e) {
    failure = e;
  }
  const path = await screenshot(page, 'ui-slogan-wrap.png');
  await workbench.close();
  rmSync(workspace, { recursive: true, force: true });
  if (failure) throw new Error(`${failure instanceof Error ? failure.message : String(failure)} (screenshot ${path})`);
  console.log(`slogan word-wrap UI test passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshot ${path}`);
}

run().catch((e: unknown) => {
  console.error(`slogan word-wrap UI test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
