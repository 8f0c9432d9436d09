/**
 * Strings that describe the report itself (the status bar's "法定部分 3/4") follow fazhi-lint.language, like the
 * diagnostics and the checklist labels the server sends; the editor's own UI strings go through vscode.l10n.
 */
export type ReportLanguage = 'zh-CN' | 'en';

export function reportLanguage(setting: string | undefined, displayLanguage: string): ReportLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  if (setting === 'auto') return /^zh/i.test(displayLanguage) ? 'zh-CN' : 'en';
  return 'zh-CN';
}

const LABELS = {
  'zh-CN': {
    sections: '法定部分',
    tooltip: '法治报告清单：法定部分 {present}/{required}，{error} 个错误，{warning} 个警告，{info} 个提示',
    line: '第{line}行',
    notReport: '未识别为年度报告 · 仍然检查',
    notReportTooltip: 'fazhi-lint 只检查读起来像法治政府建设年度报告的文件。点击仍然检查本文件。',
    checkAnyway: '仍然检查',
  },
  en: {
    sections: 'Sections',
    tooltip: 'Report checklist: sections {present}/{required}, {error} errors, {warning} warnings, {info} infos',
    line: 'line {line}',
    notReport: 'Not a report · Check anyway',
    notReportTooltip: 'fazhi-lint checks only files that read as an annual report on building a rule-of-law government. Click to check this file anyway.',
    checkAnyway: 'Check anyway',
  },
} as const;

export function label(lang: ReportLanguage, key: keyof (typeof LABELS)['en'], data: Record<string, string | number> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/g, (w, k: string) => (k in data ? String(data[k]) : w));
}

export function statusText(lang: ReportLanguage, c: { present: number; required: number; counts: { error: number; warning: number } }): string {
  return `$(checklist) ${label(lang, 'sections')} ${c.present}/${c.required} $(error) ${c.counts.error} $(warning) ${c.counts.warning}`;
}
