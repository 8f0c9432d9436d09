/**
 * fazhi-lint [options] <file|dir|glob>... — the same rules as the editor, for a terminal or a CI job.
 * Exit codes: 0 no errors, 1 errors found, 2 usage, config or input problem.
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { runExport } from './export.js';
import * as path from 'node:path';
import { ConfigError, allRules, previousPlans, ui, type Language, type PreviousText, type Report } from '../rules/index.js';
import { ConfigLookup, PreviousFinder, checkFile, writeOutputFile, expandTargets, problemText, readView, type FileCheck, type FileContext, type FoundConfig, type TargetError } from '../node/index.js';
import { formatFileStylish, formatSummary } from './formatters/stylish.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { renderReviewHtml } from '../output/review/html.js';
import { renderReviewCsv } from '../output/review/csv.js';
import { reviewOf } from '../output/review/model.js';
import type { FileResult, FormatContext } from './result.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
const FORMATS = ['stylish', 'json', 'sarif', 'html', 'csv'];

const HELP_ZH = `用法：fazhi-lint [选项] <文件|目录|glob>...
检查法治政府建设年度报告草稿（Markdown、纯文本或 Word .docx）。

  -f, --format <名称>      输出格式：stylish（默认）、json、sarif、html（审查意见页）、csv（汇总表）
  -o, --output-file <文件> 把输出写入文件而不是标准输出
      --fix                应用所有安全的自动修复并写回文件
      --fix-dry-run        打印修复后的文本，不写文件
      --checklist          列出每个文件的法定部分清单和上年度安排落实情况
      --previous <文件>    上年度报告（不写则在同一文件夹和本次检查的文件中查找同一机关上一年度的报告）
      --print-text         打印检查所用的文字视图（.docx：每段一行，含自动编号，修订按接受处理）
      --lang <zh-CN|en>    消息语言（默认 zh-CN）
  -c, --config <文件>      使用指定的配置文件，不向上查找
      --stdin-filename <名> 从标准输入（-）读取时使用的文件名
      --no-color           不使用颜色
  -h, --help               显示帮助
  -v, --version            显示版本

       fazhi-lint export <草稿.md> [-o <输出.docx>]   导出为 GB/T 9704-2012 公文格式的 Word 文档

目录中只检查看起来是年度报告的 .md、.markdown、.txt、.docx 文件；命令行上直接写出的文件总会检查。
退出码：0 无错误；1 发现错误；2 用法、配置或输入有误。`;

const HELP_EN = `Usage: fazhi-lint [options] <file|dir|glob>...
Checks drafts of annual reports on building a rule-of-law government (Markdown, plain text or Word .docx).

  -f, --format <name>       stylish (default), json, sarif, html (printable review), csv (summary table)
  -o, --output-file <file>  write the output to a file instead of standard output
      --fix                 apply every safe fix and write the files
      --fix-dry-run         print the fixed text instead of writing it
      --checklist           print each file's statutory checklist and last year's plans followed up
      --previous <file>     last year's report (without it: the same organ's report for the year before,
                            looked for in the same folder, then among the files checked)
      --print-text          print the text view that is checked (.docx: a line per paragraph, numbering
                            rendered, tracked changes accepted)
      --lang <zh-CN|en>     message language (default zh-CN)
  -c, --config <file>       use this config file instead of searching upward
      --stdin-filename <n>  file name to use for input read from stdin (-)
      --no-color            no colours
  -h, --help                show this help
  -v, --version             show the version

       fazhi-lint export <draft.md> [-o <output.docx>]   export to Word in GB/T 9704-2012 form

Directories are searched for .md, .markdown, .txt and .docx files that look like annual reports; files named
on the command line are always checked.
Exit codes: 0 no errors; 1 errors found; 2 usage, config or input problem.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Uint8Array;
  isTTY: boolean;
  cwd: string;
}

/** The command line: `fazhi-lint export …` (asynchronous: the Word writer is), else a check. */
export function run(argv: string[], io: Io): Promise<number> {
  // the one subcommand; a file named "export" is checked as ./export
  if (argv[0] === 'export') return runExport(argv.slice(1), io);
  return Promise.resolve(main(argv, io));
}

