/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Each capability on the sample page in the real workbench, in English and in Chinese (zhdoc's own UI; VS Code's
 * frame stays English without a language pack): mixed script highlighted, slogans marked with the Slogans view
 * and report, boilerplate folded. Saves the screenshots the README and the walkthrough show.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { hoverText, openWorkbench, ROOT, runFromPalette, screenshot, waitForFolded, waitForZhdoc } from './workbench';

const LOCALES = (process.env.ZHDOC_UI_LOCALES ?? 'en,zh-cn').split(',');

/** A command's title as the palette lists it in a display language, from zhdoc's own manifest strings. */
function title(locale: string, key: string): string {
  const file = locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`;
  const strings = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;
  return `zhdoc: ${strings[`command.${key}`]}`;
}

async function paintedCount(page: Page, colour: RegExp): Promise<number> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    return [...document.querySelectorAll('.monaco-editor .view-overlays div, .monaco-editor .view-line span')].filter((e) => re.test(getComputedStyle(e).backgroundColor)).length;
  }, colour.source);
}

/**
 * The report's bars as the webview renders them (the CSP allows no inline style; the nonce'd script sizes them):
 * each bar's width over the longest bar's is its count over the largest count.
 */
async function assertBarsProportional(frame: FrameLocator): Promise<void> {
  const measure = (): Promise<Array<{ width: number; count: number }>> =>
    frame.locator('.chart .bar').evaluateAll((bars) => bars.map((b) => ({ width: b.getBoundingClientRect().width, count: Number(b.nextElementSibling?.textContent) })));
  let bars = await measure();
  // Until the report's script has run, every bar has the CSS min-width.
  for (const deadline = Date.now() + 20_000; bars.length && Math.max(...bars.map((b) => b.width)) <= 2 && Date.now() < deadline; ) bars = await measure();
  assert.ok(bars.length >= 2, `report chart has bars: ${JSON.stringify(bars)}`);
  const widest = Math.max(...bars.map((b) => b.width));
  const most = Math.max(...bars.map((b) => b.count));
  assert.ok(new Set(bars.map((b) => b.count)).size >= 2, `the sample has different counts: ${JSON.stringify(bars)}`);
  for (const b of bars) {
    // Half a pixel of rounding either way, and the 2 px min-width of a tiny share.
    const expected = Math.max((widest * b.count) / most, 2);
    assert.ok(Math.abs(b.width - expected) <= 1, `bar for count ${b.count} is ${b.width.toFixed(1)} px, expected ${expected.toFixed(1)} (widest ${widest.toFixed(1)} for ${most}): ${JSON.stringify(bars)}`);
  }
}

async function runLocale(locale: string): Promise<void> {
  const suffix = locale === 'en' ? '' : `-${locale}`;
  const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ui-'));
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  const workbench = await openWorkbench(workspace, 'sample-article.txt', locale === 'en' ? {} : { locale });
  const { page } = workbench;
  try {
    await waitForZhdoc(page);
    await waitForFolded(page);
    await screenshot(page, `ui-boilerplate${suffix}.png`, { publish: true });

    // Pinyin hover in the display language.
    const hover = await hoverText(page, '幹在實處', 0);
    assert.match(hover, /gàn/);
    await screenshot(page, `ui-pinyin-hover${suffix}.png`, { publish: true });
    await page.mouse.move(5, 5);

    // Slogans: marks with count badges in the editor, and the Slogans view listing them.
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-overlays div')].some((e) => /^rgba\(255, 183, 0/.test(getComputedStyle(e).backgroundColor) || /^rgba\(208, 135, 0/.test(getComputedStyle(e).backgroundColor)), null, { timeout: 20_000, polling: 250 });
    await page.locator('.activitybar .action-item a[aria-label^="zhdoc"]').first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: '八八战略' }).first().waitFor({ timeout: 20_000 });
    await screenshot(page, `ui-slogans${suffix}.png`, { publish: true });

    // The report webview.
    await runFromPalette(page, title(locale, 'showSloganReport'));
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('table tbody tr', { hasText: '八八战略' }).first().waitFor({ timeout: 20_000 });
    await assertBarsProportional(frame);
    await screenshot(page, `ui-slogan-report${suffix}.png`, { publish: true });

    // Mixed script: the stray Simplified characters highlighted.
    await page.locator('.view-line').first().click();
    await runFromPalette(page, title(locale, 'showMixedScript'));
    await page.waitForTimeout(1300);
    assert.ok((await paintedCount(page, /^rgba\(255, 140, 0/)) >= 1, 'minority characters highlighted');
    await hoverText(page, '标誌性', 0).catch(() => '');
    await screenshot(page, `ui-mixed-script${suffix}.png`, { publish: true });
  } finally {
    await workbench.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const locale of LOCALES) {
    await runLocale(locale);
    console.log(`capabilities (${locale}) passed`);
  }
  console.log(`capability screenshots passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(`capability UI test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
