/**
 * The slogans of each open document, computed off the typing path: after an edit the document is analysed
 * again once typing pauses (longer pauses for large documents), and listeners hear when new results are in.
 * Boilerplate lines are excluded, so a footer repeated twice is never a slogan.
 */
import * as vscode from 'vscode';
import type { BoilerplateResult } from '../core/boilerplate';
import { findSlogans, lineBlocksToRanges, readUserSloganEntries, type Slogan, type SloganEntry, type SloganOptions } from '../core/slogans';
import { ensureResources } from './resources';
import { zhdocSettings } from './settings';

export const SLOGAN_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];

/** Above this size the document is not analysed (VS Code turns its own features off for such files too). */
const MAX_CHARS = 20_000_000;

interface Entry {
  version: number;
  settingsKey: string;
  slogans: readonly Slogan[];
}

export interface SloganModelOptions {
  /** The boilerplate of a document, whose lines never count. */
  readonly boilerplate: (document: vscode.TextDocument) => BoilerplateResult | undefined;
}

export class SloganModel implements vscode.Disposable {
  private readonly results = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when a document's slogans were recomputed (or dropped). */
  readonly onDidChange = this.changed.event;
  /** Problems found in the user lexicon setting, reported once per distinct list. */
  private reportedProblems = '';

  constructor(private readonly options: SloganModelOptions) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.applies(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.results.delete(key);
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('zhdoc.slogans') && !e.affectsConfiguration('zhdoc.boilerplate')) return;
        for (const editor of vscode.window.visibleTextEditors) if (this.applies(editor.document)) void this.refresh(editor.document);
      }),
    );
  }

  applies(document: vscode.TextDocument): boolean {
    return vscode.languages.match(SLOGAN_SELECTOR, document) > 0 && zhdocSettings(document).get<boolean>('slogans.enabled', true);
  }

  /** The slogans as last computed for the document's current version, or undefined. */
  current(document: vscode.TextDocument): readonly Slogan[] | undefined {
    const entry = this.results.get(document.uri.toString());
    return entry && entry.version === document.version && entry.settingsKey === this.settingsKey(document) ? entry.slogans : undefined;
  }

  /** The slogans of the document now, computing them if needed. */
  async get(document: vscode.TextDocument): Promise<readonly Slogan[]> {
    if (!this.applies(document)) return [];
    return this.current(document) ?? this.refresh(document);
  }

  /** Computes the slogans of the document now and tells listeners. */
  async refresh(document: vscode.TextDocument): Promise<readonly Slogan[]> {
    if (!this.applies(document)) return [];
    await ensureResources('sloganLexicon', 'opencc');
    const fileEntries = await this.lexiconFileEntries(document);
    const version = document.version;
    const text = document.getText();
    const slogans = text.length > MAX_CHARS ? [] : findSlogans(text, this.sloganOptions(document, text, fileEntries));
    if (document.isClosed || document.version !== version) return slogans;
    this.results.set(document.uri.toString(), { version, settingsKey: this.settingsKey(document), slogans });
    this.changed.fire(document);
    return slogans;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    // About a second of work per 10 MB: wait for a real pause in typing before doing it again.
    const delay = length > 1_000_000 ? 1500 : 400;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) void this.refresh(document);
    }, delay));
  }

  private settingsKey(document: vscode.TextDocument): string {
    const s = zhdocSettings(document);
    return JSON.stringify(['markKnown', 'discover', 'minRepeats', 'minQuotedRepeats', 'userLexicon', 'lexiconFiles', 'ignore', 'excludeBoilerplate'].map((k) => s.get(`slogans.${k}`)));
  }

  sloganOptions(document: vscode.TextDocument, text: string, fileEntries: readonly SloganEntry[] = []): SloganOptions {
    const s = zhdocSettings(document);
    const inline = this.userEntries(s.get<unknown>('slogans.userLexicon'));
    const entries = fileEntries.length ? [...inline, ...fileEntries] : inline;
    const boilerplate = s.get<boolean>('slogans.excludeBoilerplate', true) ? this.options.boilerplate(document) : undefined;
    return {
      known: s.get<boolean>('slogans.markKnown', true),
      discover: s.get<boolean>('slogans.discover', true),
      minRepeatCount: s.get<number>('slogans.minRepeats', 3),
      minDiscoveredCount: s.get<number>('slogans.minQuotedRepeats', 2),
      userLexicon: entries,
      ignore: s.get<string[]>('slogans.ignore', []).filter((x) => typeof x === 'string'),
      excludedRanges: boilerplate ? lineBlocksToRanges(text, boilerplate.blocks) : [],
    };
  }

  private lastUserLexicon: { json: string; entries: readonly SloganEntry[] } | undefined;
  private readonly lexiconFiles = new Map<string, { mtime: number; entries: readonly SloganEntry[] }>();
  private lastFileEntries: { key: string; entries: readonly SloganEntry[] } | undefined;

  /**
   * Entries from the JSON files named by zhdoc.slogans.lexiconFiles (paths relative to the document's workspace
   * folder). The setting is restricted in untrusted workspaces: VS Code then gives only the user's own value, so
   * a repository cannot make zhdoc read files of its choosing.
   */
  private async lexiconFileEntries(document: vscode.TextDocument): Promise<readonly SloganEntry[]> {
    const paths = zhdocSettings(document).get<unknown[]>('slogans.lexiconFiles', []).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    if (paths.length === 0) return [];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    const all: SloganEntry[] = [];
    const parts: string[] = [];
    for (const path of paths) {
      const uri = /^([a-z]:)?[\\/]/i.test(path) || !folder ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder.uri, path);
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        const cached = this.lexiconFiles.get(uri.toString());
        let entries = cached?.mtime === stat.mtime ? cached.entries : undefined;
        if (!entries) {
          const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as unknown;
          const list = Array.isArray(json) ? json : (json as { entries?: unknown })?.entries;
          const read = readUserSloganEntries(list);
          this.reportProblems(read.problems.map((p) => `${path}: ${p}`));
          entries = read.entries;
          this.lexiconFiles.set(uri.toString(), { mtime: stat.mtime, entries });
        }
        all.push(...entries);
        parts.push(`${uri.toString()}@${stat.mtime}`);
      } catch (e) {
        this.reportProblems([`${path}: ${e instanceof Error ? e.message : String(e)}`]);
      }
    }
    // The same array while the files are unchanged, so the core reuses its compiled lexicon.
    const key = parts.join('|');
    if (this.lastFileEntries?.key !== key) this.lastFileEntries = { key, entries: all };
    return this.lastFileEntries.entries;
  }

  /** The user's entries, the same array while the setting is unchanged: the core caches the compiled lexicon by identity. */
  private userEntries(value: unknown): readonly SloganEntry[] {
    const json = JSON.stringify(value ?? []);
    if (this.lastUserLexicon?.json !== json) {
      const { entries, problems } = readUserSloganEntries(value);
      this.reportProblems(problems);
      this.lastUserLexicon = { json, entries };
    }
    return this.lastUserLexicon.entries;
  }

  private reportProblems(problems: readonly string[]): void {
    const key = problems.join('\n');
    if (!key || key === this.reportedProblems) return;
    this.reportedProblems = key;
    void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: some slogan lexicon entries were skipped: {0}', problems.join('; ')));
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}
