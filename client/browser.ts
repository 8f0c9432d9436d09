/**
 * The fazhi-lint extension in VS Code for the Web (and code-server's browser extension host): the language server
 * built for the browser (dist/browser/server.js, server/browser.ts) runs in a Web Worker and speaks LSP over its
 * messages; the rest is activate.ts, as on the desktop. That server has no file system: it asks this client for the
 * workspace files it reads (config files, fazhiLint/readFile, answered by workspaceFiles.ts through
 * vscode.workspace.fs); the workspace check and the review are the desktop's (the server says so when asked).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, clientOptions } from './activate.js';
import { ReadFileRequest, onRequest } from './protocol.js';
import { readWorkspaceFile } from './workspaceFiles.js';

let client: LanguageClient | undefined;

declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js');
  const options = clientOptions();
  // the server in the worker reads config files through us (workspace folders only, bounded: workspaceFiles.ts)
  options.initializationOptions = { ...options.initializationOptions, readsFiles: true };
  client = new LanguageClient('fazhi-lint', 'fazhi-lint', options, new Worker(serverMain.toString(true)));
  context.subscriptions.push(onRequest(client, ReadFileRequest, readWorkspaceFile));
  // no temporary directory in a browser: the extension's own storage
  await activateWith(context, client, { scratchDir: () => context.globalStorageUri });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
