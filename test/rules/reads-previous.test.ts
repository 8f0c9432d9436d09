/**
 * Which rules read last year's report: exactly those marked readsPrevious. A caller that finds none of them on
 * neither looks for that report nor keeps a checked file's report for the next draft (cli/main.ts).
 */
import { describe, expect, it } from 'vitest';
import { allRules, createReport, defaultConfig, readsPrevious, ruleContext } from '../../rules/index.js';
import { PREVIOUS, FOLLOWED, thisYear } from '../helpers/pairs.js';

describe('readsPrevious', () => {
  it('marks every rule that asks for last year\'s report, and no other', () => {
    const config = defaultConfig(allRules);
    const asking: string[] = [];
    for (const rule of allRules) {
      let asked = false;
      const report = createReport(thisYear(FOLLOWED), '/w/2023.md', () => {
        asked = true;
        return createReport(PREVIOUS, '/w/2022.md');
      });
      const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, o]) => [k, o.default]));
      rule.check(report, options, ruleContext(report, config));
      if (asked) asking.push(rule.meta.id);
    }
    expect(asking.sort()).toEqual(allRules.filter((r) => r.meta.readsPrevious).map((r) => r.meta.id).sort());
    expect(asking.length).toBeGreaterThan(0);
  });

  it('is true while one of those rules is on', () => {
    const config = defaultConfig(allRules);
    const withRules = (severities: Record<string, 'off' | 'warning'>) => ({ ...config, rules: { ...config.rules, ...Object.fromEntries(Object.entries(severities).map(([id, severity]) => [id, { severity, options: config.rules[id].options }])) } });
    expect(readsPrevious(config)).toBe(true);
    expect(readsPrevious(withRules({ 'plan-followup': 'off' }))).toBe(true);
    expect(readsPrevious(withRules({ 'text-recycled': 'off' }))).toBe(true);
    expect(readsPrevious(withRules({ 'plan-followup': 'off', 'text-recycled': 'off' }))).toBe(false);
  });
});