export function main(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        checklist: { type: 'boolean', default: false },
        previous: { type: 'string' },
        'print-text': { type: 'boolean', default: false },
        lang: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`fazhi-lint: ${(err as Error).message}\n${HELP_ZH.split('\n')[0]}\n`);
    return EXIT.usage;
  }
  const o = parsed.values;
  if (o.lang !== undefined && o.lang !== 'zh-CN' && o.lang !== 'en') {
    io.stderr(`fazhi-lint: --lang 应为 zh-CN 或 en / --lang must be zh-CN or en (got "${o.lang}")\n`);
    return EXIT.usage;
  }
  const lang: Language = (o.lang as Language | undefined) ?? 'zh-CN';
  if (o.help) {
    io.stdout((lang === 'en' ? HELP_EN : HELP_ZH) + '\n');
    return EXIT.ok;
  }
  if (o.version) {
    io.stdout(VERSION + '\n');
    return EXIT.ok;
  }
  const format = o.format as string;
  if (!FORMATS.includes(format)) {
    io.stderr(`fazhi-lint: 未知的输出格式“${format}”（可用：${FORMATS.join('、')}）/ unknown format\n`);
    return EXIT.usage;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`fazhi-lint: 请指定要检查的文件或目录 / no files given\n${HELP_ZH.split('\n')[0]}\n`);
    return EXIT.usage;
  }
  if (o.fix && o['fix-dry-run']) {
    io.stderr('fazhi-lint: --fix 与 --fix-dry-run 不能同时使用 / --fix and --fix-dry-run are exclusive\n');
    return EXIT.usage;
  }

  if (o['print-text']) return printText(parsed.positionals, io, lang, o['stdin-filename']);

  const color = o['no-color'] ? false : o.color ?? (io.isTTY && format === 'stylish' && !process.env.NO_COLOR);
  const ctx: FormatContext = { lang, color, cwd: io.cwd, skipped: 0 };
  let inputProblem = false;
  const problem = (s: string) => {
    inputProblem = true;
    io.stderr(`fazhi-lint: ${s}\n`);
  };

  // where config files and their extends may be read: the working directory, the trees named, an explicit --config
  const fileArgs = parsed.positionals.filter((a) => a !== '-');
  const namedPrevious = o.previous !== undefined ? path.resolve(io.cwd, o.previous) : undefined;
  const roots = [io.cwd, ...fileArgs.map((a) => treeOf(path.resolve(io.cwd, a))), ...(namedPrevious ? [path.dirname(namedPrevious)] : [])];
  const lookup = new ConfigLookup({ rules: allRules, roots });
  let explicitConfig: FoundConfig | undefined;
  if (o.config) {
    try {
      explicitConfig = lookup.load(path.resolve(io.cwd, o.config));
    } catch (err) {
      return configFailure(err, io, lang);
    }
  }
  // last year's report: the one named with --previous (read once, here), else per draft (config, folder, run)
  let runFiles: string[] | undefined;
  const finder = new PreviousFinder({
    roots,
    elsewhere: () => (runFiles ??= [...expandTargets(fileArgs, () => undefined, io.cwd)].map((t) => t.path)),
    onProblem: (file, p) => problem(ui(lang, 'previousProblem', { problem: problemText(lang, path.relative(io.cwd, file) || file, p) })),
  });
  const flagPrevious: PreviousText | null | undefined = namedPrevious ? finder.named(namedPrevious) : undefined;
  const contextFor = (file: string): FileContext => {
    const found = explicitConfig ?? lookup.forFile(file);
    const previous =
      flagPrevious !== undefined ? (flagPrevious?.filePath === file ? null : flagPrevious) : (report: Report) => finder.previousFor(report, file, found.config.previous);
    return { config: found.config, language: lang, globBase: found.file ? found.dir : io.cwd, previous };
  };

  // -o: everything that would go to standard output goes to the file instead, written once at the end
  const buffered: string[] = [];
  const emit = o['output-file'] ? (s: string) => void buffered.push(s) : io.stdout;
  const results: FileResult[] = [];
  const progress = io.isTTY && !o['fix-dry-run'] && (format === 'stylish' || !!o['output-file']);
  let done = 0;
  const reportedConfigErrors = new Set<string>();

  const fixMode = o.fix ? 'write' : o['fix-dry-run'] ? 'preview' : undefined;
  const display = (file: string) => (file === '<stdin>' ? file : path.relative(io.cwd, file));

  const handle = (outcome: FileCheck, shownAs: string) => {
    if (outcome.kind === 'skipped') {
      if (outcome.why === 'notReport') ctx.skipped++;
      return;
    }
    if (outcome.kind === 'failed') {
      if (outcome.problem.kind === 'config') {
        // one line per broken config, however many files it governs
        if (reportedConfigErrors.has(outcome.problem.error.message)) {
          inputProblem = true;
          return;
        }
        reportedConfigErrors.add(outcome.problem.error.message);
      }
      problem(problemText(lang, shownAs, outcome.problem));
      return;
    }
    if (outcome.fix) {
      if (o['fix-dry-run'] && outcome.fix.problem?.kind !== 'docxFix') emit(outcome.fix.output);
      if (outcome.fix.problem) problem(problemText(lang, shownAs, outcome.fix.problem));
    }
    const { result } = outcome.check;
    const fr: FileResult = { filePath: outcome.filePath, findings: result.findings, checklist: result.checklist.map((c) => ({ ...c })) };
    const wantsPrevious = o.checklist || format === 'json' || format === 'html' || format === 'csv';
    if (wantsPrevious) fr.previous = previousPlans(result.report, contextFor(outcome.filePath).config);
    if (format === 'html' || format === 'csv') {
      const p = fr.previous;
      fr.review = reviewOf(result, path.relative(io.cwd, outcome.filePath) || outcome.filePath, p ? { followed: p.followed, total: p.plans.length } : null);
    }
    results.push(fr);
    if (format === 'stylish' && !o['fix-dry-run']) {
      if (progress) io.stderr('\r\u001b[K');
      const s = formatFileStylish(fr, ctx, !!o.checklist);
      if (s) emit(s + '\n');
    }
  };

  const onTargetError = (e: TargetError) =>
    problem(
      e.reason === 'notFound'
        ? ui(lang, 'notFound', { file: e.path })
        : e.reason === 'outside'
          ? ui(lang, 'outsideWorkspace', { file: display(e.path) })
          : ui(lang, 'unreadable', { file: e.path, reason: e.detail ?? '' }),
    );

  for (const arg of parsed.positionals) {
    if (arg !== '-') continue;
    const name = path.resolve(io.cwd, o['stdin-filename'] ?? 'stdin.md');
    // stdin has no file to write back to: only --fix-dry-run fixes it (and prints the fixed text)
    handle(checkFile(name, { explicit: true, contextFor, bytes: io.readStdin(), fix: o['fix-dry-run'] ? 'preview' : undefined }), '<stdin>');
  }
  for (const target of expandTargets(fileArgs, onTargetError, io.cwd)) {
    done++;
    if (progress) io.stderr(`\r\u001b[K${ui(lang, 'progress', { done, total: '…' })} ${display(target.path)}`);
    handle(checkFile(target.path, { explicit: target.explicit, contextFor, fix: fixMode }), display(target.path));
  }
  if (progress) io.stderr('\r\u001b[K');

  if (format === 'json') emit(formatJson(results) + '\n');
  else if (format === 'sarif') emit(formatSarif(results, ctx, VERSION) + '\n');
  else if (format === 'html') emit(renderReviewHtml(results.map((r) => r.review!), { lang }));
  else if (format === 'csv') emit(renderReviewCsv(results.map((r) => r.review!), lang));
  else if (!o['fix-dry-run'] && (results.length > 0 || !inputProblem)) emit(formatSummary(results, ctx));
  if (o['output-file']) {
    const written = writeOutputFile(path.resolve(io.cwd, o['output-file']), new TextEncoder().encode(buffered.join('')));
    if (!written.ok) problem(ui(lang, 'unwritable', { file: o['output-file'], reason: written.code }));
  }

  if (inputProblem) return EXIT.usage;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.errors : EXIT.ok;

}

