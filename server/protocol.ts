/**
 * fazhi-lint's own LSP requests and notifications: one definition for the server and the client (the client
 * bundle takes only these names and types, none of the server's code).
 */

export const CHECKLIST_REQUEST = 'fazhiLint/checklist';
export const CHECKLIST_CHANGED = 'fazhiLint/checklistChanged';
export const CHECK_WORKSPACE_REQUEST = 'fazhiLint/checkWorkspace';
export const MISSING_SECTIONS_REQUEST = 'fazhiLint/missingSections';
export const RULES_REQUEST = 'fazhiLint/rules';
/** the reviewer's page: params { uri } for one report, {} for every report in the workspace */
export const REVIEW_REQUEST = 'fazhiLint/review';

export type ItemStatus = 'section' | 'inside' | 'merged' | 'missing';
export type Severity = 'error' | 'warning' | 'info';

export interface ChecklistResponse {
  uri: string;
  version: number;
  items: { item: string; label: string; status: ItemStatus; line: number | null; heading: string | null }[];
  counts: { error: number; warning: number; info: number };
  /** required items with a section of their own or merged with another (the status bar's "3/4") */
  present: number;
  required: number;
  groups: { family: string; label: string; findings: { ruleId: string; message: string; line: number; severity: Severity }[] }[];
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

export interface ReviewParams {
  /** one report (an open document); absent: every report in the workspace */
  uri?: string;
}

export interface ReviewResponse {
  /** the self-contained page, or null when there was no report to review */
  html: string | null;
  reports: number;
}
