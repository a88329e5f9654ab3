/** Runs first: activation in the real extension host registers everything and loads no dictionary. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { zhdocApi } from './helpers';

describe('activation', () => {
  it('registers the commands without loading any dictionary or converter', async () => {
    await zhdocApi();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['zhdoc.convertToSimplified', 'zhdoc.convertToTraditional', 'zhdoc.convertScript', 'zhdoc.unifyScript', 'zhdoc.showMixedScript']) {
      assert.ok(commands.includes(id), id);
    }
    const loadedVendors = Object.keys(require.cache).filter((k) => /[\\/]dist[\\/]vendor[\\/]/.test(k));
    assert.deepEqual(loadedVendors, [], 'no vendor bundle (opencc-js, pinyin-pro, lexicons) is loaded at activation');
  });
});
