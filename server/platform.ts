/**
 * What the language server does differently on Node (server/server.ts) and in a browser's Web Worker
 * (server/browser.ts); everything else is server/serve.ts, shared. On Node the server reads the workspace: config
 * files, last year's report, the workspace check and the review. In the browser it has no file system (VS Code for
 * the Web's documents may not be on any disk): config files are read through the client (browserPlatform.ts,
 * fazhiLint/readFile), the rules about last year's report stay silent, and the workspace check and the review
 * answer that they are unavailable there.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { CheckResult, Language, PreviousText, Report, ResolvedConfig } from '../rules/index.js';
import type { IgnoreCommandArgs, IgnoreCommandResult, ReadFileParams, ReadFileResult, ReviewResponse, UnignoreCommandArgs, WorkspaceCheckResult } from '../protocol/index.js';
import type { DocumentConfig, SettingsStore } from './settings.js';
import type { CheckThreadPort } from './documents.js';
import type { JobPort, JobThread } from './jobs.js';

/** What serve.ts gives the platform: the open documents, and a place to say what went wrong. */
export interface PlatformContext {
  openUris(): Iterable<string>;
  /** an open document's current text, or undefined when the URI is not open */
  openText(uri: string): string | undefined;
  warn(message: string): void;
  /** whether the client reads workspace files for the server (fazhiLint/readFile: VS Code for the Web's client) */
  readsFiles(): boolean;
  /** a workspace file's bytes or a folder's files, read by the client (only when readsFiles()) */
  readFile(params: ReadFileParams): Promise<ReadFileResult>;
  /** configs arrived later than the checks that needed them (read through the client): check every document again */
  configsChanged(): void;
  /** files arrived that last year's report may be among: documents that found none look again */
  previousArrived(): void;
  /** the language of messages that belong to no document */
  uiLanguage(): Language;
}

/** Last year's report of a draft (Node: server/previous.ts). */
export interface PreviousLookup {
  previousFor(uri: string, report: Report, config: ResolvedConfig): PreviousText | null;
  /** documents were opened, closed or saved, or files changed: searches that found nothing look again */
  filesChanged(): void;
  /**
   * Could the open document `uri`, as it is now, be last year's report of a draft that looked by this year and organ
   * (and found none)? Absent: it may be, for every draft (they look again whenever a document opens).
   */
  pairsWith?(uri: string, draft: { year: number; organ: string }): boolean;
  /** the file a document's URI names, as a check's previousFile names it (undefined: not a file) */
  fileOf(uri: string): string | undefined;
  /** whether it looks at all (the browser: only when the client reads files); absent: it does */
  available?(): boolean;
}

/** One run of the workspace check or the review, as serve.ts hands it to the platform. */
export interface WorkspaceRun {
  isOpen(uri: string): boolean;
  /** an open document's current result, when it reads as a report */
  openReport(uri: string): CheckResult | undefined;
  openUris(): string[];
  /** an open document's current text */
  openText(uri: string): string | undefined;
  /** Node: the job thread, where files and documents past the degrade limit are checked and reviewed */
  jobs?: JobThread;
  configFor(uri: string): DocumentConfig;
  previousFor?(uri: string, report: Report, config: ResolvedConfig): PreviousText | null;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

export interface ServerPlatform {
  /** the settings, and on Node the config files beneath them */
  configs: SettingsStore;
  /** the client's workspace folders (URIs as it sent them), at initialize and when they change */
  setFolders(uris: string[]): void;
  changeFolders(added: string[], removed: string[]): void;
  /** a config file changed on disk: read it now, so a broken one is reported with no document open beneath it */
  configFileChanged?(uri: string): void;
  previous?: PreviousLookup;
  /** the file a document's URI names (Node: file: URIs); absent, no document is a file */
  fileOf?(uri: string): string | undefined;
  /** "忽略此处": write an ignore to the document's config file, and remove one (Node: server/ignoreCommands.ts) */
  ignores?: {
    ignore(args: IgnoreCommandArgs): IgnoreCommandResult;
    unignore(args: UnignoreCommandArgs): IgnoreCommandResult;
  };
  /** the encoding a document's file is really in, when its text shows the editor decoded it wrongly (Node) */
  wrongEncoding?(uri: string, text: string): string | undefined;
  /** Node: starts the checking thread for documents past the degrade limit (absent: they are checked in line) */
  startCheckThread?(): CheckThreadPort;
  /** Node: starts the job thread (server/jobs.ts: large workspace files, a large document's review and sections) */
  startJobThread?(): JobPort;
  checkWorkspace?(run: WorkspaceRun): Promise<WorkspaceCheckResult>;
  review?(run: WorkspaceRun, lang: Language, only?: string): Promise<ReviewResponse>;
}
