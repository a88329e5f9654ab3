/**
 * Runs inside the real VS Code extension host (started by bench/responsiveness.ts). For a 10 MB and a 1 MB
 * document: how long until zhdoc's marks appear after opening, the longest block of the extension host's
 * event loop while the user types and until the slogans, folds, 字数 and script mix are back, hover
 * latencies, and the whole-document commands. A 5 ms ticker notes every gap of the event loop; a gap is
 * counted whatever caused it (VS Code's own handling of the edits included), so the figures are upper bounds
 * of zhdoc's share; the baseline run (the same steps with a zhdoc that contributes nothing) measures VS Code's
 * own share, and zhdoc's timings (api.timings, where this build has them) say how long zhdoc's own code held
 * the thread per facet and per hover. Writes the figures to $ZHDOC_BENCH_OUT. Works with builds whose API has
 * only the members zhdoc 0.1 has (ZHDOC_BENCH_EXTENSION), and with none at all (the baseline).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

interface Figure {
  readonly size: string;
  readonly operation: string;
  readonly ms: number;
  readonly longestBlockMs: number;
  /** zhdoc's own longest synchronous stretch, where the build reports it. */
  readonly zhdocBlockMs?: number;
  readonly note?: string;
}

interface Timings {
  readonly durations: Readonly<Record<string, readonly number[]>>;
  readonly longestBlocks: Readonly<Record<string, number>>;
}

interface Api {
  readonly characterCount: { statusText(): string | undefined };
  readonly mixedScript: { statusText(): string | undefined };
  readonly boilerplate: { statusText(): string | undefined };
  readonly slogans: { decorations(uri: vscode.Uri): { known: vscode.Range[] }; model: { current(d: vscode.TextDocument): unknown } };
  readonly log?: { entries(): ReadonlyArray<{ level: string; message: string }> };
  readonly timings?: (reset?: boolean) => Timings;
}

/** Typing speed of a fast typist: 20 characters with 80 ms between them. */
const KEYSTROKES = 20;
const KEYSTROKE_MS = 80;
/** After the last key: how long the baseline (nothing to wait for) watches the event loop, and zhdoc after its marks are back. */
const BASELINE_SETTLE_MS = 3000;
const AFTER_MARKS_MS = 1500;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * With ZHDOC_BENCH_PROFILE=dir, each measured phase is CPU-profiled on the extension host's thread (node:inspector,
 * the thread this runs on) and written to dir/<n>-<phase>.cpuprofile, for Chrome DevTools or scripts/profile-top.mjs.
 */
