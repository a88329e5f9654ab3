/**
 * Runs inside the real VS Code extension host (started by bench/responsiveness.ts). For a 10 MB and a 1 MB
 * document: how long until zhdoc's marks appear after opening, the longest block of the extension host's
 * event loop while the user types and until the slogans, folds, 字数 and script mix are back, hover
 * latencies, and the whole-document commands. A 5 ms ticker notes every gap of the event loop; a gap is
 * counted whatever caused it (VS Code's own handling of the edits included), so the figures are upper bounds
 * of zhdoc's share. Writes the figures to $ZHDOC_BENCH_OUT. Uses only the ZhdocApi members zhdoc 0.1 has, so
 * the same bench measures the build before this change (ZHDOC_BENCH_EXTENSION).
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

interface Figure {
  readonly size: string;
  readonly operation: string;
  readonly ms: number;
  readonly longestBlockMs: number;
}

interface Api {
  readonly characterCount: { statusText(): string | undefined };
  readonly mixedScript: { statusText(): string | undefined };
  readonly boilerplate: { statusText(): string | undefined };
  readonly slogans: { decorations(uri: vscode.Uri): { known: vscode.Range[] }; model: { current(d: vscode.TextDocument): unknown } };
  readonly log?: { entries(): ReadonlyArray<{ level: string; message: string }> };
}

/** Typing speed of a fast typist: 20 characters with 80 ms between them. */
const KEYSTROKES = 20;
const KEYSTROKE_MS = 80;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The longest event-loop gap while `run` runs. */
async function measure<T>(run: () => Thenable<T> | Promise<T>): Promise<{ ms: number; longestBlockMs: number; value: T }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  return { ms: Math.round(ms), longestBlockMs: Math.round(longest), value };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000, explain: () => string = () => ''): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} ${explain()}`);
    await sleep(10);
  }
}

function documentText(megabytes: number): string {
  const paragraph = '會議強調，要牢牢把握以“兩個先行”打造“重要窗口”的目標要求，深入實施“八八戰略”，把高質量發展作為首要任務，負責人參加會議。\n';
  const header = '深入實施“八八戰略”\n\n來源 : 東海日報    作者 :      時間 : 2024-03-12    點擊數:87  打印\n\n';
  const footer = '\n聯繫我們\n地址:東海省臨江市文教路100號\n郵編:310000\nCopyright © 臨江學院 版權所有 東ICP備10000000號-1\n';
  return header + paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(paragraph))) + footer;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function run(): Promise<void> {
  const figures: Figure[] = [];
  const extension = vscode.extensions.getExtension('zhdoc.zhdoc')!;
  const activation = await measure(() => extension.activate());
  const api = activation.value as Api;
  figures.push({ size: '-', operation: 'activation (loading dist/extension.js and activate())', ms: activation.ms, longestBlockMs: activation.longestBlockMs });
  const vendorsAtActivation = Object.keys(require.cache).filter((k) => /[\\/]dist[\\/]vendor[\\/]/.test(k));
  const commands = !process.env.ZHDOC_BENCH_SKIP_COMMANDS;

  const sizes = (process.env.ZHDOC_BENCH_SIZES ?? '10,1').split(',').map(Number);
  for (const megabytes of sizes) {
    const size = `${megabytes} MB`;
    const text = documentText(megabytes);
    const marked = (document: vscode.TextDocument): boolean =>
      !!api.slogans.model.current(document) && api.slogans.decorations(document.uri).known.length > 0 && !!api.characterCount.statusText() && !!api.mixedScript.statusText() && !!api.boilerplate.statusText();
    let document!: vscode.TextDocument;
    let editor!: vscode.TextEditor;
    const opened = await measure(async () => {
      document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      editor = await vscode.window.showTextDocument(document);
      await until('marks after opening', () => marked(document), 300_000, () => JSON.stringify({
        slogans: !!api.slogans.model.current(document), decorated: api.slogans.decorations(document.uri).known.length,
        han: api.characterCount.statusText(), scripts: api.mixedScript.statusText(), boilerplate: api.boilerplate.statusText(),
        log: api.log?.entries().slice(-5),
      }));
    });
    figures.push({ size, operation: 'open until slogans, folds, 字数 and script mix are shown', ms: opened.ms, longestBlockMs: opened.longestBlockMs });
    await sleep(1000);

    const middle = new vscode.Position(Math.floor(document.lineCount / 2), 5);
    if (megabytes === 10) {
      const first = await measure(() => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, middle));
      figures.push({ size, operation: 'hover (first)', ms: first.ms, longestBlockMs: first.longestBlockMs });
    }
    const warm: number[] = [];
    let warmBlock = 0;
    for (let i = 0; i < 40; i++) {
      const hover = await measure(() => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, middle.translate(i * 7, (i * 3) % 40)));
      warm.push(hover.ms);
      warmBlock = Math.max(warmBlock, hover.longestBlockMs);
    }
    figures.push({ size, operation: `hover (warm, p99 of ${warm.length})`, ms: percentile(warm, 99), longestBlockMs: warmBlock });

    // Typing, then waiting until everything zhdoc draws is back for the new text.
    let afterLastKey = 0;
    let marksBack = 0;
    let foldsBack = 0;
    const typing = await measure(async () => {
      for (let i = 0; i < KEYSTROKES; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(4, 0), '字'));
        await sleep(KEYSTROKE_MS);
      }
      const lastKey = performance.now();
      const folds = (async () => {
        await until('folds back', async () => {
          const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
          return (ranges ?? []).some((r) => r.kind === vscode.FoldingRangeKind.Region);
        });
        foldsBack = performance.now() - lastKey;
      })();
      await until('marks back after typing', () => marked(document), 300_000, () => JSON.stringify({
        slogans: !!api.slogans.model.current(document), decorated: api.slogans.decorations(document.uri).known.length,
        han: api.characterCount.statusText(), scripts: api.mixedScript.statusText(), boilerplate: api.boilerplate.statusText(),
        log: api.log?.entries().slice(-5),
      }));
      marksBack = performance.now() - lastKey;
      await folds;
      afterLastKey = performance.now() - lastKey;
      // Anything still running after the marks are back is zhdoc's too: watch a little longer.
      await sleep(1500);
    });
    figures.push({ size, operation: `typing ${KEYSTROKES} characters, until every mark is back (slogans ${Math.round(marksBack)} ms, folds ${Math.round(foldsBack)} ms after the last key)`, ms: Math.round(afterLastKey), longestBlockMs: typing.longestBlockMs });

    if (commands && megabytes === 10) {
      for (const [operation, command] of [
        ['Show Mixed-Script Characters', 'zhdoc.showMixedScript'],
        ['Show Document Statistics', 'zhdoc.showDocumentStatistics'],
        ['Next Slogan', 'zhdoc.nextSlogan'],
        ['Annotate with Pinyin (whole document)', 'zhdoc.annotatePinyin'],
        ['Remove Pinyin Annotations', 'zhdoc.removePinyinAnnotations'],
        ['Convert to Simplified (whole document)', 'zhdoc.convertToSimplified'],
      ] as const) {
        const result = await measure(() => vscode.commands.executeCommand(command));
        figures.push({ size, operation, ms: result.ms, longestBlockMs: result.longestBlockMs });
      }
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await sleep(1000);
  }
  const vendorsOnHost = Object.keys(require.cache).filter((k) => /[\\/]dist[\\/]vendor[\\/]/.test(k)).map((k) => k.replace(/^.*[\\/]/, ''));
  writeFileSync(process.env.ZHDOC_BENCH_OUT!, JSON.stringify({ figures, vendorsAtActivation, vendorsOnHost }));
}
