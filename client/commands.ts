/** The extension's commands; everything that needs the report model asks the server. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckWorkspaceRequest, COMMANDS, IgnoredRequest, MissingSectionsRequest, ReviewRequest, RulesRequest, REOPEN_WITH_ENCODING_COMMAND, UNIGNORE_COMMAND, VIEW_ID, request, type IgnoredItem } from './protocol.js';
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
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      // stop, then start: the same client (its output channel and registrations), a fresh server process
      await client.stop();
      await client.start();
      void vscode.window.setStatusBarMessage(t('fazhi-lint server restarted.'), 3000);
    }),

    vscode.commands.registerCommand(COMMANDS.showOutput, () => client.outputChannel.show(true)),

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
        // the server may refuse with a reason (a document too large to look for them in): shown as a warning
        const edit = await orSay(request(client, MissingSectionsRequest, { uri }));
        if (edit === undefined) return;
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

    vscode.commands.registerCommand(COMMANDS.showIgnored, async () => showIgnored(client)),

    vscode.commands.registerCommand(REOPEN_WITH_ENCODING_COMMAND, async (uri: string, encoding: string) => reopenWithEncoding(uri, encoding)),

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

/**
 * The ignores of the active document (its config file's "ignores"): picking one undoes it (the server removes it
 * from the config file and checks again); the button beside it jumps to the finding it hides.
 */
async function showIgnored(client: BaseLanguageClient): Promise<void> {
  const t = vscode.l10n.t;
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(t('Open a Markdown or text draft first.'));
    return;
  }
  const uri = editor.document.uri.toString();
  const items = await request(client, IgnoredRequest, { uri });
  if (!items.length) {
    void vscode.window.showInformationMessage(t('No finding of this document is ignored.'));
    return;
  }
  const goTo: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: t('Go to the finding') };
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { item: IgnoredItem }>();
  pick.title = t('Ignored findings ({0})', items.length);
  pick.placeholder = t('Pick an ignored finding to show it again');
  pick.matchOnDescription = pick.matchOnDetail = true;
  pick.items = items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item, buttons: item.line !== null ? [goTo] : [] }));
  const chosen = await new Promise<IgnoredItem | undefined>((resolve) => {
    pick.onDidTriggerItemButton((e) => {
      const line = e.item.item.line;
      if (line === null) return;
      const pos = new vscode.Position(line - 1, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    });
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.item);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return;
  // a server command: the language client registered it when the server announced it
  await vscode.commands.executeCommand(UNIGNORE_COMMAND, chosen.unignore);
}

/**
 * Reopen a document in the encoding the server found its bytes in (a GBK .txt the editor read as UTF-8). VS Code
 * 1.100 opens a document with a given encoding; an older one gets its own "Reopen with Encoding" picker.
 */
async function reopenWithEncoding(uri: string, encoding: string): Promise<void> {
  const target = vscode.Uri.parse(uri);
  // the option and TextDocument.encoding are newer than the engine this extension declares (@types/vscode 1.91)
  const workspace = vscode.workspace as unknown as { openTextDocument(u: vscode.Uri, o: { encoding: string }): Thenable<vscode.TextDocument & { encoding?: string }> };
  try {
    // an older editor ignores the option and hands back the document as it is open: no encoding on it
    const doc = await workspace.openTextDocument(target, { encoding });
    if (doc.encoding === encoding) {
      await vscode.window.showTextDocument(doc);
      return;
    }
  } catch {
    // an editor without the encoding option: its own command below
  }
  await vscode.window.showTextDocument(target);
  await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
}
