import type { Language, MessageData } from '../engine/rule.js';
import type { Catalog, RuleId, RuleText, UiKey } from './types.js';
import type { RuleTextShape } from './shape.js';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

export { BASIS, type BasisKey } from './basis.js';
export { format } from './format.js';
export { both, say, type BilingualKey } from './bilingual.js';
import { format } from './format.js';
export type { Catalog, RuleText, RuleId, MessageId, FixId, UiKey } from './types.js';
export type { RuleTextShape } from './shape.js';

const CATALOGS: Record<Language, Catalog> = { 'zh-CN': zhCN, en };

export function catalog(lang: Language): Catalog {
  return CATALOGS[lang] ?? zhCN;
}

/**
 * A finding or fix named a message id its rule has no text for. The types rule this out for rules written with
 * defineRule; at run time it is ESLint's behaviour: the engine throws (tests) or reports a rule error (editor).
 */
export class UnknownMessageError extends Error {
  constructor(ruleId: string, messageId: string, kind: 'message' | 'fix') {
    super(`rule ${ruleId} reported unknown ${kind} id "${messageId}"`);
    this.name = 'UnknownMessageError';
  }
}


export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(zhCN.rules, id);
}

export function ruleText(lang: Language, ruleId: string): RuleTextShape | undefined {
  if (!isRuleId(ruleId)) return undefined;
  return (catalog(lang).rules[ruleId] as RuleText) ?? zhCN.rules[ruleId];
}

function lookup(table: Record<string, string> | undefined, key: string): string | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function ruleMessage(lang: Language, ruleId: string, messageId: string, data?: MessageData): string {
  const template = lookup(ruleText(lang, ruleId)?.messages, messageId);
  if (template === undefined) throw new UnknownMessageError(ruleId, messageId, 'message');
  return format(template, data);
}

export function fixTitle(lang: Language, ruleId: string, messageId: string, data?: MessageData): string {
  const template = lookup(ruleText(lang, ruleId)?.fixes, messageId);
  if (template === undefined) throw new UnknownMessageError(ruleId, messageId, 'fix');
  return format(template, data);
}

export function ui(lang: Language, key: UiKey, data?: MessageData): string {
  return format(catalog(lang).ui[key] ?? zhCN.ui[key], data);
}

/**
 * A statutory item as the checklists show it (the CLI's --checklist, the server's checklist response):
 * 主要举措和成效 — 单列成部分（第3行：一、主要举措和成效）. Structural, so the catalogue needs nothing of the model.
 */
export function checklistItemLabel(lang: Language, c: { item: string; status: string; line: number | null; heading?: string | null }): string {
  const data = { item: ui(lang, `item_${c.item}` as UiKey), status: ui(lang, `status_${c.status}` as UiKey), line: c.line ?? '', heading: c.heading ?? '' };
  return ui(lang, !c.line ? 'checklistItem' : c.heading ? 'checklistItemAtHeading' : 'checklistItemAt', data);
}

/** 'zh-CN' for Chinese locales, 'en' otherwise. */
export function languageFor(locale: string | undefined): Language {
  if (!locale) return 'zh-CN';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/**
 * A reporting body as the checklist shows it: 政府部门（据落款：东城区司法局）. Structural, so the catalogue needs
 * nothing of the model.
 */
export function profileLabel(lang: Language, profile: { kind: string; from: string | null; organ: string | null }): string {
  const kind = ui(lang, `profile_${profile.kind}` as UiKey);
  if (!profile.from) return kind;
  const from = ui(lang, `profileFrom_${profile.from}` as UiKey);
  const organ = profile.from !== 'config' && profile.organ ? (lang === 'en' ? `: ${profile.organ}` : `：${profile.organ}`) : '';
  return lang === 'en' ? `${kind} (${from}${organ})` : `${kind}（${from}${organ}）`;
}
