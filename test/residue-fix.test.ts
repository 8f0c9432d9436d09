/**
 * `fazhi-lint --fix` on each corpus report with the residue rules: every pass changes only characters some fix named,
 * each rule's edits stay on what it reports, a second run finds none of the fixed findings, and the real CLI
 * writes the same text.
 */
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { allRules, check, fix, fixAll, type Finding, type TextEdit } from '../rules/index.js';
import { residueRules } from '../rules/residue/index.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';

const rules = residueRules;
const residueIds = new Set(rules.map((r) => r.meta.id));

/** Every character of `before` outside the spans survives, in order, and nothing is added outside them. */
function keepsUnnamed(before: string, after: string, spans: readonly TextEdit[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const gaps: string[] = [];
  let pos = 0;
  for (const s of sorted) {
    expect(s.start, 'spans overlap').toBeGreaterThanOrEqual(pos);
    gaps.push(before.slice(pos, s.start));
    pos = s.end;
  }
  gaps.push(before.slice(pos));
  // the first gap opens the text, the last closes it, the others follow in order between the spans
  expect(after.startsWith(gaps[0])).toBe(true);
  let at = gaps[0].length;
  for (let i = 1; i < gaps.length - 1; i++) {
    const found = after.indexOf(gaps[i], at);
    expect(found, `unnamed text lost: ${JSON.stringify(gaps[i].slice(0, 30))}`).toBeGreaterThanOrEqual(0);
    at = found + gaps[i].length;
  }
  const last = gaps[gaps.length - 1];
  expect(after.endsWith(last)).toBe(true);
  expect(after.length - last.length).toBeGreaterThanOrEqual(at);
}

const DEBRIS = /^[(（][a-zü\u00e0-\u01dc]{1,7}[)）]$/;

/** Each rule's edits touch only what its finding reports. */
function editsStayOnTheirResidue(text: string, f: Finding): void {
  for (const e of f.fixes[0].edits) {
    const old = text.slice(e.start, e.end);
    switch (f.ruleId) {
      case 'punctuation-residue':
        expect(old).toMatch(/^[。，、；,;]$/);
        expect(e.start >= f.start && e.end <= f.end).toBe(true);
        expect(e.newText).toBe('');
        break;
      case 'mojibake':
        expect(old).toMatch(DEBRIS);
        expect(e.newText).toBe('');
        break;
      case 'traditional-characters':
        expect(e.newText.length).toBe(old.length);
        for (let i = 0; i < old.length; i++) expect(e.newText[i]).not.toBe(old[i]);
        break;
      case 'web-boilerplate':
        expect(e.start === 0 || text[e.start - 1] === '\n').toBe(true);
        expect(old.replace(/\r?\n$/, '').trim()).toBe(text.slice(f.start, f.end).trim());
        expect(e.newText).toBe('');
        break;
      case 'jiezhi-usage':
        expect(old).toMatch(/^截止(到|至)?$/);
        expect(e.newText).toBe('截至');
        break;
      case 'duplicate-word':
        expect(e.start >= f.start && e.end <= f.end).toBe(true);
        expect(e.newText).toBe('');
        break;
      case 'duplicate-sentence':
        expect(e.start).toBe(f.start);
        expect(e.end - f.end).toBeLessThanOrEqual(1);
        expect(e.newText).toBe('');
        break;
      default:
        throw new Error(`not a residue rule: ${f.ruleId}`);
    }
  }
}

const signature = (f: Finding) => `${f.ruleId}:${f.messageId}:${JSON.stringify(f.data)}`;

describe.each(corpusFiles)('--fix on %s', (file) => {
  const original = readCorpus(file);

  test('each pass changes only named characters; a second run finds none of the fixed findings', () => {
    let text = original;
    const fixed: Finding[] = [];
    for (let pass = 0; pass < 10; pass++) {
      const findings = check(text, { rules }).findings;
      const r = fix(text, findings);
      if (!r.applied.length || r.output === text) break;
      for (const f of r.applied) editsStayOnTheirResidue(text, f);
      keepsUnnamed(text, r.output, r.applied.flatMap((f) => f.fixes[0].edits));
      fixed.push(...r.applied);
      text = r.output;
    }
    expect(text).toBe(fixAll(original, { rules }).output);
    const again = check(text, { rules }).findings;
    expect(again.filter((f) => f.fixes.length > 0).map(signature)).toEqual([]);
    const fixedKinds = new Set(fixed.map(signature));
    expect(again.filter((f) => fixedKinds.has(signature(f))).map(signature)).toEqual([]);
    // what could be fixed was: every fixable finding of the original report is gone
    const fixable = check(original, { rules }).findings.filter((f) => f.fixes.length > 0);
    if (fixable.length) expect(text).not.toBe(original);
  });

  test('the CLI writes the same text', () => {
    const cli = path.resolve('dist/cli.cjs');
    expect(existsSync(cli), 'run npm run build first').toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-residue-'));
    try {
      const off = Object.fromEntries(allRules.filter((r) => !residueIds.has(r.meta.id)).map((r) => [r.meta.id, 'off']));
      writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ rules: off }));
      const target = path.join(dir, file);
      writeFileSync(target, original);
      try {
        execFileSync(process.execPath, [cli, '--fix', target], { cwd: dir, stdio: 'pipe' });
      } catch (err) {
        // exit code 1 means errors remain (mojibake garbage is never fixed), not a failure of --fix
        if ((err as { status?: number }).status !== 1) throw err;
      }
      expect(readFileSync(target, 'utf8')).toBe(fixAll(original, { rules }).output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('the corpus fixes remove what they should', () => {
  const out = (f: string) => fixAll(readCorpus(f), { rules }).output;
  const kecheng = out('kecheng-2020.md');
  expect(kecheng).not.toMatch(/。[;,]|[,;]。/);
  expect(kecheng).not.toContain('发布时间');
  expect(kecheng).toContain('普法工作机制');
  expect(kecheng).toContain('截至12月30日');
  const xiangzhou = out('xiangzhou-sifaju-2022.md');
  expect(xiangzhou).not.toMatch(/[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+[)）]/);
  expect(xiangzhou).toContain('香洲区司法局');
  // the garbage run is left for a person to repair
  expect(xiangzhou).toContain('?shù)');
  const xiaobailou = out('xiaobailou-2020.md');
  expect(xiaobailou).not.toContain('网站标识码');
  expect(xiaobailou).toContain('投诉举报电话');
});

test('the alignment check is not vacuous', () => {
  expect(() => keepsUnnamed('甲乙丙丁戊', '甲丙丁戊', [{ start: 3, end: 4, newText: '' }])).toThrow();
  expect(() => keepsUnnamed('甲乙丙丁戊', '甲乙丙戊', [{ start: 3, end: 4, newText: '' }])).not.toThrow();
  expect(() => keepsUnnamed('甲乙丙丁戊', '甲乙X丙戊', [{ start: 3, end: 4, newText: '' }])).toThrow();
});
