/** The server's custom requests and notifications, as the client sees them (names shared with server/). */
export const CHECKLIST_REQUEST = 'fazhiLint/checklist';
export const CHECKLIST_CHANGED = 'fazhiLint/checklistChanged';
export const CHECK_WORKSPACE_REQUEST = 'fazhiLint/checkWorkspace';
export const MISSING_SECTIONS_REQUEST = 'fazhiLint/missingSections';
export const RULES_REQUEST = 'fazhiLint/rules';

export type ItemStatus = 'section' | 'inside' | 'merged' | 'missing';
export type Severity = 'error' | 'warning' | 'info';

export interface ChecklistResponse {
  uri: string;
  version: number;
  items: { item: string; label: string; status: ItemStatus; line: number | null; heading: string | null }[];
  counts: { error: number; warning: number; info: number };
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

export const COMMANDS = {
  checkWorkspace: 'fazhiLint.checkWorkspace',
  newReport: 'fazhiLint.newReport',
  insertMissingSections: 'fazhiLint.insertMissingSections',
  openRulePage: 'fazhiLint.openRulePage',
  showChecklist: 'fazhiLint.showChecklist',
  /** internal: the checklist view's items jump to a line */
  revealLine: 'fazhiLint.revealLine',
} as const;

export const VIEW_ID = 'fazhiLint.checklist';
export const STATUS_ID = 'fazhiLint.status';
export const LANGUAGES = ['markdown', 'plaintext'];
