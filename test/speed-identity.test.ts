/**
 * Issue 17: the faster code gives the same answers as the code it replaced. The old code is kept under
 * test/helpers/*-reference.ts and run side by side with the new on the corpus, the wild set, a long generated
 * document (bench/inputs.ts) and random strings built from the characters each piece treats specially.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeSpan, findPinyinDebris } from '../rules/model/normalize.js';
import { clearCaches } from '../rules/model/cache.js';
import { createReport } from '../rules/index.js';
import type { Range } from '../rules/model/text.js';
import { referencePinyinDebris, referenceSpan } from './helpers/normalize-reference.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';
import { generatedDocument } from '../bench/inputs.js';
import { keyOf } from '../rules/residue/duplicate-sentence.js';
import { referenceKeyOf, referenceRepeatedRuns } from './helpers/duplicate-sentence-reference.js';
import { repeatedRuns, MIN_RUN, mapShape } from '../rules/residue/duplicate-sentence.js';
import { countCjk, CJK_G } from '../rules/model/text.js';
import { isClauseMark, isClauseStartBreak, isSpaceCode, missingFigures } from '../rules/figures/figure-missing.js';
import { quoteMask } from '../rules/model/figures/extract.js';
import { STRONG, STRONG_ANY, WEAK, WEAK_ANY } from '../rules/residue/mojibake.js';
import { PATTERNS, PATTERN_NEEDS } from '../rules/residue/placeholder.js';
import { simplifyEdits, FOLDS_OUTSIDE_OPENCC } from '../rules/residue/traditional-characters.js';
import { createRequire } from 'node:module';
import { endsStatement, STATEMENT_CODE_SET } from '../rules/model/sentence.js';
import { referenceSimplifyEdits } from './helpers/traditional-reference.js';
import { random } from './helpers/random.js';
import { TEMPLATE_PHRASE } from '../rules/model/chrome.js';
import { brokenCount, isCjkCode } from '../rules/model/text.js';
import { buildFigures } from '../rules/model/figures/index.js';
import { referenceBuildFigures } from './helpers/figures-reference.js';
import { unmatchedBrackets } from '../rules/model/brackets.js';
import { referenceBroken, referenceUnmatchedBrackets } from './helpers/fix-reference.js';
import { REFERENCE_TEMPLATE_PHRASE } from './helpers/chrome-reference.js';

const WILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/wild');
const corpus = corpusFiles.map((name) => ({ name, text: readCorpus(name) }));
const wild = readdirSync(WILD)
  .filter((f) => f.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(path.join(WILD, name), 'utf8') }));
/** varied copies of the corpus, ~300 KB */
const long = { name: 'generated', text: generatedDocument(corpus, 300 * 1024) };
const texts = [...corpus, ...wild, long];

/** Strings of the characters normalisation treats specially: brackets and pinyin, punctuation of both widths, digits, traditional characters, surrogates. */
function specialStrings(n: number, seed: number): string[] {
  const pieces = ['區', '(qū)', '?,F', '(xiàn)', '（yù）', '(de)', '(abc)', ')', '）', '(', '（', ',', '1,234', '12,3', ':', '09:42', '5:', ';', '!', '?', '\u3000', 'Ａ', 'ｚ', '．', '～', '－', '，', '；', '：', '！', '？', '法', '治', '髮', '後', '臺灣', '发', '乾隆', '𠮷', '\ud800', 'a', ' ', '\n', '2023', '。', '「', '」'];
  const r = random(seed);
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(r() * 30) }, () => pieces[Math.floor(r() * pieces.length)]).join(''));
}

const plain = (n: { text: string; map: Int32Array; sourceEnd: number }) => ({ text: n.text, map: Array.from(n.map), sourceEnd: n.sourceEnd });

