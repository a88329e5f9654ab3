/**
 * The user's own slogans for a document or a file: zhdoc.slogans.userLexicon, then the entries of the JSON files
 * zhdoc.slogans.lexiconFiles names (relative to the workspace folder). The editor and Count Slogans in Folder
 * both read them here, so they mark the same phrases. Problems in the entries are shown once per distinct list
 * and logged.
 */
import * as vscode from 'vscode';
import { readUserSloganEntries, type SloganEntry } from '../core/slogans';
import type { ZhdocSettings } from '../core/settings';
import type { Log } from './log';

export class UserLexicon {
  private lastInline: { json: string; entries: readonly SloganEntry[] } | undefined;
  private readonly files = new Map<string, { mtime: number; entries: readonly SloganEntry[] }>();
  private lastCombined: { key: string; entries: readonly SloganEntry[] } | undefined;
  private reportedProblems = '';

  constructor(private readonly log: Log) {}

  /**
   * The entries for `scope` under `settings`; the same array while nothing changed. The lexiconFiles setting is
   * restricted in untrusted workspaces: VS Code then gives only the user's own value, so a repository cannot
   * make zhdoc read files of its choosing.
   */
  async entries(scope: vscode.Uri, settings: ZhdocSettings): Promise<readonly SloganEntry[]> {
    const inline = this.inline(settings['slogans.userLexicon']);
    const paths = settings['slogans.lexiconFiles'];
    if (paths.length === 0) return inline;
    const folder = vscode.workspace.getWorkspaceFolder(scope) ?? vscode.workspace.workspaceFolders?.[0];
    const all: SloganEntry[] = [...inline];
    const parts: string[] = [this.lastInline?.json ?? ''];
    for (const path of paths) {
      const uri = /^([a-z]:)?[\\/]/i.test(path) || !folder ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder.uri, path);
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        const cached = this.files.get(uri.toString());
        let entries = cached?.mtime === stat.mtime ? cached.entries : undefined;
        if (!entries) {
          const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as unknown;
          const list = Array.isArray(json) ? json : (json as { entries?: unknown })?.entries;
          const read = readUserSloganEntries(list);
          this.report(read.problems.map((p) => `${path}: ${p}`));
          entries = read.entries;
          this.files.set(uri.toString(), { mtime: stat.mtime, entries });
        }
        all.push(...entries);
        parts.push(`${uri.toString()}@${stat.mtime}`);
      } catch (e) {
        this.report([`${path}: ${e instanceof Error ? e.message : String(e)}`]);
      }
    }
    const key = parts.join('|');
    if (this.lastCombined?.key !== key) this.lastCombined = { key, entries: all };
    return this.lastCombined.entries;
  }

  private inline(value: unknown): readonly SloganEntry[] {
    const json = JSON.stringify(value ?? []);
    if (this.lastInline?.json !== json) {
      const { entries, problems } = readUserSloganEntries(value);
      this.report(problems);
      this.lastInline = { json, entries };
    }
    return this.lastInline.entries;
  }

  private report(problems: readonly string[]): void {
    const key = problems.join('\n');
    if (!key || key === this.reportedProblems) return;
    this.reportedProblems = key;
    this.log.warn(`slogan lexicon entries skipped: ${problems.join('; ')}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: some slogan lexicon entries were skipped: {0}', problems.join('; ')));
  }
}
