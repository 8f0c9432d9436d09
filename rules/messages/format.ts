import type { MessageData } from '../engine/rule.js';

/**
 * Fill a template: `{key}` is the value; `{key|one|other}` is the word for the count `key` (English plurals:
 * "1 error", "2 errors"; Chinese has no plural forms and does not use it).
 */
export function format(template: string, data: MessageData = {}): string {
  // most templates have no plural and many no field: each finding's message is formatted, and a replace scans
  if (!template.includes('{')) return template;
  if (!template.includes('|')) return template.replace(/\{([\w-]+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
  return template
    .replace(/\{([\w-]+)\|([^{}|]*)\|([^{}|]*)\}/g, (whole, key: string, one: string, other: string) => (key in data ? (Number(data[key]) === 1 ? one : other) : whole))
    .replace(/\{([\w-]+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
