import type { Rule } from '../engine/rule.js';
import figureConflict from './figure-conflict.js';
import figureSum from './figure-sum.js';
import figureRate from './figure-rate.js';
import figureMissing from './figure-missing.js';
import figureRateImpossible from './figure-rate-impossible.js';
import periodPartialYear from './period-partial-year.js';
import periodRelative from './period-relative.js';
import periodCumulative from './period-cumulative.js';

export const figuresRules: Rule[] = [
  figureConflict,
  figureSum,
  figureRate,
  figureMissing,
  figureRateImpossible,
  periodPartialYear,
  periodRelative,
  periodCumulative,
];
