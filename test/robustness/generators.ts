/**
 * Hostile drafts for the property tests: corpus reports mutated the ways real drafts get damaged (pasted from
 * Word, cut in half, re-saved with other line endings, typed with the wrong punctuation width) and documents
 * built from scratch out of the characters that trip text code (surrogates, controls, emoji, brackets).
 */
import fc from 'fast-check';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';

export const corpusTexts = corpusFiles.map(readCorpus);

const FULL_PUNCT = ['，', '。', '；', '：', '、', '？', '！', '（', '）', '《', '》', '「', '」', '“', '”', '‘', '’', '【', '】', '……', '——', '　'];
const HALF_PUNCT = [',', '.', ';', ':', '?', '!', '(', ')', '<', '>', '"', "'", '[', ']', '-', '*', '#', '|', '`', '\\', '_', '~'];
const FRAGMENTS = [
  '一、', '二、', '三、', '十一、', '（一）', '(二)', '（十）', '1.', '2、', '(3)', '①', '⑵',
  '# ', '## ', '### ', '- ', '> ', '| a | b |', '|---|---|', '```', '<!--', '-->', '<!-- fazhi-lint-disable-next-line -->',
  '2020年', '2021年度', '二〇二〇年', '２０２０年', '12月31日', '2020年12月', '万元', '亿元', '%', '％', '件', '人次', '同比增长', '下降',
  '法治政府建设', '年度报告', '主要举措', '存在的不足', '下一步工作安排', '党政主要负责人履行推进法治建设第一责任人职责',
  '行政复议', '行政诉讼', '规范性文件', '发布时间：', '访问次数：', '【打印】', '【关闭】', '區(qū)', 'zhèng fǔ', '人民政府', '司法局',
  '《中华人民共和国', '《法治政府建设实施纲要（2015—2020年）》', '“', '”', '（', '(', ')', '》', '《',
];
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const control = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\u00a0', '\u3000');
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const astral = fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧', '𠮷', '𝟘', '🇨🇳', '\u{20000}', '\u{2a6d6}');
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
const fullWidthDigit = fc.integer({ min: 0xff10, max: 0xff19 }).map((c) => String.fromCharCode(c));

/** One unit of hostile text. */
export const unit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: cjk, weight: 8 },
  { arbitrary: fc.constantFrom(...FULL_PUNCT), weight: 4 },
  { arbitrary: fc.constantFrom(...HALF_PUNCT), weight: 3 },
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 5 },
  { arbitrary: ascii, weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 99999 }).map(String), weight: 3 },
  { arbitrary: fullWidthDigit, weight: 1 },
  { arbitrary: control, weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: astral, weight: 1 },
  { arbitrary: lineBreak, weight: 3 },
);

export const hostileString = (maxLength: number) => fc.string({ unit, maxLength });

/** A line as a report writer (or a broken converter) might produce it. */
const hostileLine = fc.oneof(
  { arbitrary: hostileString(60), weight: 6 },
  { arbitrary: fc.tuple(fc.constantFrom('一、', '二、', '（一）', '（二）', '1.', '# ', '## '), hostileString(20)).map(([a, b]) => a + b), weight: 3 },
  { arbitrary: fc.constant(''), weight: 1 },
);

export const generatedReport: fc.Arbitrary<string> = fc.array(hostileLine, { maxLength: 40 }).map((ls) => ls.join('\n'));

type Mutation = (text: string) => string;

const at = (text: string, r: number) => Math.floor(r * (text.length + 1));
const lineOp = (fn: (lines: string[], i: number) => void) => (r: number) => (text: string) => {
  const lines = text.split('\n');
  fn(lines, Math.floor(r * lines.length));
  return lines.join('\n');
};

const WIDTH: [string, string][] = [[',', '，'], [';', '；'], [':', '：'], ['(', '（'], [')', '）'], ['!', '！'], ['?', '？'], ['.', '。'], ['"', '“']];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), hostileString(40)).map(([r, s]) => (t: string) => t.slice(0, at(t, r)) + s + t.slice(at(t, r))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), hostileLine).map(([r, s]) => lineOp((ls, i) => ls.splice(i, 0, s))(r)),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((r) => lineOp((ls, i) => ls.splice(i, 1))(r)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 30 })).map(([r, n]) => lineOp((ls, i) => ls.splice(i, n))(r)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(
    ([a, b]) => (t: string) => t.slice(0, Math.min(at(t, a), at(t, b))) + t.slice(Math.max(at(t, a), at(t, b))),
  ),
  fc.constant((t: string) => t.slice(Math.floor(t.length / 2)) + t.slice(0, Math.floor(t.length / 2))),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((r) => (t: string) => t.slice(0, at(t, r))), // cut, maybe mid-surrogate
  fc.boolean().map((toFull) => (t: string) => WIDTH.reduce((s, [h, f]) => (toFull ? s.split(h).join(f) : s.split(f).join(h)), t)),
  fc.constantFrom('\r\n', '\r').map((eol) => (t: string) => t.replace(/\r?\n/g, eol)),
  fc.constantFrom('《', '》', '“', '（', '(', '「', '【', '`', '*', '[').map((c) => (t: string) => t.split(c).join('')), // unbalance one kind
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), hostileString(12), fc.integer({ min: 500, max: 3000 })).map(
    ([r, s, n]) => lineOp((ls, i) => ls.splice(i, 0, (s || '长').repeat(n).slice(0, 30_000)))(r), // a huge line
  ),
  fc.constant(() => ''),
  fc.constant((t: string) => '\ufeff' + t),
);

/** A whole corpus report, or a run of its lines (which shrinks towards a short counterexample). */
const base: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.nat({ max: corpusTexts.length - 1 }).map((i) => corpusTexts[i]), weight: 3 },
  {
    arbitrary: fc.tuple(fc.nat({ max: corpusTexts.length - 1 }), fc.nat({ max: 200 }), fc.nat({ max: 200 })).map(([i, from, n]) =>
      corpusTexts[i].split('\n').slice(from, from + n).join('\n'),
    ),
    weight: 2,
  },
);

export const mutatedReport: fc.Arbitrary<string> = fc
  .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([t, ms]) => ms.reduce((x, m) => m(x), t));
