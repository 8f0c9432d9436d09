/**
 * Ignores (issue 15): a finding hidden through the config's "ignores" — written by node/configEdit.ts exactly as
 * the editor's "忽略此处" writes it — is gone from the CLI's report while its sentence is unchanged, wherever edits
 * elsewhere move it; it comes back once the sentence is rewritten; it hides nothing in another file; --fix leaves it
 * alone. The config edit keeps comments, never writes a file that does not parse, and a malformed entry is a
 * config error with its position.
 */
import { describe, expect, test } from 'vitest';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { main, type Io } from '../../cli/main.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { allRules, check, createReport, ignoreEntryFor, parseConfigText, type Finding } from '../../rules/index.js';
import { addIgnore, removeIgnore } from '../../node/index.js';

function cli(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd };
  return { code: main(argv, io), out, err };
}

type Message = { ruleId: string; line: number; column: number; message: string };
const messages = (dir: string, file = 'kecheng.md') => (JSON.parse(cli(['-f', 'json', file], dir).out) as { messages: Message[] }[])[0].messages;

function workdir(): { dir: string; draft: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fz-ignores-'));
  const draft = path.join(dir, 'kecheng.md');
  copyFileSync(path.join(CORPUS_DIR, 'kecheng-2020.md'), draft);
  chmodSync(draft, 0o644);
  return { dir, draft };
}

/** A finding of the draft as the core reports it, and the entry that ignores it (what the editor's action writes). */
function pick(text: string, pred: (f: Finding) => boolean) {
  const f = check(text).findings.find(pred);
  if (!f) throw new Error('no such finding in the corpus draft');
  const e = ignoreEntryFor(createReport(text), f.ruleId, f, undefined);
  return { finding: f, entry: e };
}

const key = (m: { ruleId: string; line: number; column: number }) => `${m.ruleId}@${m.line}:${m.column}`;