describe('normalisation: the same text and offset map as before it was made faster', () => {
  test('every block of the corpus, the wild set and a long generated document', () => {
    clearCaches();
    let blocks = 0;
    for (const { text } of texts) {
      for (const b of createReport(text).blocks) {
        // the block's own normalisation (markup skipped as the parser gives it) against the old span code
        expect(plain(normalizeSpan(text, b.start, b.end))).toEqual(plain(referenceSpan(text, b.start, b.end)));
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(1500);
  });

  test('every line, and spans with markup skipped, of random strings of the characters it treats specially', () => {
    const r = random(7);
    let compared = 0;
    for (const s of specialStrings(3000, 11)) {
      clearCaches();
      expect(findPinyinDebris(s)).toEqual(referencePinyinDebris(s));
      const start = Math.floor(r() * (s.length / 3));
      const end = start + Math.floor(r() * (s.length - start + 1));
      expect(plain(normalizeSpan(s, start, end))).toEqual(plain(referenceSpan(s, start, end)));
      // markup ranges, some overlapping each other or reaching outside the span
      const skip: Range[] = [];
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        const a = Math.max(0, start - 2 + Math.floor(r() * (end - start + 4)));
        skip.push({ start: a, end: a + 1 + Math.floor(r() * 4) });
      }
      skip.sort((a, b) => a.start - b.start);
      expect(plain(normalizeSpan(s, start, end, skip))).toEqual(plain(referenceSpan(s, start, end, skip)));
      compared++;
    }
    expect(compared).toBe(3000);
  });
});

describe('duplicate-sentence: the same keys as before they were made cheaper', () => {
  test('every block from every start, of the corpus, the wild set, a long document and quotations', () => {
    const quoted = ['依照《中华人民共和国行政复议法》规定，“放管服”改革持续深化，“一网通办”事项达到98%。', '“”《》“法治”“”abcＡＢ，《《嵌套》》“未闭合', '「引号」与『书名』以及（括号）A-Z a-z 123'];
    let compared = 0;
    for (const text of [...texts.map((t) => t.text), quoted.join('\n')]) {
      const report = createReport(text);
      for (const b of report.blocks) {
        const n = b.norm.text.length;
        for (const from of new Set([0, Math.floor(n / 3), n])) {
          const { key, at } = keyOf(report, b, from, n);
          expect({ key, at: Array.from(at) }).toEqual(referenceKeyOf(report, b, from, n));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });
});

describe('page chrome: the template-site phrase answers as before its file-name part was made cheaper', () => {
  test('every line of the corpus, the wild set and a long document, and random strings around 《….docx》', () => {
    const lines = texts.flatMap((t) => t.text.split('\n')).map((l) => l.trim());
    const pieces = ['《', '》', '.', '.doc', '.docx', '.pdf', '.wps', '.ppt', '.pptx', '.txt', 'x', '法治', '报告', '范文', '大全', '小编', '供大家参考', '。', ' ', '\n', '9页珍藏版'];
    const r = random(23);
    const made = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(r() * 12) }, () => pieces[Math.floor(r() * pieces.length)]).join(''));
    let hits = 0;
    for (const s of [...lines, ...made]) {
      const want = REFERENCE_TEMPLATE_PHRASE.test(s);
      expect(TEMPLATE_PHRASE.test(s), s).toBe(want);
      if (want) hits++;
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('duplicate-sentence: the same repeated runs with the window table in typed arrays', () => {
  test('every block key and every report key of the corpus, the wild set and a long document, and random keys with repeats and breaks', () => {
    let compared = 0;
    let found = 0;
    const check = (key: string) => {
      const want = referenceRepeatedRuns(key);
      expect(repeatedRuns(key)).toEqual(want);
      found += want.length;
      compared++;
    };
    for (const { text } of texts) {
      const report = createReport(text);
      const keys = report.blocks.map((b) => keyOf(report, b, 0, b.norm.text.length).key);
      keys.forEach(check);
      check(keys.join('\u0000'));
      check(keys.join(''));
    }
    const r = random(31);
    const alphabet = ['法', '治', '政', '府', '建', '设', '\u0000', 'a'];
    for (let n = 0; n < 500; n++) {
      // a few phrases repeated with changes, so runs, merges and breaks all happen
      const phrases = Array.from({ length: 1 + Math.floor(r() * 4) }, () => Array.from({ length: MIN_RUN - 4 + Math.floor(r() * 12) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
      check(Array.from({ length: 2 + Math.floor(r() * 8) }, () => phrases[Math.floor(r() * phrases.length)] + (r() < 0.3 ? alphabet[Math.floor(r() * 6)] : '')).join(''));
    }
    expect(compared).toBeGreaterThan(2000);
    expect(found).toBeGreaterThan(500);
  });
});

describe('char-code tests: the same answers as the one-character regexes they replace', () => {
  test('every UTF-16 unit', () => {
    const differ: string[] = [];
    let spaces = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/.test(ch)) differ.push(`space ${c.toString(16)}`);
      if (isClauseMark(c) !== /[，。；！？：]/.test(ch)) differ.push(`clause mark ${c.toString(16)}`);
      if (isClauseStartBreak(c) !== /[，。；！？：、（）\s]/.test(ch)) differ.push(`clause start ${c.toString(16)}`);
      if (countCjk(ch) !== (ch.match(CJK_G)?.length ?? 0)) differ.push(`cjk ${c.toString(16)}`);
      if (endsStatement(c) !== STATEMENT_CODE_SET.has(c)) differ.push(`statement end ${c.toString(16)}`);
      if (isSpaceCode(c)) spaces++;
    }
    expect(differ).toEqual([]);
    expect(spaces).toBe(25);
  });

  test('countCjk and quoteMask on every line of the corpus, the wild set and a long document', () => {
    const referenceMask = (text: string) => {
      const mask = new Uint8Array(text.length);
      let title = 0;
      let quote = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '《') title++;
        else if (c === '》') title = Math.max(0, title - 1);
        else if (c === '“') quote++;
        else if (c === '”') quote = Math.max(0, quote - 1);
        mask[i] = title ? 1 : quote ? 2 : 0;
      }
      return mask;
    };
    const lines = texts.flatMap((t) => t.text.split('\n'));
    for (const l of [...lines, ...specialStrings(1000, 5), '《“《》”》》“”“']) {
      expect(countCjk(l)).toBe(l.match(CJK_G)?.length ?? 0);
      expect(quoteMask(l)).toEqual(referenceMask(l));
    }
    // figure-missing's reading of the same lines stays what its tests and the corpus expect (a smoke count)
    expect(lines.flatMap((l) => missingFigures(l)).length).toBeGreaterThan(0);
  });
});

describe('mojibake: a text its prefilter passes over has no sign of that kind', () => {
  test('every line of the corpus, the wild set and a long document, and random strings of garbage characters', () => {
    const lines = texts.flatMap((t) => t.text.split('\n'));
    const pieces = ['?', '?!', '？', '(shù)', '）', '(', '区', '法', 'V', 'a', 'ǘ', 'ü', 'à', '┏', '━', '\ufffd', 'ㄨ', '锟斤拷', '烫烫烫', '屯', '銆', '。', '，', '!', ' ', '\u3100', 'Ａ'];
    const r = random(41);
    const made = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(r() * 10) }, () => pieces[Math.floor(r() * pieces.length)]).join(''));
    let signs = 0;
    for (const s of [...lines, ...made]) {
      for (const [re, any] of [[STRONG, STRONG_ANY], [WEAK, WEAK_ANY]] as const) {
        re.lastIndex = 0;
        const m = re.exec(s);
        if (m) signs++;
        // the prefilter may pass a text without a sign, never skip one with a sign
        if (m) expect(any.test(s), s).toBe(true);
      }
    }
    expect(signs).toBeGreaterThan(1000);
  });
});

describe('placeholder: a line a pattern\'s prefilter passes over has no match of that pattern', () => {
  test('every line of the corpus, the wild set and a long document, and random strings of placeholder characters', () => {
    expect(PATTERN_NEEDS.length).toBe(PATTERNS.length);
    const lines = texts.flatMap((t) => t.text.split('\n'));
    const pieces = ['x', 'X', '×', 'Ｘ', 'ｘ', '*', '＊', '**', '20', '1', '年', '月', '日', '号', '第', '位', '件', '区', '局', '同志', '某', '王', 'TODO', 'TBD', 'FIXME', '【', '】', '待补充', '(', '）', '、', '.', ' ', 'a', '。'];
    const r = random(43);
    const made = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(r() * 10) }, () => pieces[Math.floor(r() * pieces.length)]).join(''));
    let matches = 0;
    for (const s of [...lines, ...made]) {
      PATTERNS.forEach((re, k) => {
        const need = PATTERN_NEEDS[k];
        if (!need) return;
        re.lastIndex = 0;
        const m = re.exec(s);
        re.lastIndex = 0;
        if (!m) return;
        matches++;
        expect(need.test(s), `${k}: ${s}`).toBe(true);
      });
    }
    expect(matches).toBeGreaterThan(1000);
  });
});

