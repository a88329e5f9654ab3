/**
 * Runs inside the real VS Code extension host (started by bench/responsiveness.ts): opens a 10 MB document and
 * measures, for each heavy zhdoc operation, its duration and the longest block of the extension host's event
 * loop meanwhile (a 5 ms ticker notes every gap). Writes the figures to $ZHDOC_BENCH_OUT.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

interface Figure {
  readonly operation: string;
  readonly ms: number;
  readonly longestBlockMs: number;
}

async function measure(operation: string, run: () => Thenable<unknown> | Promise<unknown>): Promise<Figure> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  return { operation, ms: Math.round(ms), longestBlockMs: Math.round(longest) };
}

export async function run(): Promise<void> {
  const paragraph = '會議強調，要牢牢把握以“兩個先行”打造“重要窗口”的目標要求，深入實施“八八戰略”，把高質量發展作為首要任務，負責人參加會議。\n';
  const text = '深入實施“八八戰略”\n\n來源 : 東海日報    作者 :      時間 : 2024-03-12    點擊數:87  打印\n\n' + paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)));
  const extension = vscode.extensions.getExtension('zhdoc.zhdoc')!;
  const api = (await extension.activate()) as { slogans: { model: { refresh(d: vscode.TextDocument): Promise<unknown> } }; boilerplate: { blocks(d: vscode.TextDocument): unknown } };
  const figures: Figure[] = [];
  const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
  const editor = await vscode.window.showTextDocument(document);
  await new Promise((r) => setTimeout(r, 3000)); // let opening work (status bar, folding, slogans) settle
  const middle = new vscode.Position(Math.floor(document.lineCount / 2), 5);
  figures.push(await measure('hover (first, loads pinyin data)', () => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, middle)));
  figures.push(await measure('hover (warm)', () => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, middle.translate(100))));
  figures.push(await measure('slogans of the whole document', () => api.slogans.model.refresh(document)));
  figures.push(await measure('boilerplate of the whole document', async () => { await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' ')); api.boilerplate.blocks(document); }));
  figures.push(await measure('Annotate with Pinyin (whole document)', () => vscode.commands.executeCommand('zhdoc.annotatePinyin')));
  figures.push(await measure('Remove Pinyin Annotations', () => vscode.commands.executeCommand('zhdoc.removePinyinAnnotations')));
  figures.push(await measure('Convert to Simplified (whole document)', () => vscode.commands.executeCommand('zhdoc.convertToSimplified')));
  figures.push(await measure('typing 20 characters after the conversion', async () => {
    for (let i = 0; i < 20; i++) await editor.edit((b) => b.insert(new vscode.Position(0, 0), '字'));
  }));
  writeFileSync(process.env.ZHDOC_BENCH_OUT!, JSON.stringify({ characters: text.length, bytes: Buffer.byteLength(text), figures }));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
