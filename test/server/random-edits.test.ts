/**
 * Issue 11 on the protocol: a seeded sequence of editor-like incremental edits (typing, deleting, pasting lines,
 * breaking and joining lines, replacing a selection, undoing) sent over stdio as an editor sends them, several
 * before each pause. After each pause the diagnostics the server publishes for the latest version must equal a
 * fresh check of the same text in this process (caches cleared: nothing checked before may change a result),
 * and the server must still be running and answering.
 * FAZHI_FUZZ_SCALE and FAZHI_FUZZ_SEED (as in test/robustness/fuzz.test.ts) lengthen the run or change its seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { check, clearCaches, looksLikeReport } from '../../rules/index.js';
import { toDiagnostic } from '../../server/features/diagnostics.js';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';

/** a diagnostic without its rule page link (the server links the pages packaged beside it, this process the published ones) */
const unlinked = (ds: readonly Diagnostic[]) => ds.map(({ codeDescription: _link, ...d }) => d);
import { readCorpus } from '../helpers/corpus.js';
import { MEASURES, PLANS, PROBLEMS, FIRST_RESPONSIBLE, report } from '../helpers/reports.js';
import { fileUri, startServerInTempWorkspace, withTimeout, type LspSession } from '../helpers/lsp.js';

const SCALE = Math.max(0, Number(process.env.FAZHI_FUZZ_SCALE ?? 1) || 1);
const SEED = Number(process.env.FAZHI_FUZZ_SEED ?? 20261202) | 0;
const PAUSES = Math.max(1, Math.round(12 * SCALE));

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = ['法', '治', '政府', '建设', '，', '。', '、', '（', '）', '“', '”', '《', '》', '【', '】', '2021年', '12件', '同比增长20%', '𠮷', '😀', ' ', '\t', '*', '`', '# ', '- ', '1.', '一、', '（一）', '至今', '截至', '今年'];
const PASTED = [
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '二、存在的问题和不足',
  '四、2022年推进法治政府建设的主要安排',
  '（一）加强执法人员培训。分批组织执法人员系统培训，提升专业能力。',
  '全年办理行政复议案件41件，同比增长12%。',
  '全年办理行政复议案件41件，同比增长12%。',
  '【待补充：写明具体事实。】',
  '发布时间：2021-03-01 访问次数：1024 【打印】【关闭】',
  '區(qū)政府 zhèng fǔ',
];

type Edit = { change: TextDocumentContentChangeEvent; what: string };

/** One edit an editor might send, on the current text. */
function nextEdit(doc: TextDocument, rnd: () => number, history: string[]): Edit {
  const text = doc.getText();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // an offset on a character boundary (editors never put the cursor inside a surrogate pair)
  const offset = () => {
    let o = Math.floor(rnd() * (text.length + 1));
    if (o > 0 && o < text.length && /[\udc00-\udfff]/.test(text[o]) && /[\ud800-\udbff]/.test(text[o - 1])) o--;
    return o;
  };
  const range = (a: number, b: number) => ({ start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) });
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  const r = rnd();
  if (r < 0.35) {
    const o = offset();
    return { change: { range: range(o, o), text: pick(TYPED) }, what: 'type' };
  }
  if (r < 0.55) {
    const o = offset();
    let e = Math.min(text.length, o + 1 + Math.floor(rnd() * 3));
    if (e < text.length && /[\udc00-\udfff]/.test(text[e])) e++;
    return { change: { range: range(o, e), text: '' }, what: 'delete' };
  }
  if (r < 0.65) {
    const o = lineStart(offset());
    return { change: { range: range(o, o), text: pick(PASTED) + '\n' }, what: 'paste line' };
  }
  if (r < 0.72) {
    const o = offset();
    return { change: { range: range(o, o), text: pick(['\n', '\r\n', '\n\n']) }, what: 'break line' };
  }
  if (r < 0.78) {
    const nl = text.indexOf('\n', offset());
    if (nl >= 0) return { change: { range: range(nl, nl + 1), text: '' }, what: 'join lines' };
  }
  if (r < 0.86) {
    // select a run (up to a few lines) and type over it, or cut it
    const a = offset();
    let b = Math.min(text.length, a + Math.floor(rnd() * 200));
    if (b < text.length && /[\udc00-\udfff]/.test(text[b])) b++;
    return { change: { range: range(a, b), text: rnd() < 0.5 ? '' : pick(TYPED) }, what: 'replace selection' };
  }
  if (r < 0.92 && history.length > 1) {
    // undo: the whole text of an earlier version, as a full-document change (some clients send it so)
    return { change: { text: history[Math.floor(rnd() * history.length)] }, what: 'undo (full text)' };
  }
  const o = offset();
  return { change: { range: range(o, o), text: pick(PASTED) }, what: 'paste' };
}

let s: LspSession & { dir: string };
beforeAll(async () => {
  // a short debounce, so that some checks are cancelled by the next edit and some are not
  s = await startServerInTempWorkspace('random-edits', { settings: { debounceMs: 5 } });
});
afterAll(async () => {
  await s?.dispose();
});

/** the diagnostics a fresh checker gives the text (the server's publication is the same shape) */
function fresh(uri: string, text: string) {
  clearCaches();
  const result = check(text);
  return looksLikeReport(result.report) ? result.findings.map((f) => toDiagnostic(uri, f)) : [];
}

const BASES: [string, () => string][] = [
  ['a short report', () => report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS)],
  ['xiaobailou-2020.md, its first 60 lines', () => readCorpus('xiaobailou-2020.md').split('\n').slice(0, 60).join('\n')],
];

describe(`random edits over the LSP (seed ${SEED}, ${PAUSES} pauses per document)`, () => {
  it.each(BASES)('%s: after every pause the diagnostics equal a fresh check of the text', async (name, base) => {
    const rnd = random(SEED ^ name.length);
    const uri = fileUri(path.join(s.dir, `edited-${name.length}.md`));
    let doc = TextDocument.create(uri, 'markdown', 1, base());
    s.open(uri, doc.getText(), 'markdown', 1);
    const history: string[] = [doc.getText()];
    const log: string[] = [];
    let withDiagnostics = 0;
    for (let pause = 0; pause < PAUSES; pause++) {
      const burst = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < burst; k++) {
        const e = nextEdit(doc, rnd, history);
        log.push(e.what);
        doc = TextDocument.update(doc, [e.change], doc.version + 1);
        s.change(uri, doc.version, [e.change]);
        history.push(doc.getText());
      }
      const version = doc.version;
      const got = await s.diagnostics(uri, (p) => p.version === version, 30_000);
      const want = fresh(uri, doc.getText());
      // on a mismatch, say which edits led here (the seed replays them)
      expect({ pause, edits: log.slice(-burst), diagnostics: unlinked(got.diagnostics) }).toEqual({ pause, edits: log.slice(-burst), diagnostics: unlinked(want) });
      expect(s.child.exitCode).toBeNull();
      if (want.length) withDiagnostics++;
    }
    // the comparison said something: most versions of an edited report have findings
    expect(withDiagnostics).toBeGreaterThan(PAUSES / 2);
    const hover = await withTimeout(s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), 10_000, () => 'hover after the edits');
    expect(hover === null || typeof hover === 'object').toBe(true);
    s.close(uri);
  }, 120_000 * Math.max(1, SCALE));
});