describe('traditional-characters: the same simplifying edits with the kept text sliced whole', () => {
  test('every block of the corpus, the wild set, a long document and random strings with traditional characters and pinyin debris', () => {
    const made = specialStrings(1500, 13).join('\n\n');
    let edits = 0;
    for (const text of [...texts.map((t) => t.text), made]) {
      const report = createReport(text);
      for (const b of report.blocks) {
        const want = referenceSimplifyEdits(report, b);
        expect(simplifyEdits(report, b)).toEqual(want);
        edits += want.length;
      }
    }
    expect(edits).toBeGreaterThan(500);
  });
});

describe("the engine's fix check: the same counts of broken characters and unmatched brackets, counted in place", () => {
  test('every line and whole text of the corpus, the wild set and a long document, and random strings of brackets, surrogates and U+FFFD', () => {
    const pieces = ['【', '】', '（', '）', '(', ')', '［', '[', ']', '《', '》', '〈', '〉', '“', '”', '‘', '’', '「', '」', '『', '』', '〔', '〕', '〖', '〗', '｛', '{', '}', '\n', '\r', '\r\n', '法', 'a', '𠮷', '\ud842', '\udfb7', '\ufffd', '。'];
    const r = random(47);
    const made = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(r() * 16) }, () => pieces[Math.floor(r() * pieces.length)]).join(''));
    let unmatched = 0;
    let broken = 0;
    for (const s of [...texts.map((t) => t.text), ...texts.flatMap((t) => t.text.split('\n')), ...made]) {
      const want = referenceUnmatchedBrackets(s);
      expect(unmatchedBrackets(s)).toBe(want);
      unmatched += want;
      // a slice's ends may cut a pair: counted as the slice alone would be
      const from = Math.floor(r() * (s.length + 1));
      const to = from + Math.floor(r() * (s.length - from + 1));
      const b = referenceBroken(s.slice(from, to));
      expect(brokenCount(s, from, to)).toBe(b);
      expect(brokenCount(s)).toBe(referenceBroken(s));
      broken += b;
    }
    expect(unmatched).toBeGreaterThan(5000);
    expect(broken).toBeGreaterThan(500);
  });
});

