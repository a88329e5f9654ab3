/**
 * In an untrusted workspace (run by runIntegration with workspace trust on) zhdoc still works, but the
 * workspace's own values of restricted settings are ignored: it reads no lexicon file the repository names,
 * runs none of its regular expressions, and lets none of its phrases rewrite a conversion.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { discardAll, openUntitled, workspaceDir, zhdocApi } from './helpers';

describe('untrusted workspace', () => {
  afterEach(discardAll);

  it('runs in restricted mode with the workspace’s restricted settings ignored', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    const workspaceSettings = JSON.parse(readFileSync(join(workspaceDir(), '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(workspaceSettings['zhdoc.slogans.lexiconFiles'], ['team-lexicon.json'], 'the workspace does set it');
    const settings = vscode.workspace.getConfiguration('zhdoc');
    assert.deepEqual(settings.get('slogans.lexiconFiles'), [], 'but zhdoc is given the default');
    assert.deepEqual(settings.get('boilerplate.extraCues'), []);
    assert.deepEqual(settings.get('convert.customPhrases'), {});
  });

  it('converts without the workspace’s custom phrases', async () => {
    await zhdocApi();
    const editor = await openUntitled('经济发展');
    assert.equal(await vscode.commands.executeCommand('zhdoc.convertToTraditional'), true);
    assert.equal(editor.document.getText(), '經濟發展');
  });

  it('marks slogans without the lexicon file the workspace names', async () => {
    const api = await zhdocApi();
    const editor = await openUntitled('坚持三个一以贯之。做到三个一以贯之。牢记三个一以贯之。八八战略');
    const slogans = await api.slogans.model.refresh(editor.document);
    const phrase = slogans.find((s) => s.phrase === '三个一以贯之');
    assert.notEqual(phrase?.kind, 'known', 'the repository’s lexicon file was not read');
    assert.equal(slogans.find((s) => s.phrase === '八八战略')?.kind, 'known', 'the built-in lexicon still works');
  });
});
