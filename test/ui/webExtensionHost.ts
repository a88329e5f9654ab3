/**
 * zhdoc as a web extension: a copy of the built extension without its Node entry (`main`), so the real
 * workbench can only run it in its web worker extension host, as vscode.dev does. Converting from the F1
 * palette must work there, with opencc-js fetched from dist/vendor on first use.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hoverText, openWorkbench, ROOT, runFromPalette, screenshot, visibleText, waitForFolded, waitForZhdoc } from './workbench';

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-web-'));
  const extension = join(tmp, 'zhdoc-web');
  for (const part of ['package.json', 'package.nls.json', 'dist', 'syntaxes', 'media', 'l10n']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(extension, part), { recursive: true });
  }
  for (const f of ['zh-cn', 'zh-tw']) if (existsSync(join(ROOT, `package.nls.${f}.json`))) cpSync(join(ROOT, `package.nls.${f}.json`), join(extension, `package.nls.${f}.json`));
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.ok(manifest.browser, 'package.json declares a browser entry');
  delete manifest.main;
  writeFileSync(join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
  rmSync(join(extension, 'dist/extension.js'));

  const workspace = join(tmp, 'ws');
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  const workbench = await openWorkbench(workspace, 'sample-article.txt', { extensionPath: extension });
  const { page } = workbench;
  let failure: unknown;
  try {
    await waitForZhdoc(page);
    await waitForFolded(page);
    // Pinyin and the slogan lexicon come from dist/vendor, fetched through the workspace file system.
    const hover = await hoverText(page, '幹在實處', 0);
    assert.match(hover, /gàn/);
    assert.match(hover, /known slogan/);
    await page.mouse.move(5, 5);
    await runFromPalette(page, 'zhdoc: Convert to Simplified');
    await page.locator('.view-line', { hasText: '八八战略' }).first().waitFor({ timeout: 20_000 });
    assert.ok((await visibleText(page)).includes('深入实施“八八战略”'));
  } catch (e) {
    failure = e;
  }
  const shot = await screenshot(page, 'ui-web-extension-host.png');
  await workbench.close();
  rmSync(tmp, { recursive: true, force: true });
  if (failure) {
    console.error(`web extension host test FAILED: ${failure instanceof Error ? failure.message : String(failure)} (screenshot ${shot})`);
    process.exit(1);
  }
  console.log(`web extension host test passed in ${((Date.now() - started) / 1000).toFixed(1)} s: zhdoc ran from dist/web/extension.js only`);
}

main().catch((e: unknown) => {
  console.error(`web extension host test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
