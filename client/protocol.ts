/** What the client names: the server's protocol (shared with server/), and its own commands and views. */
export * from '../server/protocol.js';

export const COMMANDS = {
  checkWorkspace: 'fazhiLint.checkWorkspace',
  newReport: 'fazhiLint.newReport',
  insertMissingSections: 'fazhiLint.insertMissingSections',
  openRulePage: 'fazhiLint.openRulePage',
  showChecklist: 'fazhiLint.showChecklist',
  exportReview: 'fazhiLint.exportReview',
  /** internal: the checklist view's items jump to a line */
  revealLine: 'fazhiLint.revealLine',
} as const;

export const VIEW_ID = 'fazhiLint.checklist';
export const STATUS_ID = 'fazhiLint.status';
export const LANGUAGES = ['markdown', 'plaintext'];
