/**
 * What the extension does once its language client exists, the same on the desktop (extension.ts, the server a
 * Node process) and in VS Code for the Web (browser.ts, the server a Web Worker): the checklist view, the status
 * bar summary, the commands and the Word documents' text views. All checking happens in the server.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ChecklistModel } from './checklistModel.js';
import { ChecklistView } from './checklistView.js';
import { createStatusBar } from './statusBar.js';
import { registerCommands, type CommandPlatform } from './commands.js';
import { DOCX_SCHEME, registerDocx } from './docx.js';
import { reportLanguage } from './labels.js';
import { LANGUAGES, VIEW_ID } from './protocol.js';

function settings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('fazhi-lint');
  return { enable: c.get('enable'), run: c.get('run'), language: c.get('language'), rules: c.get('rules'), debounceMs: c.get('debounceMs') };
}

/** The documents the server checks and what it is told at start, for either client. */
export function clientOptions(): LanguageClientOptions {
  return {
    // local files, new drafts and virtual workspaces (checked with the settings alone); not diff or output views
    // and the read-only text views of Word documents
    documentSelector: [...LANGUAGES.flatMap((language) => ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ scheme, language }))), { scheme: DOCX_SCHEME }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.fazhi-lint.{json,jsonc}') },
    initializationOptions: { settings: settings(), locale: vscode.env.language, watchesConfigFiles: true },
  };
}

export async function activateWith(context: vscode.ExtensionContext, client: BaseLanguageClient, platform: CommandPlatform): Promise<void> {
  const language = () => reportLanguage(vscode.workspace.getConfiguration('fazhi-lint').get<string>('language'), vscode.env.language);
  const model = new ChecklistModel(client);
  const view = new ChecklistView(model, language);
  context.subscriptions.push(
    ...registerCommands(client, platform),
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
