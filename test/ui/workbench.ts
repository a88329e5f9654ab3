/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** Drives the real VS Code workbench (code-server in chromium) for the UI tests: start, open, palette, hover. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

interface CodeServerHandle {
  stop(): void;
  url(folder: string, payload?: Array<[string, string]>): string;
}
interface CodeServerModule {
  ROOT: string;
  startCodeServer(options: { workspace: string; settings?: object; locale?: string; verbose?: boolean; install?: string[] }): Promise<CodeServerHandle>;
  launchChromium(options?: { headless?: boolean }): Promise<Browser>;
  remoteUri(path: string): string;
}

export const ROOT = resolve(__dirname, '../../..');
export const RESULTS = join(ROOT, 'test-results');

export interface Workbench {
  readonly page: Page;
  close(): Promise<void>;
}

/** Starts code-server with zhdoc under development and opens `file` of `workspace` in chromium. */
export async function openWorkbench(workspace: string, file: string, options: { settings?: object; locale?: string; extensionPath?: string } = {}): Promise<Workbench> {
  // Loaded at run time: the launcher is plain JavaScript shared with `npm start` and the test shim.
  const launcher = (await import(join(ROOT, 'scripts/code-server.mjs'))) as CodeServerModule;
  const install = options.locale && options.locale !== 'en' ? [languagePack(options.locale)] : [];
  const server = await launcher.startCodeServer({ workspace, settings: { 'editor.hover.delay': 150, 'editor.wordWrap': 'on', ...options.settings }, locale: options.locale, install, verbose: !!process.env.CS_VERBOSE });
  const browser = await launcher.launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => process.env.PAGE_CONSOLE && console.error('[workbench error]', e.message));
  const payload: Array<[string, string]> = [['extensionDevelopmentPath', launcher.remoteUri(options.extensionPath ?? ROOT)], ['openFile', launcher.remoteUri(join(workspace, file))]];
  await page.goto(server.url(workspace, payload));
  await page.locator('.editor-instance .monaco-editor .view-lines').waitFor({ timeout: 60_000 });
  return {
    page,
    close: async () => {
      await browser.close();
      server.stop();
    },
  };
}

/**
 * A .vsix of the test language pack for `locale` (test/fixtures/language-pack-<locale>), built once: with it
 * installed the workbench runs in that display language, so zhdoc's own translations show.
 */
function languagePack(locale: string): string {
  const source = join(ROOT, 'test/fixtures', `language-pack-${locale}`);
  const vsix = join(RESULTS, `language-pack-${locale}.vsix`);
  if (!existsSync(vsix)) {
    mkdirSync(RESULTS, { recursive: true });
    const r = spawnSync(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--allow-missing-repository', '--out', vsix], { cwd: source, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`packaging the ${locale} test language pack failed:\n${r.stdout}${r.stderr}`);
  }
  return vsix;
}

/** Waits for zhdoc's first visible effect, the script-mix status bar item, so its commands are registered. */
export async function waitForZhdoc(page: Page): Promise<void> {
  await page.locator('.statusbar-item', { hasText: /繁 \d+% · 简 \d+%|繁简通用/ }).first().waitFor({ timeout: 60_000 });
}

/**
 * Waits until zhdoc has folded the sample page's boilerplate: the text stops moving, so a position measured
 * on screen stays valid (a hover aimed before the fold would land on another line).
 */
export async function waitForFolded(page: Page): Promise<void> {
  // zhdoc's boilerplate hint shows the fold icon once it has folded (in any display language).
  await page.locator('.statusbar-item .codicon-fold').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
}

/** Runs a command from the F1 palette by its title, retried while the palette has not listed it yet. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw e;
    }
  }
}

/** The text of the editor's rendered lines (what the user sees). */
export async function visibleText(page: Page): Promise<string> {
  return (await page.locator('.editor-instance .monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Saves a screenshot under test-results/. A published one (the README's and the walkthrough's pictures) is
 * also copied to media/screenshots/ when ZHDOC_UPDATE_SCREENSHOTS=1 (`npm run screenshots`).
 */
export async function screenshot(page: Page, name: string, options: { publish?: boolean } = {}): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, name);
  await page.screenshot({ path });
  if (options.publish && process.env.ZHDOC_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(join(ROOT, 'media/screenshots'), { recursive: true });
    copyFileSync(path, join(ROOT, 'media/screenshots', name));
  }
  return path;
}

/**
 * Moves the mouse over the `index`-th character of the first rendered occurrence of `text` and returns the
 * text of the hover that appears.
 */
export async function hoverText(page: Page, text: string, index: number): Promise<string> {
  const point = await page.evaluate(
    ([needle, at]) => {
      for (const line of document.querySelectorAll('.editor-instance .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf(needle as string);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i + (at as number));
          range.setEnd(node, i + (at as number) + 1);
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }
      }
      return undefined;
    },
    [text, index] as const,
  );
  if (!point) throw new Error(`"${text}" is not on screen`);
  await page.mouse.move(point.x - 40, point.y);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.locator('.hover-contents').first().waitFor({ timeout: 15_000 });
  // Providers answer one after another (zhdoc's slogan and pinyin hovers): give the slower one a moment.
  await page.waitForTimeout(700);
  return (await hover.innerText()).trim();
}

/**
 * A UI test on the sample page: opens the workbench (with zhdoc from `extensionPath`, this repository by
 * default), runs `body`, saves the screenshot `shot` whatever happened, closes everything, and exits 1 with a
 * one-line reason on failure.
 */
export function runSampleTest(name: string, shot: string, body: (page: Page) => Promise<void>, options: { extensionPath?: string; publish?: boolean } = {}): void {
  const run = async (): Promise<void> => {
    const started = Date.now();
    const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-ui-'));
    cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
    const workbench = await openWorkbench(workspace, 'sample-article.txt', { extensionPath: options.extensionPath });
    let failure: unknown;
    try {
      await body(workbench.page);
    } catch (e) {
      failure = e;
    }
    const path = await screenshot(workbench.page, shot, { publish: options.publish });
    await workbench.close();
    rmSync(workspace, { recursive: true, force: true });
    if (failure) throw new Error(`${failure instanceof Error ? failure.message : String(failure)} (screenshot ${path})`);
    console.log(`${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshot ${path}`);
  };
  run().catch((e: unknown) => {
    console.error(`${name} FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
