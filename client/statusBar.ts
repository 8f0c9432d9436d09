/** The status bar summary of the active report: statutory sections present out of four, errors, warnings. */
import * as vscode from 'vscode';
import type { ChecklistModel } from './checklistModel.js';
import { COMMANDS, STATUS_ID } from './protocol.js';
import { label, statusText, type ReportLanguage } from './labels.js';

export function createStatusBar(model: ChecklistModel, language: () => ReportLanguage): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_ID, vscode.StatusBarAlignment.Left, 100);
  item.name = 'fazhi-lint';
  item.command = COMMANDS.showChecklist;
  const update = () => {
    const c = model.current;
    if (!c) {
      item.hide();
      return;
    }
    const lang = language();
    item.text = statusText(lang, c);
    item.tooltip = label(lang, 'tooltip', { present: c.present, required: c.required, ...c.counts });
    item.show();
  };
  const sub = model.onDidChange(update);
  update();
  return vscode.Disposable.from(item, sub);
}
