/** The extension's commands; everything that needs the report model asks the server. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckWorkspaceRequest, COMMANDS, MissingSectionsRequest, RulesRequest, VIEW_ID, request } from './protocol.js';
import { reportTemplate } from './template.js';

export function registerCommands(client: BaseLanguageClient): vscode.Disposable[] {
  const t = vscode.l10n.t;
  return [
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, async () => {
      const r = await request(client, CheckWorkspaceRequest, {});
      void vscode.window.showInformationMessage(t('Checked {0} reports ({1} files): {2} problems.', r.reports, r.files, r.problems));
    }),

    vscode.commands.registerCommand(COMMANDS.newReport, async () => {
      const organ = await vscode.window.showInputBox({
        title: t('New annual report'),
        prompt: t('The reporting organ, as it signs the report'),
        placeHolder: t('e.g. ××市××区人民政府'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : t('Enter the organ')),
      });
      if (!organ) return;
      const lastYear = new Date().getFullYear() - 1;
      const year = await vscode.window.showInputBox({
        title: t('New annual report'),
        prompt: t('The year the report covers'),
        value: String(lastYear),
        ignoreFocusOut: true,
        validateInput: (v) => (/^(19|20)\d\d$/.test(v.trim()) ? undefined : t('Enter a four-digit year')),
      });
      if (!year) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportTemplate(organ.trim(), Number(year.trim())) });
      await vscode.window.showTextDocument(doc);
    }),

    vscode.commands.registerCommand(COMMANDS.insertMissingSections, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const uri = editor.document.uri.toString();
      // fixes that renumber the same headings apply one per pass: ask again until none is left (bounded)
      for (let pass = 0; pass < 5; pass++) {
        const edit = await request(client, MissingSectionsRequest, { uri });
        if (!edit) {
          if (pass === 0) void vscode.window.showInformationMessage(t('No statutory section is missing.'));
          return;
        }
        const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
        if (!applied) {
          void vscode.window.showWarningMessage(t('The document changed meanwhile; run the command again.'));
          return;
        }
      }
    }),

    vscode.commands.registerCommand(COMMANDS.openRulePage, async (ruleId?: string) => {
      const rules = await request(client, RulesRequest, {});
      let rule = typeof ruleId === 'string' ? rules.find((r) => r.id === ruleId) : undefined;
      if (!rule) {
        const pick = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.id, description: r.title, rule: r })),
          { title: t('Open rule page'), placeHolder: t('Choose a rule'), matchOnDescription: true },
        );
        rule = pick?.rule;
      }
      if (!rule) return;
      const uri = vscode.Uri.parse(rule.uri);
      if (uri.scheme === 'file') await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, () => vscode.commands.executeCommand('vscode.open', uri));
      else await vscode.env.openExternal(uri);
    }),

    vscode.commands.registerCommand(COMMANDS.showChecklist, async () => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),

    vscode.commands.registerCommand(COMMANDS.revealLine, async (uri: string, line: number) => {
      const pos = new vscode.Position(Math.max(0, line - 1), 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(pos, pos) });
    }),
  ];
}
