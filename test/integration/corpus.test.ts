/** Corpus views in the real VS Code: Compare Slogans, Slogan Concordance, Slogan Trends (fixtures of test/fixtures/corpus). */
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { CompareResult } from '../../src/features/sloganCompare';
import type { ConcordanceResult } from '../../src/features/sloganConcordance';
import type { TrendsResult } from '../../src/features/sloganTrends';
import { discardAll, hoverMarkdown, openFile, waitFor, workspaceDir, zhdocApi } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const corpus = (...parts: string[]): string => join(workspaceDir(), 'corpus', ...parts);

/** The rows of the table with this id in a page's HTML. */
function tableRows(html: string, id: string): string[] {
  const table = new RegExp(`<table class="sortable" id="${id}">([\\s\\S]*?)</table>`).exec(html);
  return table ? [...table[1]!.matchAll(/<tr data-group[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]) : [];
}

describe('corpus views', () => {
  before(() => cpSync(join(ROOT, 'test/fixtures/corpus'), corpus(), { recursive: true }));
  afterEach(discardAll);

  it('Compare Slogans on two reports shows a formula only in the second, and a row opens its occurrences', async () => {
    const api = await zhdocApi();
    const result = (await vscode.commands.executeCommand('zhdoc.compareSlogans', { a: vscode.Uri.file(corpus('reports/report-2022.txt')), b: vscode.Uri.file(corpus('reports/report-2023.txt')) })) as CompareResult;
    const onlyB = result.rows.filter((r) => r.group === 'onlyB');
    assert.deepEqual(onlyB.map((r) => [r.phrase, r.countA, r.countB]), [['新质生产力', 0, 2]]);
    // 在发展中保障和改善民生 (2022 only) is the lexicon's abbreviation of 坚持在发展中保障和改善民生, one of the 十四个坚持.
    assert.deepEqual(result.rows.filter((r) => r.group === 'onlyA').map((r) => r.phrase), ['共同富裕', '坚持在发展中保障和改善民生']);
    const html = api.corpus.compare.lastHtml()!;
    assert.match(html, /Content-Security-Policy" content="default-src 'none';/);
    const rowsB = tableRows(html, 'group-onlyB');
    assert.equal(rowsB.length, 1);
    assert.match(rowsB[0]!, /data-phrase="新质生产力"/);
    // Rates per 10,000 Han characters and the keyness score are in the row.
    const xinzhi = onlyB[0]!;
    assert.ok(Math.abs(xinzhi.rateB - (10_000 * 2) / result.sizeB) < 1e-9);
    assert.ok(rowsB[0]!.includes(`data-sort="${xinzhi.logLikelihood}"`));
    assert.ok(tableRows(html, 'group-onlyA').every((r) => !r.includes('新质生产力')));
    // What a click on the phrase posts: the concordance of both sides.
    const occurrences = (await api.corpus.compare.handle({ type: 'occurrences', phrase: '新质生产力' })) as ConcordanceResult;
    assert.equal(occurrences.entries.length, 2);
    assert.ok(occurrences.entries.every((e) => e.source.endsWith('report-2023.txt')));
  });

  it('Compare Slogans: the active (unsaved) document against another', async () => {
    const editor = await openFile('corpus/reports/report-2022.txt');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '加快发展新质生产力，加快培育新兴产业和未来产业，增强发展新动能。\n\n'));
    const result = (await vscode.commands.executeCommand('zhdoc.compareSlogans', { a: 'active', b: vscode.Uri.file(corpus('reports/report-2023.txt')) })) as CompareResult;
    const xinzhi = result.rows.find((r) => r.phrase === '新质生产力')!;
    assert.deepEqual([xinzhi.group, xinzhi.countA, xinzhi.countB], ['both', 1, 2]);
  });

  it('the concordance of a phrase lists every occurrence with context, opens one on click, and exports CSV', async () => {
    const api = await zhdocApi();
    const editor = await openFile('corpus/dated/speech-b.txt');
    const text = editor.document.getText();
    const expected: number[] = [];
    for (let i = text.indexOf('共同富裕'); i !== -1; i = text.indexOf('共同富裕', i + 1)) expected.push(i);
    assert.equal(expected.length, 3);
    const result = (await vscode.commands.executeCommand('zhdoc.sloganConcordance', { phrase: '共同富裕', scope: 'document' })) as ConcordanceResult;
    assert.deepEqual(result.entries.map((e) => e.offset), expected);
    for (const e of result.entries) {
      assert.equal(e.keyword, '共同富裕');
      assert.ok(e.left.length > 0 && e.right.length > 0, 'context on both sides');
      assert.ok(text.slice(0, e.offset).endsWith(e.left.replace(/⏎/g, '\n')), 'left context is the text before');
    }
    const html = api.corpus.concordance.lastHtml()!;
    const links = [...html.matchAll(/<td class="keyword"><a class="reveal" tabindex="0" data-uri="([^"]+)" data-offset="(\d+)" data-length="(\d+)">/g)];
    assert.equal(links.length, 3);
    assert.match(html, /<input type="range" id="width"/);
    // A click on the second line posts this message: the place opens, the phrase selected.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const [, uri, offset, length] = links[1]!;
    await api.corpus.concordance.handle({ type: 'reveal', uri: uri!.replace(/&amp;/g, '&'), offset: Number(offset), length: Number(length) });
    const opened = await waitFor('the occurrence opened', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === corpus('dated/speech-b.txt') && e.document.offsetAt(e.selection.start) === expected[1] ? e : undefined;
    });
    assert.equal(opened.document.getText(opened.selection), '共同富裕');
    const target = vscode.Uri.file(join(workspaceDir(), 'concordance.csv'));
    await api.corpus.concordance.handle({ type: 'export', width: 5, target } as never);
    const csv = readFileSync(target.fsPath, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0], 'source,line,column,offset,left,keyword,right');
    assert.equal(lines.length, 4);
    assert.ok(lines.slice(1).every((l) => l.includes(',共同富裕,')));
  });

  it('the concordance across the workspace folder finds every file’s occurrences, and the hover links to it', async () => {
    const result = (await vscode.commands.executeCommand('zhdoc.sloganConcordance', { phrase: '共同富裕', scope: 'folder', uri: vscode.Uri.file(corpus('dated')).toString() })) as ConcordanceResult;
    assert.equal(result.entries.length, 2 + 1 + 1 + 3 + 1);
    assert.equal(new Set(result.entries.map((e) => e.source)).size, 5);
    const api = await zhdocApi();
    const editor = await openFile('corpus/dated/speech-a.txt');
    await waitFor('slogans of the document', () => api.slogans.model.current(editor.document)?.length);
    const at = editor.document.positionAt(editor.document.getText().indexOf('共同富裕') + 1);
    const hover = await hoverMarkdown(editor.document, at);
    assert.match(hover, /command:zhdoc\.sloganConcordance\?/);
  });

  it('trends over a folder of dated files draw one bar per year with the right counts', async () => {
    const api = await zhdocApi();
    const result = (await vscode.commands.executeCommand('zhdoc.sloganTrends', { folder: vscode.Uri.file(corpus('dated')), unit: 'year' })) as TrendsResult;
    assert.deepEqual(result.periods, ['2021', '2022', '2023']);
    assert.deepEqual(result.undated.map((u) => u.replace(/^.*\//, '')), ['undated.txt']);
    const gongtong = result.series.find((s) => s.phrase === '共同富裕')!;
    // 2021: the two files dated by name (2 + 1); 2022: the first date line (1); 2023: the sidecar (3).
    assert.deepEqual(gongtong.counts, [3, 1, 3]);
    const html = api.corpus.trends.lastHtml()!;
    const svg = /<svg class="trend"[^>]*data-phrase="共同富裕"[\s\S]*?<\/svg>/.exec(html)?.[0];
    assert.ok(svg, 'a chart for 共同富裕');
    const bars = [...svg.matchAll(/<rect class="bar[^"]*" data-period="(\d+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual(bars, [['2021', 3], ['2022', 1], ['2023', 3]]);
    const target = vscode.Uri.file(join(workspaceDir(), 'trends.csv'));
    await api.corpus.trends.handle({ type: 'export', target } as never);
    assert.match(readFileSync(target.fsPath, 'utf8'), /\r\n共同富裕,known,2021,3,2,\d+,/);
  });
});