const PROFILE_DIR = process.env.ZHDOC_BENCH_PROFILE;
let profiles = 0;
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return run();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node only, bench only
  const inspector = require('node:inspector') as typeof import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(join(PROFILE_DIR, `${++profiles}-${name.replace(/[^\w]+/g, '_').slice(0, 60)}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The longest event-loop gap while `run` runs (CPU-profiled as `name` with ZHDOC_BENCH_PROFILE). */
async function measure<T>(run: () => Thenable<T> | Promise<T>, name = 'phase'): Promise<{ ms: number; longestBlockMs: number; value: T }> {
  return profiled(name, () => measureGaps(run));
}

async function measureGaps<T>(run: () => Thenable<T> | Promise<T>): Promise<{ ms: number; longestBlockMs: number; value: T }> {
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

const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Whether the lines after a fold's header are hidden (read from the visible ranges: VS Code has no folding API). */
const hiddenLine = (editor: vscode.TextEditor, line: number): boolean => !editor.visibleRanges.some((r) => r.start.line <= line && r.end.line >= line);

export async function run(): Promise<void> {
  const figures: Figure[] = [];
  const extension = vscode.extensions.getExtension('zhdoc.zhdoc')!;
  const activation = await measure(() => extension.activate(), 'activation');
  const api = activation.value as Api | undefined;
  const baseline = !api;
  const timings = (reset = false): Timings | undefined => api?.timings?.(reset);
  const activateMs = timings()?.longestBlocks['activate'];
  figures.push({ size: '-', operation: 'activation (loading dist/extension.js and activate())', ms: activation.ms, longestBlockMs: activation.longestBlockMs, zhdocBlockMs: activateMs, note: activateMs !== undefined ? `activate() itself ${round(activateMs)} ms (${blockList(timings()!.longestBlocks)})` : undefined });
  const vendorsAtActivation = Object.keys(require.cache).filter((k) => /[\\/]dist[\\/]vendor[\\/]/.test(k));
  const commands = !process.env.ZHDOC_BENCH_SKIP_COMMANDS && !baseline;
  // VS Code alone still answers a hover: from a provider that returns at once, so that the baseline's hover
  // figures are VS Code's own round trip for a hover (request, the provider's answer, rendering it to markdown),
  // the floor below which no provider's hover can go.
  const trivialHover = baseline ? vscode.languages.registerHoverProvider({ scheme: '*' }, { provideHover: (_d, p) => new vscode.Hover(new vscode.MarkdownString('**字** zì'), new vscode.Range(p, p.translate(0, 1))) }) : undefined;

  const sizes = (process.env.ZHDOC_BENCH_SIZES ?? '10,1').split(',').map(Number);
  for (const megabytes of sizes) {
    const size = `${megabytes} MB`;
    const text = documentText(megabytes);
    let document!: vscode.TextDocument;
    let editor!: vscode.TextEditor;
    const decorated = (): boolean => !!api && !!api.slogans.model.current(document) && api.slogans.decorations(document.uri).known.length > 0;
    const folds = async (): Promise<boolean> => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
      return (ranges ?? []).some((r) => r.kind === vscode.FoldingRangeKind.Region);
    };
    const statusShown = (): boolean => !!api && !!api.characterCount.statusText() && !!api.mixedScript.statusText() && !!api.boilerplate.statusText();
    const explain = (): string => (api ? JSON.stringify({
      slogans: !!api.slogans.model.current(document), decorated: api.slogans.decorations(document.uri).known.length,
      han: api.characterCount.statusText(), scripts: api.mixedScript.statusText(), boilerplate: api.boilerplate.statusText(),
      log: api.log?.entries().slice(-5),
    }) : '');
    /** Time after `from` until decorations, folds and the status bar items are there (zhdoc), each on its own. */
    const marksAppear = async (from: number): Promise<{ decorations: number; folds: number; status: number }> => {
      const after = async (what: string, check: () => boolean | Promise<boolean>): Promise<number> => {
        await until(what, check, 300_000, explain);
        return Math.round(performance.now() - from);
      };
      const [decorations, foldsMs, status] = await Promise.all([after('decorations', decorated), after('folds', folds), after('status bar', statusShown)]);
      return { decorations, folds: foldsMs, status };
    };

    timings(true);
    let appeared = { decorations: 0, folds: 0, status: 0 };
    const opened = await measure(async () => {
      const started = performance.now();
      document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      editor = await vscode.window.showTextDocument(document);
      if (!baseline) appeared = await marksAppear(started);
      else await sleep(BASELINE_SETTLE_MS);
    }, `open ${size}`);
    const openBlocks = timings(true)?.longestBlocks;
    figures.push({
      size, operation: baseline ? 'open (VS Code alone)' : 'open until slogans, folds, 字数 and script mix are shown', ms: opened.ms, longestBlockMs: opened.longestBlockMs,
      zhdocBlockMs: openBlocks ? Math.max(0, ...Object.values(openBlocks)) : undefined,
      note: baseline ? undefined : `decorations ${appeared.decorations} ms, folds ${appeared.folds} ms, status bar ${appeared.status} ms after opening${openBlocks ? `; zhdoc's longest per facet: ${blockList(openBlocks)}` : ''}`,
    });
    await sleep(1000);

    const middle = new vscode.Position(Math.floor(document.lineCount / 2), 5);
    if (megabytes === 10) {
      timings(true);
      const first = await measure(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, middle), `first hover ${size}`);
      const providers = timings(true)?.durations;
      figures.push({ size, operation: baseline ? 'hover (first): executeHoverProvider round trip, a provider that answers at once' : 'hover (first): executeHoverProvider round trip', ms: first.ms, longestBlockMs: first.longestBlockMs, note: providers ? `zhdoc's providers: ${durationList(providers, (v) => Math.max(...v))}; ${first.value.length} hovers` : `${first.value.length} hovers` });
    }
    if (megabytes === 10 && !baseline) {
      // The same run's own floor: VS Code's round trip for a hover in this window, with this document and zhdoc's
      // marks, while zhdoc's pinyin hover is off (its provider returns at once) and another provider answers at once.
      const config = vscode.workspace.getConfiguration('zhdoc');
      // A change of a zhdoc setting makes zhdoc analyse the document again: wait until its marks are back.
      const settled = async (): Promise<void> => {
        await sleep(500);
        await until('marks after a setting changed', decorated, 300_000, explain);
        await sleep(1000);
      };
      await config.update('pinyin.hover', false, vscode.ConfigurationTarget.Global);
      await settled();
      const other = vscode.languages.registerHoverProvider({ scheme: '*' }, { provideHover: (_d, p) => new vscode.Hover(new vscode.MarkdownString('**字** zì'), new vscode.Range(p, p.translate(0, 1))) });
      const control: number[] = [];
      for (let i = 0; i < 40; i++) control.push((await measureGaps(() => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, middle.translate(i * 7 + 3, (i * 3) % 40)))).ms);
      other.dispose();
      await config.update('pinyin.hover', undefined, vscode.ConfigurationTarget.Global);
      await settled();
      figures.push({ size, operation: `hover, VS Code alone in this run (zhdoc's pinyin hover off, another provider answering at once): p99 of ${control.length}`, ms: percentile(control, 99), longestBlockMs: 0, note: `first ${control[0]} ms (after zhdoc's first hover), p50 ${percentile(control, 50)} ms` });
    }
    const warm: number[] = [];
    let warmBlock = 0;
    timings(true);
    await profiled(`warm hovers ${size}`, async () => {
      for (let i = 0; i < 40; i++) {
        const hover = await measureGaps(() => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, middle.translate(i * 7, (i * 3) % 40)));
        warm.push(hover.ms);
        warmBlock = Math.max(warmBlock, hover.longestBlockMs);
      }
    });
    const warmProviders = timings(true)?.durations;
    figures.push({ size, operation: `hover (warm, p99 of ${warm.length}): executeHoverProvider round trip${baseline ? ', a provider that answers at once' : ''}`, ms: percentile(warm, 99), longestBlockMs: warmBlock, note: `round trip p50 ${percentile(warm, 50)} ms${warmProviders ? `; zhdoc's providers p99 (p50): ${durationList(warmProviders, (v) => percentile(v, 99))} (${durationList(warmProviders, (v) => percentile(v, 50))})` : ''}` });

    // Typing, then waiting until everything zhdoc draws is back for the new text.
    let back = { decorations: 0, folds: 0, status: 0 };
    timings(true);
    const typing = await measure(async () => {
      for (let i = 0; i < KEYSTROKES; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(4, 0), '字'));
        await sleep(KEYSTROKE_MS);
      }
      const lastKey = performance.now();
      if (baseline) {
        await sleep(BASELINE_SETTLE_MS);
        return;
      }
      back = await marksAppear(lastKey);
      // Anything still running after the marks are back is zhdoc's too: watch a little longer.
      await sleep(AFTER_MARKS_MS);
    }, `typing ${size}`);
    const typingBlocks = timings(true)?.longestBlocks;
    figures.push({
      size, operation: baseline ? `typing ${KEYSTROKES} characters (VS Code alone, watched ${BASELINE_SETTLE_MS} ms after the last key)` : `typing ${KEYSTROKES} characters, until every mark is back`,
      ms: baseline ? typing.ms : Math.max(back.decorations, back.folds, back.status), longestBlockMs: typing.longestBlockMs,
      zhdocBlockMs: typingBlocks ? Math.max(0, ...Object.values(typingBlocks)) : undefined,
      note: baseline ? undefined : `decorations ${back.decorations} ms, folds ${back.folds} ms, status bar ${back.status} ms after the last key${typingBlocks ? `; zhdoc's longest per facet: ${blockList(typingBlocks)}` : ''}`,
    });

    if (commands && megabytes === 10) {
      for (const [operation, command, args] of [
        ['Show Mixed-Script Characters', 'zhdoc.showMixedScript', []],
        ['Show Document Statistics', 'zhdoc.showDocumentStatistics', []],
        ['Next Slogan', 'zhdoc.nextSlogan', []],
        ['Convert to Simplified (whole document)', 'zhdoc.convertToSimplified', []],
        ['Convert to Traditional (whole document)', 'zhdoc.convertToTraditional', []],
        ['Annotate with Pinyin (whole document)', 'zhdoc.annotatePinyin', []],
        ['Remove Pinyin Annotations (whole document)', 'zhdoc.removePinyinAnnotations', []],
        ['Remove Boilerplate', 'zhdoc.removeBoilerplate', [{ confirmed: true }]],
      ] as const) {
        // Whole-document commands act on the selection when there is one: a cursor instead, near a folded
        // boilerplate block at the top, both in view, so that the bench sees whether they are kept.
        const cursor = new vscode.Position(30, 3);
        if (command !== 'zhdoc.nextSlogan') {
          editor.selection = new vscode.Selection(cursor, cursor);
          editor.revealRange(new vscode.Range(0, 0, 40, 0), vscode.TextEditorRevealType.AtTop);
          await sleep(300);
        }
        const foldedBefore = hiddenLine(editor, 3);
        const before = { version: document.version, length: document.getText().length };
        timings(true);
        const result = await measure(() => vscode.commands.executeCommand(command, ...args), `${operation} ${size}`);
        const blocks = timings(true)?.longestBlocks;
        const changed = document.version !== before.version;
        await sleep(300);
        const kept = command.startsWith('zhdoc.convert') ? `; cursor ${editor.selection.isEmpty && editor.selection.active.isEqual(cursor) ? 'kept' : `moved to ${editor.selection.active.line}:${editor.selection.active.character}`}, header fold ${foldedBefore ? (hiddenLine(editor, 3) ? 'kept' : 'opened') : 'was not folded'}` : '';
        figures.push({
          size, operation, ms: result.ms, longestBlockMs: result.longestBlockMs,
          zhdocBlockMs: blocks ? Math.max(0, ...Object.values(blocks)) : undefined,
          note: `${changed ? `${before.length} → ${document.getText().length} characters` : `returned ${JSON.stringify(result.value)?.slice(0, 80)}, text unchanged`}${kept}${blocks && Object.keys(blocks).length ? `; zhdoc's longest: ${blockList(blocks)}` : ''}`,
        });
      }
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await sleep(1000);
  }
  trivialHover?.dispose();
  const vendorsOnHost = Object.keys(require.cache).filter((k) => /[\\/]dist[\\/]vendor[\\/]/.test(k)).map((k) => k.replace(/^.*[\\/]/, ''));
  writeFileSync(process.env.ZHDOC_BENCH_OUT!, JSON.stringify({ figures, vendorsAtActivation, vendorsOnHost, baseline }));
}

function blockList(blocks: Readonly<Record<string, number>>): string {
  return Object.entries(blocks).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${round(v)} ms`).join(', ');
}

function durationList(durations: Readonly<Record<string, readonly number[]>>, pick: (values: readonly number[]) => number): string {
  return Object.entries(durations).map(([k, v]) => `${k} ${round(pick(v))} ms`).join(', ');
}
