/**
 * `--checklist`: each file's statutory checklist, one item a line, then the areas of work its measures cover (a
 * government's or joint report's 纲要 areas, or the config's), then last year's plans and their follow-up.
 */
import * as path from 'node:path';
import { areaLabel, checklistItemLabel, coverageSummary, followupLabel, previousSummary, profileLabel, ui } from '../../rules/index.js';
import type { FileResult, FormatContext } from '../result.js';

const MARK = { section: '✔', merged: '◐', inside: '◐', missing: '✖' } as const;
const OPTIONAL_MISSING = '○';

export function formatChecklist(r: FileResult, ctx: FormatContext): string {
  const lines = [`  ${ui(ctx.lang, 'checklistTitle')}:`];
  // a document that declares another kind was not checked as a report: ✖ on every statutory item would say it failed
  // as one, and last year's plans are no question for it
  if (r.findings.some((f) => f.ruleId === 'not-a-report')) {
    lines.push(`    ${ui(ctx.lang, 'checklistNotReport')}`);
    return lines.join('\n');
  }
  if (r.profile) lines.push(`    ${ui(ctx.lang, 'profileTitle')}${ctx.lang === 'en' ? ': ' : '：'}${profileLabel(ctx.lang, r.profile)}`);
  for (const c of r.checklist) {
    lines.push(`    ${c.item === 'other' && c.status === 'missing' ? OPTIONAL_MISSING : MARK[c.status]} ${checklistItemLabel(ctx.lang, c)}`);
  }
  if (r.coverage) lines.push(formatCoverage(r, ctx));
  if (r.previous !== undefined) lines.push(formatPrevious(r, ctx));
  return lines.join('\n');
}

/** An area reported on, or not mentioned: information for the writer, not a fault (so no ✖). */
const AREA_MARK = { covered: '✔', missing: '○' } as const;

/** 工作领域覆盖情况: each area with the first line of the measures that reports on it, or 未提及. */
function formatCoverage(r: FileResult, ctx: FormatContext): string {
  const c = r.coverage!;
  const sep = ctx.lang === 'en' ? ': ' : '：';
  const lines = [`  ${ui(ctx.lang, 'coverageTitle')}:`, `    ${coverageSummary(ctx.lang, c)}`];
  for (const a of c.areas) {
    const where = a.line !== null ? ui(ctx.lang, 'coverageAt', { line: a.line }) : ui(ctx.lang, 'coverageMissing');
    lines.push(`    ${AREA_MARK[a.line !== null ? 'covered' : 'missing']} ${areaLabel(ctx.lang, a)}${sep}${where}`);
  }
  return lines.join('\n');
}

const FOLLOWUP_MARK = { reported: '✔', postponed: '◐', missing: '✖' } as const;

/** 上年度安排落实情况: each plan with the line reporting on it, or the plan's own line in last year's file. */
function formatPrevious(r: FileResult, ctx: FormatContext): string {
  const p = r.previous;
  const lines = [`  ${ui(ctx.lang, 'previousTitle')}:`];
  if (!p) {
    lines.push(`    ${ui(ctx.lang, 'previousNone')}`);
    return lines.join('\n');
  }
  const file = p.filePath ? path.relative(ctx.cwd, p.filePath) || p.filePath : '';
  lines.push(`    ${previousSummary(ctx.lang, p, file)}`);
  const sep = ctx.lang === 'en' ? ': ' : '：';
  for (const plan of p.plans) {
    // followed: where this year's report says so; not found: where last year's report announced it
    const where = plan.line !== null ? ui(ctx.lang, 'atLine', { line: plan.line }) : `${file}:${plan.planLine}`;
    lines.push(`    ${FOLLOWUP_MARK[plan.status]} ${followupLabel(ctx.lang, plan)}${sep}${where}`);
  }
  return lines.join('\n');
}
