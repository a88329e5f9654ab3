/**
 * The packaged extension as a user gets it: `npm run package` makes zhdoc-<version>.vsix, code-server's CLI
 * installs it, and in the workbench (no development path) zhdoc activates on the sample page and converts
 * from the palette. Catches a package that lacks a file the extension needs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, runFromPalette, screenshot, visibleText, waitForZhdoc } from './workbench';

interface Launcher {
  codeServerEntry(): string;
  installVsix(entry: string, extensionsDir: string, vsix: string): void;
  startCodeServer(options: { workspace: string; extensionsDir: string; settings?: object }): Promise<{ stop(): void; url(folder: string, payload?: Array<[string, string]>): string }>;
  launchChromium(): Promise<Browser>;
  remoteUri(path: string): string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (packaged.status !== 0) throw new Error(`npm run package failed:\n${packaged.stdout}${packaged.stderr}`);
  assert.ok(!/WARNING/i.test(packaged.stdout + packaged.stderr), `vsce warned:\n${packaged.stdout}${packaged.stderr}`);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(ROOT, `zhdoc-${version}.vsix`);
  console.log(`packaged ${vsix}: ${(statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);

  const launcher = (await import(join(ROOT, 'scripts/code-server.mjs'))) as Launcher;
  const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-vsix-'));
  const extensionsDir = join(tmp, 'extensions');
  launcher.installVsix(launcher.codeServerEntry(), extensionsDir, vsix);
  const workspace = join(tmp, 'ws');
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  const server = await launcher.startCodeServer({ workspace, extensionsDir, settings: { 'editor.wordWrap': 'on' } });
  const browser = await launcher.launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  let failure: unknown;
  try {
    await page.goto(server.url(workspace, [['openFile', launcher.remoteUri(join(workspace, 'sample-article.txt'))]]));
    await page.locator('.editor-instance .monaco-editor .view-lines').waitFor({ timeout: 60_000 });
    await waitForZhdoc(page);
    await runFromPalette(page, 'zhdoc: Convert to Simplified');
    await page.locator('.view-line', { hasText: '八八战略' }).first().waitFor({ timeout: 20_000 });
    assert.ok((await visibleText(page)).includes('深入实施“八八战略”'));
  } catch (e) {
    failure = e;
  }
  const shot = await screenshot(page, 'ui-installed-vsix.png');
  await browser.close();
  server.stop();
  rmSync(tmp, { recursive: true, force: true });
  if (failure) {
    console.error(`installed .vsix test FAILED: ${failure instanceof Error ? failure.message : String(failure)} (screenshot ${shot})`);
    process.exit(1);
  }
  console.log(`installed .vsix test passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(`installed .vsix test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
