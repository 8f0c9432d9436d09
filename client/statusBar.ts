/**
 * The status bar summary of the active report: statutory sections present out of four, errors, warnings; for a
 * Markdown or text file that does not read as a report, a hint with "仍然检查 / Check anyway"; for one checked that
 * declares another kind (a plan, a notice), "非年度报告" and its counts, no sections.
 */
import * as vscode from 'vscode';
import type { ChecklistModel } from './checklistModel.js';
import { CHECK_ANYWAY_COMMAND, COMMANDS, STATUS_ID } from './protocol.js';
import { label, statusText, type ReportLanguage } from './labels.js';

export function createStatusBar(model: ChecklistModel, language: () => ReportLanguage): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_ID, vscode.StatusBarAlignment.Left, 100);
  item.name = 'fazhi-lint';
  item.command = COMMANDS.showChecklist;
  const update = () => {
    const c = model.current;
    if (!c && model.notReport) {
      // not silence: say why there are no diagnostics, and offer to check it all the same
      const lang = language();
      item.text = `$(question) ${label(lang, 'notReport')}`;
      item.tooltip = label(lang, 'notReportTooltip');
      item.command = { title: label(lang, 'checkAnyway'), command: CHECK_ANYWAY_COMMAND, arguments: [{ uri: model.notReport }] };
      item.show();
      return;
    }
    item.command = COMMANDS.showChecklist;
    if (!c) {
      item.hide();
      return;
    }
    const lang = language();
    item.text = statusText(lang, c);
    item.tooltip = c.notReport ? label(lang, 'otherKindTooltip', { ...c.counts }) : label(lang, 'tooltip', { present: c.present, required: c.required, ...c.counts });
    item.show();
  };
  const sub = model.onDidChange(update);
  update();
  return vscode.Disposable.from(item, sub);
}
