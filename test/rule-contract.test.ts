/**
 * The rule contract in types and at run time. The @ts-expect-error lines are checked by `npm run typecheck`
 * (part of `npm test`): if one of them stopped being an error, tsc fails on the unused directive.
 */
import { describe, expect, test } from 'vitest';
import { defineRule, type Rule } from '../rules/engine/rule.js';
import type { Catalog } from '../rules/messages/types.js';
import { check, defaultConfig } from '../rules/index.js';
import { UnknownMessageError, ruleMessage, fixTitle } from '../rules/messages/index.js';

const at = { start: 0, end: 1 };

// a message id the catalogue has no text for
// @ts-expect-error 'nonexistent' is not a message of jiezhi-usage
defineRule({ id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['practice'] }, () => [{ ...at, messageId: 'nonexistent' }]);
// a fix id of another rule
defineRule({ id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['practice'], fixable: true }, () => [
  // @ts-expect-error 'delete' is a fix of other rules, not of jiezhi-usage
  { ...at, messageId: 'usage', fixes: [{ messageId: 'delete', edits: [], safe: true }] },
]);
// a fix that does not say whether it is safe
defineRule({ id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['practice'], fixable: true }, () => [
  // @ts-expect-error safe is required on every fix
  { ...at, messageId: 'usage', fixes: [{ messageId: 'replace', edits: [] }] },
]);
// @ts-expect-error a rule id with no catalogue entry
defineRule({ id: 'no-such-rule', family: 'residue', defaultSeverity: 'info', basis: ['practice'] }, () => []);
// @ts-expect-error a basis that basis.ts does not have
defineRule({ id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['hearsay'] }, () => []);
// options: typed from the schema, the default must have the declared type
defineRule(
  { id: 'plan-year', family: 'checklist', defaultSeverity: 'info', basis: ['content'], options: { n: { type: 'number', description: 'n', default: 2 } } },
  (_report, options) => {
    const n: number = options.n;
    // @ts-expect-error a number option is not a string
    const s: string = options.n;
    return n && s ? [] : [];
  },
);
defineRule(
  // @ts-expect-error the default of a number option must be a number
  { id: 'plan-year', family: 'checklist', defaultSeverity: 'info', basis: ['content'], options: { n: { type: 'number', description: 'n', default: 'two' } } },
  () => [],
);
// the English catalogue must have every message of the Chinese one
// @ts-expect-error messages.usage is missing
const incomplete: Catalog['rules']['jiezhi-usage'] = { title: 't', why: 'w', messages: {}, fixes: { replace: 'r' } };
void incomplete;

describe('rule contract at run time', () => {
  // a rule outside the types (as a plugin or a cast would make it) reporting an id without text
  const rogue: Rule = {
    meta: { id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['practice'] },
    check: () => [{ ...at, messageId: 'nonexistent' }],
  };
  const config = defaultConfig([rogue]);

  test('an unknown message id throws, as in ESLint, when strict (tests)', () => {
    expect(() => check('截止2020年底。\n', { rules: [rogue], config, strict: true })).toThrow(UnknownMessageError);
    expect(() => ruleMessage('en', 'jiezhi-usage', 'nonexistent')).toThrow(/unknown message id "nonexistent"/);
    expect(() => fixTitle('zh-CN', 'jiezhi-usage', 'usage')).toThrow(/unknown fix id "usage"/);
  });

  test('without strict (CLI, editor) it becomes a ruleError finding, never the raw "rule/messageId"', () => {
    const { findings } = check('截止2020年底。\n', { rules: [rogue], config });
    expect(findings.map((f) => [f.messageId, f.ruleId])).toEqual([['ruleError', 'jiezhi-usage']]);
    expect(findings[0].message).toContain('nonexistent');
    expect(findings[0].message).not.toContain('jiezhi-usage/nonexistent');
  });

  test('a fix is safe only when it says so', () => {
    const typed: Rule = {
      meta: { id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['practice'], fixable: true },
      check: () => [
        { ...at, messageId: 'usage', fixes: [{ messageId: 'replace', edits: [], safe: false }, { messageId: 'replace', edits: [], safe: true }] },
      ],
    };
    const [f] = check('截止2020年底。\n', { rules: [typed], config: defaultConfig([typed]), strict: true }).findings;
    expect(f.fixes.map((x) => x.safe)).toEqual([false, true]);
  });

  test('options a config leaves out get the default declared in the rule', () => {
    let seen: unknown;
    const r = defineRule(
      { id: 'plan-year', family: 'checklist', defaultSeverity: 'info', basis: ['content'], options: { n: { type: 'number', description: 'n', default: 7 } } },
      (_report, options) => ((seen = options.n), []),
    );
    check('x\n', { rules: [r], config: { ...defaultConfig([r]), rules: { 'plan-year': { severity: 'info', options: {} } } }, strict: true });
    expect(seen).toBe(7);
  });
});
