/**
 * The everyday CLI controls of issue 15: --quiet, --max-warnings, -o for every format, --print-config,
 * --no-config, --rule, the github and junit formats, .fazhi-lintignore and negated globs, the --fix summary,
 * argument errors in the chosen language with English plurals, and an empty file. Run in-process (main() with a
 * fake terminal) so the suite stays fast; the process-level behaviour (exit codes, EPIPE) is in main/hostile tests.
 */
import { describe, expect, test } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { main, type Io } from '../../cli/main.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { report, MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS } from '../helpers/reports.js';

function cli(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd };
  return { code: main(argv, io), out, err };
}

/** A working directory with the corpus draft that has errors, warnings and safe fixes. */
function workdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fz-opts-'));
  copyFileSync(path.join(CORPUS_DIR, 'kecheng-2020.md'), path.join(dir, 'kecheng.md'));
  chmodSync(path.join(dir, 'kecheng.md'), 0o644);
  return dir;
}
type JsonFile = { filePath: string; messages: { ruleId: string; severity: string }[] };
const json = (s: string) => JSON.parse(s) as JsonFile[];

describe('CLI options (issue 15)', () => {
  test('--quiet reports errors only; --max-warnings fails a run with more warnings than allowed', () => {
    const dir = workdir();
    const all = json(cli(['-f', 'json', 'kecheng.md'], dir).out)[0].messages;
    expect(all.some((m) => m.severity === 'warning')).toBe(true);
    const quiet = json(cli(['-f', 'json', '--quiet', 'kecheng.md'], dir).out)[0].messages;
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every((m) => m.severity === 'error')).toBe(true);
    expect(quiet.length).toBe(all.filter((m) => m.severity === 'error').length);

    // a clean draft but for warnings: exit 0 until the warnings exceed the limit
    const warningsOnly = ['-f', 'json', '--rule', 'punctuation-residue:off', '--rule', 'figure-conflict:off', '--rule', 'section-missing:off'];
    const errorsLeft = json(cli([...warningsOnly, 'kecheng.md'], dir).out)[0].messages.filter((m) => m.severity === 'error').map((m) => m.ruleId);
    const offs = [...new Set(errorsLeft)].flatMap((id) => ['--rule', `${id}:off`]);
    const base = [...warningsOnly, ...offs, 'kecheng.md'];
    const warnings = json(cli(base, dir).out)[0].messages.filter((m) => m.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(1);
    expect(cli(base, dir).code).toBe(0);
    expect(cli(['--max-warnings', String(warnings), ...base], dir).code).toBe(0);
    const over = cli(['--lang', 'en', '--max-warnings', String(warnings - 1), ...base], dir);
    expect(over.code).toBe(1);
    expect(over.err).toContain(`too many warnings: ${warnings} warnings, more than --max-warnings ${warnings - 1}`);
    expect(cli(['--max-warnings', '-1', 'kecheng.md'], dir).code).toBe(2);
  });

  test('--rule overrides a severity, names a typo in the chosen language, and rejects a bad severity', () => {
    const dir = workdir();
    const before = json(cli(['-f', 'json', 'kecheng.md'], dir).out)[0].messages;
    expect(before.some((m) => m.ruleId === 'punctuation-residue' && m.severity === 'error')).toBe(true);
    const off = json(cli(['-f', 'json', '--rule', 'punctuation-residue:off', 'kecheng.md'], dir).out)[0].messages;
    expect(off.some((m) => m.ruleId === 'punctuation-residue')).toBe(false);
    const info = json(cli(['-f', 'json', '--rule', 'punctuation-residue:info', 'kecheng.md'], dir).out)[0].messages;
    expect(info.filter((m) => m.ruleId === 'punctuation-residue').every((m) => m.severity === 'info')).toBe(true);
    const typo = cli(['--lang', 'en', '--rule', 'punctuation-residu:off', 'kecheng.md'], dir);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('unknown rule "punctuation-residu" (did you mean "punctuation-residue"?)');
    const zh = cli(['--rule', 'punctuation-residue:loud', 'kecheng.md'], dir);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('“punctuation-residue”的级别应为');
  });

  test('--no-config ignores the config file; --print-config prints what applies to a file', () => {
    const dir = workdir();
    writeFileSync(path.join(dir, '.fazhi-lint.jsonc'), '// this office does not check residue punctuation\n{ "rules": { "punctuation-residue": "off" } }\n');
    const withConfig = json(cli(['-f', 'json', 'kecheng.md'], dir).out)[0].messages;
    expect(withConfig.some((m) => m.ruleId === 'punctuation-residue')).toBe(false);
    const noConfig = json(cli(['-f', 'json', '--no-config', 'kecheng.md'], dir).out)[0].messages;
    expect(noConfig.some((m) => m.ruleId === 'punctuation-residue')).toBe(true);
    expect(cli(['--no-config', '-c', '.fazhi-lint.jsonc', 'kecheng.md'], dir).code).toBe(2);

    const printed = cli(['--print-config', 'kecheng.md', '--rule', 'duplicate-word:info'], dir);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.out) as { files: string[]; rules: Record<string, unknown> };
    expect(config.files).toEqual([path.join(dir, '.fazhi-lint.jsonc')]);
    expect(config.rules['punctuation-residue']).toBe('off');
    expect(config.rules['duplicate-word']).toBe('info');
    expect(JSON.parse(cli(['--print-config', 'kecheng.md', '--no-config'], dir).out).files).toEqual([]);
    writeFileSync(path.join(dir, '.fazhi-lint.jsonc'), '{ "rules": { "no-such-rule": "off" } }');
    expect(cli(['--print-config', 'kecheng.md'], dir).code).toBe(2);
  });

  test('-o writes every format to the file and nothing to standard output', () => {
    const dir = workdir();
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'html', 'csv']) {
      const file = `out.${format}`;
      const r = cli(['-f', format, '-o', file, 'kecheng.md'], dir);
      expect(r.code, format).toBe(1);
      expect(r.out, format).toBe('');
      const written = readFileSync(path.join(dir, file), 'utf8');
      expect(written.length, format).toBeGreaterThan(100);
      expect(written, format).not.toContain('\u001b[');
    }
    expect(readFileSync(path.join(dir, 'out.stylish'), 'utf8')).toContain('punctuation-residue');
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'))).toHaveLength(1);
  });

  test('github annotations and junit XML carry each finding, escaped', () => {
    const dir = workdir();
    const gh = cli(['-f', 'github', 'kecheng.md'], dir);
    const lines = gh.out.trim().split('\n');
    const count = json(cli(['-f', 'json', 'kecheng.md'], dir).out)[0].messages.length;
    expect(lines).toHaveLength(count);
    expect(lines.every((l) => /^::(error|warning|notice) file=kecheng\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=fazhi-lint [\w-]+::[^\n]+$/.test(l))).toBe(true);
    // a percent sign or a line break in a message would end the command early: escaped
    writeFileSync(path.join(dir, 'a,b.md'), report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS).replace('纠错率12%', '纠错率12%,。'));
    const odd = cli(['-f', 'github', 'a,b.md'], dir).out;
    expect(odd).toContain('file=a%2Cb.md');
    expect(odd).not.toMatch(/::[^\n]*%(?![0-9A-F]{2})/);

    const junit = cli(['-f', 'junit', 'kecheng.md'], dir).out;
    expect(junit.startsWith('<?xml')).toBe(true);
    expect(junit).toContain(`<testsuites name="fazhi-lint" tests="${count}" failures="${count}"`);
    expect(junit.match(/<failure /g)).toHaveLength(count);
    expect(junit).not.toMatch(/<failure message="[^"]*[<&][^"]*"/);
  });

  test('.fazhi-lintignore (gitignore semantics) and negated globs leave walked files out; a named file is still checked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-ignore-'));
    const draft = report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS);
    mkdirSync(path.join(dir, 'archive', 'keep'), { recursive: true });
    mkdirSync(path.join(dir, 'drafts'));
    for (const f of ['a.md', 'archive/old.md', 'archive/keep/still.md', 'drafts/x.md', 'drafts/y.md']) writeFileSync(path.join(dir, f), draft);
    const files = (args: string[]) => json(cli(['-f', 'json', ...args], dir).out).map((f) => path.relative(dir, f.filePath)).sort();
    expect(files(['.'])).toEqual(['a.md', 'archive/keep/still.md', 'archive/old.md', 'drafts/x.md', 'drafts/y.md']);
    // a directory pattern, a negation inside it (gitignore: the directory itself must not be excluded), a comment
    writeFileSync(path.join(dir, '.fazhi-lintignore'), '# old reports\narchive/*\n!archive/keep/\ndrafts/y.md\n');
    expect(files(['.'])).toEqual(['a.md', 'archive/keep/still.md', 'drafts/x.md']);
    expect(files(['.', '!drafts/**'])).toEqual(['a.md', 'archive/keep/still.md']);
    expect(files(['.', '!**/still.md'])).toEqual(['a.md', 'drafts/x.md']);
    expect(files(['drafts/y.md'])).toEqual(['drafts/y.md']);
  });

  test('--fix says how many fixes it applied in how many files, and reports what is on disk (GB18030 kept)', () => {
    const dir = workdir();
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(readFileSync(path.join(dir, 'kecheng.md'), 'utf8'), 'gb18030'));
    writeFileSync(path.join(dir, 'clean.md'), report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS));
    const r = cli(['--lang', 'en', '--fix', 'kecheng.md', 'gbk.txt', 'clean.md'], dir);
    const m = /applied (\d+) fixes in 2 files/.exec(r.out);
    expect(m, r.out).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(4);
    const onDisk = iconv.decode(readFileSync(gbk), 'gb18030');
    expect(onDisk).toBe(readFileSync(path.join(dir, 'kecheng.md'), 'utf8'));
    // what it reports afterwards is what is on disk: checking again finds the same
    const after = json(cli(['-f', 'json', 'kecheng.md'], dir).out)[0].messages.length;
    expect(r.out).toContain(`${after * 2} problems`);
    const again = cli(['--lang', 'en', '--fix', 'clean.md'], dir);
    expect(again.out).toContain('applied 0 fixes in 0 files');
    // a machine format stays parseable and stderr quiet
    const machine = cli(['-f', 'json', '--fix', 'kecheng.md'], dir);
    expect(machine.err).toBe('');
    expect(JSON.parse(machine.out)).toHaveLength(1);
    expect(cli(['--fix', 'clean.md'], dir).out).toContain('已在 0 个文件中应用 0 处修复');
  });

  test('argument errors in the chosen language; English plurals; an empty file is one line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-msg-'));
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'blank.txt'), ' \n\n\u3000\n');
    const en = cli(['--lang', 'en', '--bogus', 'x'], dir);
    expect(en.code).toBe(2);
    expect(en.err).toContain('unknown option "--bogus"');
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]/);
    expect(cli(['--bogus', 'x'], dir).err).toContain('未知的选项“--bogus”');
    expect(cli(['--lang=en', '-f'], dir).err).toContain('option --format needs a value');
    expect(cli(['--lang', 'en', '-f', 'xml', 'x'], dir).err).toContain('unknown format "xml" (available: stylish, json, sarif, github, junit, html, csv)');
    expect(cli(['--lang', 'en'], dir).err).toContain('no files or directories given');
    expect(cli(['--lang', 'en', '--fix', '--fix-dry-run', 'x'], dir).err).not.toMatch(/[\u4e00-\u9fff]/);

    const one = cli(['--lang', 'en', 'empty.md'], dir);
    expect(one.out).toContain('The file is empty');
    expect(one.out).toContain('1 problem (0 errors, 1 warning, 0 infos)');
    expect(one.out).toContain('1 file checked');
    expect(one.out).not.toContain('section-missing');
    const blank = json(cli(['-f', 'json', 'blank.txt', 'empty.md'], dir).out);
    expect(blank.map((f) => f.messages.map((m) => m.ruleId))).toEqual([['empty-file'], ['empty-file']]);
    expect(cli(['--lang', 'en', 'blank.txt', 'empty.md'], dir).out).toContain('2 problems (0 errors, 2 warnings, 0 infos)\n2 files checked');
    // a walk does not count an empty file as a report
    expect(json(cli(['-f', 'json', '.'], dir).out)).toEqual([]);
  });
});
