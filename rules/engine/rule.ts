/**
 * The shape of a rule: metadata plus one check function that returns findings as plain data (ranges, a message
 * id with its data, related places, optional fixes as text edits). The engine localises, filters and applies.
 */
import type { Report } from '../model/report.js';
import type { Range } from '../model/text.js';
import type { BasisKey } from '../messages/basis.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Language = 'zh-CN' | 'en';

export type MessageData = Record<string, string | number>;

/** Replace source[start, end) with newText. Offsets are UTF-16 code units of the checked text. */
export interface TextEdit extends Range {
  newText: string;
}

export interface RawFix {
  /** key of the fix title in the rule's messages (fixes section) */
  messageId: string;
  data?: MessageData;
  edits: TextEdit[];
}

export interface RawRelated extends Range {
  messageId: string;
  data?: MessageData;
}

export interface RawFinding extends Range {
  messageId: string;
  data?: MessageData;
  related?: RawRelated[];
  fixes?: RawFix[];
}

export type RuleFamily = 'checklist' | 'form' | 'figures' | 'residue';

export interface RuleOptionSchema {
  type: 'number' | 'string' | 'boolean' | 'array';
  description: string;
  default: unknown;
  items?: { type: 'string' | 'number' };
}

export interface RuleMeta {
  id: string;
  family: RuleFamily;
  defaultSeverity: SeverityDefault;
  /** keys of rules/messages/basis.ts: what the rule rests on (quoted in hovers and rule pages) */
  basis: BasisKey[];
  /** fixes this rule offers; fixes marked unsafe are not applied by --fix */
  fixable?: 'safe' | 'suggestion';
  options?: Record<string, RuleOptionSchema>;
  tags?: string[];
  /** linear in the text and independent of the outline: still run on documents too large for the full check */
  cheap?: boolean;
}

/** A default severity, or off with the severity to use when turned on. */
export type SeverityDefault = Severity | { off: Severity };

export interface Rule {
  meta: RuleMeta;
  check(report: Report, options: Record<string, unknown>): RawFinding[];
}

export function defineRule(meta: RuleMeta, check: Rule['check']): Rule {
  return { meta, check };
}
