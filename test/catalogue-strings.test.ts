/**
 * Every user-facing string lives in the message catalogue (issue 12): a Chinese string literal in code outside
 * rules/messages/ fails here, as zhlint keeps its messages in one module. Allowed besides: rules/model/ (the
 * lexicons and patterns the model reads reports with: reading data, not messages) and the files listed below, each
 * for what its Chinese literals are. Regex literals are reading patterns by nature and are not looked at; template
 * literals are, part by part.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './helpers/imports.js';
import { CJK } from '../rules/model/text.js';

const ROOMS = ['rules', 'input', 'output', 'node', 'protocol', 'cli', 'server', 'client', 'web', 'scripts'];
const CATALOGUE = 'rules/messages/';
const READERS = 'rules/model/';

/** Files whose Chinese literals are not messages, and what they are. */
const NOT_MESSAGES: Record<string, string> = {
  'rules/figures/figure-missing.ts': 'units, counting verbs and total words the rule reads',
  'rules/figures/_shared.ts': 'the money units figures are read in',
  'rules/figures/figure-conflict.ts': 'the words that name the reporting body itself (我, 本, 全, 政府系统), read in a scope',
  'rules/residue/duplicate-word.ts': 'verbs that double, measure words and characters a doubling is read with',
  'rules/residue/duplicate-sentence.ts': 'set phrases every report repeats',
  'rules/residue/placeholder.ts': 'units, name suffixes, surnames and guidance words a placeholder is read by',
  'rules/residue/jiezhi-usage.ts': 'the numerals read before 截止 and the one word its fix writes (截至)',
  'rules/residue/mojibake.ts': 'the characters mis-decoded text is recognised by',
  'rules/checklist/first-responsible-substance.ts': "the duty families' names (the keys of what is counted, never shown)",
  'rules/form/doc-number-format.ts': 'the parts of a 文号 read and rewritten (年, 号)',
  'input/docx/numbering.ts': "Word's numbering formats, read from a .docx",
  'output/docx/export.ts': 'the font and style names of the Word document written',
  'client/commands.ts': "vscode.l10n keys (the editor's bundle translates them) and the review file's name",
};

/** The Chinese string literals of a file, as "file:line text". */
function chineseLiterals(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    const literal = ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n);
    if (literal && CJK.test(n.getText(sf))) out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${n.getText(sf).slice(0, 60)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const files = ROOMS.flatMap((r) => sourceFiles(r));

describe('Chinese strings live in the message catalogue', () => {
  it('the literals are seen: the catalogue has them; strings and template parts count, regexes and comments not', () => {
    expect(chineseLiterals('rules/messages/zh-CN.ts').length).toBeGreaterThan(100);
    const snippet = "// 法治\nconst a = /法治/;\nconst b = '法治';\nconst c = `${a}年${b}`;\nconst d = 'law';\n";
    expect(chineseLiterals('x.ts', snippet).map((l) => l.split(' ')[0])).toEqual(['x.ts:3', 'x.ts:4']);
  });

  it('no Chinese string literal outside rules/messages/, rules/model/ and the listed readers', () => {
    const outside = files.filter((f) => !f.startsWith(CATALOGUE) && !f.startsWith(READERS) && !(f in NOT_MESSAGES));
    expect(outside.flatMap((f) => chineseLiterals(f))).toEqual([]);
  });

  it('every listed file exists and still has Chinese literals (the list does not outlive its reasons)', () => {
    expect(Object.keys(NOT_MESSAGES).filter((f) => !files.includes(f) || chineseLiterals(f).length === 0)).toEqual([]);
  });
});
