/**
 * The document analysis service in the real VS Code: Count Slogans in Folder reports for a file exactly what
 * the editor marks in it (the same settings → options path, the same worker), and a failure inside the
 * analysis is written to the zhdoc output channel without breaking the other features.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { discardAll, openUntitled, setSetting, waitFor, workspaceDir, zhdocApi } from './helpers';

/** A page whose slogans depend on every setting under test: a cued ad line, a team-lexicon phrase, quotes. */
const PAGE = [
  '本站广告 | “八八战略”纪念品 | “八八战略”书签',
  '',
  '会议强调，坚持三个一以贯之，深入实施“八八战略”，打造“重要窗口”。',
  '会议要求，做到三个一以贯之，推进“数字孪生城市”建设，“数字孪生城市”要见实效。',
  '全面落实“八八战略”，奋力推进“两个先行”。',
  '',
].join('\n');

const SETTINGS: Record<string, unknown> = {
  'zhdoc.slogans.discover': false,
  'zhdoc.slogans.lexiconFiles': ['team-lexicon.json'],
  'zhdoc.boilerplate.extraCues': ['本站广告'],
};

type Marks = Array<{ phrase: string; kind: string; occurrences: Array<[number, number]> }>;

const normalise = (slogans: ReadonlyArray<{ phrase: string; kind: string; occurrences: ReadonlyArray<{ offset: number; length: number }> }>): Marks =>
  slogans.map((s) => ({ phrase: s.phrase, kind: s.kind, occurrences: s.occurrences.map((o): [number, number] => [o.offset, o.length]) })).sort((a, b) => a.phrase.localeCompare(b.phrase));

describe('document analysis', () => {
  afterEach(async () => {
    for (const key of Object.keys(SETTINGS)) await setSetting(key, undefined);
    await discardAll();
  });

  it('Count Slogans in Folder reports for a file exactly what the editor marks, with discover, lexiconFiles and extraCues set', async () => {
    const api = await zhdocApi();
    for (const [key, value] of Object.entries(SETTINGS)) await setSetting(key, value);
    const folder = join(workspaceDir(), 'folder-count');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'page.txt');
    writeFileSync(file, PAGE);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    const inEditor = await waitFor('slogans marked in the editor', () => {
      const marks = api.slogans.decorations(document.uri);
      return marks.known.length > 0 && api.slogans.model.current(document) ? marks : undefined;
    }, 30_000);
    const slogans = api.slogans.model.current(document)!;
    const marked = [...inEditor.known, ...inEditor.discovered].map((r) => [document.offsetAt(r.start), document.offsetAt(r.end) - document.offsetAt(r.start)]).sort((a, b) => a[0]! - b[0]!);
    const modelRanges = slogans.flatMap((s) => s.occurrences.map((o) => [o.offset, o.length])).sort((a, b) => a[0]! - b[0]!);
    assert.deepEqual(marked, modelRanges, 'the editor draws what the analysis found');

    // The settings matter: the team lexicon's phrase is known, the cued ad line counts for nothing, nothing is discovered.
    assert.equal(slogans.find((s) => s.phrase === '三个一以贯之')?.kind, 'known');
    assert.equal(slogans.find((s) => s.phrase === '八八战略')?.count, 2, 'the two in the cued ad line are excluded');
    assert.ok(slogans.every((s) => s.kind === 'known'), 'discover is off');
    assert.ok(!slogans.some((s) => s.phrase === '数字孪生城市'));

    const counts = await vscode.commands.executeCommand<Array<{ file: vscode.Uri; slogans: Parameters<typeof normalise>[0] }>>('zhdoc.countSlogansInFolder', vscode.Uri.file(folder));
    const counted = counts.find((c) => c.file.fsPath === file);
    assert.ok(counted, 'the file was counted');
    assert.deepEqual(normalise(counted.slogans), normalise(slogans));
    assert.equal(editor.document.getText(), PAGE);
  });

  it('writes an error inside the analysis to the zhdoc output channel, and the other features keep working', async () => {
    const api = await zhdocApi();
    await setSetting('zhdoc.boilerplate.extraCues', ['本站广告']);
    const editor = await openUntitled(PAGE);
    const document = editor.document;
    await waitFor('slogans marked', () => api.slogans.decorations(document.uri).known.length > 0, 30_000);
    await waitFor('字数', () => api.characterCount.statusText(), 30_000);
    const before = api.log.entries().length;
    const count = api.characterCount.statusText();

    api.analysis.injectFault('slogans', 1);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '八八战略。'));
    const logged = await waitFor('the failure in the output channel', () => api.log.entries().slice(before).find((e) => e.level === 'error' && e.message.includes('fault injected into the slogans analysis')), 30_000);
    assert.match(logged.message, /analysis "slogans" of .* failed/);
    // 字数 and the boilerplate of the same version do not depend on the slogans.
    await waitFor('字数 follows the edit', () => api.characterCount.statusText() !== count && api.characterCount.statusText(), 30_000);
    await waitFor('the boilerplate hint', () => api.boilerplate.statusText()?.includes('1'), 30_000);
    assert.equal(api.slogans.model.current(document), undefined, 'no slogans for the version whose analysis failed');

    // The next version is analysed again, and the slogans come back.
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '前言。'));
    await waitFor('slogans after the next edit', () => api.slogans.decorations(document.uri).known.length > 0, 30_000);
    assert.ok(api.analysis.inWorker(), 'the analysis still runs in its worker');
  });
});
