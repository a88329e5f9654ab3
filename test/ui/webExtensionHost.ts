/**
 * zhdoc as a web extension: a copy of the built extension without its Node entry (`main`), so the real
 * workbench can only run it in its web worker extension host, as vscode.dev does. A pinyin and slogan hover
 * and a conversion from the F1 palette must work there, with the dictionaries fetched from dist/vendor.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hoverText, ROOT, runFromPalette, runSampleTest, visibleText, waitForFolded, waitForZhdoc } from './workbench';

/**
 * The hover over `text` once it has finished loading, as a user waits for it: VS Code shows `Loading...` while
 * a provider (the pinyin one loads its dictionaries on first use) has not answered, and the answers of zhdoc's
 * two hover providers arrive one after the other, so this waits until the hover shows everything `expected`.
 */
async function loadedHover(page: Page, text: string, index: number, expected: readonly RegExp[]): Promise<string> {
  await hoverText(page, text, index);
  const shown = await page.waitForFunction(
    (sources) => {
      const hover = document.querySelector<HTMLElement>('.monaco-hover:not(.hidden)');
      const content = hover?.innerText ?? '';
      return content && !content.includes('Loading...') && sources.every((s) => new RegExp(s).test(content)) ? content : false;
    },
    expected.map((r) => r.source),
    { timeout: 60_000, polling: 100 },
  ).catch(async (e: unknown) => {
    const now = await page.locator('.monaco-hover:not(.hidden)').first().innerText().catch(() => '(no hover)');
    throw new Error(`the hover never finished loading with ${expected.join(' and ')}: it shows ${JSON.stringify(now)} (${e instanceof Error ? e.message : String(e)})`);
  });
  return ((await shown.jsonValue()) as string).trim();
}

/** A copy of the extension with only its browser entry. */
function webOnlyCopy(): string {
  const extension = join(mkdtempSync(join(tmpdir(), 'zhdoc-web-')), 'zhdoc-web');
  for (const part of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json', 'dist', 'syntaxes', 'media', 'l10n']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(extension, part), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.ok(manifest.browser, 'package.json declares a browser entry');
  delete manifest.main;
  writeFileSync(join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
  rmSync(join(extension, 'dist/extension.js'));
  process.on('exit', () => rmSync(join(extension, '..'), { recursive: true, force: true }));
  return extension;
}

runSampleTest('web extension host test', 'ui-web-extension-host.png', async (page) => {
  await waitForZhdoc(page);
  await waitForFolded(page);
  const hover = await loadedHover(page, '幹在實處', 0, [/gàn/, /known slogan/]);
  assert.doesNotMatch(hover, /Loading\.\.\./);
  await page.mouse.move(5, 5);
  await runFromPalette(page, 'zhdoc: Convert to Simplified');
  await page.locator('.view-line', { hasText: '八八战略' }).first().waitFor({ timeout: 20_000 });
  assert.ok((await visibleText(page)).includes('深入实施“八八战略”'));
  // The zhdoc output channel says where the analysis ran. code-server's web extension host refuses Web Workers
  // to extensions it serves from the remote ("Creating workers from remote extensions is currently not
  // supported"), so there zhdoc says it analyses on the extension host instead; vscode.dev allows them.
  await runFromPalette(page, 'zhdoc: Show Output');
  const log = page.locator('.panel .view-lines', { hasText: /analysis[\s\u00a0]+worker[\s\u00a0]+answered|no[\s\u00a0]+analysis[\s\u00a0]+worker/ }).first();
  await log.waitFor({ timeout: 20_000 });
  console.log(`  analysis in the web extension host: ${/no[\s\u00a0]+analysis[\s\u00a0]+worker/.test(await log.innerText()) ? 'in-process fallback (no nested Web Worker here)' : 'Web Worker'}`);
}, { extensionPath: webOnlyCopy() });
