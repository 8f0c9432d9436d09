/**
 * Where a check spends its time: each model part and each rule timed on its own, once per report per round, summed
 * over the reports and averaged over the rounds (ms per pass). One definition for `npm run bench` (its profile) and
 * `npm run bench:cold` (cold: caches cleared before each report, as a cold check starts).
 */
import { performance } from 'node:perf_hooks';
import { allRules, createReport, clearCaches, ruleContext, type defaultConfig } from '../rules/index.js';

export function profileParts(texts: readonly string[], config: ReturnType<typeof defaultConfig>, reps: number, opts: { cold: boolean }): Map<string, number> {
  const profile = new Map<string, number>();
  const time = (part: string, fn: () => unknown) => {
    const s = performance.now();
    fn();
    profile.set(part, (profile.get(part) ?? 0) + (performance.now() - s) / reps);
  };
  for (let r = 0; r < reps; r++) {
    for (const text of texts) {
      if (opts.cold) clearCaches();
      let report!: ReturnType<typeof createReport>;
      time('model: parse + blocks', () => (report = createReport(text)));
      time('model: normalise blocks', () => report.blocks.forEach((b) => b.norm));
      time('model: frame', () => report.frame);
      time('model: outline', () => report.outline);
      time('model: sections + checklist', () => report.checklist);
      time('model: year', () => report.year);
      const context = ruleContext(report, config);
      for (const rule of allRules) {
        const setting = config.rules[rule.meta.id];
        if (!setting || setting.severity === 'off') continue;
        time(`rule: ${rule.meta.id}`, () => {
          try {
            rule.check(report, setting.options, context);
          } catch {
            /* the engine reports it; the robustness tests catch it */
          }
        });
      }
    }
  }
  return profile;
}
