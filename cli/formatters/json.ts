/** The JSON contract other tools depend on: one object per file, 1-based lines, UTF-16 columns. */
import { counts, type FileResult } from '../result.js';

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        // places the finding points to; filePath only when in another file (last year's report)
        ...(f.related.length ? { related: f.related.map((rel) => ({ ...(rel.filePath !== undefined ? { filePath: rel.filePath } : {}), line: rel.line, column: rel.column, message: rel.message })) } : {}),
      })),
      checklist: r.checklist.map((c) => ({ item: c.item, status: c.status, line: c.line, heading: c.heading })),
      // optional: who reports, and where that was read (config, signature, title, opening)
      ...(r.profile ? { profile: { kind: r.profile.kind, from: r.profile.from, organ: r.profile.organ } } : {}),
      // optional: the areas of work the measures report on (the 纲要's nine for a government or joint report, or the
      // config's own); absent when no list applies to the body
      ...(r.coverage ? { coverage: { source: r.coverage.source, covered: r.coverage.covered, areas: r.coverage.areas.map((a) => ({ area: a.area, configured: a.configured, line: a.line })) } } : {}),
      // last year's plans: null when no previous report was paired
      ...(r.previous !== undefined ? { previous: r.previous } : {}),
      ...counts(r.findings),
    })),
    null,
    2,
  );
}
