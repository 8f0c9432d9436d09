import type { ChecklistItem, Coverage, Finding, Language, PreviousPlans, Profile } from '../rules/index.js';
import type { ReviewedReport } from '../output/review/model.js';

/** What the CLI keeps of one checked file (not the report itself, so many files stay cheap). */
export interface FileResult {
  filePath: string;
  findings: Finding[];
  checklist: ChecklistItem[];
  /** last year's plans and their follow-up (kept for --checklist, json, html and csv); null: no previous report */
  previous?: PreviousPlans | null;
  /** who reports (read from the report, or the config's "profile") */
  profile?: Profile;
  /** the areas of work the measures report on (the 纲要's, or the config's); null: no list for this body */
  coverage?: Coverage | null;
  /** what the reviewer's page shows (kept only for the html and csv formats) */
  review?: ReviewedReport;
}

export interface FormatContext {
  lang: Language;
  color: boolean;
  cwd: string;
  skipped: number;
}

export function counts(findings: readonly Finding[]): { errorCount: number; warningCount: number; infoCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else if (f.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { errorCount, warningCount, infoCount };
}
