/** The extension's commands; everything that needs the report model asks the server. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckWorkspaceRequest, COMMANDS, MissingSectionsRequest, ReviewRequest, RulesRequest, VIEW_ID, request } from './protocol.js';
import { reportTemplate } from './template.js';

/** What the commands need of where the extension runs (the desktop, VS Code for the Web). */
export interface CommandPlatform {
  /** where the review of a draft that is in no folder is written */
  scratchDir(): vscode.Uri;
}

/**
 * A request the server may refuse with a reason for the writer (in the browser: no file system to walk): shown
 * as a warning, not as a failed command.
 */
async function orSay<R>(pending: Promise<R>): Promise<R | undefined> {
  try {
    return await pending;
  } catch (err) {
    void vscode.window.showWarningMessage(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

export function registerCommands(client: BaseLanguageClient, platform: CommandPlatform): vscode.Disposable[] {
  const t = vscode.l10n.t;
  return [
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, async () => {
      const r = await orSay(request(client, CheckWorkspaceRequest, {}));
      if (r) void vscode.window.showInformationMessage(t('Checked {0} reports ({1} files): {2} problems.', r.reports, r.files, r.problems));
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

    vscode.commands.registerCommand(COMMANDS.exportReview, async () => exportReview(client, platform)),

    vscode.commands.registerCommand(COMMANDS.showChecklist, async () => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),

    vscode.commands.registerCommand(COMMANDS.revealLine, async (uri: string, line: number) => {
      const pos = new vscode.Position(Math.max(0, line - 1), 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(pos, pos) });
    }),
  ];
}

/**
 * 导出审查意见: ask the server for the review page of the active report (or of every report in the workspace),
 * write it beside the report (or at the top of the workspace folder) and open it in the browser.
 */
async function exportReview(client: BaseLanguageClient, platform: CommandPlatform): Promise<void> {
  const t = vscode.l10n.t;
  const active = vscode.window.activeTextEditor?.document;
  const folder = vscode.workspace.workspaceFolders?.[0];
  let scope: 'active' | 'all' | undefined = active ? 'active' : folder ? 'all' : undefined;
  if (active && folder) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: t('The active report'), scope: 'active' as const },
        { label: t('Every report in the workspace'), scope: 'all' as const },
      ],
      { title: t('Export review') },
    );
    scope = pick?.scope;
  }
  if (!scope) return;
  const r = await orSay(request(client, ReviewRequest, scope === 'active' ? { uri: active!.uri.toString() } : {}));
  if (!r) return;
  if (!r.html) {
    void vscode.window.showWarningMessage(t('No report to review: open a report draft or a workspace with reports.'));
    return;
  }
  const target =
    scope === 'active' && active!.uri.scheme === 'file'
      ? vscode.Uri.joinPath(active!.uri, '..', `${active!.uri.path.split('/').pop()!.replace(/\.[^.]+$/, '')}.审查意见.html`)
      : vscode.Uri.joinPath(folder ? folder.uri : platform.scratchDir(), 'fazhi-lint-审查意见.html');
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.html));
  void vscode.window.showInformationMessage(t('Review of {0} reports written to {1}.', r.reports, vscode.workspace.asRelativePath(target)));
  await vscode.env.openExternal(target);
}
