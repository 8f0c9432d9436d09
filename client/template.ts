/**
 * The draft "new report from template" creates (its text is the catalogue's, rules/messages/draft.ts). Pure: no
 * editor API, so tests check it with the core.
 */
export { reportTemplate } from '../rules/messages/draft.js';
