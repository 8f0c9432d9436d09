/** The report outline (一、(一)1.) as document symbols, so the outline view and breadcrumbs show it. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Report } from '../../rules/index.js';
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
    const name = h.block.text.trim().replace(/^#+\s*/, '') || h.title || '…';
    const symbol: DocumentSymbol = {
      name,
      kind: h.level === 1 ? SymbolKind.Namespace : SymbolKind.String,
      range: toRange(report.lines, h.block.start, Math.max(end, h.block.end)),
      selectionRange: toRange(report.lines, h.block.start, h.block.end),
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
