/** What the client names: the protocol it shares with the server (protocol/), and its own commands and views. */
import type { BaseLanguageClient, Disposable } from 'vscode-languageclient';
import type { NotificationType, RequestType } from '../protocol/index.js';

export * from '../protocol/index.js';

/** A typed request to the server: params and result checked by tsc against protocol/. */
export function request<P, R>(client: Pick<BaseLanguageClient, 'sendRequest'>, type: RequestType<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(type.method, params);
}

/** A typed handler for a notification from the server. */
export function onNotification<P>(client: Pick<BaseLanguageClient, 'onNotification'>, type: NotificationType<P>, handler: (params: P) => void): Disposable {
  return client.onNotification(type.method, handler);
}

/** A typed handler for a request from the server (fazhiLint/readFile in the browser). */
export function onRequest<P, R>(client: Pick<BaseLanguageClient, 'onRequest'>, type: RequestType<P, R>, handler: (params: P) => Promise<R>): Disposable {
  return client.onRequest(type.method, (params: P) => handler(params));
}

export const COMMANDS = {
  checkWorkspace: 'fazhiLint.checkWorkspace',
  newReport: 'fazhiLint.newReport',
  insertMissingSections: 'fazhiLint.insertMissingSections',
  openRulePage: 'fazhiLint.openRulePage',
  showChecklist: 'fazhiLint.showChecklist',
  convertToMarkdown: 'fazhiLint.convertToMarkdown',
  exportToWord: 'fazhiLint.exportToWord',
  /** the read-only editor that opens a .docx as its text view */
  docxEditor: 'fazhiLint.docxTextView',
  exportReview: 'fazhiLint.exportReview',
  /** the ignores (config "ignores") that apply to the active document, each with a way to undo it */
  showIgnored: 'fazhiLint.showIgnored',
  /** stop and start the language server (a stuck or updated server, as ESLint's "Restart ESLint Server") */
  restartServer: 'fazhiLint.restartServer',
  /** the server's output channel, where its log and fazhi-lint.trace.server's trace go */
  showOutput: 'fazhiLint.showOutput',
  /** internal: the checklist view's items jump to a line */
  revealLine: 'fazhiLint.revealLine',
} as const;

export const VIEW_ID = 'fazhiLint.checklist';
export const STATUS_ID = 'fazhiLint.status';
export const LANGUAGES = ['markdown', 'plaintext'];
