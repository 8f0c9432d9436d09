/**
 * What the server pushes to the client after a check: the document's diagnostics (only for drafts that read
 * as annual reports), the one-time notice for a huge document, fazhiLint/checklistChanged when the checklist
 * or the counts change, and the diagnostics of broken config files. Push only: every client understands it.
 * The diagnostics go out first and alone, on the keystroke path; the rest waits a turn of the event loop
 * (vscode-jsonrpc writes in its own setImmediate, so work done before returning delays the diagnostics).
 */
import { MessageType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { sizeText, ui, utf8Length } from '../rules/index.js';
import type { SettingsStore } from './settings.js';
import type { CheckedDocument } from './documents.js';
import { configDiagnostic, diagnosticsOf } from './features/diagnostics.js';
import { wrongEncodingDiagnostic } from './features/encoding.js';
import { ChecklistChangedNotification, type NotificationType } from '../protocol/index.js';

export interface PushTarget {
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  sendNotification(method: string, params: unknown): void;
}

/** A typed notification through a push target. */
function notify<P>(target: PushTarget, type: NotificationType<P>, params: P): void {
  target.sendNotification(type.method, params);
}

export class Publisher {
  private readonly largeNoticeShown = new Set<string>();
  /** the checklist last announced per document ('' for a document that is not a report) */
  private readonly lastChecklist = new Map<string, string>();
  /** config files with an error diagnostic published, and that diagnostic (sent again only when it changes) */
  private readonly configDiagnostics = new Map<string, string>();
  /** the follow-up work of each document's latest check, not run yet */
  private readonly pending = new Map<string, { checked: CheckedDocument; immediate: ReturnType<typeof setImmediate> }>();

  constructor(
    private readonly target: PushTarget,
    private readonly configs: SettingsStore,
  ) {}

  /**
   * Only drafts that read as annual reports (the CLI's test for walked files) get diagnostics, a checklist and
   * actions — the extension runs on every Markdown and text file, and a README is not a report — and those the
   * user asked to check anyway.
   */
  isReport(checked: CheckedDocument): boolean {
    return !checked.wrongEncoding && (checked.readsAsReport || !!checked.checkedAnyway);
  }

  checked(checked: CheckedDocument): void {
    if (!this.configs.settingsOf(checked.uri).enable) return;
    const report = this.isReport(checked);
    // a wrongly decoded document gets the one diagnostic that says so, not the rules' findings on garbled text
    const diagnostics = checked.wrongEncoding ? [wrongEncodingDiagnostic(checked.wrongEncoding, checked.language)] : report ? diagnosticsOf(checked) : [];
    this.target.sendDiagnostics({ uri: checked.uri, version: checked.version, diagnostics });
    // a newer check of the same document replaces the follow-up of an older one
    const p = this.pending.get(checked.uri);
    if (p) p.checked = checked;
    else {
      const immediate = setImmediate(() => {
        const latest = this.pending.get(checked.uri);
        this.pending.delete(checked.uri);
        if (latest) this.followUp(latest.checked);
      });
      this.pending.set(checked.uri, { checked, immediate });
    }
  }

  private followUp(checked: CheckedDocument): void {
    if (!this.configs.settingsOf(checked.uri).enable) return;
    const report = this.isReport(checked);
    if (report && checked.result.degraded && !this.largeNoticeShown.has(checked.uri)) {
      this.largeNoticeShown.add(checked.uri);
      const size = sizeText(utf8Length(checked.result.report.source));
      this.target.sendNotification('window/showMessage', { type: MessageType.Info, message: ui(checked.language, 'largeDocument', { size }) });
    }
    const key = report ? checklistKey(checked) : '';
    if (this.lastChecklist.get(checked.uri) !== key) {
      this.lastChecklist.set(checked.uri, key);
      notify(this.target, ChecklistChangedNotification, { uri: checked.uri });
    }
    this.syncConfigDiagnostics();
  }

  closed(uri: string): void {
    const p = this.pending.get(uri);
    if (p) clearImmediate(p.immediate);
    this.pending.delete(uri);
    this.lastChecklist.delete(uri);
    this.largeNoticeShown.delete(uri);
    this.target.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or config changed: announce every checklist again after the next checks. */
  forgetChecklists(): void {
    this.lastChecklist.clear();
  }

  /** Broken config files get an error diagnostic; fixed or deleted ones get theirs cleared. */
  syncConfigDiagnostics(): void {
    const now = new Map<string, Diagnostic>();
    for (const [uri, err] of this.configs.errors()) now.set(uri, configDiagnostic(err, this.configs.uiLanguage()));
    for (const uri of this.configDiagnostics.keys()) if (!now.has(uri)) this.target.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, d] of now) if (this.configDiagnostics.get(uri) !== JSON.stringify(d)) this.target.sendDiagnostics({ uri, diagnostics: [d] });
    this.configDiagnostics.clear();
    for (const [uri, d] of now) this.configDiagnostics.set(uri, JSON.stringify(d));
  }
}

/**
 * What the checklist view shows, as one string: it changes exactly when checklistResponse's items, counts or
 * groups would, without building the response (this runs after every check).
 */
function checklistKey(checked: CheckedDocument): string {
  const parts: string[] = [checked.language];
  for (const c of checked.result.checklist) parts.push(`${c.item}\u0001${c.status}\u0001${c.line}\u0001${c.heading}`);
  parts.push('\u0002');
  for (const f of checked.result.findings) parts.push(`${f.ruleId}\u0001${f.severity}\u0001${f.line}\u0001${f.message}`);
  // 上年度安排落实情况 changes with last year's report too (an edit there re-checks this document)
  parts.push('\u0002', JSON.stringify(checked.previous ?? '-'));
  return parts.join('\u0000');
}
