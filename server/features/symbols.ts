/**
 * The report outline (一、(一)1.) as document symbols, so the outline view and breadcrumbs show it: a heading's
 * numbering and title only — for a titled paragraph (（一）加强组织领导。全区……) its first sentence, never the body.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Report } from '../../rules/index.js';
import type { Heading } from '../../rules/model/outline.js';
import { truncate } from '../../rules/model/text.js';
import { toRange } from '../positions.js';

export function documentSymbols(report: Report): DocumentSymbol[] {
  const headings = report.outline;
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const symbols = headings.map((h, i) => {
    // a heading's range runs to the next heading of its level or above (or the end of the text)
    let next = i + 1;
    while (next < headings.length && headings[next].level > h.level) next++;
    const end = next < headings.length ? headings[next].block.start : report.source.length;
    const titleEnd = Math.max(h.block.start, Math.min(h.titleRange.end, h.block.end));
    const symbol: DocumentSymbol = {
      name: symbolName(report, h, titleEnd),
      kind: h.level === 1 ? SymbolKind.Namespace : SymbolKind.String,
      range: toRange(report.lines, h.block.start, Math.max(end, h.block.end)),
      selectionRange: toRange(report.lines, h.block.start, titleEnd > h.block.start ? titleEnd : h.block.end),
      children: [],
    };
    return symbol;
  });
  headings.forEach((h, i) => {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbols[i]);
    else roots.push(symbols[i]);
    stack.push({ level: h.level, symbol: symbols[i] });
  });
  return roots;
}

/** Longer than any real heading title; a "title" past it is a sentence that reads as a heading's text. */
const MAX_NAME = 40;

/** The numbering as written and the title, on one line, without Markdown's #. */
function symbolName(report: Report, h: Heading, titleEnd: number): string {
  const head = report.source.slice(h.block.start, titleEnd).replace(/^[ \t\u3000]*#+[ \t]*/, '').replace(/\s+/g, ' ').trim();
  return truncate(head || h.title || h.block.text.trim().split(/\r?\n/)[0] || '…', MAX_NAME);
}
