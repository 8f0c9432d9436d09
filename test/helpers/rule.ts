/** Run one rule (at its default severity, or on if off by default) on a text. */
import { check, defaultConfig, allRules, ruleById, type Finding, type PreviousText, type ResolvedConfig } from '../../rules/index.js';

/** `previous`: last year's report (a string is named previous.md), for the rules that read the pair. */
export function runRule(ruleId: string, text: string, options: Record<string, unknown> = {}, previous?: PreviousText | string, settings: Pick<ResolvedConfig, 'profile' | 'deadlines'> = {}): Finding[] {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const base = defaultConfig(allRules, true);
  const config: ResolvedConfig = {
    ...base,
    ...settings,
    rules: { [ruleId]: { severity: base.rules[ruleId].severity, options: { ...base.rules[ruleId].options, ...options } } },
  };
  const prev = typeof previous === 'string' ? { text: previous, filePath: 'previous.md' } : previous;
  return check(text, { config, rules: [rule], strict: true, previous: prev }).findings;
}

/** Lines (1-based) of a rule's findings. */
export function linesOf(findings: Finding[]): number[] {
  return findings.map((f) => f.line);
}
