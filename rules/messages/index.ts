import type { Language, MessageData } from '../engine/rule.js';
import type { Catalog, RuleText } from './types.js';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

export { BASIS } from './basis.js';
export type { Catalog, RuleText } from './types.js';

const CATALOGS: Record<Language, Catalog> = { 'zh-CN': zhCN, en };

export function catalog(lang: Language): Catalog {
  return CATALOGS[lang] ?? zhCN;
}

export function format(template: string, data: MessageData = {}): string {
  return template.replace(/\{([\w-]+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function ruleText(lang: Language, ruleId: string): RuleText | undefined {
  return catalog(lang).rules[ruleId] ?? zhCN.rules[ruleId];
}

export function ruleMessage(lang: Language, ruleId: string, messageId: string, data?: MessageData): string {
  const text = ruleText(lang, ruleId);
  const template = text?.messages[messageId] ?? zhCN.rules[ruleId]?.messages[messageId] ?? `${ruleId}/${messageId}`;
  return format(template, data);
}

export function fixTitle(lang: Language, ruleId: string, messageId: string, data?: MessageData): string {
  const text = ruleText(lang, ruleId);
  const template = text?.fixes?.[messageId] ?? zhCN.rules[ruleId]?.fixes?.[messageId] ?? messageId;
  return format(template, data);
}

export function ui(lang: Language, key: string, data?: MessageData): string {
  return format(catalog(lang).ui[key] ?? zhCN.ui[key] ?? key, data);
}

/** 'zh-CN' for Chinese locales, 'en' otherwise. */
export function languageFor(locale: string | undefined): Language {
  if (!locale) return 'zh-CN';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}
