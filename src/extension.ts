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
import { registerSampleDocument } from './features/sampleDocument';
import { registerSloganCommands } from './features/sloganCommands';
import { registerSloganDecorations, type SloganDecorationSupport } from './features/sloganDecorations';
import { registerSloganHover } from './features/sloganHover';
import { registerSloganReport, type SloganReportSupport } from './features/sloganReport';
import { registerSloganTreeView, type SloganTreeSupport } from './features/sloganTreeView';
import { SloganModel } from './vscode/sloganModel';

/** What activate() returns: read by zhdoc's integration tests, since VS Code has no API to read decorations. */
export interface ZhdocApi {
  readonly mixedScript: Pick<MixedScriptSupport, 'statusText' | 'decorations'>;
  readonly characterCount: Pick<CharacterCountSupport, 'statusText'>;
  readonly boilerplate: Pick<BoilerplateSupport, 'blocks' | 'statusText'>;
  readonly slogans: {
    readonly model: SloganModel;
    readonly decorations: SloganDecorationSupport['decorations'];
    readonly statusText: SloganDecorationSupport['statusText'];
    readonly treeItems: SloganTreeSupport['items'];
    readonly reportHtml: SloganReportSupport['lastHtml'];
  };
}

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const mixedScript = registerMixedScriptSupport();
  const characterCount = registerCharacterCount();
  const boilerplate = registerBoilerplateSupport();
  const sloganModel = new SloganModel({ boilerplate: (document) => boilerplate.analysis(document) });
  const sloganDecorations = registerSloganDecorations(sloganModel);
  const sloganTree = registerSloganTreeView(sloganModel);
  const sloganReport = registerSloganReport(context, sloganModel);
  context.subscriptions.push(
    registerConversionCommands(context),
    mixedScript,
    registerPinyinHover(),
    registerPinyinInlayHints(),
    registerPinyinCommands(),
    boilerplate,
    sloganModel,
    sloganDecorations,
    registerSloganHover(sloganModel),
    sloganTree,
    sloganReport,
    registerSloganCommands(sloganModel, sloganReport),
    characterCount,
    registerSampleDocument(context),
  );
  return {
    mixedScript,
    characterCount,
    boilerplate,
    slogans: {
      model: sloganModel,
      decorations: sloganDecorations.decorations,
      statusText: sloganDecorations.statusText,
      treeItems: sloganTree.items,
      reportHtml: sloganReport.lastHtml,
    },
  };
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions.
}