describe('normalisation: a block OpenCC did not run on has every Han character as the source writes it', () => {
  test('every block of the corpus, the wild set, a long document and random strings with traditional characters', () => {
    const made = specialStrings(1500, 17).join('\n\n');
    let unconverted = 0;
    let converted = 0;
    for (const text of [...texts.map((t) => t.text), made]) {
      clearCaches();
      for (const b of createReport(text).blocks) {
        const { text: t, map } = b.norm;
        if (b.norm.converted) {
          converted++;
          continue;
        }
        unconverted++;
        // what traditional-characters counts as changed: a Han character of the source read as another
        for (let i = 0; i < t.length; i++) {
          const code = text.charCodeAt(map[i]);
          if (isCjkCode(code)) expect(t.charCodeAt(i), `${text.slice(b.start, b.end)} @${i}`).toBe(code);
        }
      }
    }
    expect(unconverted).toBeGreaterThan(1500);
    expect(converted).toBeGreaterThan(100);
  });
});

describe("duplicate-sentence: a block's map shape without the walk when nothing was dropped", () => {
  test('every block of the corpus, the wild set, a long document and random strings with markup and pinyin debris', () => {
    // the walk as it was: runs of equal shift of the normalised-to-source map
    const walked = (start: number, map: Int32Array) => {
      let out = '';
      let shift = NaN;
      for (let i = 0; i < map.length; i++) {
        const d = map[i] - start - i;
        if (d !== shift) {
          out += `${i}:${d},`;
          shift = d;
        }
      }
      return out;
    };
    const made = specialStrings(1500, 19).map((s, i) => (i % 3 ? s : `**${s}** \`x\``)).join('\n\n');
    let shortcut = 0;
    let walkedOnly = 0;
    for (const text of [...texts.map((t) => t.text), made]) {
      for (const b of createReport(text).blocks) {
        expect(mapShape(b)).toBe(walked(b.start, b.norm.map));
        if (b.norm.map.length === b.end - b.start) shortcut++;
        else walkedOnly++;
      }
    }
    expect(shortcut).toBeGreaterThan(1000);
    expect(walkedOnly).toBeGreaterThan(100);
  });
});

