/**
 * A rule tester in the style of ESLint's RuleTester: a rule's `valid` texts report nothing, each `invalid` text
 * reports exactly the listed errors (message id, line and column, optionally end, data and message text), in
 * order, and `output` is the text after one pass of the rule's safe fixes. Beyond ESLint it also checks:
 * - a second fix pass over `output` changes nothing (fixes converge in one pass);
 * - a rule whose cases are fixed declares `meta.fixable`, and a rule declaring it has a fixed case;
 * - every message id of the rule's catalogue entry is reported by some invalid case;
 * - the rule has its page docs/rules/<id>.md and its row in the README's rule table.
 *
 * A new rule's test file is
 *   ruleTester('my-rule', { valid: ['…'], invalid: [{ code: '…', errors: [{ messageId: 'x', line: 2, column: 5 }], output: '…' }] });
 * plus ordinary `test()` blocks for what does not fit a case (related places, several fix passes, corpus checks).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fix, ruleById, type Finding, type ResolvedConfig } from '../../rules/index.js';
import { zhCN } from '../../rules/messages/zh-CN.js';
import type { MessageId, RuleId } from '../../rules/messages/types.js';
import { runRule } from './rule.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ExpectedError<R extends RuleId> {
  messageId: MessageId<R>;
  /** 1-based, as editors show them; columns count UTF-16 code units */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** the finding's data must contain these entries */
  data?: Record<string, string | number>;
  /** the localised (zh-CN) message, exactly or by pattern */
  message?: string | RegExp;
  /** lines of the related places, in order */
  relatedLines?: number[];
  /** files of the related places, in order (undefined: the checked file) */
  relatedFiles?: (string | undefined)[];
  /** message ids of the fixes offered, in order */
  fixes?: string[];
}

export interface ValidCase {
  name?: string;
  code: string;
  options?: Record<string, unknown>;
  /** last year's report (checked as previous.md), for the rules that read the pair */
  previous?: string;
  /** the config's shared settings (profile, deadlines) */
  settings?: Pick<ResolvedConfig, 'profile' | 'deadlines'>;
}

export interface InvalidCase<R extends RuleId> extends ValidCase {
  errors: ExpectedError<R>[];
  /**
   * The text after one pass of safe fixes. Required when a fix applies (as in ESLint); null says no fix applies.
   * Fixes that overlap wait for the next pass (as --fix does): list the text after each pass, the last stable.
   */
  output?: string | string[] | null;
}

export interface RuleCases<R extends RuleId> {
  valid: (string | ValidCase)[];
  invalid: InvalidCase<R>[];
}

function title(c: ValidCase, i: number): string {
  const text = c.code.replace(/\n/g, '⏎');
  return c.name ?? `${i}: ${text.length > 60 ? text.slice(0, 60) + '…' : text}`;
}

/** What a finding looks like in a failure message: enough to write the expected error from it. */
function shown(f: Finding): string {
  return `${f.messageId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`;
}

