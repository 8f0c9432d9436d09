/**
 * fazhi-lint's own LSP requests and notifications, typed: one definition for the server and the client (as
 * vscode-eslint's `$shared/customMessages.ts`). Each message is its method name with its params and result types
 * attached; the module has no runtime dependency, so the client bundle (Node or browser) takes nothing of the
 * server's code, and a handler or a call with the wrong types fails `tsc`.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-types';

/** A request's method, with its params and result types (phantom: nothing of them exists at run time). */
export interface RequestType<P, R> {
  readonly method: string;
  readonly __types?: (params: P) => R;
}

/** A notification's method, with its params type. */
export interface NotificationType<P> {
  readonly method: string;
  readonly __params?: (params: P) => void;
}

export type ParamsOf<T> = T extends RequestType<infer P, unknown> ? P : T extends NotificationType<infer P> ? P : never;
export type ResultOf<T> = T extends RequestType<unknown, infer R> ? R : never;

const request = <P, R>(method: string): RequestType<P, R> => ({ method });
const notification = <P>(method: string): NotificationType<P> => ({ method });

export type ItemStatus = 'section' | 'inside' | 'merged' | 'missing';
export type Severity = 'error' | 'warning' | 'info';

export interface DocumentParams {
  uri: string;
}

export type FollowupStatus = 'reported' | 'postponed' | 'missing';

/** One of last year's plans in the section 上年度安排落实情况. */
export interface PreviousPlanItem {
  /** the plan's opening words */
  plan: string;
  status: FollowupStatus;
  /** the plan and its status, in the document's language */
  label: string;
  /** where it is: the line of this year's report that reports on it, or (not found) the plan's line in last year's */
  where: string;
  /** what clicking jumps to, by the same rule; null when last year's report has no file */
  target: { uri: string; line: number } | null;
}

/** The checklist's section 上年度安排落实情况: last year's plans and whether this year's report follows them up. */
export interface PreviousSection {
  /** 上年度安排落实情况, in the document's language */
  title: string;
  /** last year's report; null when none was found (plan-followup and text-recycled are silent then) */
  uri: string | null;
  year: number | null;
  /** the file compared with and how many plans are followed up, or that no report of last year was found */
  label: string;
  /** plans reported on or explained as put off */
  followed: number;
  plans: PreviousPlanItem[];
}

/** Who reports, as the checklist shows it: the kind read from the report (or set in the config), and where it was read. */
export interface ProfileSection {
  kind: 'government' | 'joint' | 'department' | 'township' | 'unknown';
  /** 报告主体, in the document's language */
  title: string;
  /** the kind and where it was read (政府部门（据落款：东城区司法局）) */
  label: string;
}

/** One area of work in the coverage list. */
export interface CoverageAreaItem {
  /** the 纲要's area id (functions, lawmaking…) or the config's own area name */
  area: string;
  /** the area's name in the document's language */
  label: string;
  /** the line of the measures that reports on it, or null: not mentioned */
  line: number | null;
  /** 第12行, or 未提及 */
  where: string;
}

/** 工作领域覆盖情况: the areas the measures report on (the 纲要's for a government or joint report, or the config's). */
export interface CoverageSection {
  /** 工作领域覆盖情况, in the document's language */
  title: string;
  source: 'gangyao' | 'config';
  /** whose list and how many areas the measures report on */
  label: string;
  covered: number;
  areas: CoverageAreaItem[];
}

export interface ChecklistResponse {
  uri: string;
  version: number;
  items: { item: string; label: string; status: ItemStatus; line: number | null; heading: string | null }[];
  counts: { error: number; warning: number; info: number };
  /** required items with a section of their own or merged with another (the status bar's "3/4") */
  present: number;
  required: number;
  groups: { family: string; label: string; findings: { ruleId: string; message: string; line: number; severity: Severity }[] }[];
  /** 上年度安排落实情况; null when the rules did not run on the document */
  previous: PreviousSection | null;
  /** who reports; null for a document that declares another kind */
  profile: ProfileSection | null;
  /** the areas of work covered; null when no list applies to the reporting body */
  coverage: CoverageSection | null;
  /**
   * The document says it is another kind (a plan, a notice, a news item: the not-a-report note) and was checked as
   * text, not as a report — as the CLI's --checklist says: no statutory items (`items` empty, `required` 0), no
   * profile, areas or last year's plans; its findings are in `groups`. Null for a report.
   */
  notReport: NotReportSection | null;
}

/** Why a checked document has no statutory checklist: the line that declares its kind, and the CLI's sentence. */
export interface NotReportSection {
  /** 本文件不是年度报告（见 not-a-report 提示），未列法定部分 — in the document's language */
  label: string;
  /** the line of the not-a-report note */
  line: number;
}

export interface RuleInfo {
  id: string;
  family: string;
  title: string;
  uri: string;
}

export interface WorkspaceCheckResult {
  files: number;
  reports: number;
  problems: number;
}

/** The statutory checklist of a report document, with its findings by family; null for a document that is not a report. */
export const ChecklistRequest = request<DocumentParams, ChecklistResponse | null>('fazhiLint/checklist');
/** The server tells the client a document's checklist (or its counts) changed: ask again. */
export const ChecklistChangedNotification = notification<DocumentParams>('fazhiLint/checklistChanged');
/** Check every draft of the workspace folders and publish their diagnostics. */
export const CheckWorkspaceRequest = request<Record<string, never>, WorkspaceCheckResult>('fazhiLint/checkWorkspace');
/** The edit inserting every missing statutory section of a document, or null when none is missing. */
export const MissingSectionsRequest = request<DocumentParams, WorkspaceEdit | null>('fazhiLint/missingSections');
/** Every rule, with its title in the UI language and its page. */
export const RulesRequest = request<Record<string, never>, RuleInfo[]>('fazhiLint/rules');