describe('figures model: the same objects, keys in the same order, built field by field', () => {
  test('every report of the corpus, the wild set and a long document, in the plans and out of them', () => {
    // a figure or marker as compared: its own keys in order and their values, its block by index
    const shape = (o: object): unknown =>
      Object.entries(o).map(([k, v]) => [k, k === 'block' ? (v as { index: number }).index : k === 'marker' || k === 'period' ? shape(v as object) : v]);
    let figures = 0;
    for (const { text } of texts) {
      clearCaches();
      const report = createReport(text);
      const plans = report.entry('plans');
      const planRange = plans?.status === 'section' ? plans.range : null;
      const year = report.year?.year ?? null;
      const got = buildFigures(report.bodyBlocks, year, planRange);
      const want = referenceBuildFigures(report.bodyBlocks, year, planRange);
      expect(got.quantities.map(shape)).toEqual(want.quantities.map(shape));
      expect(got.sentences.flatMap((s) => s.markers.map(shape))).toEqual(want.sentences.flatMap((s) => (s.markers as object[]).map(shape)));
      figures += got.quantities.length;
    }
    expect(figures).toBeGreaterThan(1000);
  });
});

describe("traditional-characters: the folds whose conversion it takes from normalisation stand in no OpenCC key", () => {
  test("no key of the dictionaries opencc-js/t2cn converts by holds one of them, in either form", () => {
    // the dictionaries as the module ships them: string literals of `key value|key value|…`
    const file = createRequire(import.meta.url).resolve('opencc-js/t2cn').replace(/dist[\\/]umd[\\/]/, 'dist/esm/');
    const src = readFileSync(file, 'utf8');
    const entries = [...src.matchAll(/"((?:[^"\\]|\\.)*)"/g)]
      .map((m) => JSON.parse(`"${m[1]}"`) as string)
      .filter((l) => l.includes(' ') && l.includes('|'))
      .flatMap((l) => l.split('|'));
    const keys = entries.map((e) => e.split(' ')[0]).filter(Boolean);
    // each fold as normalisation makes it: , → ，, ( → （, \u3000 → space
    const forms = [...FOLDS_OUTSIDE_OPENCC].flatMap((c) => [c, c === 0x3000 ? 0x20 : c + 0xfee0]);
    expect(forms.length).toBe(16);
    const holding = keys.filter((k) => [...k].some((ch) => forms.includes(ch.charCodeAt(0))));
    expect(holding).toEqual([]);
    // the scan reads the dictionaries: a few thousand keys, some holding ASCII (A型肝炎: letters are not among the folds)
    expect(keys.length).toBeGreaterThan(5000);
    expect(keys).toContain('A型肝炎');
  });
});
