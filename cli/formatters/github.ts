/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per finding, so a
 * workflow step annotates the draft in the pull request. Values escaped as the runner reads them.
 */
import * as path from 'node:path';
import type { FileResult, FormatContext } from '../result.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** The message part of a command: %, CR and LF escaped. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: the message escapes, and the separators , and : too. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const r of results) {
    // the runner resolves a relative path against the workspace, which is where a workflow runs the checker
    const file = (path.relative(ctx.cwd, r.filePath) || r.filePath).split(path.sep).join('/');
    for (const f of r.findings) {
      const props = [`file=${escapeProperty(file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(`fazhi-lint ${f.ruleId}`)}`];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(`${f.message} (${f.ruleId})`)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