/**
 * --print-text: the text view each file is checked as (a .docx: one line per paragraph, numbering rendered,
 * tracked changes accepted), so anyone can see what was checked and where line N is.
 */
function printText(args: string[], io: Io, lang: Language, stdinName?: string): number {
  let failed = false;
  for (const arg of args) {
    const file = arg === '-' ? path.resolve(io.cwd, stdinName ?? 'stdin.md') : path.resolve(io.cwd, arg);
    const r = readView(file, arg === '-' ? { bytes: io.readStdin() } : { roots: [io.cwd, treeOf(file)] });
    if (!r.ok) {
      failed = true;
      io.stderr(`fazhi-lint: ${problemText(lang, arg === '-' ? '<stdin>' : path.relative(io.cwd, file) || arg, r.problem)}\n`);
      continue;
    }
    const text = r.view.text;
    io.stdout(text.endsWith('\n') || text === '' ? text : text + '\n');
  }
  return failed ? EXIT.usage : EXIT.ok;
}

function configFailure(err: unknown, io: Io, lang: Language): number {
  if (err instanceof ConfigError) {
    io.stderr(`fazhi-lint: ${ui(lang, 'configError', { file: err.file, line: err.line, column: err.column, message: err.detail })}\n`);
    return EXIT.usage;
  }
  throw err;
}

/** A named file stands for its directory's tree, a named directory for itself. */
function treeOf(abs: string): string {
  try {
    return statSync(abs).isDirectory() ? abs : path.dirname(abs);
  } catch {
    return path.dirname(abs);
  }
}
