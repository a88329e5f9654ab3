/**
 * The slogans of each open document, as the document analysis service computes them in its worker after each
 * pause in typing; listeners hear when new results are in. Boilerplate lines are excluded (in the worker too),
 * so a footer repeated twice is never a slogan.
 */
import * as vscode from 'vscode';
import type { DocumentAnalysisService } from '../analysis/service';
import type { Slogan } from '../core/slogans';
import { perDocumentSettings, settingsFor } from './settings';

export const SLOGAN_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];

export class SloganModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when a document's slogans were recomputed (or dropped). */
  readonly onDidChange = this.changed.event;

  /**
   * Whether slogans apply, per document: asked on every hover, decoration paint and update, and reading the
   * settings each time cost more than the slogan hover itself (every zhdoc setting read, through VS Code's
   * configuration lookup).
   */
  private readonly appliesTo = perDocumentSettings((document) => vscode.languages.match(SLOGAN_SELECTOR, document) > 0 && settingsFor(document)['slogans.enabled']);

  constructor(private readonly analysis: DocumentAnalysisService) {
    this.disposables.push(
      this.appliesTo,
      analysis.subscribe('slogans', (document) => this.applies(document)),
      analysis.onDidUpdate(({ document, facet }) => {
        if (facet === 'slogans' && this.applies(document)) this.changed.fire(document);
      }),
    );
  }

  applies(document: vscode.TextDocument): boolean {
    return this.appliesTo.get(document);
  }

  /** The slogans as last computed for the document's current version, or undefined. */
  current(document: vscode.TextDocument): readonly Slogan[] | undefined {
    return this.applies(document) ? this.analysis.current(document, 'slogans') : undefined;
  }

  /** The slogans of the document now, computing them if needed (after the pause in typing, if one runs). */
  async get(document: vscode.TextDocument): Promise<readonly Slogan[]> {
    if (!this.applies(document)) return [];
    return this.current(document) ?? (await this.analysis.request(document, 'slogans')) ?? [];
  }

  /** The slogans of the document's current version, without waiting for typing to pause; listeners hear of them. */
  async refresh(document: vscode.TextDocument): Promise<readonly Slogan[]> {
    if (!this.applies(document)) return [];
    return (await this.analysis.request(document, 'slogans', { now: true, fresh: true })) ?? [];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