describe('ignores (CLI)', () => {
  test('an ignored finding is gone, and only it; it stays ignored when lines above move; rewriting its sentence ends it', () => {
    const { dir, draft } = workdir();
    const text = readFileSync(draft, 'utf8');
    // a duplicated word (工作工作) in the problems section: a finding with words of its own
    const { finding, entry } = pick(text, (f) => f.ruleId === 'duplicate-word' && text.slice(f.start, f.end) === '工作工作');
    const before = messages(dir);
    expect(before.map(key)).toContain(key(finding));

    const r = addIgnore(draft, undefined, entry);
    expect(r).toMatchObject({ ok: true, changed: true, created: true, file: path.join(dir, '.fazhi-lint.json') });
    const written = JSON.parse(readFileSync(path.join(dir, '.fazhi-lint.json'), 'utf8'));
    expect(written.ignores).toEqual([{ rule: 'duplicate-word', file: 'kecheng.md', sentence: entry.sentence, text: '工作工作' }]);

    const after = messages(dir);
    expect(after.map(key)).toEqual(before.map(key).filter((k) => k !== key(finding)));

    // a paragraph added above: every line moves, the ignore still holds
    const lines = text.split('\n');
    const moved = [...lines.slice(0, finding.line - 1), '新增的一段说明文字，与上下文无关。', '', ...lines.slice(finding.line - 1)].join('\n');
    writeFileSync(draft, moved);
    const movedMessages = messages(dir);
    expect(movedMessages.some((m) => m.ruleId === 'duplicate-word' && m.line === finding.line + 2 && m.column === finding.column)).toBe(false);
    expect(movedMessages.filter((m) => m.ruleId === 'duplicate-word').length).toBe(before.filter((m) => m.ruleId === 'duplicate-word').length - 1);

    // the sentence itself rewritten (the duplicated word kept): the finding is back
    writeFileSync(draft, moved.replace('三是普法工作工作机制', '三是全区普法工作工作机制'));
    const rewritten = messages(dir).filter((m) => m.ruleId === 'duplicate-word');
    expect(rewritten.length).toBe(before.filter((m) => m.ruleId === 'duplicate-word').length);
  });

  test('an ignore names its file: the same sentence in another draft is still reported; adding it twice writes it once', () => {
    const { dir, draft } = workdir();
    copyFileSync(draft, path.join(dir, 'other.md'));
    const text = readFileSync(draft, 'utf8');
    const { finding, entry } = pick(text, (f) => f.ruleId === 'duplicate-word' && text.slice(f.start, f.end) === '工作工作');
    expect(addIgnore(draft, undefined, entry).ok).toBe(true);
    expect(addIgnore(draft, path.join(dir, '.fazhi-lint.json'), entry)).toMatchObject({ ok: true, changed: false });
    expect(JSON.parse(readFileSync(path.join(dir, '.fazhi-lint.json'), 'utf8')).ignores).toHaveLength(1);
    expect(messages(dir).map(key)).not.toContain(key(finding));
    expect(messages(dir, 'other.md').map(key)).toContain(key(finding));
  });

  test('--fix does not apply the fix of an ignored finding', () => {
    const { dir, draft } = workdir();
    const text = readFileSync(draft, 'utf8');
    const { finding, entry } = pick(text, (f) => f.fixes.length > 0 && f.fixes[0].safe && f.ruleId === 'punctuation-residue');
    const flagged = text.slice(finding.start, finding.end);
    addIgnore(draft, undefined, entry);
    expect(cli(['--fix', 'kecheng.md'], dir).err).not.toContain('Error');
    const fixed = readFileSync(draft, 'utf8');
    // the ignored residue is still there, at its line, while other safe fixes were applied
    expect(fixed).not.toBe(text);
    const line = fixed.split('\n')[finding.line - 1] ?? '';
    expect(line.includes(flagged) || fixed.includes(entry.sentence.slice(0, 12))).toBe(true);
    expect(fixed.split('\n').some((l) => l.replace(/\s/g, '').includes(entry.sentence.replace(/\s/g, '')))).toBe(true);
  });

  test('the edit keeps comments and other keys, removing restores the list; a broken file is left alone', () => {
    const { dir, draft } = workdir();
    const cfg = path.join(dir, '.fazhi-lint.jsonc');
    const original = '{\n    // 本单位的约定\n    "rules": { "period-relative": "off" }, /* 保留 */\n}\n';
    writeFileSync(cfg, original);
    const text = readFileSync(draft, 'utf8');
    const { finding, entry } = pick(text, (f) => f.ruleId === 'duplicate-word');
    expect(addIgnore(draft, cfg, entry)).toMatchObject({ ok: true, changed: true, created: false });
    const edited = readFileSync(cfg, 'utf8');
    expect(edited).toContain('// 本单位的约定');
    expect(edited).toContain('/* 保留 */');
    expect(edited).toMatch(/\n {4}"ignores"/); // the file's own indentation
    const parsed = parse(edited) as { rules: unknown; ignores: unknown[] };
    expect(parsed.rules).toEqual({ 'period-relative': 'off' });
    expect(parsed.ignores).toHaveLength(1);
    expect(messages(dir).map(key)).not.toContain(key(finding));
    // what --print-config shows: the entry, and which file holds it
    const printed = JSON.parse(cli(['--print-config', 'kecheng.md'], dir).out);
    expect(printed.ignores).toEqual([{ rule: entry.rule, file: 'kecheng.md', sentence: entry.sentence, text: entry.text, in: cfg }]);

    expect(removeIgnore(cfg, { ...entry, file: 'kecheng.md' })).toMatchObject({ ok: true, changed: true });
    const removed = readFileSync(cfg, 'utf8');
    expect(removed).toContain('// 本单位的约定');
    expect((parse(removed) as { ignores: unknown[] }).ignores).toEqual([]);
    expect(messages(dir).map(key)).toContain(key(finding));
    expect(removeIgnore(cfg, { ...entry, file: 'kecheng.md' })).toMatchObject({ ok: true, changed: false });

    const broken = '{ "rules": { , }';
    writeFileSync(cfg, broken);
    expect(addIgnore(draft, cfg, entry)).toMatchObject({ ok: false, reason: 'syntax' });
    expect(readFileSync(cfg, 'utf8')).toBe(broken);
    expect(existsSync(path.join(dir, '.fazhi-lint.json'))).toBe(false);
  });

  test('a malformed ignore is a config error at its position', () => {
    expect(() => parseConfigText('c.json', '{ "ignores": [ { "rule": "duplicate-word" } ] }', allRules)).toThrow(/c\.json:1:16: .*ignores/);
    expect(() => parseConfigText('c.json', '{ "ignores": [ { "rule": "no-such-rule", "sentence": "x" } ] }', allRules)).toThrow(/未知的规则“no-such-rule”/);
    expect(() => parseConfigText('c.json', '{ "ignores": [ { "rule": "duplicate-word", "sentence": 3 } ] }', allRules)).toThrow(/"sentence" must be a string/);
    expect(() => parseConfigText('c.json', '{ "ignores": {} }', allRules)).toThrow(/ignores 应为数组/);
    const { dir } = workdir();
    writeFileSync(path.join(dir, '.fazhi-lint.json'), '{ "ignores": [ { "rule": "duplicate-word", "sentense": "x" } ] }');
    const r = cli(['kecheng.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.fazhi-lint\.json:1:\d+/);
  });
});
