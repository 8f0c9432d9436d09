/**
 * The .vsix: only the bundles, the manifest and its strings, the l10n bundle, the rule pages and the docs,
 * README and LICENSE — no sources, tests or node_modules — and under 3 MB. Packaged offline with vsce.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { ROOT } from './helpers/lsp.js';

const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const ALLOWED = [/^dist\/(extension|server|check-worker)\.cjs$/, /^dist\/browser\/(extension|server)\.js$/, /^dist\/fazhi-lint\.schema\.json$/, /^package(\.nls(\.[\w-]+)?)?\.json$/, /^l10n\/bundle\.l10n\.[\w-]+\.json$/, /^docs\/rules\/[\w-]+\.md$/, /^docs\/extension\.md$/, /^README\.md$/, /^LICENSE(\.txt)?$/, /^icon\.png$/, /^CHANGELOG\.md$/, /^docs\/walkthrough\/[\w-]+\.md$/, /^docs\/images\/e2e-[\w-]+\.png$/];

describe('vsix', () => {
  it('lists only what the extension needs', () => {
    const out = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const f of files) expect(ALLOWED.some((re) => re.test(f)), f).toBe(true);
    for (const needed of ['dist/extension.cjs', 'dist/server.cjs', 'dist/check-worker.cjs', 'dist/browser/extension.js', 'dist/browser/server.js', 'dist/fazhi-lint.schema.json', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'LICENSE', 'icon.png', 'CHANGELOG.md']) expect(files).toContain(needed);
    // the desktop's entry and VS Code for the Web's (issue 20) are both in it
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string; icon: string; contributes: { walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[] } };
    for (const entry of [manifest.main, manifest.browser]) expect(files).toContain(entry.replace(/^\.\//, ''));
    expect(files).toContain(manifest.icon);
    // the walkthrough's pages ship inside the package (they must show offline and on an intranet)
    const media = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image));
    expect(media.length).toBeGreaterThanOrEqual(5);
    for (const m of media) expect(files).toContain(m);
  });

  it('packages offline into a file under 3 MB, with the Chinese Marketplace README whose pictures are inside', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lint-vsix-'));
    try {
      const out = path.join(dir, 'fazhi-lint.vsix');
      // the options of `npm run package`, so this is the package users get
      const script = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package as string;
      const args = script.split('vsce package ')[1].split(/\s+/).filter((a) => a && a !== '--out' && a !== 'fazhi-lint.vsix');
      execFileSync(process.execPath, [VSCE, 'package', ...args, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: 'pipe' });
      expect(statSync(out).size).toBeLessThan(3 * 1024 * 1024);
      const zip = unzipSync(readFileSync(out));
      const readme = strFromU8(zip['extension/readme.md'] ?? zip['extension/README.md']);
      expect(readme).toBe(readFileSync(path.join(ROOT, 'docs', 'marketplace.md'), 'utf8'));
      const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
      expect(pictures.length).toBeGreaterThanOrEqual(3);
      // relative, not rewritten to a web address: they must show offline and on an intranet
      for (const p of pictures) {
        expect(p, p).not.toMatch(/^[a-z]+:/i);
        expect(zip[`extension/${p}`], p).toBeDefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
