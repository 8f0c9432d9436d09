/** The rules' shared context (RuleContext) from a config and a report: the one place profile and deadlines resolve. */
import type { Report } from '../model/report.js';
import { resolveProfile } from '../model/profile.js';
import type { ResolvedConfig } from './config.js';
import { NATIONAL_DEADLINES } from './settings.js';
import type { RuleContext } from './rule.js';

export function ruleContext(report: Report, config: ResolvedConfig | undefined): RuleContext {
  return {
    profile: resolveProfile(report, config?.profile?.kind),
    deadlines: { ...NATIONAL_DEADLINES, ...config?.deadlines },
    areas: config?.profile?.areas?.length ? config.profile.areas : null,
  };
}
