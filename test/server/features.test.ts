/**
 * The server's features in process, with small rules of the test's own (the real ones are exercised by the
 * protocol tests): code actions and their edits, disable comments, stale-result handling, UTF-16 positions.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver';
import { defaultConfig, defineRuleForTest } from './fakeRules.js';
import { DocumentChecker, type CheckedDocument } from '../../server/documents.js';
import { codeActions, disableFileEdit, disableLineEdit } from '../../server/features/codeActions.js';
import { diagnosticsOf } from '../../server/features/diagnostics.js';
import { hover } from '../../server/features/hover.js';
import { documentSymbols } from '../../server/features/symbols.js';
import { checklistResponse } from '../../server/features/checklist.js';
import { allRules, applyEdits } from '../../rules/index.js';
import { editsOf } from '../helpers/lsp.js';

// flags every 某某; fixes: delete it (preferred) or replace it with ××
const placeholder = defineRuleForTest('fake-placeholder', (report) =>
  [...report.source.matchAll(/某某/g)].map((m) => ({
    start: m.index!,
    end: m.index! + 2,
    messageId: 'm',
    related: [{ start: 0, end: 1, messageId: 'm' }],
    fixes: [
      { messageId: 'del', edits: [{ start: m.index!, end: m.index! + 2, newText: '' }], safe: true },
      { messageId: 'x', edits: [{ start: m.index!, end: m.index! + 2, newText: '××' }], safe: true },
    ],
  })),
);
const rules = [placeholder];

function checker(onChecked?: (c: CheckedDocument) => void) {
  return new DocumentChecker({ rules, configFor: () => ({ config: defaultConfig(rules), language: 'zh-CN' }), onChecked, debounceMs: 10 });
}

function apply(text: string, action: CodeAction): string {
  return TextDocument.applyEdits(TextDocument.create('u', 'markdown', 1, text), editsOf(action));
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Waits for what the timers must eventually do, however loaded the machine is (a fixed sleep
// failed the burst test under a load of 14 on two cores); a check that never comes fails after 10 s.
async function until(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done(); await wait(5)) if (Date.now() - start > 10_000) throw new Error('timed out');
}

describe('code actions', () => {
  const text = '# 标题\r\n\r\n某某区2020年某某工作。\r\n另一段某某。\r\n';
  const c = checker();
  c.open('file:///a.md', 'markdown', 7, text);
  const checked = c.current('file:///a.md')!;
  const diags = diagnosticsOf(checked);

  it('gives each fix as a quick fix on its diagnostic, the first preferred, with the checked version', () => {
    expect(diags).toHaveLength(3);
    const actions = codeActions(checked, { textDocument: { uri: 'file:///a.md' }, range: diags[1].range, context: { diagnostics: [diags[1]] } });
    const fixes = actions.filter((a) => a.diagnostics?.[0] === diags[1] && a.edit && editsOf(a)[0].range.start.line === 2);
    expect(fixes.map((a) => a.isPreferred)).toContain(true);
    expect((actions[0].edit!.documentChanges![0] as TextDocumentEdit).textDocument).toEqual({ uri: 'file:///a.md', version: 7 });
    const del = actions.find((a) => a.isPreferred)!;
    expect(apply(text, del)).toBe('# 标题\r\n\r\n某某区2020年工作。\r\n另一段某某。\r\n');
    const all = actions.find((a) => a.title.includes('fake-placeholder') && a.title.includes('修复'))!;
    expect(apply(text, all)).toBe('# 标题\r\n\r\n区2020年工作。\r\n另一段。\r\n');
  });

  it('inserts disable comments with the document line ending, above the line and after front matter', () => {
    const actions = codeActions(checked, { textDocument: { uri: 'file:///a.md' }, range: diags[2].range, context: { diagnostics: [diags[2]] } });
    const line = actions.find((a) => a.title.includes('本行'))!;
    const lined = apply(text, line);
    expect(lined).toBe('# 标题\r\n\r\n某某区2020年某某工作。\r\n<!-- fazhi-lint-disable-next-line fake-placeholder -->\r\n另一段某某。\r\n');
    expect(c.open('file:///b.md', 'markdown', 1, lined) && c.current('file:///b.md')!.result.findings).toHaveLength(2);
    const fm = '---\ntitle: x\n---\n某某\n';
    expect(applyEdits(fm, [disableFileEdit(fm, 'title: x', 'r')])).toBe('---\ntitle: x\n---\n<!-- fazhi-lint-disable r -->\n某某\n');
    expect(applyEdits('某某', [disableFileEdit('某某', null, 'r')])).toBe('<!-- fazhi-lint-disable r -->\n某某');
    expect(applyEdits('a\r  某某', [disableLineEdit('a\r  某某', 2, 'r')])).toBe('a\r  <!-- fazhi-lint-disable-next-line r -->\r  某某');
  });

  it('offers source.fixAll only when asked for it', () => {
    const none = codeActions(checked, { textDocument: { uri: 'file:///a.md' }, range: diags[0].range, context: { diagnostics: [] } });
    expect(none.some((a) => a.kind?.startsWith('source'))).toBe(false);
    const fixAll = codeActions(checked, { textDocument: { uri: 'file:///a.md' }, range: diags[0].range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(fixAll.map((a) => a.kind)).toEqual(['source.fixAll.fazhi-lint']);
  });

  it('hovers on a flagged range and nowhere else', () => {
    expect(hover(checked, diags[0].range.start)!.contents).toMatchObject({ kind: 'markdown' });
    expect(hover(checked, { line: 0, character: 1 })).toBeNull();
  });

  it('counts findings by severity in the checklist response', () => {
    const r = checklistResponse(checked);
    expect(r.counts).toEqual({ error: 3, warning: 0, info: 0 });
    expect(r.items.map((i) => i.item)).toEqual(['measures', 'problems', 'first-responsible', 'plans', 'other']);
    expect(r.groups.flatMap((g) => g.findings)).toHaveLength(3);
  });
});

describe('the checklist response: who reports and the areas covered', () => {
  const gov = ['河西县人民政府2023年法治政府建设情况的报告', '一、主要举措和成效', '全面落实行政执法三项制度，开展执法案卷评查2次。', '二、存在的不足和原因', '一是应急预案修订不及时。', '三、2024年主要安排', '完善应急预案体系。', '河西县人民政府', '2024年2月20日'].join('\n');

  it('names the profile and lists the 纲要 areas with the measures\' line, in the document\'s language', () => {
    const c = checker();
    c.open('file:///gov.md', 'markdown', 1, gov);
    const r = checklistResponse(c.current('file:///gov.md')!);
    expect(r.profile).toEqual({ kind: 'government', title: '报告主体', label: '人民政府（据落款：河西县人民政府）' });
    expect(r.notReport).toBeNull();
    expect(r.coverage!.title).toBe('工作领域覆盖情况');
    expect(r.coverage!.areas).toHaveLength(9);
    expect(r.coverage!.areas.find((a) => a.area === 'enforcement')).toEqual({ area: 'enforcement', label: '行政执法', line: 3, where: '第3行' });
    // only the problems and plans speak of emergency response: not mentioned
    expect(r.coverage!.areas.find((a) => a.area === 'emergency')).toMatchObject({ line: null, where: '未提及' });
    expect(r.coverage!.covered).toBe(1);
    const en = new DocumentChecker({ rules, configFor: () => ({ config: defaultConfig(rules), language: 'en' }), debounceMs: 10 });
    en.open('file:///gov.md', 'markdown', 1, gov);
    expect(checklistResponse(en.current('file:///gov.md')!).coverage!.areas.find((a) => a.area === 'emergency')!.where).toBe('not mentioned');
  });

  it('has no coverage list for a department without areas of its own', () => {
    const c = checker();
    c.open('file:///dept.md', 'markdown', 1, gov.replaceAll('河西县人民政府', '河西县司法局'));
    const r = checklistResponse(c.current('file:///dept.md')!);
    expect(r.profile!.kind).toBe('department');
    expect(r.coverage).toBeNull();
  });
});

describe('positions', () => {
  it('counts UTF-16 code units (astral characters are two) and every line ending', () => {
    const c = checker();
    c.open('file:///p.md', 'markdown', 1, '𠮷𠮷某某\r第二行某某\n第三行\r\n某某');
    const d = diagnosticsOf(c.current('file:///p.md')!);
    expect(d.map((x) => [x.range.start, x.range.end])).toEqual([
      [{ line: 0, character: 4 }, { line: 0, character: 6 }],
      [{ line: 1, character: 3 }, { line: 1, character: 5 }],
      [{ line: 3, character: 0 }, { line: 3, character: 2 }],
    ]);
  });

  it('builds the outline as a hierarchy', () => {
    const c = checker();
    c.open('file:///o.md', 'markdown', 1, '关于2020年法治政府建设情况的报告\n\n一、主要举措\n\n（一）完善制度\n\n正文。\n\n（二）规范执法\n\n正文。\n\n二、存在的不足\n\n正文。\n');
    const s = documentSymbols(c.current('file:///o.md')!.result.report);
    expect(s.map((x) => [x.name, x.children!.map((y) => y.name)])).toEqual([
      ['一、主要举措', ['（一）完善制度', '（二）规范执法']],
      ['二、存在的不足', []],
    ]);
    expect(s[0].range.end.line).toBe(12);
  });

  it('names a titled paragraph by its numbering and title, not its body (outline and breadcrumbs)', () => {
    const c = checker();
    const body = '全区上下统一思想，由区政府主要负责人牵头，召开专题会议12次，研究部署法治政府建设重点任务。';
    c.open('file:///t.md', 'markdown', 1, `关于2020年法治政府建设情况的报告\n\n一、主要举措\n\n（一）加强组织领导。${body}\n\n## 二、存在的不足\n\n正文。\n`);
    const s = documentSymbols(c.current('file:///t.md')!.result.report);
    expect(s.map((x) => [x.name, x.children!.map((y) => y.name)])).toEqual([
      ['一、主要举措', ['（一）加强组织领导']],
      ['二、存在的不足', []],
    ]);
    const child = s[0].children![0];
    // the title is what the breadcrumb selects; the symbol still spans the paragraph
    expect(child.selectionRange.end).toEqual({ line: 4, character: '（一）加强组织领导'.length });
    expect(child.range.end.line).toBeGreaterThanOrEqual(4);
  });
});

describe('fixes of one heading by two rules', () => {
  it('offers the one edit that satisfies both (heading-sequence wants 3、, heading-numeral-style 4.: 3.), preferred', () => {
    const c = new DocumentChecker({ rules: allRules, configFor: () => ({ config: defaultConfig(allRules), language: 'zh-CN' }) });
    const text = '关于2020年法治政府建设情况的报告\n\n一、主要举措\n\n（一）完善制度\n\n1.建立清单\n\n正文内容一。\n\n2.规范执法\n\n正文内容二。\n\n4、加强监督\n\n正文内容三。\n';
    c.open('file:///h.md', 'markdown', 1, text);
    const checked = c.current('file:///h.md')!;
    const diags = diagnosticsOf(checked).filter((d) => d.range.start.line === 14);
    expect(diags.map((d) => d.code).sort()).toEqual(['heading-numeral-style', 'heading-sequence']);
    for (const d of diags) {
      const actions = codeActions(checked, { textDocument: { uri: 'file:///h.md' }, range: d.range, context: { diagnostics: [d] } });
      const both = actions.find((a) => a.title.startsWith('改为“3.”'));
      expect(both, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
      expect(both!.isPreferred).toBe(true);
      expect(actions.filter((a) => a.isPreferred)).toHaveLength(1);
      const fixed = apply(text, both!);
      expect(fixed.split('\n')[14]).toBe('3.加强监督');
      // nothing of either rule is left on that heading
      c.open('file:///h2.md', 'markdown', 1, fixed);
      expect(c.current('file:///h2.md')!.result.findings.filter((f) => f.line === 15 && f.ruleId.startsWith('heading-'))).toEqual([]);
    }
  });
});

describe('scheduling', () => {
  it('checks only the latest version of a burst of edits', async () => {
    const seen: number[] = [];
    const c = checker((x) => seen.push(x.version));
    c.open('file:///s.md', 'markdown', 1, '某某');
    c.schedule('file:///s.md');
    for (let v = 2; v <= 10; v++) {
      c.change('file:///s.md', v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '甲' }]);
      c.schedule('file:///s.md');
    }
    await until(() => seen.length > 0);
    await wait(30);
    expect(seen).toEqual([10]);
    expect(c.last('file:///s.md')!.result.findings[0].column).toBe(10);
  });

  it('publishes a version once, also when a request checked it before the debounce ran out', async () => {
    const seen: number[] = [];
    const c = checker((x) => seen.push(x.version));
    c.open('file:///once.md', 'markdown', 1, '某某');
    c.change('file:///once.md', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '甲' }]);
    c.schedule('file:///once.md');
    // a hover or code action needs the result now: checked and published at once
    expect(c.current('file:///once.md')!.version).toBe(2);
    expect(seen).toEqual([2]);
    await wait(40);
    expect(seen).toEqual([2]);
    // after the config changes, the same version is checked and published again
    c.invalidate();
    c.schedule('file:///once.md', 0);
    await until(() => seen.length > 1);
    await wait(20);
    expect(seen).toEqual([2, 2]);
  });

  it('drops a check whose document closed before it ran', async () => {
    const seen: number[] = [];
    const c = checker((x) => seen.push(x.version));
    c.open('file:///c.md', 'markdown', 1, '某某');
    c.schedule('file:///c.md', 0);
    c.close('file:///c.md');
    await wait(30);
    expect(seen).toEqual([]);
    expect(c.current('file:///c.md')).toBeUndefined();
  });
});

describe('failures', () => {
  it('a check that throws outside the rules is reported, not thrown from a timer', async () => {
    const errors: unknown[] = [];
    const c = new DocumentChecker({
      rules,
      configFor: () => {
        throw new Error('boom');
      },
      onError: (_uri, e) => errors.push(e),
    });
    c.open('file:///f.md', 'markdown', 1, '某某');
    c.schedule('file:///f.md', 0);
    await until(() => errors.length > 0);
    await wait(20);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
  });
});
