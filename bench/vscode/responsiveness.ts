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
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { getConverter } from '../../src/core/convert';
import { planEdits } from '../../src/core/editPlan';
import type { TextEdit } from '../../src/core/text';

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
  const file = `${++profiles}-${name.replace(/[^\w]+/g, '_').slice(0, 60)}`;
  await rendererProfiler('start', file);
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    await rendererProfiler('stop', file);
    writeFileSync(join(PROFILE_DIR, `${file}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Asks the test driver (scripts/run-tests-in-code-server.mjs, which holds the window's page) to start or stop a
 * CPU profile of the window's main thread, where VS Code applies an edit to its text model, folds, decorates and
 * renders: written to dir/<file>.window.cpuprofile. A request file the driver polls, answered by an ack file;
 * without a driver that answers (another VS Code) the phase runs unprofiled on the window after 3 s.
 */
let rendererRequests = 0;
async function rendererProfiler(action: 'start' | 'stop', file: string): Promise<void> {
  const id = `${++rendererRequests}`;
  writeFileSync(join(PROFILE_DIR!, 'window-profile.request'), JSON.stringify({ id, action, file: `${file}.window.cpuprofile` }));
  const end = Date.now() + (action === 'stop' ? 60_000 : 3000);
  while (Date.now() < end) {
    try {
      if (readFileSync(join(PROFILE_DIR!, 'window-profile.ack'), 'utf8') === id) return;
    } catch {
      // not answered yet
    }
    await sleep(20);
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

/** A fold the bench closed before a whole-document edit: its range, to check after the edit that it is still closed. */
interface ClosedFold {
  readonly start: number;
  readonly end: number;
}

/**
 * Closes the first boilerplate region zhdoc's folding provider offers above `beforeLine` (the document's header:
 * 來源 / 作者 / 點擊數 / 打印), as a user folding it would (editor.fold on its first line), so that the check after
 * Convert has a closed fold to keep. Undefined when no such region is offered (VS Code alone) or it would not close.
 */
async function closeHeaderFold(editor: vscode.TextEditor, beforeLine: number): Promise<ClosedFold | undefined> {
  const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', editor.document.uri);
  const header = (ranges ?? []).filter((r) => r.kind === vscode.FoldingRangeKind.Region && r.end < beforeLine && r.end > r.start).sort((a, b) => a.start - b.start)[0];
  if (!header) return undefined;
  const fold = { start: header.start, end: header.end };
  if (foldClosed(editor, fold)) return fold;
  await vscode.commands.executeCommand('editor.fold', { selectionLines: [fold.start], levels: 1, direction: 'down' });
  const end = Date.now() + 5000;
  while (!foldClosed(editor, fold) && Date.now() < end) await sleep(20);
  return foldClosed(editor, fold) ? fold : undefined;
}

/** Whether a fold is closed: its first line shown, every line after it up to its end hidden. */
const foldClosed = (editor: vscode.TextEditor, fold: ClosedFold): boolean => {
  for (let line = fold.start + 1; line <= fold.end; line++) if (!hiddenLine(editor, line)) return false;
  return !hiddenLine(editor, fold.start);
};

/** The note on a fold closed before an edit: kept or opened after it, or why there was none. */
const foldNote = (editor: vscode.TextEditor, fold: ClosedFold | undefined): string =>
  fold ? `header fold (lines ${fold.start + 1}–${fold.end + 1}, closed before) ${foldClosed(editor, fold) ? 'kept closed' : 'opened'}` : 'no header fold offered to close';

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
  const strategies = process.env.ZHDOC_BENCH_SKIP_COMMANDS ? [] : (process.env.ZHDOC_BENCH_STRATEGIES || DEFAULT_STRATEGIES).split(',').filter((s) => s && s !== 'none');
  /** ZHDOC_BENCH_COMMANDS=convertToSimplified,annotatePinyin runs only those of the whole-document commands. */
  const onlyCommands = process.env.ZHDOC_BENCH_COMMANDS ? process.env.ZHDOC_BENCH_COMMANDS.split(',').map((c) => `zhdoc.${c}`) : undefined;

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

    // The edit Convert to Simplified makes, applied by the bench itself in several shapes, in both runs: VS Code's
    // own cost of each shape (baseline) and with zhdoc's analysis reacting to it (this build).
    if (strategies.length > 0 && megabytes === 10) figures.push(...(await editStrategies(editor, size, strategies, baseline ? undefined : () => marksAppear(performance.now()))));
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
        if (onlyCommands && !onlyCommands.includes(command)) continue;
        // Whole-document commands act on the selection when there is one: a cursor instead, near a folded
        // boilerplate block at the top, both in view, so that the bench sees whether they are kept.
        const cursor = new vscode.Position(30, 3);
        if (command !== 'zhdoc.nextSlogan') {
          editor.selection = new vscode.Selection(cursor, cursor);
          editor.revealRange(new vscode.Range(0, 0, 40, 0), vscode.TextEditorRevealType.AtTop);
          await sleep(300);
        }
        // Convert must keep a closed fold closed: close the header's boilerplate fold first (not timed).
        const closedFold = command.startsWith('zhdoc.convert') ? await closeHeaderFold(editor, cursor.line) : undefined;
        const before = { version: document.version, length: document.getText().length };
        timings(true);
        const result = await measure(() => vscode.commands.executeCommand(command, ...args), `${operation} ${size}`);
        const snapshot = timings(true);
        const blocks = snapshot?.longestBlocks;
        const phases = snapshot ? Object.entries(snapshot.durations).filter(([k]) => k.startsWith('command.')) : [];
        const changed = document.version !== before.version;
        await sleep(300);
        const kept = command.startsWith('zhdoc.convert') ? `; cursor ${editor.selection.isEmpty && editor.selection.active.isEqual(cursor) ? 'kept' : `moved to ${editor.selection.active.line}:${editor.selection.active.character}`}, ${foldNote(editor, closedFold)}` : '';
        figures.push({
          size, operation, ms: result.ms, longestBlockMs: result.longestBlockMs,
          zhdocBlockMs: blocks ? Math.max(0, ...Object.values(blocks)) : undefined,
          note: `${changed ? `${before.length} → ${document.getText().length} characters` : `returned ${JSON.stringify(result.value)?.slice(0, 80)}, text unchanged`}${kept}${phases.length ? `; ${phases.map(([k, v]) => `${k.slice(8)} ${Math.round(v.reduce((a, b) => a + b, 0))} ms`).join(', ')}` : ''}${blocks && Object.keys(blocks).length ? `; zhdoc's longest: ${blockList(blocks)}` : ''}`,
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

/**
 * Shapes of one whole-document edit (Convert to Simplified's, computed here with the core): each changed run
 * as its own edit, one edit per changed line, zhdoc's plan at N edits (joined, away from the cursor's line and
 * the header's folds), the plan applied in K editor.edit calls without undo stops between them (from the end
 * backwards, so that earlier offsets stay valid), and one edit replacing everything.
 * ZHDOC_BENCH_STRATEGIES=runs,lines,plan4000,plan4000x8,whole (or none).
 */
// Measured at load 15 on 2 cores, VS Code alone: lines (55,195 edits) 27 s, plan4000 16 s, plan1000 39 s,
// plan4000x8 300 s (each call costs VS Code about as much as one whole edit), whole 24 s; the slow ones are not
// run by default, so the bench stays within its time limit.
const DEFAULT_STRATEGIES = 'plan4000,whole';

async function editStrategies(editor: vscode.TextEditor, size: string, names: readonly string[], marksAppear: (() => Promise<{ decorations: number; folds: number; status: number }>) | undefined): Promise<Figure[]> {
  const document = editor.document;
  const figures: Figure[] = [];
  const original = document.getText();
  const raw = getConverter('t2s').edits(original);
  const cursor = new vscode.Position(30, 3);
  const cursorOffset = document.offsetAt(cursor);
  const kept = { lines: new Set([0, 1, 2, 3, 4, 5, 6, 30]), offsets: [cursorOffset] };
  const shapes: Record<string, () => TextEdit[][]> = {
    runs: () => [raw],
    lines: () => [perLine(original, raw)],
    whole: () => [[{ offset: 0, length: original.length, text: getConverter('t2s').convert(original) }]],
  };
  for (const name of names) {
    let edits: TextEdit[][];
    const plan = /^plan(\d+)(?:x(\d+))?$/.exec(name);
    if (plan) {
      const planned = planEdits(original, raw, Number(plan[1]), kept);
      const parts = Number(plan[2] ?? 1);
      const per = Math.ceil(planned.length / parts);
      edits = [];
      for (let i = 0; i < planned.length; i += per) edits.push(planned.slice(i, i + per));
    } else if (shapes[name]) edits = shapes[name]!();
    else throw new Error(`unknown edit strategy ${name}`);
    const count = edits.reduce((n, e) => n + e.length, 0);
    const inserted = edits.reduce((n, e) => n + e.reduce((m, x) => m + x.text.length, 0), 0);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(0, 0, 40, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(300);
    const closedFold = await closeHeaderFold(editor, cursor.line);
    const version = document.version;
    let marks = { decorations: 0, folds: 0, status: 0 };
    let applyMs = 0;
    const result = await measure(async () => {
      const started = performance.now();
      // From the end backwards: each call's offsets are into the original text, untouched by the later calls.
      for (let k = edits.length - 1; k >= 0; k--) {
        const part = edits[k]!;
        const ranges = part.map((e) => new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)));
        const ok = await editor.edit((b) => part.forEach((e, i) => b.replace(ranges[i]!, e.text)), { undoStopBefore: k === edits.length - 1, undoStopAfter: k === 0 });
        if (!ok) throw new Error(`edit strategy ${name}: VS Code refused part ${k}`);
      }
      applyMs = performance.now() - started;
      if (marksAppear) marks = await marksAppear();
      await sleep(BASELINE_SETTLE_MS);
    }, `edit ${name} ${size}`);
    const cursorKept = editor.selection.isEmpty && editor.selection.active.isEqual(cursor);
    const foldKept = foldNote(editor, closedFold);
    const changedOk = document.getText() === getConverter('t2s').convert(original);
    await vscode.commands.executeCommand('undo');
    await until('undo', () => document.getText().length === original.length && document.version > version, 120_000);
    const oneUndo = document.getText() === original;
    if (!oneUndo) throw new Error(`edit strategy ${name}: one undo did not restore the text`);
    await sleep(marksAppear ? 0 : 1000);
    if (marksAppear) await marksAppear();
    figures.push({
      size, operation: `apply t2s as ${name}: ${count} edits in ${edits.length} call${edits.length > 1 ? 's' : ''}`, ms: Math.round(applyMs), longestBlockMs: result.longestBlockMs,
      note: `${inserted} characters inserted; ${changedOk ? 'text right' : 'TEXT WRONG'}; cursor ${cursorKept ? 'kept' : `moved to ${editor.selection.active.line}:${editor.selection.active.character}`}, ${foldKept}; one undo restores it${marksAppear ? `; marks back ${Math.max(marks.decorations, marks.folds, marks.status)} ms after the edit` : ''}; longest block counted until ${BASELINE_SETTLE_MS} ms after`,
    });
  }
  return figures;
}

/** The edits joined within each line: one edit per changed line. */
function perLine(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  let i = 0;
  while (i < edits.length) {
    const first = edits[i]!;
    const lineEnd = text.indexOf('\n', first.offset);
    let j = i + 1;
    while (j < edits.length && (lineEnd === -1 || edits[j]!.offset < lineEnd)) j++;
    const parts: string[] = [];
    for (let k = i; k < j; k++) {
      if (k > i) parts.push(text.slice(edits[k - 1]!.offset + edits[k - 1]!.length, edits[k]!.offset));
      parts.push(edits[k]!.text);
    }
    const last = edits[j - 1]!;
    out.push({ offset: first.offset, length: last.offset + last.length - first.offset, text: parts.join('') });
    i = j;
  }
  return out;
}
