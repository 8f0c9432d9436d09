/**
 * The one place where source offsets (UTF-16 code units, as rules/ reports them) meet LSP positions
 * (0-based line, UTF-16 character). rules/model/text.ts's LineIndex counts CRLF, LF and lone CR as line ends,
 * exactly as LSP does, so a report's own index converts both ways.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex } from '../rules/model/text.js';
import type { Located } from '../rules/index.js';

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** A finding's range: the engine already located it (1-based line and UTF-16 column). */
export function locatedRange(l: Located): Range {
  return { start: { line: l.line - 1, character: l.column - 1 }, end: { line: l.endLine - 1, character: l.endColumn - 1 } };
}

/** Does the range contain the position (an empty range contains its own point)? */
export function rangeContains(r: Range, p: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(p, r.start) && after(r.end, p);
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(b, a.start);
}
