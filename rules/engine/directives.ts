/** Inline disable comments: <!-- fazhi-lint-disable rule-id -->, -enable, -disable-next-line, -disable-line. */
import type { Report } from '../model/report.js';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** rule ids; empty means every rule */
  rules: string[];
  /** 0-based line of the comment */
  line: number;
  offset: number;
}

const DIRECTIVE = /<!--\s*fazhi-lint-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

export function readDirectives(report: Report): Directive[] {
  const out: Directive[] = [];
  for (const c of report.comments) {
    const text = report.source.slice(c.start, c.end);
    for (const m of text.matchAll(DIRECTIVE)) {
      const offset = c.start + (m.index ?? 0);
      const rules = m[2]
        .replace(/--.*$/s, '') // "-- reason" after the ids
        .split(/[\s,，]+/)
        .filter(Boolean);
      out.push({ kind: m[1] as Directive['kind'], rules, line: report.lines.lineOf(offset), offset });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Is a finding of this rule starting at this offset switched off by a directive? */
export function isDisabled(directives: readonly Directive[], ruleId: string, offset: number, line: number): boolean {
  let disabled = false;
  const covers = (d: Directive) => d.rules.length === 0 || d.rules.includes(ruleId);
  for (const d of directives) {
    if (d.kind === 'disable-line' && d.line === line && covers(d)) return true;
    if (d.kind === 'disable-next-line' && d.line === line - 1 && covers(d)) return true;
    if (d.offset > offset) continue;
    if (d.kind === 'disable' && covers(d)) disabled = true;
    else if (d.kind === 'enable' && covers(d)) disabled = false;
  }
  return disabled;
}
