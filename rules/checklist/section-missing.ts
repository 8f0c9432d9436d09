/** section-missing: a required statutory item found nowhere — neither as a section nor inside another. */
import { defineRule } from '../engine/rule.js';
import { ITEM_LABEL_ZH, REQUIRED_ITEMS } from '../model/vocabulary.js';
import { insertSection } from './_insert.js';

export default defineRule(
  { id: 'section-missing', family: 'checklist', defaultSeverity: 'error', basis: ['content'], fixable: true, insertsSections: true },
  (report, _options, { profile }) => {
    const missing = report.checklist.filter((e) => REQUIRED_ITEMS.includes(e.item) && e.status === 'missing');
    return missing.map((e) => {
      const ins = insertSection(report, e.item, undefined, profile.kind);
      const where = ins.before ? ins.before.titleRange : lastBodyRange(report);
      const data = { item: ITEM_LABEL_ZH[e.item] };
      return { ...where, messageId: 'missing', data, fixes: ins.edits.length ? [{ messageId: ins.renumbered ? 'insertRenumber' : 'insert', data, edits: ins.edits, safe: true }] : [] };
    });
  },
);

/** A finding for a section that belongs at the end sits on the last line of the body. */
function lastBodyRange(report: Parameters<typeof insertSection>[0]): { start: number; end: number } {
  const body = report.bodyBlocks;
  const b = body[body.length - 1];
  return b ? { start: b.start, end: b.end } : { start: 0, end: 0 };
}
