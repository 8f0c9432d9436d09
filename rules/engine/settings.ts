/**
 * Settings every rule may read beside its own options (engine/rule.ts RuleContext): the reporting deadlines and the
 * reporting body's profile, as a config file writes them.
 */
import type { ProfileKind } from '../model/profile.js';

/** A day of the year, as `deadlines` names it ("04-01": 4月1日). */
export interface MonthDay {
  month: number;
  day: number;
}

/**
 * The reporting deadlines: the first day on which a report is late (每年4月1日前 → 04-01). `report`: made to the
 * superior body (the first quarter nationally; some provinces ask departments for 3月1日); `publish`: published.
 */
export interface Deadlines {
  report: MonthDay;
  publish: MonthDay;
}

/** 督察规定: reported in the first quarter and published before 4月1日. */
export const NATIONAL_DEADLINES: Deadlines = { report: { month: 4, day: 1 }, publish: { month: 4, day: 1 } };

/** An area of work a report's measures are read against (the coverage view): a name and the words that report it. */
export interface CoverageArea {
  name: string;
  terms: string[];
}

/** `"profile"`: the kind of reporting body (instead of the one read from the report), and its own list of areas. */
export interface ProfileSetting {
  kind?: ProfileKind;
  areas?: CoverageArea[];
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "03-01" → 3月1日; anything else is reported where it is written. */
export function parseMonthDay(text: string): MonthDay | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const month = +m[1];
  const day = +m[2];
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1] ? { month, day } : null;
}

