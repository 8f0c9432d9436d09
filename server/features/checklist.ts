/**
 * The custom request fazhiLint/checklist: the statutory checklist of a document and its findings grouped by
 * rule family, with labels in the document's language (clients show them as they are).
 */
import { areaLabel, checklistItemLabel, coverageSummary, followupLabel, previousSummary, profileLabel, REQUIRED_ITEMS, ruleById, ui } from '../../rules/index.js';
import type { CheckedDocument } from '../documents.js';
import type { ChecklistResponse, CoverageSection, PreviousSection } from '../../protocol/index.js';
import { nameOfFile, uriOfFile } from '../fileUris.js';
import { NOT_REPORT_NOTE } from '../../input/draft.js';

const FAMILIES = ['checklist', 'form', 'figures', 'residue'] as const;



export function checklistResponse(checked: CheckedDocument): ChecklistResponse {
  const lang = checked.language;
  const { checklist, findings } = checked.result;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const note = findings.find((f) => f.ruleId === NOT_REPORT_NOTE);
  const groups = FAMILIES.map((family) => ({
    family,
    label: ui(lang, `family_${family}`),
    findings: findings
      .filter((f) => f !== note && (ruleById(f.ruleId)?.meta.family ?? 'checklist') === family)
      .map((f) => ({ ruleId: f.ruleId, message: f.message, line: f.line, severity: f.severity })),
  })).filter((g) => g.findings.length);
  // a document that declares another kind was checked as text: ✖ on every statutory item would say it failed as a
  // report (the CLI's --checklist says the same sentence instead of the items)
  if (note) {
    return { uri: checked.uri, version: checked.version, items: [], counts, present: 0, required: 0, groups, previous: null, profile: null, coverage: null, notReport: { label: ui(lang, 'checklistNotReport'), line: note.line } };
  }
  return {
    uri: checked.uri,
    version: checked.version,
    items: checklist.map((c) => ({ item: c.item, label: checklistItemLabel(lang, { item: c.item, status: c.status, line: c.line }), status: c.status, line: c.line, heading: c.heading })),
    counts,
    present: checklist.filter((c) => REQUIRED_ITEMS.includes(c.item) && (c.status === 'section' || c.status === 'merged')).length,
    required: REQUIRED_ITEMS.length,
    groups,
    previous: previousSection(checked),
    profile: { kind: checked.result.profile.kind, title: ui(lang, 'profileTitle'), label: profileLabel(lang, checked.result.profile) },
    coverage: coverageSection(checked),
    notReport: null,
  };
}

/** 工作领域覆盖情况 (the CLI's --checklist prints the same list): each area with the measures' line, or not mentioned. */
function coverageSection(checked: CheckedDocument): CoverageSection | null {
  const lang = checked.language;
  const c = checked.result.coverage;
  if (!c) return null;
  return {
    title: ui(lang, 'coverageTitle'),
    source: c.source,
    label: coverageSummary(lang, c),
    covered: c.covered,
    areas: c.areas.map((a) => ({ area: a.area, label: areaLabel(lang, a), line: a.line, where: a.line !== null ? ui(lang, 'coverageAt', { line: a.line }) : ui(lang, 'coverageMissing') })),
  };
}

/**
 * 上年度安排落实情况 (the CLI's --checklist prints the same list): each of last year's plans, followed up (jump to
 * this year's line that reports on it) or not found (jump to the plan in last year's file).
 */
function previousSection(checked: CheckedDocument): PreviousSection | null {
  const lang = checked.language;
  const p = checked.previous;
  if (p === undefined) return null;
  const title = ui(lang, 'previousTitle');
  if (p === null) return { title, uri: null, year: null, label: ui(lang, 'previousNone'), followed: 0, plans: [] };
  const uri = p.filePath !== undefined ? uriOfFile(p.filePath) : null;
  const file = p.filePath !== undefined ? nameOfFile(p.filePath) : '';
  const label = previousSummary(lang, p, file);
  const plans = p.plans.map((plan) => {
    const here = plan.line !== null;
    return {
      plan: plan.plan,
      status: plan.status,
      label: followupLabel(lang, plan),
      where: here ? ui(lang, 'atLine', { line: plan.line! }) : ui(lang, 'followupPlanAt', { line: plan.planLine }),
      target: here ? { uri: checked.uri, line: plan.line! } : uri ? { uri, line: plan.planLine } : null,
    };
  });
  return { title, uri, year: p.year, label, followed: p.followed, plans };
}
