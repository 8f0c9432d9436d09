/**
 * The fazhi-lint VS Code extension: starts the bundled language server (dist/server.cjs), passes the settings,
 * and adds the checklist view, the status bar summary and the commands. All checking happens in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ChecklistModel } from './checklistModel.js';
import { ChecklistView } from './checklistView.js';
import { createStatusBar } from './statusBar.js';
import { registerCommands } from './commands.js';
import { DOCX_SCHEME, registerDocx } from './docx.js';
import { reportLanguage } from './labels.js';
import { LANGUAGES, VIEW_ID } from './protocol.js';

let client: LanguageClient | undefined;

function settings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('fazhi-lint');
  return { enable: c.get('enable'), run: c.get('run'), language: c.get('language'), rules: c.get('rules'), debounceMs: c.get('debounceMs') };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // local files, new drafts and virtual workspaces (checked with the settings alone); not diff or output views
    // and the read-only text views of Word documents
    documentSelector: [...LANGUAGES.flatMap((language) => ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ scheme, language }))), { scheme: DOCX_SCHEME }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.fazhi-lint.{json,jsonc}') },
    initializationOptions: { settings: settings(), locale: vscode.env.language, watchesConfigFiles: true },
  };
  client = new LanguageClient('fazhi-lint', 'fazhi-lint', serverOptions, clientOptions);

  const language = () => reportLanguage(vscode.workspace.getConfiguration('fazhi-lint').get<string>('language'), vscode.env.language);
  const model = new ChecklistModel(client);
  const view = new ChecklistView(model, language);
  context.subscriptions.push(
    ...registerCommands(client),
    ...registerDocx(),
    model,
    view,
    vscode.window.createTreeView(VIEW_ID, { treeDataProvider: view, showCollapseAll: true }),
    createStatusBar(model, language),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fazhi-lint')) void model.refresh();
    }),
  );
  await client.start();
  await model.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
