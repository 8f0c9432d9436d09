/** SARIF 2.1.0, with rule metadata, for code-scanning dashboards. */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { allRules, ruleText, DOCS_BASE } from '../../rules/index.js';
import type { FileResult, FormatContext } from '../result.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: readonly FileResult[], ctx: FormatContext, version: string): string {
  const index = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const uri = (p: string) => {
    const rel = path.relative(ctx.cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : pathToFileURL(p).href;
  };
  const region = (f: { line: number; column: number; endLine: number; endColumn: number }) => ({
    startLine: f.line,
    startColumn: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fazhi-lint',
            version,
            informationUri: 'https://github.com/fazhi-lint/fazhi-lint',
            rules: allRules.map((r) => {
              const t = ruleText(ctx.lang, r.meta.id);
              const d = r.meta.defaultSeverity;
              return {
                id: r.meta.id,
                name: r.meta.id,
                shortDescription: { text: t?.title ?? r.meta.id },
                fullDescription: { text: t?.why ?? '' },
                helpUri: DOCS_BASE + r.meta.id + '.md',
                defaultConfiguration: typeof d === 'string' ? { level: LEVEL[d] } : { level: LEVEL[d.off], enabled: false },
                properties: { family: r.meta.family, tags: r.meta.tags ?? [] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId) ?? -1,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.filePath) }, region: region(f) } }],
            ...(f.related.length
              ? {
                  relatedLocations: f.related.map((rel, i) => ({
                    id: i + 1,
                    message: { text: rel.message },
                    physicalLocation: { artifactLocation: { uri: uri(rel.filePath ?? r.filePath) }, region: region(rel) },
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
