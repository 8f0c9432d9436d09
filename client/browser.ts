/**
 * The fazhi-lint extension in VS Code for the Web (and code-server's browser extension host): the language server
 * built for the browser (dist/browser/server.js, server/browser.ts) runs in a Web Worker and speaks LSP over its
 * messages; the rest is activate.ts, as on the desktop. That server reads no file: config files, last year's
 * report, the workspace check and the review are the desktop's (the server says so when asked).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, clientOptions } from './activate.js';

let client: LanguageClient | undefined;

declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js');
  client = new LanguageClient('fazhi-lint', 'fazhi-lint', clientOptions(), new Worker(serverMain.toString(true)));
  // no temporary directory in a browser: the extension's own storage
  await activateWith(context, client, { scratchDir: () => context.globalStorageUri });
  // the workspace has a config file this server cannot read: say so once, rather than check as if it were obeyed
  const configs = await vscode.workspace.findFiles('**/.fazhi-lint.{json,jsonc}', '**/node_modules/**', 1).then(undefined, () => []);
  if (configs.length) void vscode.window.showInformationMessage(vscode.l10n.t('In the browser fazhi-lint does not read {0}: drafts are checked with the fazhi-lint settings alone.', vscode.workspace.asRelativePath(configs[0])));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
