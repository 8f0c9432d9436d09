/**
 * first-responsible-separate: item (三) is only found inside another section (一是落实…第一责任人职责). The fix adds
 * a dedicated section at its statutory place and asks for the facts there (the paragraph itself is left alone).
 */
import { defineRule } from '../engine/rule.js';
import { ITEM_LABEL_ZH } from '../model/vocabulary.js';
import { openingWords } from '../model/items.js';
import { openingRange } from '../model/content.js';
import { insertSection, placeholderText } from './_insert.js';

export default defineRule(
  { id: 'first-responsible-separate', family: 'checklist', defaultSeverity: 'info', basis: ['content', 'practice'], fixable: 'safe' },
  (report) => {
    const e = report.entry('first-responsible');
    if (e.status !== 'inside' || !e.block) return [];
    const b = e.block;
    const year = report.year?.year ?? null;
    const opening = openingWords(b.norm.text).first;
    const placeholder = placeholderText('first-responsible', year).replace(/。】$/, `；可将“${opening}”一段移至本部分。】`);
    const ins = insertSection(report, 'first-responsible', placeholder);
    const data = { item: ITEM_LABEL_ZH['first-responsible'] };
    return [{ ...openingRange(report, b), messageId: 'inside', fixes: [{ messageId: ins.renumbered ? 'insertRenumber' : 'insert', data, edits: ins.edits }] }];
  },
);

