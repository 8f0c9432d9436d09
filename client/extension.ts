/**
 * The fazhi-lint VS Code extension on the desktop: starts the bundled language server (dist/server.cjs) as a Node
 * process; the rest is activate.ts, shared with VS Code for the Web (browser.ts).
 */
import * as vscode from 'vscode';
import * as os from 'node:os';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, clientOptions } from './activate.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient('fazhi-lint', 'fazhi-lint', serverOptions, clientOptions());
  // a review of an unsaved draft with no folder open is written to the temporary directory
  await activateWith(context, client, { scratchDir: () => vscode.Uri.file(os.tmpdir()) });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