export function ruleTester<R extends RuleId>(ruleId: R, cases: RuleCases<R>): void {
  const rule = ruleById(ruleId);
  describe(`${ruleId} (rule tester)`, () => {
    test('is registered', () => expect(rule, `rule ${ruleId}`).toBeDefined());

    describe('valid', () => {
      cases.valid.forEach((v, i) => {
        const c = typeof v === 'string' ? { code: v } : v;
        test(title(c, i), () => {
          expect(runRule(ruleId, c.code, c.options, c.previous, c.settings).map(shown)).toEqual([]);
        });
      });
    });

    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        test(title(c, i), () => {
          expect(c.errors.length, 'an invalid case lists at least one error').toBeGreaterThan(0);
          const found = runRule(ruleId, c.code, c.options, c.previous, c.settings);
          expect(found.map(shown), 'number of errors').toHaveLength(c.errors.length);
          c.errors.forEach((want, k) => {
            const f = found[k];
            const where = `error ${k}: ${shown(f)}`;
            expect(f.messageId, where).toBe(want.messageId);
            expect([f.line, f.column], where).toEqual([want.line, want.column]);
            if (want.endLine !== undefined) expect(f.endLine, where).toBe(want.endLine);
            if (want.endColumn !== undefined) expect(f.endColumn, where).toBe(want.endColumn);
            if (want.data) expect(f.data, where).toMatchObject(want.data);
            if (typeof want.message === 'string') expect(f.message, where).toBe(want.message);
            else if (want.message) expect(f.message, where).toMatch(want.message);
            if (want.relatedLines) expect(f.related.map((r) => r.line), where).toEqual(want.relatedLines);
            if (want.relatedFiles) expect(f.related.map((r) => r.filePath), where).toEqual(want.relatedFiles);
            if (want.fixes) expect(f.fixes.map((x) => x.messageId), where).toEqual(want.fixes);
          });
          const { output, applied } = fix(c.code, found);
          if (applied.length === 0) {
            expect(c.output ?? null, 'no fix applies: output must be null or left out').toBeNull();
            return;
          }
          expect(c.output, 'the rule fixed the text: the case needs its output').not.toBeUndefined();
          expect(c.output, 'a fix applies: output null says it should not').not.toBeNull();
          const passes = typeof c.output === 'string' ? [c.output] : c.output!;
          let text = output;
          passes.forEach((want, p) => {
            if (p > 0) text = fix(text, runRule(ruleId, text, c.options, c.previous, c.settings)).output;
            expect(text, `output after fix pass ${p + 1}`).toBe(want);
          });
          expect(output, 'a fix that changes nothing').not.toBe(c.code);
          // one more pass: what was fixed stays fixed and nothing new becomes fixable
          const again = fix(text, runRule(ruleId, text, c.options, c.previous, c.settings));
          expect(again.applied.map(shown), `fix pass ${passes.length + 1} finds more to fix`).toEqual([]);
        });
      });
    });

    test('meta: fixable exactly when a case is fixed; every message id is exercised', () => {
      const fixedCases = cases.invalid.filter((c) => c.output !== null && c.output !== undefined).length;
      if (rule!.meta.fixable) expect(fixedCases, `${ruleId} declares fixable: some invalid case needs an output`).toBeGreaterThan(0);
      else expect(fixedCases, `${ruleId} has fixed cases: declare meta.fixable`).toBe(0);
      const declared = Object.keys(zhCN.rules[ruleId].messages);
      const reported = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId as string)));
      // ids used only by related places (the other value of a conflict) count when a case checks related places
      const relatedIds: readonly string[] = RELATED_ONLY[ruleId] ?? [];
      expect(declared.filter((m) => !reported.has(m) && !relatedIds.includes(m)), 'message ids no invalid case reports').toEqual([]);
      if (relatedIds.length) {
        const checksRelated = cases.invalid.some((c) => c.errors.some((e) => (e.relatedLines?.length ?? 0) > 0));
        expect(checksRelated, `${ruleId}: some case must check related places (relatedLines)`).toBe(true);
      }
    });

    test('has its rule page and its README row', () => {
      expect(existsSync(path.join(ROOT, 'docs/rules', `${ruleId}.md`)), `docs/rules/${ruleId}.md`).toBe(true);
      const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const table = readme.split('\n').filter((l) => l.startsWith('|'));
      expect(table.some((row) => row.includes(`[${ruleId}](docs/rules/${ruleId}.md)`)), `README rule table row for ${ruleId}`).toBe(true);
    });
  });
}

/** Message ids a rule uses only for related places, never as a finding's own message. */
const RELATED_ONLY: Partial<Record<RuleId, string[]>> = {
  'figure-conflict': ['other'],
  'figure-sum': ['total', 'opening'],
  'figure-rate': ['numerator', 'denominator'],
  'citation-inconsistent': ['other'],
  'plan-followup': ['plan'],
  'text-recycled': ['previous'],
};

/**
 * Where `text` stands in `code` (its `nth` occurrence, 0-based): the line, column, endLine and endColumn an error
 * on exactly those characters has. Lets a case say "the finding is on this text" without counting columns.
 */
export function spanOf(code: string, text: string, nth = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let at = code.indexOf(text);
  for (let k = 0; k < nth && at >= 0; k++) at = code.indexOf(text, at + 1);
  if (at < 0) throw new Error(`spanOf: “${text}” (${nth}) is not in the case's code`);
  const pos = (i: number) => {
    const before = code.slice(0, i).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const s = pos(at);
  const e = pos(at + text.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
