/** The default terminal output: grouped by file, line:col, severity, message, rule id, then a summary line. */
import * as path from 'node:path';
import { ui } from '../../rules/index.js';
import { counts, type FileResult, type FormatContext } from '../result.js';
import { formatChecklist } from './checklist.js';

const ESC = '\u001b[';
function paint(on: boolean, code: string, s: string): string {
  return on ? `${ESC}${code}m${s}${ESC}0m` : s;
}
const COLOR = { error: '31', warning: '33', info: '36' } as const;

/** Display width: CJK characters take two cells. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

export function formatFileStylish(r: FileResult, ctx: FormatContext, withChecklist: boolean): string {
  if (!r.findings.length && !withChecklist) return '';
  const out: string[] = [paint(ctx.color, '4', path.relative(ctx.cwd, r.filePath) || r.filePath)];
  const sev = (s: 'error' | 'warning' | 'info') => ui(ctx.lang, `severity_${s}`);
  const posW = r.findings.reduce((w, f) => Math.max(w, `${f.line}:${f.column}`.length), 3); // no spread: 100 000 findings
  const sevW = Math.max(...(['error', 'warning', 'info'] as const).map((s) => width(sev(s))));
  for (const f of r.findings) {
    out.push(
      `  ${pad(`${f.line}:${f.column}`, posW)}  ${paint(ctx.color, COLOR[f.severity], pad(sev(f.severity), sevW))}  ${f.message}  ${paint(ctx.color, '2', f.ruleId)}`,
    );
    // a place in another file (last year's report) cannot be seen beside the finding: name it
    for (const rel of f.related) {
      if (rel.filePath) out.push(`  ${pad('', posW)}  ${pad('', sevW)}  ${paint(ctx.color, '2', `↳ ${path.relative(ctx.cwd, rel.filePath) || rel.filePath}:${rel.line}:${rel.column}  ${rel.message}`)}`);
    }
  }
  if (withChecklist) out.push(formatChecklist(r, ctx));
  return out.join('\n') + '\n';
}

export function formatSummary(results: readonly FileResult[], ctx: FormatContext): string {
  const all = results.flatMap((r) => r.findings);
  const c = counts(all);
  const total = all.length;
  const lines: string[] = [];
  if (total === 0) lines.push(paint(ctx.color, '32', `✔ ${ui(ctx.lang, 'noProblems')}`));
  else {
    const mark = c.errorCount ? paint(ctx.color, '31;1', '✖') : paint(ctx.color, '33;1', '⚠');
    lines.push(`${mark} ${ui(ctx.lang, 'summary', { total, errors: c.errorCount, warnings: c.warningCount, infos: c.infoCount })}`);
  }
  const extra = [ui(ctx.lang, 'summaryFiles', { files: results.length })];
  if (ctx.skipped) extra.push(ui(ctx.lang, 'skipped', { n: ctx.skipped }));
  lines.push(paint(ctx.color, '2', extra.join('；')));
  return lines.join('\n') + '\n';
}
