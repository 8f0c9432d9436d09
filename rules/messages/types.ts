/**
 * The message contract in types. The Chinese catalogue (zh-CN.ts) is the source of the keys:
 * - `RuleId` is every rule the catalogue has text for; `defineRule` accepts no other id;
 * - `MessageId<R>` / `FixId<R>` are the ids rule R may report with (engine/rule.ts types `RawFinding<R>` with them),
 *   so a message id with no zh-CN text fails `tsc`;
 * - `Catalog` is what every other language must provide: the same rules, the same message, fix and ui keys, so a
 *   message without English text fails `tsc` too.
 * Adding a rule: add its entry (title, why, messages, fixes) to zh-CN.ts and en.ts, then `defineRule({ id, … })`.
 */
import type { zhCN } from './zh-CN.js';

type Zh = typeof zhCN;
export type RuleId = keyof Zh['rules'] & string;
/** Distributive: for the union of all rules (the default) it is the union of all their ids. */
export type MessageId<R extends RuleId> = R extends RuleId ? keyof Zh['rules'][R]['messages'] & string : never;
export type FixId<R extends RuleId> = R extends RuleId ? (Zh['rules'][R] extends { fixes: infer F } ? keyof F & string : never) : never;
export type UiKey = keyof Zh['ui'] & string;

export type RuleText<R extends RuleId = RuleId> = {
  title: string;
  why: string;
  messages: Record<MessageId<R>, string>;
} & ([FixId<R>] extends [never] ? { fixes?: undefined } : { fixes: Record<FixId<R>, string> });

export interface Catalog {
  rules: { [R in RuleId]: RuleText<R> };
  ui: Record<UiKey, string>;
}
