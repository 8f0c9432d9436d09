/**
 * Strings that describe the report itself (the status bar's "法定部分 3/4") follow fazhi-lint.language, like the
 * diagnostics and the checklist labels the server sends; the editor's own UI strings go through vscode.l10n.
 */
import { ui } from '../rules/messages/index.js';

export type ReportLanguage = 'zh-CN' | 'en';

export function reportLanguage(setting: string | undefined, displayLanguage: string): ReportLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  if (setting === 'auto') return /^zh/i.test(displayLanguage) ? 'zh-CN' : 'en';
  return 'zh-CN';
}

/** The client's labels, by their keys in the message catalogue (rules/messages). */
const LABELS = { sections: 'statusSections', tooltip: 'statusTooltip', line: 'atLine', notReport: 'statusNotReport', notReportTooltip: 'statusNotReportTooltip', checkAnyway: 'statusCheckAnyway', otherKind: 'statusOtherKind', otherKindTooltip: 'statusOtherKindTooltip' } as const;

export function label(lang: ReportLanguage, key: keyof typeof LABELS, data: Record<string, string | number> = {}): string {
  return ui(lang, LABELS[key], data);
}

export function statusText(lang: ReportLanguage, c: { present: number; required: number; counts: { error: number; warning: number }; notReport?: unknown }): string {
  // a document of another kind, checked as text: its findings, and no statutory sections to count
  if (c.notReport) return `$(info) ${label(lang, 'otherKind')} $(error) ${c.counts.error} $(warning) ${c.counts.warning}`;
  return `$(checklist) ${label(lang, 'sections')} ${c.present}/${c.required} $(error) ${c.counts.error} $(warning) ${c.counts.warning}`;
}
