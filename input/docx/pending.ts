/**
 * The one info finding a Word document with pending tracked changes gets (it comes from the input, not a rule):
 * the CLI, the workspace check and the offline page add it to the findings of the document's text view.
 */
import { DOCS_BASE, ui, type Finding, type Language } from '../../rules/index.js';

/** Where the tracked-changes finding is explained. */
export const TRACKED_CHANGES_DOCS = DOCS_BASE.replace(/rules\/$/, '') + 'docx.md#tracked-changes';

/** On line 1, no fix. */
export function pendingChangesFinding(lang: Language): Finding {
  return {
    ruleId: 'tracked-changes',
    severity: 'info',
    message: ui(lang, 'docx_pendingChanges'),
    messageId: 'pendingChanges',
    data: {},
    related: [],
    fixes: [],
    docsUrl: TRACKED_CHANGES_DOCS,
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}
