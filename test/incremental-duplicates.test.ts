/**
 * Issue 17, incremental re-check of the whole-document passes that read cached per-block data (duplicate-sentence's
 * block keys, kept by source text, normalised text, Markdown context and body start; its count of a run over the
 * report; the formatted messages): after each of a random sequence of edits, the server's document checker (every
 * cache warm from the versions before) gives exactly the findings of a fresh check with every cache emptied.
 * The drafts are full of repeats (varied copies of corpus reports, one after another) and the edits change what the
 * cached values depend on without changing a block's source text elsewhere: quotation marks and title brackets
 * opened and closed (the quote mask), emphasis and backticks (the Markdown context), heading markers and numbering
 * (the body start and the heading words), a sentence copied to another place, and typing near the top (every later
 * offset moves).
 */
import { describe, expect, test } from 'vitest';
import { DocumentChecker } from '../server/documents.js';
import { allRules, check, clearCaches, defaultConfig } from '../rules/index.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';
import { generatedDocument } from '../bench/inputs.js';
import { random } from './helpers/random.js';

const config = defaultConfig(allRules);
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

const INSERTS = ['“', '”', '《', '》', '**', '*', '`', '# ', '## ', '一、', '（二）', '\n', '\n\n', '。', '，', '法', '2', '> ', '- ', '严格规范公正文明执法，'];

function randomEdit(text: string, r: () => number): { start: number; end: number; newText: string } {
  const kind = r();
  if (kind < 0.2) {
    // an inline mark at a line's end: it may pair with a lone one on a line beside it (emphasis, code) and change
    // how that line normalises, its own text unchanged (issue 11 item 5)
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const lineEnd = text.indexOf('\n', starts[Math.floor(r() * starts.length)]);
    const o = lineEnd < 0 ? text.length : lineEnd;
    return { start: o, end: o, newText: r() < 0.5 ? '*' : '`' };
  }
  const at = kind < 0.3 ? Math.floor(r() * Math.min(text.length, 300)) : Math.floor(r() * text.length);
  if (kind < 0.6) return { start: at, end: at, newText: INSERTS[Math.floor(r() * INSERTS.length)] };
  if (kind < 0.75) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(r() * 6)), newText: '' };
  // a sentence copied to the start of another line (a repeat made, or one made again elsewhere)
  const sentences = [...text.matchAll(/[^。\n]{12,60}。/g)];
  const s = sentences[Math.floor(r() * sentences.length)];
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return s ? { start: lineStart, end: lineStart, newText: s[0] } : { start: at, end: at, newText: '。' };
}

describe('incremental re-check of a draft full of repeats equals a fresh check', () => {
  const corpus = corpusFiles.slice(0, 3).map((name) => ({ name, text: readCorpus(name) }));
  const drafts = [
    { name: 'varied copies, 40 KB', text: generatedDocument(corpus, 40 * 1024) },
    { name: 'a corpus report twice', text: `${corpus[1].text}\n\n${corpus[1].text}` },
    {
      // lone inline marks inside repeated sentences, lines of one paragraph (the issue 11 item 5 case, many times)
      name: 'lone marks in repeated sentences',
      text: ['某县2020年法治政府建设情况的报告', '一、主要举措和成效', ...Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? '全面推进依法行政工作*取得新成效，全面推进依法行政工作取得新成效。' : i % 3 === 1 ? '严格规范公正文明执法`落实执法责任制，严格规范公正文明执法落实执法责任制。' : `全年办理行政复议案件${i}件，同比增长${i}%。`)), '二、存在的问题和不足', '一是执法人员培训不够系统。'].join('\n'),
    },
  ];
  test.each(drafts.map((d, i) => [d.name, d.text, i] as const))('%s: 20 random edits, compared after each', (name, initial, seed) => {
    const r = random(7100 + seed);
    const checker = new DocumentChecker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0 });
    const uri = `file:///incremental-duplicates/${seed}.md`;
    let doc = checker.open(uri, 'markdown', 1, initial);
    checker.checkNow(uri);
    let duplicates = 0;
    for (let v = 2; v < 22; v++) {
      const text = doc.getText();
      const e = randomEdit(text, r);
      doc = checker.change(uri, v, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.newText }])!;
      const incremental = checker.checkNow(uri)!.result;
      clearCaches();
      const fresh = check(doc.getText(), { config, language: 'zh-CN' });
      expect({ v, edit: e, findings: plain(incremental.findings) }).toEqual({ v, edit: e, findings: plain(fresh.findings) });
      duplicates += fresh.findings.filter((f) => f.ruleId === 'duplicate-sentence').length;
    }
    checker.dispose();
    // the comparison covered the rule: these drafts repeat sentences on every version
    expect(duplicates).toBeGreaterThan(20);
  });
});
