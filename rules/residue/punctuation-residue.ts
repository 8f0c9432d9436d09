/**
 * punctuation-residue: marks left side by side by an edit (。; 。, ,。 ;。 ，，) and a paragraph that stops on a
 * comma or an enumeration comma. The fix keeps the strongest mark of a clash and deletes the others — nothing else.
 * Ellipses, 。” and decimal points are not in the mark set, so they never clash.
 */
import { defineRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import { isQuoted } from './_shared.js';
import { memoKey } from '../model/memo.js';

/** How strongly a mark ends what precedes it: the strongest of a clash is the one the writer meant. */
const STRENGTH: Record<string, number> = { '。': 4, '；': 3, ';': 3, '，': 2, ',': 2, '、': 1 };
/** Two or more marks side by side. */
const CLASH = /[。；;，,、]{2,}/g;
const TRAILING = /[，,、]$/;
const OUTLINE_START = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.．、](?!\d)|#)/;

export default defineRule(
  { id: 'punctuation-residue', family: 'residue', defaultSeverity: 'error', basis: ['practice'], fixable: true, cheap: true },
  (report) => {
    const out: RawFinding<'punctuation-residue'>[] = [];
    const src = report.source;
    const blocks = report.textBlocks;
    // a text that stops on a comma at its very end (a page's stored opening, a paste cut short; no 落款 after it) is
    // cut there, not left with a stray mark: the same reading as figure-missing's unfinished last clause
    const body = report.bodyBlocks;
    const cutBlock = !report.frame.signature && body.length ? body[body.length - 1].index : -1;
    for (const b of blocks) {
      const text = src.slice(b.start, b.end);
      CLASH.lastIndex = 0;
      for (let m = CLASH.exec(text); m; m = CLASH.exec(text)) {
        const run = { start: b.start + m.index, end: b.start + m.index + m[0].length };
        if (isQuoted(report, run)) continue;
        // keep the first of the strongest marks
        let keep = run.start;
        for (let k = run.start; k < run.end; k++) if (STRENGTH[src[k]] > STRENGTH[src[keep]]) keep = k;
        const edits: TextEdit[] = [];
        for (let k = run.start; k < run.end; k++) if (k !== keep) edits.push({ start: k, end: k + 1, newText: '' });
        const extra = edits.map((e) => src[e.start]).join('');
        out.push({ ...run, messageId: 'clash', data: { text: m[0] }, fixes: [{ messageId: 'delete', data: { text: extra }, edits, safe: true }] });
      }
      const last = b.end - 1;
      if ((b.kind === 'paragraph' || b.kind === 'listItem') && b.index !== cutBlock && TRAILING.test(src[last]) && !(src[last - 1] in STRENGTH) && !isQuoted(report, { start: last, end: b.end }) && endsParagraph(report, b)) {
        out.push({ start: last, end: b.end, messageId: 'trailing', data: { text: src[last] } });
      }
    }
    return out;
  },
);

/**
 * Does the line end its paragraph? In a draft pasted from Word every line does; in Markdown written with blank
 * lines between paragraphs a line that runs on into the next is a wrapped line, and may stop on a comma.
 */
function endsParagraph(report: Report, b: Block): boolean {
  const nextLine = b.line; // 0-based index of the following line
  if (nextLine >= report.lines.lineCount || report.lines.lineText(nextLine).trim() === '') return true;
  const next = report.blocks[b.index + 1];
  if (!next || next.kind === 'heading' || next.kind === 'listItem' || OUTLINE_START.test(next.norm.text)) return true;
  return !separatesWithBlankLines(report);
}

/** Whether the writer separates paragraphs with blank lines: a property of the whole document. */
const BLANK_LINE_PARAGRAPHS = memoKey<boolean>('residue:blankLineParagraphs', ['blocks']);


function separatesWithBlankLines(report: Report): boolean {
  return report.memo(BLANK_LINE_PARAGRAPHS, () => {
    const blocks = report.blocks;
    let separated = 0;
    for (let i = 0; i + 1 < blocks.length; i++) if (blocks[i].line < report.lines.lineCount && report.lines.lineText(blocks[i].line).trim() === '') separated++;
    return blocks.length > 1 && separated * 2 >= blocks.length - 1;
  });
}
