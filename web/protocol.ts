/**
 * What the checking page and its Web Worker say to each other. The worker holds the checking core, the .docx
 * reader and writer and the rule pages; the page holds the text and the screen. Each request carries an id and
 * gets one reply with the same id.
 */
import type { BasisKey } from '../rules/messages/index.js';
import type { ChecklistItem, Finding, Language } from '../rules/index.js';
import type { RuleFamily } from '../rules/engine/rule.js';

export type WorkerRequest =
  | { type: 'meta' }
  | { type: 'check'; text: string; lang: Language; pendingChanges: boolean }
  | { type: 'fixAll'; text: string; lang: Language }
  | { type: 'open'; name: string; bytes: ArrayBuffer; lang: Language }
  | { type: 'export'; text: string; name: string }
  | { type: 'rulePage'; ruleId: string };

export interface RuleInfo {
  id: string;
  family: RuleFamily;
  basis: BasisKey[];
  fixable: boolean;
}

export interface CheckReply {
  findings: Finding[];
  checklist: ChecklistItem[];
  /** the document declares another kind: the CLI's --checklist sentence instead of the statutory items; null for a report */
  notReport: string | null;
  degraded: boolean;
  /** time the core took, in ms */
  ms: number;
}

export type OpenReply =
  | { ok: true; text: string; encoding: string; docx: boolean; pendingChanges: boolean }
  | { ok: false; message: string };

export interface Replies {
  meta: RuleInfo[];
  check: CheckReply;
  fixAll: { output: string; fixed: number };
  open: OpenReply;
  export: { bytes: Uint8Array };
  rulePage: { html: string } | null;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
