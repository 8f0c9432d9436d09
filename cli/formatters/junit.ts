/**
 * JUnit XML for CI dashboards: a test suite per file, a failing test case per finding (its severity as the failure
 * type), and one passing case for a file without findings, so every checked file is counted.
 */
import * as path from 'node:path';
import { ui } from '../../rules/index.js';
import type { FileResult, FormatContext } from '../result.js';

function xml(s: string): string {
  // characters XML 1.0 cannot carry at all are dropped; the markup ones escaped
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function formatJunit(results: readonly FileResult[], ctx: FormatContext): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  const tests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  out.push(`<testsuites name="fazhi-lint" tests="${tests}" failures="${total}" errors="0">`);
  for (const r of results) {
    const file = (path.relative(ctx.cwd, r.filePath) || r.filePath).split(path.sep).join('/');
    out.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`);
    if (!r.findings.length) out.push(`    <testcase name="${xml(file)}" classname="${xml(file)}"/>`);
    for (const f of r.findings) {
      const where = `${file}:${f.line}:${f.column}`;
      out.push(`    <testcase name="${xml(`${f.ruleId} ${where}`)}" classname="${xml(file)}">`);
      out.push(`      <failure message="${xml(f.message)}" type="${f.severity}">${xml(`${ui(ctx.lang, `severity_${f.severity}`)} ${where} ${f.message} (${f.ruleId}) ${f.docsUrl}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