export interface ReviewParams {
  /** one report (an open document); absent: every report in the workspace */
  uri?: string;
}

export interface ReviewResponse {
  /** the self-contained page, or null when there was no report to review */
  html: string | null;
  reports: number;
}

/** The reviewer's page (output/review) of one report document, or of every report in the workspace. */
export const ReviewRequest = request<ReviewParams, ReviewResponse>('fazhiLint/review');

/** An ignore as its config file writes it (rules/engine/ignores.ts: rule, file, normalised sentence and words). */
export interface IgnoreEntryData {
  rule: string;
  file?: string;
  sentence: string;
  text?: string;
}

/** The argument of IGNORE_COMMAND: the finding to hide, anchored as the config file will hold it. */
export interface IgnoreCommandArgs {
  uri: string;
  rule: string;
  sentence: string;
  text?: string;
}

/** The argument of UNIGNORE_COMMAND: the entry and the config file that holds it. */
export interface UnignoreCommandArgs {
  source: string;
  entry: IgnoreEntryData;
}

/** What IGNORE_COMMAND and UNIGNORE_COMMAND did: the config file written, or why nothing was. */
export interface IgnoreCommandResult {
  ok: boolean;
  /** the config file (created or edited) */
  file?: string;
  /** in the UI language, when not ok */
  error?: string;
}

export interface IgnoredItem {
  /** the rule and the message of the finding it hides, in the document's language */
  label: string;
  /** where the hidden finding is now ("第12行"), or that its sentence changed and the entry no longer applies */
  description: string;
  /** the sentence, as the entry holds it */
  detail: string;
  /** 1-based line of the hidden finding; null when the entry matches nothing now */
  line: number | null;
  unignore: UnignoreCommandArgs;
}

/** The ignores that apply to a document (its config file's `ignores`), with the finding each hides now. */
export const IgnoredRequest = request<DocumentParams, IgnoredItem[]>('fazhiLint/ignored');

/** Server commands (workspace/executeCommand): hide a finding through the config, and undo it. */
export const IGNORE_COMMAND = 'fazhiLint.ignoreFinding';
export const UNIGNORE_COMMAND = 'fazhiLint.unignoreFinding';

/**
 * Whether a document is checked: `report` (it reads as an annual report), `notReport` (it does not, so the rules
 * did not run: the client offers "仍然检查"), `checkedAnyway` (the user asked); null for a document the server
 * does not hold or with checking disabled.
 */
export type DocumentStatus = 'report' | 'notReport' | 'checkedAnyway';
export const DocumentStatusRequest = request<DocumentParams, DocumentStatus | null>('fazhiLint/documentStatus');
/** Server command: check this document although it does not read as a report (argument: DocumentParams). */
export const CHECK_ANYWAY_COMMAND = 'fazhiLint.checkAnyway';

/** Client command: reopen a document in an encoding (arguments: its uri, the encoding's name such as "gb18030"). */
export const REOPEN_WITH_ENCODING_COMMAND = 'fazhiLint.reopenWithEncoding';

/**
 * Server → client, where the server has no file system (VS Code for the Web): a workspace file's bytes, or a
 * folder's files (`list`), read by the client through `vscode.workspace.fs`. The client reads only inside a workspace
 * folder, no file larger than READ_FILE_MAX_BYTES and no more than READ_FOLDER_MAX_FILES of a folder; otherwise it
 * answers why not (the reasons are those of node/read.ts, said by the server). A client announces that it answers
 * with `initializationOptions.readsFiles: true`.
 */
export const ReadFileRequest = request<ReadFileParams, ReadFileResult>('fazhiLint/readFile');
export interface ReadFileParams {
  uri: string;
  /** the URI is a folder: list its files with these extensions (lower case, with the dot), not read it */
  list?: { extensions: string[] };
}
/** What the client reads for the server at most: a config file's limit on Node (node/read.ts MAX_CONFIG_BYTES). */
export const READ_FILE_MAX_BYTES = 1024 * 1024;
/** A folder's files listed at most (by name). */
export const READ_FOLDER_MAX_FILES = 500;
/** One file of a listed folder: its name, size (bytes) and modification time (ms). */
export interface FolderFile {
  name: string;
  size: number;
  mtime: number;
}
export type ReadFileResult =
  /** the file's bytes, base64 */
  | { ok: true; base64: string }
  /** the folder's files (list), by name */
  | { ok: true; files: FolderFile[] }
  /** notFound: no such file; notRegular: a directory or other non-file; tooLarge: `size` bytes, over `limit`; outside: in no workspace folder */
  | { ok: false; reason: 'notFound' | 'notRegular' | 'tooLarge' | 'outside' | 'unreadable'; kind?: string; size?: number; limit?: number; code?: string };

/** A file's bytes as ReadFileResult carries them (btoa and atob: in every browser, worker and Node). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Method names, for places that only need the string (tests, logs). */
export const CHECKLIST_REQUEST = ChecklistRequest.method;
export const CHECKLIST_CHANGED = ChecklistChangedNotification.method;
export const CHECK_WORKSPACE_REQUEST = CheckWorkspaceRequest.method;
export const MISSING_SECTIONS_REQUEST = MissingSectionsRequest.method;
export const RULES_REQUEST = RulesRequest.method;
export const REVIEW_REQUEST = ReviewRequest.method;
export const IGNORED_REQUEST = IgnoredRequest.method;
export const DOCUMENT_STATUS_REQUEST = DocumentStatusRequest.method;
export const READ_FILE_REQUEST = ReadFileRequest.method;
