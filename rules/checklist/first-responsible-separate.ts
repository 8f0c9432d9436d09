/**
 * first-responsible-separate: item (三) is only found inside another section (一是落实…第一责任人职责). The fix adds
 * a dedicated section at its statutory place and asks for the facts there (the paragraph itself is left alone).
 */
import { defineRule } from '../engine/rule.js';
import { ITEM_LABEL_ZH } from '../model/vocabulary.js';
import { openingWords } from '../model/items.js';
import { openingRange } from '../model/content.js';
import { withoutUnmatched } from '../model/brackets.js';
import { withoutBrokenCharacters } from '../model/text.js';
import { insertSection, placeholderText } from './_insert.js';
import { movedPlaceholder } from '../messages/draft.js';

/** 一是 / 3. / （二） before the words the placeholder quotes */
const LEADING_ENUMERATOR = /^(?:[一二三四五六七八九十]+是|\d{1,2}[.、]|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]+、)+/;

export default defineRule(
  { id: 'first-responsible-separate', family: 'checklist', opinion: 'explain', defaultSeverity: 'info', basis: ['content', 'practice'], fixable: true },
  (report, _options, { profile }) => {
    const e = report.entry('first-responsible');
    // a heading of its own glued into running text (a page that lost its line breaks) is not a paragraph inside another
    if (e.status !== 'inside' || !e.block || e.glued) return [];
    const b = e.block;
    const year = report.year?.year ?? null;
    // quoted inside the placeholder's 【…“…”…】: a bracket without its partner in the quote, a lone surrogate
    // or U+FFFD of a damaged draft is left out (the fix would write one more into the file)
    const opening = withoutUnmatched(withoutBrokenCharacters(openingWords(b.norm.text.replace(LEADING_ENUMERATOR, '')).first));
    const placeholder = movedPlaceholder(placeholderText('first-responsible', year, profile.kind), opening);
    const ins = insertSection(report, 'first-responsible', placeholder, profile.kind);
    const data = { item: ITEM_LABEL_ZH['first-responsible'] };
    return [{ ...openingRange(report, b), messageId: 'inside', fixes: ins.edits.length ? [{ messageId: ins.renumbered ? 'insertRenumber' : 'insert', data, edits: ins.edits, safe: true }] : [] }];
  },
);

