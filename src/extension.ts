/**
 * zhdoc's composition root: activate() is the list of what zhdoc does. Each feature registers itself and
 * returns a Disposable; nothing heavy (dictionaries, converters) is loaded here, only on first use.
 */
import * as vscode from 'vscode';
import { registerBoilerplateSupport, type BoilerplateSupport } from './features/boilerplateFolding';
import { registerCharacterCount, type CharacterCountSupport } from './features/characterCount';
import { registerConversionCommands } from './features/conversionCommands';
import { registerEncodingCheck } from './features/encodingCheck';
import { registerMixedScriptSupport, type MixedScriptSupport } from './features/mixedScript';
import { registerPinyinCommands } from './features/pinyinCommands';
import { registerPinyinHover } from './features/pinyinHover';
import { registerPinyinInlayHints } from './features/pinyinInlayHints';
import { registerSampleDocument } from './features/sampleDocument';
import { registerSloganCommands } from './features/sloganCommands';
import { registerSloganCompare, type SloganCompareSupport } from './features/sloganCompare';
import { registerSloganConcordance, type SloganConcordanceSupport } from './features/sloganConcordance';
import { registerSloganDecorations, type SloganDecorationSupport } from './features/sloganDecorations';
import { registerSloganHover } from './features/sloganHover';
import { registerSloganReport, type SloganReportSupport } from './features/sloganReport';
import { registerSloganTrends, type SloganTrendsSupport } from './features/sloganTrends';
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
  /** Corpus views: the HTML each last rendered, and their page-message handlers (what a click in the page posts). */
  readonly corpus: {
    readonly compare: SloganCompareSupport['panel'];
    readonly concordance: SloganConcordanceSupport['panel'];
    readonly trends: SloganTrendsSupport['panel'];
  };
}

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const use = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };

  // Script conversion, and the document's script mix.
  use(registerEncodingCheck());
  use(registerConversionCommands(context));
  const mixedScript = use(registerMixedScriptSupport());

  // Pinyin.
  use(registerPinyinHover());
  use(registerPinyinInlayHints());
  use(registerPinyinCommands());

  // Web boilerplate, folded away (before slogans: boilerplate lines never count as slogans).
  const boilerplate = use(registerBoilerplateSupport());

  // Slogans: one model of each document's slogans, and the views of it.
  const sloganModel = use(new SloganModel({ boilerplate: (document) => boilerplate.analysis(document) }));
  const sloganDecorations = use(registerSloganDecorations(sloganModel));
  use(registerSloganHover(sloganModel));
  const sloganTree = use(registerSloganTreeView(sloganModel));
  const sloganReport = use(registerSloganReport(context, sloganModel));
  use(registerSloganCommands(sloganModel, sloganReport));

  // Corpus work over many documents (analysed in a worker thread): concordance, comparison, trends.
  const sloganConcordance = use(registerSloganConcordance(context, sloganModel));
  const sloganCompare = use(registerSloganCompare(context, sloganConcordance));
  const sloganTrends = use(registerSloganTrends(context));

  // Around them: 字数 in the status bar, and the sample page the walkthrough opens.
  const characterCount = use(registerCharacterCount());
  use(registerSampleDocument(context));

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
    corpus: { compare: sloganCompare.panel, concordance: sloganConcordance.panel, trends: sloganTrends.panel },
  };
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions.
}
