/**
 * The .vsix: only the bundles, the manifest and its strings, the l10n bundle, the rule pages and the docs,
 * README and LICENSE — no sources, tests or node_modules — and under 3 MB. Packaged offline with vsce.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers/lsp.js';

const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const ALLOWED = [/^dist\/(extension|server|check-worker)\.cjs$/, /^dist\/browser\/(extension|server)\.js$/, /^dist\/fazhi-lint\.schema\.json$/, /^package(\.nls(\.[\w-]+)?)?\.json$/, /^l10n\/bundle\.l10n\.[\w-]+\.json$/, /^docs\/rules\/[\w-]+\.md$/, /^docs\/extension\.md$/, /^README\.md$/, /^LICENSE(\.txt)?$/, /^icon\.png$/];

describe('vsix', () => {
  it('lists only what the extension needs', () => {
    const out = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const f of files) expect(ALLOWED.some((re) => re.test(f)), f).toBe(true);
    for (const needed of ['dist/extension.cjs', 'dist/server.cjs', 'dist/check-worker.cjs', 'dist/browser/extension.js', 'dist/browser/server.js', 'dist/fazhi-lint.schema.json', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'LICENSE']) expect(files).toContain(needed);
    // the desktop's entry and VS Code for the Web's (issue 20) are both in it
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };
    for (const entry of [manifest.main, manifest.browser]) expect(files).toContain(entry.replace(/^\.\//, ''));
  });

  it('packages offline into a file under 3 MB', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lint-vsix-'));
    try {
      const out = path.join(dir, 'fazhi-lint.vsix');
      execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: 'pipe' });
      expect(statSync(out).size).toBeLessThan(3 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
