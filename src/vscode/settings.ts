/** zhdoc's settings, read for a given document (folder and language overrides apply). */
import * as vscode from 'vscode';
import { conversionConfig, type ConversionConfigName, type ConversionOptions } from '../core/convert';
import type { PinyinStyle, ToneSandhi } from '../core/pinyin';
import { readSettings, SETTINGS_DEFAULTS, toCoreOptions, type AnalysisOptions, type ZhdocSettings } from '../core/settings';
import type { UserLexicon } from './userLexicon';

export function zhdocSettings(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('zhdoc', scope);
}

let epoch = 0;

/**
 * Counts changes of what settings read (a zhdoc setting, the workspace's folders, its trust), so a caller may keep
 * what it read until the count moves. Registered first in activate(): listeners run in the order they were added,
 * so the count has moved before any other feature's own listener reads settings again.
 */
export function registerSettingsEpoch(): vscode.Disposable {
  const next = (): void => void epoch++;
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('zhdoc')) next();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(next),
    vscode.workspace.onDidGrantWorkspaceTrust(next),
  );
}

/** What a feature reads of the settings for each document, kept until it may have changed. */
export interface PerDocumentSettings<T> extends vscode.Disposable {
  get(document: vscode.TextDocument): T;
}

/**
 * `read(document)` kept per document until the settings epoch moves (a zhdoc setting, the folders or trust
 * changed), the document's language changes (language-specific settings; its URI stays), or it closes. For what
 * hovers and paints ask on every call: reading the configuration costs more than their own work.
 */
export function perDocumentSettings<T>(read: (document: vscode.TextDocument) => T): PerDocumentSettings<T> {
  const known = new Map<string, { readonly epoch: number; readonly languageId: string; readonly value: T }>();
  const closing = vscode.workspace.onDidCloseTextDocument((d) => known.delete(d.uri.toString()));
  return {
    get(document) {
      const key = document.uri.toString();
      const kept = known.get(key);
      if (kept && kept.epoch === epoch && kept.languageId === document.languageId) return kept.value;
      const value = read(document);
      known.set(key, { epoch, languageId: document.languageId, value });
      return value;
    },
    dispose() {
      closing.dispose();
      known.clear();
    },
  };
}

/** Every zhdoc.* setting for `scope`, typed and validated (src/core/settings.ts holds the defaults). */
export function settingsFor(scope?: vscode.ConfigurationScope): ZhdocSettings {
  const configuration = zhdocSettings(scope);
  return readSettings((key) => configuration.get(key));
}

/** Conversion options for `config`: preserved words, the user's phrases for that target (then for that config). */
export function conversionOptionsFor(config: ConversionConfigName, scope?: vscode.ConfigurationScope): ConversionOptions {
  const settings = zhdocSettings(scope);
  const custom = settings.get<Record<string, Record<string, string>>>('convert.customPhrases') ?? {};
  const target = conversionConfig(config).target;
  const phrases: Record<string, string> = {};
  for (const group of [custom[target], custom[config]]) {
    if (group && typeof group === 'object') {
      for (const [from, to] of Object.entries(group)) if (typeof to === 'string') phrases[from] = to;
    }
  }
  const preserve = (settings.get<unknown[]>('convert.preserve') ?? []).filter((w): w is string => typeof w === 'string' && w.length > 0);
  return { preserve, customPhrases: phrases, extensionCharacters: settings.get<boolean>('convert.extensionCharacters', true) };
}

export interface PinyinSettings {
  readonly style: PinyinStyle;
  readonly toneColours: boolean;
  readonly gloss: boolean;
  readonly hover: boolean;
  readonly inlayHints: boolean;
  /** zhdoc.pinyin.toneSandhi: the sandhi the hover, inlay hints, Copy as Pinyin and Annotate write. */
  readonly sandhi: ToneSandhi;
}

export function pinyinSettings(scope?: vscode.ConfigurationScope): PinyinSettings {
  const settings = zhdocSettings(scope);
  const style = settings.get<string>('pinyin.style', 'marks');
  return {
    style: style === 'numbers' || style === 'zhuyin' ? style : 'marks',
    toneColours: settings.get<boolean>('pinyin.toneColors', true),
    gloss: settings.get<boolean>('pinyin.gloss', true),
    hover: settings.get<boolean>('pinyin.hover', true),
    inlayHints: settings.get<boolean>('pinyin.inlayHints', false),
    // Validated as readSettings does, without reading every other setting on each hover.
    sandhi: readSettings((key) => (key === 'pinyin.toneSandhi' ? settings.get(key) : SETTINGS_DEFAULTS[key]))['pinyin.toneSandhi'],
  };
}

/**
 * The core options for analysing `scope` (an open document, or a file Count Slogans in Folder reads): the one
 * path from settings to options, so the editor and the folder count agree.
 */
export async function analysisOptionsFor(scope: vscode.TextDocument | vscode.Uri, lexicon: UserLexicon): Promise<AnalysisOptions> {
  const settings = settingsFor(scope);
  return toCoreOptions(settings, await lexicon.entries(scope instanceof vscode.Uri ? scope : scope.uri, settings));
}
