/** The status bar items on fixtures: script mix and 字数, updated on edits and selections, hidden without Chinese. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardAll, openUntitled, select, waitFor, zhdocApi } from './helpers';

describe('status bar', () => {
  afterEach(discardAll);

  it('counts Han characters (字数), follows edits and selections, and hides without Chinese', async () => {
    const api = await zhdocApi();
    const editor = await openUntitled('深入實施“八八戰略”。\nVS Code 與 𠮷野家\n');
    await waitFor('字数 12', () => api.characterCount.statusText() === '字数 12').catch((e: Error) => { throw new Error(`${e.message}: shows ${api.characterCount.statusText()} for ${JSON.stringify(vscode.window.activeTextEditor?.document.getText())}`); });
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '新增兩字'));
    await waitFor('字数 16 after typing', () => api.characterCount.statusText() === '字数 16');
    select(editor, [0, 4]);
    await waitFor('selection count', () => api.characterCount.statusText() === '字数 4/16');
    const stats = await vscode.commands.executeCommand<{ han: number; distinctHan: number }>('zhdoc.showDocumentStatistics');
    assert.equal(stats.han, 16);
    await openUntitled('Only English here.');
    await waitFor('字数 hidden', () => api.characterCount.statusText() === undefined);
    await waitFor('script mix hidden', () => api.mixedScript.statusText() === undefined);
  });

  it('shows the script mix of a Simplified document', async () => {
    const api = await zhdocApi();
    await openUntitled('深入实施八八战略，推进高质量发展。');
    await waitFor('简 100%', () => api.mixedScript.statusText() === '繁 0% · 简 100%');
  });
});
