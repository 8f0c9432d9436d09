import type { Rule } from '../engine/rule.js';
import sectionMissing from './section-missing.js';
import sectionMerged from './section-merged.js';
import sectionEmpty from './section-empty.js';
import firstResponsibleSeparate from './first-responsible-separate.js';
import firstResponsibleSubstance from './first-responsible-substance.js';
import problemCauseMissing from './problem-cause-missing.js';
import problemPlanUnmatched from './problem-plan-unmatched.js';
import planYear from './plan-year.js';
import planFollowup from './plan-followup.js';
import sectionOrder from './section-order.js';

export const checklistRules: Rule[] = [
  sectionMissing,
  sectionMerged,
  sectionEmpty,
  firstResponsibleSeparate,
  firstResponsibleSubstance,
  problemCauseMissing,
  problemPlanUnmatched,
  planYear,
  planFollowup,
  sectionOrder,
];
