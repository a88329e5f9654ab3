/**
 * zhdoc's composition root: activate() is the list of what zhdoc does. Each feature registers itself and
 * returns a Disposable; nothing heavy (dictionaries, converters) is loaded here, only on first use. The
 * document analysis (字数, script mix, boilerplate, slogans) runs in a worker that the features subscribe to.
 */
import * as vscode from 'vscode';
import { nodeAnalysisHost } from './analysis/nodeHost';
import type { Facet } from './analysis/protocol';
import { DocumentAnalysisService, type AnalysisHost } from './analysis/service';
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
import { registerSloganDecorations, sloganRangesBetween, type SloganDecorationSupport } from './features/sloganDecorations';
import { registerSloganHover } from './features/sloganHover';
import { registerSloganReport, type SloganReportSupport } from './features/sloganReport';
import { registerSloganTrends, type SloganTrendsSupport } from './features/sloganTrends';
import { registerSloganTreeView, type SloganTreeSupport } from './features/sloganTreeView';
import { configureCorpusClient } from './vscode/corpusClient';
import { createLog, type LogEntry } from './vscode/log';
import { analysisOptionsFor, registerSettingsEpoch } from './vscode/settings';
import { SloganModel } from './vscode/sloganModel';
import { recordBlock, timingsSnapshot, type TimingsSnapshot } from './vscode/timings';
import { UserLexicon } from './vscode/userLexicon';

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
  readonly analysis: {
    /** Whether the analysis runs in a worker (false: in-process fallback, logged). */
    inWorker(): boolean;
    /** Test hook: the next `times` computations of `facet` throw inside the worker. */
    injectFault(facet: Facet, times?: number): void;
    /** Test hook: the edits of a finished whole-document job kept for the document's next change (undefined: none). */
    heldEdits(document: vscode.TextDocument): number | undefined;
  };
  /** What the zhdoc output channel received last. */
  readonly log: { entries(): readonly LogEntry[] };
  /** How long zhdoc's own work held the extension host (hovers, each facet's decoding and drawing, activate()); `reset` forgets it. */
  readonly timings: (reset?: boolean) => TimingsSnapshot;
}

/** `host`: where the analysis worker comes from (src/extension.web.ts passes the Web Worker one). */
export function activate(context: vscode.ExtensionContext, host: AnalysisHost = nodeAnalysisHost(vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath)): ZhdocApi {
  const started = performance.now();
  const use = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };

  // Before every other listener: features that keep what they read of the settings see a change first.
  use(registerSettingsEpoch());
  // The zhdoc output channel, and the one analysis of each open document that the features below draw.
  const log = use(createLog());
  const lexicon = new UserLexicon(log);
  const analysis = use(new DocumentAnalysisService(host, log, (scope) => analysisOptionsFor(scope, lexicon)));
  use(vscode.commands.registerCommand('zhdoc.showLog', () => log.show()));

  recordBlock('activate.log+analysis', performance.now() - started);
  // Script conversion, and the document's script mix.
  use(registerEncodingCheck());
  use(registerConversionCommands(context, analysis));
  const mixedScript = use(registerMixedScriptSupport(analysis));

  recordBlock('activate.conversion+mixed', performance.now() - started);
  // Pinyin.
  use(registerPinyinHover(log));
  use(registerPinyinCommands(analysis));

  recordBlock('activate.pinyin', performance.now() - started);
  // Web boilerplate, folded away (before slogans: boilerplate lines never count as slogans).
  const boilerplate = use(registerBoilerplateSupport(analysis, log));

  recordBlock('activate.boilerplate', performance.now() - started);
  // Slogans: one model of each document's slogans, and the views of it.
  const sloganModel = use(new SloganModel(analysis));
  const sloganDecorations = use(registerSloganDecorations(sloganModel));
  // Pinyin inlay hints keep out of the slogan marks (after the model, whose marks they avoid).
  use(registerPinyinInlayHints((document, from, to) => sloganRangesBetween(sloganModel.current(document), from, to), sloganModel.onDidChange));
  use(registerSloganHover(sloganModel));
  const sloganTree = use(registerSloganTreeView(sloganModel));
  const sloganReport = use(registerSloganReport(context, sloganModel));
  use(registerSloganCommands(sloganModel, sloganReport, { analysis, lexicon }));

  recordBlock('activate.slogans', performance.now() - started);
  // Corpus work over many documents (analysed in a worker thread): concordance, comparison, trends.
  configureCorpusClient({ extensionRoot: context.extensionUri, log, options: (scope) => analysisOptionsFor(scope, lexicon) });
  const sloganConcordance = use(registerSloganConcordance(context, sloganModel));
  const sloganCompare = use(registerSloganCompare(context, sloganConcordance));
  const sloganTrends = use(registerSloganTrends(context));

  recordBlock('activate.corpus', performance.now() - started);
  // Around them: 字数 in the status bar, and the sample page the walkthrough opens.
  const characterCount = use(registerCharacterCount(analysis));
  use(registerSampleDocument(context));

  recordBlock('activate', performance.now() - started);
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
    analysis: { inWorker: () => analysis.inWorker, injectFault: (facet, times) => analysis.injectFault(facet, times), heldEdits: (d) => analysis.heldEdits(d) },
    log,
    timings: (reset) => timingsSnapshot(reset),
  };
}

export function deactivate(): void {
  // Every resource is owned by context.subscriptions.
}
