/**
 * The "Slogans" view (zhdoc's activity-bar container): the active document's phrases by count, each expandable
 * to its occurrences with a preview of the line; a click reveals the occurrence. It follows the model, which
 * re-analyses after typing pauses, so the view never blocks typing.
 */
import * as vscode from 'vscode';
import type { Slogan } from '../core/slogans';
import type { SloganModel } from '../vscode/sloganModel';

type SloganNode =
  | { readonly type: 'phrase'; readonly slogan: Slogan; readonly document: vscode.TextDocument }
  | { readonly type: 'occurrence'; readonly slogan: Slogan; readonly index: number; readonly document: vscode.TextDocument };

export interface SloganTreeSupport extends vscode.Disposable {
  /** The view's items as shown now: label, description and occurrence labels (for tests). */
  items(): Promise<Array<{ label: string; description: string; tooltip: string; occurrences: string[] }>>;
}

const PREVIEW = 14;

export function registerSloganTreeView(model: SloganModel): SloganTreeSupport {
  const changed = new vscode.EventEmitter<SloganNode | undefined>();
  let document: vscode.TextDocument | undefined;

  const provider: vscode.TreeDataProvider<SloganNode> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!node) {
        const slogans = document ? model.current(document) : undefined;
        return slogans && document ? slogans.map((slogan) => ({ type: 'phrase' as const, slogan, document: document! })) : [];
      }
      if (node.type === 'phrase') return node.slogan.occurrences.map((_, index) => ({ type: 'occurrence' as const, slogan: node.slogan, index, document: node.document }));
      return [];
    },
    getTreeItem(node) {
      if (node.type === 'phrase') {
        const item = new vscode.TreeItem(node.slogan.phrase, vscode.TreeItemCollapsibleState.Collapsed);
        const kind = node.slogan.kind === 'known' ? vscode.l10n.t('known') : vscode.l10n.t('discovered');
        item.description = `×${node.slogan.count} · ${kind}${node.slogan.category ? ` · ${node.slogan.category}` : ''}`;
        item.tooltip = new vscode.MarkdownString().appendText(`${node.slogan.phrase}\n${item.description}${node.slogan.source ? `\n${node.slogan.source}` : ''}`);
        item.iconPath = new vscode.ThemeIcon(node.slogan.kind === 'known' ? 'bookmark' : 'search');
        item.contextValue = `zhdoc.slogan.${node.slogan.kind}`;
        return item;
      }
      const occurrence = node.slogan.occurrences[node.index]!;
      const start = node.document.positionAt(occurrence.offset);
      const line = node.document.lineAt(start.line).text;
      const from = Math.max(0, start.character - PREVIEW);
      const to = Math.min(line.length, start.character + occurrence.length + PREVIEW);
      const preview = `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
      const item = new vscode.TreeItem(vscode.l10n.t('line {0}: {1}', start.line + 1, preview), vscode.TreeItemCollapsibleState.None);
      item.command = {
        command: 'zhdoc.revealSlogan',
        title: vscode.l10n.t('Reveal'),
        arguments: [{ uri: node.document.uri.toString(), offset: occurrence.offset, length: occurrence.length }],
      };
      item.contextValue = 'zhdoc.sloganOccurrence';
      return item;
    },
  };

  const view = vscode.window.createTreeView('zhdoc.slogans', { treeDataProvider: provider, showCollapseAll: true });
  const follow = (): void => {
    const editor = vscode.window.activeTextEditor;
    // Keep showing the last document while focus is in a non-text editor (the view itself, a webview).
    if (editor && editor.document !== document) {
      document = model.applies(editor.document) ? editor.document : undefined;
      if (document && !model.current(document)) void model.get(document);
      changed.fire(undefined);
    }
    const slogans = document ? model.current(document) : undefined;
    view.message = !document ? vscode.l10n.t('Open a Chinese text document to see its slogans.') : slogans && slogans.length === 0 ? vscode.l10n.t('No repeated slogans found in this document.') : undefined;
    view.description = document ? vscode.workspace.asRelativePath(document.uri, false) : undefined;
  };
  const disposables: vscode.Disposable[] = [
    changed,
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    model.onDidChange((d) => {
      if (d === document) {
        changed.fire(undefined);
        follow();
      }
    }),
  ];
  follow();

  return {
    async items() {
      const roots = (await provider.getChildren()) ?? [];
      return Promise.all(
        roots.map(async (root) => {
          const item = await provider.getTreeItem(root);
          const children = (await provider.getChildren(root)) ?? [];
          const occurrences = await Promise.all(children.map(async (c) => String((await provider.getTreeItem(c)).label)));
          const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
          return { label: String(item.label), description: String(item.description ?? ''), tooltip, occurrences };
        }),
      );
    },
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
