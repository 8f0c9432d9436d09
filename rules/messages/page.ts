/**
 * The offline checking page (dist/web/fazhi-lint.html): every label of its interface, in both languages. Typed, so
 * a label missing in one language fails `tsc`. Messages, rule titles, checklist names and severities are the
 * catalogue's own (zh-CN.ts / en.ts `ui`), not repeated here.
 */
import type { Language } from '../engine/rule.js';

export interface PageText {
  documentTitle: string;
  tagline: string;
  open: string;
  dropHint: string;
  dropHere: string;
  editTab: string;
  viewTab: string;
  fixAllSafe: string;
  undo: string;
  copy: string;
  copied: string;
  copyFailed: string;
  download: string;
  switchLanguage: string;
  checking: string;
  findingsTitle: string;
  lineLabel: string;
  rulesIndex: string;
  close: string;
  familyInput: string;
  nothingToFix: string;
  opened: string;
  openedDocx: string;
  exportFailed: string;
  suggestion: string;
  timing: string;
  related: string;
  trackedChangesTitle: string;
  trackedChangesWhy: string;
  defaultName: string;
  textLabel: string;
}

const zhCN: PageText = {
  documentTitle: 'fazhi-lint 法治政府建设年度报告检查',
  tagline: '离线检查：文字只在本页面中处理，不会发送到任何地方。',
  open: '打开文件…',
  dropHint: '在此粘贴报告文本，或把 .md、.txt、.docx 文件拖到页面上',
  dropHere: '松开鼠标以打开文件',
  editTab: '编辑文本',
  viewTab: '标记视图',
  fixAllSafe: '全部安全修复',
  undo: '撤销',
  copy: '复制文本',
  copied: '已复制到剪贴板',
  copyFailed: '无法访问剪贴板，请在“编辑文本”中全选后复制',
  download: '下载',
  switchLanguage: 'English',
  checking: '检查中…',
  findingsTitle: '发现的问题',
  lineLabel: '第 {line} 行',
  rulesIndex: '全部规则',
  close: '关闭',
  familyInput: 'Word 文档',
  nothingToFix: '没有可以安全自动修复的问题',
  opened: '已打开 {file}（{encoding}）',
  openedDocx: '已打开 {file}：检查的是 Word 文档的文字视图（每段一行）。修复后可下载为 .md、.txt 或 .docx',
  exportFailed: '导出失败：{error}',
  suggestion: '建议（请核对后使用）',
  timing: '检查 {check} 毫秒，显示 {render} 毫秒',
  related: '相关位置',
  trackedChangesTitle: '未处理的修订',
  trackedChangesWhy: '检查按“全部接受修订”后的文字进行；定稿前应接受或拒绝这些修订。',
  defaultName: '年度报告',
  textLabel: '报告文本',
};

const en: PageText = {
  documentTitle: 'fazhi-lint: annual rule-of-law government report checker',
  tagline: 'Offline: the text is checked inside this page and is never sent anywhere.',
  open: 'Open file…',
  dropHint: 'Paste the report text here, or drop a .md, .txt or .docx file on the page',
  dropHere: 'Release to open the file',
  editTab: 'Edit text',
  viewTab: 'Marked view',
  fixAllSafe: 'Fix all safe',
  undo: 'Undo',
  copy: 'Copy text',
  copied: 'Copied to the clipboard',
  copyFailed: 'The clipboard is not available: select all in "Edit text" and copy',
  download: 'Download',
  switchLanguage: '中文',
  checking: 'Checking…',
  findingsTitle: 'Findings',
  lineLabel: 'line {line}',
  rulesIndex: 'All rules',
  close: 'Close',
  familyInput: 'Word document',
  nothingToFix: 'Nothing can be fixed safely',
  opened: 'Opened {file} ({encoding})',
  openedDocx: 'Opened {file}: the Word document is checked as its text view (one line per paragraph). Download the fixed text as .md, .txt or .docx',
  exportFailed: 'Export failed: {error}',
  suggestion: 'suggestion (check before using)',
  timing: 'check {check} ms, render {render} ms',
  related: 'Related',
  trackedChangesTitle: 'Pending tracked changes',
  trackedChangesWhy: 'The text is checked as if all changes were accepted; accept or reject them before the report is final.',
  defaultName: 'annual-report',
  textLabel: 'Report text',
};

const TEXTS: Record<Language, PageText> = { 'zh-CN': zhCN, en };

export function pageText(lang: Language): PageText {
  return TEXTS[lang] ?? zhCN;
}
