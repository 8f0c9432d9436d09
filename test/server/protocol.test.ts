/**
 * The bundled server as its own process, spoken to over stdio by a real JSON-RPC client: what it publishes
 * must be what the core finds (same ranges, codes, messages), kept current through incremental edits, with
 * code actions whose edits apply cleanly, hovers, symbols, the checklist, and config files read live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { BASIS, check, checklistOf, ruleById, allRules, type Finding } from '../../rules/index.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';
import { editsOf, fileUri, startServerInTempWorkspace, withServer, withTimeout, type LspSession } from '../helpers/lsp.js';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

function expectSame(diags: Diagnostic[], findings: Finding[]) {
  const fromServer = diags.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.severity, d.message]);
  const inProcess = findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn, SEVERITY[f.severity], f.message]);
  expect(fromServer).toEqual(inProcess);
}

let ws: string;
let s: LspSession;

beforeAll(async () => {
  const started = await startServerInTempWorkspace('ws', { settings: { debounceMs: 20 } });
  ws = started.dir;
  s = started;
});

afterAll(async () => {
  await s?.dispose();
});

describe('diagnostics', () => {
  it.each(corpusFiles)('publishes what the core finds in %s', async (file) => {
    const uri = fileUri(path.join(ws, file));
    const text = readCorpus(file);
    s.open(uri, text);
    const p = await s.diagnostics(uri, (p) => p.version === 1);
    expectSame(p.diagnostics, check(text).findings);
    for (const d of p.diagnostics) {
      expect(d.source).toBe('fazhi-lint');
      expect(d.codeDescription?.href).toMatch(new RegExp(`${d.code}\\.md$`));
    }
    for (const d of p.diagnostics.filter((d) => d.relatedInformation)) for (const r of d.relatedInformation!) expect(r.location.uri).toBe(uri);
    for (const d of p.diagnostics) expect(d.tags ?? []).toEqual(d.code === 'duplicate-sentence' || d.code === 'duplicate-word' ? [1] : []);
    if (allRules.length) expect(p.diagnostics.length).toBeGreaterThan(0);
    s.close(uri);
    await s.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('follows incremental edits, version by version', async () => {
    const file = corpusFiles[0];
    const uri = fileUri(path.join(ws, 'edit-' + file));
    let doc = TextDocument.create(uri, 'markdown', 1, readCorpus(file));
    s.open(uri, doc.getText());
    const first = await s.diagnostics(uri, (p) => p.version === 1);
    // two blank lines at the top: every finding moves down two lines
    const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' };
    doc = TextDocument.update(doc, [change], 2);
    s.change(uri, 2, [change]);
    const second = await s.diagnostics(uri, (p) => p.version === 2);
    expectSame(second.diagnostics, check(doc.getText()).findings);
    expect(second.diagnostics.length).toBe(first.diagnostics.length);
    second.diagnostics.forEach((d, i) => expect(d.range.start.line).toBe(first.diagnostics[i].range.start.line + 2));
    s.close(uri);
  });

  it('never publishes a stale result over a newer one during rapid edits', async () => {
    const uri = fileUri(path.join(ws, 'rapid.md'));
    let doc = TextDocument.create(uri, 'markdown', 1, readCorpus(corpusFiles[1]));
    s.open(uri, doc.getText());
    const from = s.published.length;
    for (let v = 2; v <= 40; v++) {
      const change = { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: v % 2 ? '之' : '。\n' };
      doc = TextDocument.update(doc, [change], v);
      s.change(uri, v, [change]);
    }
    const last = await s.diagnostics(uri, (p) => p.version === 40);
    expectSame(last.diagnostics, check(doc.getText()).findings);
    await new Promise((r) => setTimeout(r, 100));
    const versions = s.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(40);
    s.close(uri);
  });
});

describe('code actions', () => {
  it.runIf(!!ruleById('section-missing'))('inserts a missing section in xiangqiao-sifaju-2017.md keeping every original character', async () => {
    const file = 'xiangqiao-sifaju-2017.md';
    const uri = fileUri(path.join(ws, 'fix-' + file));
    const original = readCorpus(file);
    s.open(uri, original);
    const p = await s.diagnostics(uri, (p) => p.version === 1);
    const missing = p.diagnostics.filter((d) => d.code === 'section-missing');
    expect(missing.length).toBeGreaterThan(0);
    const actions = (await withTimeout(
      s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: missing[0].range, context: { diagnostics: [missing[0]] } }),
      5000,
      () => 'codeAction',
    )) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred && a.kind === 'quickfix');
    expect(preferred, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    expect((preferred!.edit!.documentChanges![0] as TextDocumentEdit).textDocument).toEqual({ uri, version: 1 });
    const change = { edits: editsOf(preferred!) };
    const doc = TextDocument.create(uri, 'markdown', 1, original);
    const fixed = TextDocument.applyEdits(doc, change.edits);
    // insertions keep everything; a replaced span may only be a heading numeral being renumbered
    let kept = original;
    for (const e of [...change.edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) {
      const [from, to] = [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
      if (from !== to) expect(original.slice(from, to)).toMatch(/^[一二三四五六七八九十\d]+$/);
      kept = kept.slice(0, from) + kept.slice(to);
    }
    expect(isSubsequence(kept, fixed)).toBe(true);
    const before = checklistOf(check(original).report).filter((c) => c.status === 'missing').length;
    const after = check(fixed);
    expect(checklistOf(after.report).filter((c) => c.status === 'missing').length).toBe(before - 1);
    expect(after.findings.filter((f) => f.ruleId === 'section-missing').length).toBe(missing.length - 1);
    // and the server, told of the edit, drops the diagnostic
    s.change(uri, 2, change.edits.map((e) => ({ range: e.range, text: e.newText })).reverse());
    const next = await s.diagnostics(uri, (p) => p.version === 2);
    expect(next.diagnostics.filter((d) => d.code === 'section-missing').length).toBe(missing.length - 1);
    s.close(uri);
  });

  it.runIf(!!ruleById('section-missing'))('fazhiLint/missingSections inserts every missing section, pass by pass', async () => {
    const original = [
      '某县司法局关于2023年度法治政府建设情况的报告',
      '',
      '一、2023年推进法治政府建设的主要举措和成效',
      '',
      '全年审查规范性文件12件，办理行政复议案件30件。',
      '',
      '二、2024年推进法治政府建设的主要安排',
      '',
      '2024年，我局将继续完善规范性文件审查机制。',
      '',
      '某县司法局',
      '2024年3月1日',
      '',
    ].join('\n');
    const uri = fileUri(path.join(ws, 'missing-two.md'));
    s.open(uri, original);
    await s.diagnostics(uri, (p) => p.version === 1);
    let doc = TextDocument.create(uri, 'markdown', 1, original);
    const before = check(original).findings.filter((f) => f.ruleId === 'section-missing').length;
    expect(before).toBeGreaterThanOrEqual(2);
    for (let pass = 0; pass < 5; pass++) {
      const edit: any = await withTimeout(s.conn.sendRequest('fazhiLint/missingSections', { uri }), 5000, () => 'missingSections');
      if (!edit) break;
      const change = edit.documentChanges[0];
      expect(change.textDocument.version).toBe(doc.version);
      const next = TextDocument.applyEdits(doc, change.edits);
      doc = TextDocument.create(uri, 'markdown', doc.version + 1, next);
      s.change(uri, doc.version, [{ text: next }]);
    }
    expect(check(doc.getText()).findings.filter((f) => f.ruleId === 'section-missing')).toEqual([]);
    for (const line of original.split('\n').filter((l) => l && !/^[一二三四五六七八九十]、/.test(l))) expect(doc.getText()).toContain(line);
    s.close(uri);
  });

  it('offers disable-for-line and disable-for-file on any diagnostic, and a fixAll source action', async () => {
    const file = corpusFiles.find((f) => check(readCorpus(f)).findings.length) ?? corpusFiles[0];
    const text = readCorpus(file);
    const uri = fileUri(path.join(ws, 'actions-' + file));
    s.open(uri, text);
    const p = await s.diagnostics(uri, (p) => p.version === 1);
    if (!p.diagnostics.length) return; // no rules registered yet
    const d = p.diagnostics[p.diagnostics.length - 1];
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const lineAction = actions.find((a) => a.edit && a.title.includes(String(d.code)) && editsOf(a)[0].newText.includes('disable-next-line'));
    expect(lineAction).toBeDefined();
    const disabled = TextDocument.applyEdits(doc, editsOf(lineAction!));
    expect(check(disabled).findings.filter((f) => f.ruleId === d.code && f.message === d.message).length).toBe(
      check(text).findings.filter((f) => f.ruleId === d.code && f.message === d.message).length - 1,
    );
    const fileAction = actions.find((a) => a.edit && editsOf(a)[0].newText.includes(`fazhi-lint-disable ${d.code}`));
    const off = TextDocument.applyEdits(doc, editsOf(fileAction!));
    expect(check(off).findings.filter((f) => f.ruleId === d.code)).toEqual([]);

    const fixAll = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(fixAll.every((a) => a.kind === 'source.fixAll.fazhi-lint')).toBe(true);
    const safe = check(text).findings.some((f) => f.fixes[0]?.safe);
    expect(fixAll.length).toBe(safe ? 1 : 0);
    s.close(uri);
  });
});

describe('hover, symbols, checklist', () => {
  it('answers for a corpus report', async () => {
    const file = 'xiangqiao-sifaju-2017.md';
    const text = readCorpus(file);
    const uri = fileUri(path.join(ws, 'features-' + file));
    const changed = s.notification('fazhiLint/checklistChanged', (p) => p.uri === uri);
    s.open(uri, text);
    const p = await s.diagnostics(uri, (p) => p.version === 1);
    await changed;
    const result = check(text);

    if (p.diagnostics.length) {
      const d = p.diagnostics.find((d) => d.range.start.line !== d.range.end.line || d.range.start.character !== d.range.end.character) ?? p.diagnostics[0];
      const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start });
      const value = (hover!.contents as { value: string }).value;
      expect(value).toContain(String(d.code));
      expect(value).toContain(d.codeDescription!.href);
      const rule = ruleById(String(d.code))!;
      for (const key of rule.meta.basis) if (BASIS[key]?.quote) expect(value).toContain(BASIS[key].quote);
    }
    const nothing = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 100000, character: 0 } });
    expect(nothing).toBeNull();

    const symbols = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const tops = result.report.outline.filter((h) => h.level === 1);
    expect(symbols.length).toBe(tops.length);
    expect(symbols.map((x) => x.selectionRange.start.line + 1)).toEqual(tops.map((h) => h.block.line));
    const count = (xs: DocumentSymbol[]): number => xs.reduce((n, x) => n + 1 + count(x.children ?? []), 0);
    expect(count(symbols)).toBe(result.report.outline.length);
    for (const x of symbols) for (const c of x.children ?? []) expect(c.range.start.line).toBeGreaterThanOrEqual(x.range.start.line);

    const cl: any = await s.conn.sendRequest('fazhiLint/checklist', { uri });
    expect(cl.uri).toBe(uri);
    expect(cl.version).toBe(1);
    expect(cl.items.map((i: any) => [i.item, i.status, i.line])).toEqual(checklistOf(result.report).map((c) => [c.item, c.status, c.line]));
    for (const i of cl.items) expect(i.label).toContain(' — ');
    const measures = cl.items.find((i: any) => i.item === 'measures');
    if (measures.line) expect(measures.label).toContain(`（第${measures.line}行）`);
    const sev = (n: number) => p.diagnostics.filter((d) => d.severity === n).length;
    expect(cl.counts).toEqual({ error: sev(1), warning: sev(2), info: sev(3) });
    expect(cl.groups.flatMap((g: any) => g.findings).length).toBe(p.diagnostics.length);
    s.close(uri);
  });
});

describe('configuration', () => {
  it('reads .fazhi-lint.json live, ranks it over settings, and reports a broken one', async () => {
    const text = readCorpus('xiangqiao-sifaju-2017.md');
    const uri = fileUri(path.join(ws, 'config-test.md'));
    s.open(uri, text);
    const p = await s.diagnostics(uri, (p) => p.version === 1);
    if (!p.diagnostics.length) return; // no rules registered yet
    const code = String(p.diagnostics[0].code);
    const n = p.diagnostics.filter((d) => d.code === code).length;
    const target = p.diagnostics[0].severity === 3 ? 'error' : 'info';
    const cfg = path.join(ws, '.fazhi-lint.json');
    const notify = (type: FileChangeType) => s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(cfg), type }] });
    const ofCode = (q: { diagnostics: Diagnostic[] }) => q.diagnostics.filter((d) => d.code === code);

    writeFileSync(cfg, JSON.stringify({ rules: { [code]: target } }));
    notify(FileChangeType.Created);
    const changed = await s.diagnostics(uri, (q) => ofCode(q).length === n && ofCode(q).every((d) => d.severity === SEVERITY[target]));
    expect(ofCode(changed).length).toBe(n);

    // settings turn the rule off, but the file names it: the file wins
    s.settings.rules = { [code]: 'off' };
    s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await new Promise((r) => setTimeout(r, 200));
    const still = await s.diagnostics(uri, () => true);
    expect(ofCode(still).every((d) => d.severity === SEVERITY[target])).toBe(true);
    expect(ofCode(still).length).toBe(n);

    // a file that does not name it leaves the setting in force
    writeFileSync(cfg, JSON.stringify({ rules: {} }));
    notify(FileChangeType.Changed);
    await s.diagnostics(uri, (q) => ofCode(q).length === 0);

    // broken: a diagnostic on the config file at the error, documents still checked with the settings
    writeFileSync(cfg, '{\n  "rules": {\n    "' + code + '": "loud"\n  }\n}\n');
    notify(FileChangeType.Changed);
    const broken = await s.diagnostics(fileUri(cfg), (q) => q.diagnostics.length === 1);
    expect(broken.diagnostics[0].range.start.line).toBe(2);
    expect(broken.diagnostics[0].severity).toBe(1);
    expect(broken.diagnostics[0].source).toBe('fazhi-lint');
    writeFileSync(cfg, '{ "rules": ');
    notify(FileChangeType.Changed);
    await s.diagnostics(fileUri(cfg), (q) => q.diagnostics.length === 1 && q.diagnostics[0].range.start.line === 0);
    const alive: any = await s.conn.sendRequest('fazhiLint/checklist', { uri });
    expect(alive.uri).toBe(uri);

    unlinkSync(cfg);
    notify(FileChangeType.Deleted);
    await s.diagnostics(fileUri(cfg), (q) => q.diagnostics.length === 0);
    s.settings.rules = {};
    s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await s.diagnostics(uri, (q) => ofCode(q).length === n);
    s.close(uri);
  });

  it('reports a broken config file even with no document open', async () => {
    await withServer('cfg', {}, async (t, dir) => {
      const cfg = path.join(dir, '.fazhi-lint.jsonc');
      writeFileSync(cfg, '// team settings\n{ "rules": { "no-such-rule": "off" } }\n');
      t.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(cfg), type: FileChangeType.Created }] });
      const p = await t.diagnostics(fileUri(cfg), (q) => q.diagnostics.length === 1);
      expect(p.diagnostics[0].range.start).toEqual({ line: 1, character: 13 });
      expect(p.diagnostics[0].message).toContain('no-such-rule');
      writeFileSync(cfg, '// team settings\n{ "rules": {} }\n');
      t.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(cfg), type: FileChangeType.Changed }] });
      await t.diagnostics(fileUri(cfg), (q) => q.diagnostics.length === 0);
    });
  });

  it('takes settings pushed by a client without workspace/configuration (Neovim style)', async () => {
    await withServer('push', { pushOnly: true, initializationOptions: { settings: { language: 'en', debounceMs: 0 } } }, async (t, dir) => {
      const text = readCorpus('xiangqiao-sifaju-2017.md');
      const uri = fileUri(path.join(dir, 'r.md'));
      t.open(uri, text);
      const p = await t.diagnostics(uri, (p) => p.version === 1);
      expectSame(p.diagnostics, check(text, { language: 'en' }).findings);
      t.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { 'fazhi-lint': { enable: false } } });
      await t.diagnostics(uri, (p) => p.diagnostics.length === 0);
    });
  });
});

describe('documents that are not reports', () => {
  it('get no diagnostics, checklist or actions until they read as a report', async () => {
    const uri = fileUri(path.join(ws, 'README.md'));
    const readme = '# my-tool\n\nA command-line tool.\n\n## Install\n\nnpm i my-tool\n';
    s.open(uri, readme);
    const p = await s.diagnostics(uri, (p) => p.version === 1);
    expect(p.diagnostics).toEqual([]);
    expect(await s.conn.sendRequest('fazhiLint/checklist', { uri })).toBeNull();
    const actions = await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } });
    expect(actions).toEqual([]);
    // a report title makes it a draft to check
    const title = '某县人民政府关于2023年度法治政府建设情况的报告\n\n';
    s.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: title }]);
    const q = await s.diagnostics(uri, (p) => p.version === 2);
    expectSame(q.diagnostics, check(title + readme).findings);
    if (ruleById('section-missing')) expect(q.diagnostics.some((d) => d.code === 'section-missing')).toBe(true);
    s.close(uri);
  });

  it('leaves documents of other languages alone', async () => {
    const uri = fileUri(path.join(ws, 'code.ts'));
    s.open(uri, readCorpus('xiangqiao-sifaju-2017.md'), 'typescript');
    expect(await s.conn.sendRequest('fazhiLint/checklist', { uri })).toBeNull();
    expect(s.published.some((p) => p.uri === uri)).toBe(false);
    s.close(uri);
  });
});

describe('run mode and language', () => {
  it('checks on save only when run is onSave, in English when asked', async () => {
    await withServer('save', { settings: { run: 'onSave', language: 'en', debounceMs: 0 } }, async (t, dir) => {
      const text = readCorpus('xiangqiao-sifaju-2017.md');
      const uri = fileUri(path.join(dir, 'r.md'));
      t.open(uri, text);
      const p = await t.diagnostics(uri, (p) => p.version === 1);
      expectSame(p.diagnostics, check(text, { language: 'en' }).findings);
      const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' };
      t.change(uri, 2, [change]);
      await new Promise((r) => setTimeout(r, 300));
      expect(t.published.filter((q) => q.uri === uri).map((q) => q.version)).toEqual([1]);
      t.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      const saved = await t.diagnostics(uri, (q) => q.version === 2);
      expectSame(saved.diagnostics, check('\n' + text, { language: 'en' }).findings);
      const cl: any = await t.conn.sendRequest('fazhiLint/checklist', { uri });
      for (const i of cl.items) expect(i.label).not.toMatch(/[\u4e00-\u9fff]{2}.*第\d+行/);
    });
  });
});

function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    j = b.indexOf(a[i], j);
    if (j < 0) return false;
    j++;
  }
  return true;
}
