/**
 * zhdoc's composition root: activate() is the list of what zhdoc does. Each feature registers itself and
 * returns a Disposable; nothing heavy (dictionaries, converters) is loaded here, only on first use.
 */
import * as vscode from 'vscode';
import { registerBoilerplateSupport, type BoilerplateSupport } from './features/boilerplateFolding';
import { registerCharacterCount, type CharacterCountSupport } from './features/characterCount';
import { registerConversionCommands } from './features/conversionCommands';
import { registerMixedScriptSupport, type MixedScriptSupport } from './features/mixedScript';
import { registerPinyinCommands } from './features/pinyinCommands';
import { registerPinyinHover } from './features/pinyinHover';
import { registerPinyinInlayHints } from './features/pinyinInlayHints';

/** What activate() returns: read by zhdoc's integration tests, since VS Code has no API to read decorations. */
export interface ZhdocApi {
  readonly mixedScript: Pick<MixedScriptSupport, 'statusText' | 'decorations'>;
  readonly characterCount: Pick<CharacterCountSupport, 'statusText'>;
  readonly boilerplate: Pick<BoilerplateSupport, 'blocks' | 'statusText'>;
}

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const mixedScript = registerMixedScriptSupport();
  const characterCount = registerCharacterCount();
  const boilerplate = registerBoilerplateSupport();
  context.subscriptions.push(
    registerConversionCommands(context),
    mixedScript,
    registerPinyinHover(),
    registerPinyinInlayHints(),
    registerPinyinCommands(),
    boilerplate,
    characterCount,
  );
  return { mixedScript, characterCount, boilerplate };
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions.
}
