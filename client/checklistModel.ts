/** The checklist of the active report document, fetched from the server whenever it or the editor changes. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ChecklistChangedNotification, ChecklistRequest, DocumentStatusRequest, LANGUAGES, onNotification, request, type ChecklistResponse } from './protocol.js';

export class ChecklistModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ChecklistResponse | undefined>();
  readonly onDidChange = this.emitter.event;
  current: ChecklistResponse | undefined;
  /** the active document when it has no checklist because it does not read as a report (the status bar offers "仍然检查") */
  notReport: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private pending = 0;

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      onNotification(client, ChecklistChangedNotification, (p) => {
        if (p.uri === this.activeUri()) void this.refresh();
      }),
    );
  }

  activeUri(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && LANGUAGES.includes(doc.languageId) ? doc.uri.toString() : undefined;
  }

  async refresh(): Promise<void> {
    const uri = this.activeUri();
    const ticket = ++this.pending;
    let next: ChecklistResponse | undefined;
    let notReport: string | undefined;
    if (uri) {
      try {
        next = (await request(this.client, ChecklistRequest, { uri })) ?? undefined;
        if (!next && (await request(this.client, DocumentStatusRequest, { uri })) === 'notReport') notReport = uri;
      } catch {
        next = undefined;
      }
    }
    if (ticket !== this.pending) return; // a newer refresh is under way
    this.current = next;
    this.notReport = notReport;
    this.emitter.fire(next);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
