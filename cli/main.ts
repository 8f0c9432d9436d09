/**
 * fazhi-lint [options] <file|dir|glob>... — the same rules as the editor, for a terminal or a CI job.
 * Exit codes: 0 no errors, 1 errors found, 2 usage, config or input problem.
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import {
  check,
  ConfigError,
  configForFile,
  findConfigFile,
  fixAll,
  loadConfigFile,
  looksLikeReport,
  allRules,
  ui,
  type Language,
  type ResolvedConfig,
} from '../rules/index.js';
import { decode } from './decode.js';
import { expandTargets, matchesConfigGlobs, type TargetError } from './files.js';
import { nodeConfigHost } from './nodeHost.js';
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
/** formats whose whole output is one document, written once at the end */
const DOCUMENT_FORMATS = ['json', 'sarif', 'html', 'csv'];

const HELP_ZH = `用法：fazhi-lint [选项] <文件|目录|glob>...
检查法治政府建设年度报告草稿（Markdown 或纯文本）。

  -f, --format <名称>      输出格式：stylish（默认）、json、sarif、html（审查意见页）、csv（汇总表）
  -o, --output-file <文件> 把输出写入文件而不是标准输出
      --fix                应用所有安全的自动修复并写回文件
      --fix-dry-run        打印修复后的文本，不写文件
      --checklist          列出每个文件的法定部分清单
      --lang <zh-CN|en>    消息语言（默认 zh-CN）
  -c, --config <文件>      使用指定的配置文件，不向上查找
      --stdin-filename <名> 从标准输入（-）读取时使用的文件名
      --no-color           不使用颜色
  -h, --help               显示帮助
  -v, --version            显示版本

目录中只检查看起来是年度报告的 .md、.markdown、.txt 文件；命令行上直接写出的文件总会检查。
退出码：0 无错误；1 发现错误；2 用法、配置或输入有误。`;

const HELP_EN = `Usage: fazhi-lint [options] <file|dir|glob>...
Checks drafts of annual reports on building a rule-of-law government (Markdown or plain text).

  -f, --format <name>       stylish (default), json, sarif, html (printable review), csv (summary table)
  -o, --output-file <file>  write the output to a file instead of standard output
      --fix                 apply every safe fix and write the files
      --fix-dry-run         print the fixed text instead of writing it
      --checklist           print each file's statutory checklist
      --lang <zh-CN|en>     message language (default zh-CN)
  -c, --config <file>       use this config file instead of searching upward
      --stdin-filename <n>  file name to use for input read from stdin (-)
      --no-color            no colours
  -h, --help                show this help
  -v, --version             show the version

Directories are searched for .md, .markdown and .txt files that look like annual reports; files named
on the command line are always checked.
Exit codes: 0 no errors; 1 errors found; 2 usage, config or input problem.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Uint8Array;
  isTTY: boolean;
  cwd: string;
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

  const color = o['no-color'] ? false : o.color ?? (io.isTTY && format === 'stylish' && !process.env.NO_COLOR);
  const ctx: FormatContext = { lang, color, cwd: io.cwd, skipped: 0 };
  let inputProblem = false;
  const problem = (s: string) => {
    inputProblem = true;
    io.stderr(`fazhi-lint: ${s}\n`);
  };

  // config: one explicit file, or the nearest per directory (cached)
  let explicitConfig: ResolvedConfig | undefined;
  if (o.config) {
    const p = path.resolve(io.cwd, o.config);
    try {
      explicitConfig = loadConfigFile(nodeConfigHost, p, allRules);
    } catch (err) {
      return configFailure(err, io, lang);
    }
  }
  const configCache = new Map<string, { config: ResolvedConfig; dir: string } | Error>();
  const configFor = (file: string): { config: ResolvedConfig; dir: string } => {
    if (explicitConfig) return { config: explicitConfig, dir: path.dirname(path.resolve(io.cwd, o.config!)) };
    const dir = path.dirname(file);
    let hit = configCache.get(dir);
    if (!hit) {
      try {
        const found = findConfigFile(nodeConfigHost, dir);
        hit = { config: configForFile(nodeConfigHost, file, allRules), dir: found ? path.dirname(found) : io.cwd };
      } catch (err) {
        hit = err as Error;
      }
      configCache.set(dir, hit);
    }
    if (hit instanceof Error) throw hit;
    return hit;
  };

  // -o: everything that would go to standard output goes to the file instead, written once at the end
  const buffered: string[] = [];
  const emit = o['output-file'] ? (s: string) => void buffered.push(s) : io.stdout;
  const results: FileResult[] = [];
  const progress = io.isTTY && !o['fix-dry-run'] && (format === 'stylish' || !!o['output-file']);
  let done = 0;
  const reportedConfigErrors = new Set<string>();

  const checkText = (filePath: string, text: string, explicit: boolean, write?: (out: string) => void) => {
    let cfg;
    try {
      cfg = configFor(filePath);
    } catch (err) {
      if (err instanceof ConfigError) {
        if (!reportedConfigErrors.has(err.message)) {
          reportedConfigErrors.add(err.message);
          problem(ui(lang, 'configError', { file: err.file, line: err.line, column: err.column, message: err.detail }));
        }
        return;
      }
      throw err;
    }
    if (!explicit && !matchesConfigGlobs(filePath, cfg.dir, cfg.config.include, cfg.config.exclude)) return;
    const options = { config: cfg.config, language: lang, filePath };
    let result = check(text, options);
    if (!explicit && !looksLikeReport(result.report)) {
      ctx.skipped++;
      return;
    }
    if (o.fix || o['fix-dry-run']) {
      const fixed = fixAll(text, options);
      if (o['fix-dry-run']) emit(fixed.output);
      else if (fixed.output !== text && write) write(fixed.output);
      if (fixed.output !== text) result = check(fixed.output, options);
    }
    const fr: FileResult = { filePath, findings: result.findings, checklist: result.checklist.map((c) => ({ ...c })) };
    if (format === 'html' || format === 'csv') fr.review = reviewOf(result, path.relative(io.cwd, filePath) || filePath);
    results.push(fr);
    if (format === 'stylish' && !o['fix-dry-run']) {
      if (progress) io.stderr('\r\u001b[K');
      const s = formatFileStylish(fr, ctx, !!o.checklist);
      if (s) emit(s + '\n');
    }
  };

  const onTargetError = (e: TargetError) =>
    problem(e.reason === 'notFound' ? ui(lang, 'notFound', { file: e.path }) : ui(lang, 'unreadable', { file: e.path, reason: e.detail ?? '' }));

  for (const arg of parsed.positionals) {
    if (arg !== '-') continue;
    const name = path.resolve(io.cwd, o['stdin-filename'] ?? 'stdin.md');
    const decoded = decode(io.readStdin());
    if (!decoded.ok) problem(ui(lang, decoded.reason === 'binary' ? 'binaryFile' : 'undecodable', { file: '<stdin>' }));
    else checkText(name, decoded.text, true);
  }
  const fileArgs = parsed.positionals.filter((a) => a !== '-');
  for (const target of expandTargets(fileArgs, onTargetError, io.cwd)) {
    done++;
    if (progress) io.stderr(`\r\u001b[K${ui(lang, 'progress', { done, total: '…' })} ${path.relative(io.cwd, target.path)}`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(target.path);
    } catch (err) {
      problem(ui(lang, 'unreadable', { file: path.relative(io.cwd, target.path), reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
      continue;
    }
    const decoded = decode(bytes);
    if (!decoded.ok) {
      if (target.explicit) problem(ui(lang, decoded.reason === 'binary' ? 'binaryFile' : 'undecodable', { file: path.relative(io.cwd, target.path) }));
      continue;
    }
    checkText(target.path, decoded.text, target.explicit, (out) => writeBack(target.path, out, decoded.encoding, bytes, problem, lang));
  }
  if (progress) io.stderr('\r\u001b[K');

  if (format === 'json') emit(formatJson(results) + '\n');
  else if (format === 'sarif') emit(formatSarif(results, ctx, VERSION) + '\n');
  else if (format === 'html') emit(renderReviewHtml(results.map((r) => r.review!), { lang }));
  else if (format === 'csv') emit(renderReviewCsv(results.map((r) => r.review!), lang));
  else if (!o['fix-dry-run'] && (results.length > 0 || !inputProblem)) emit(formatSummary(results, ctx));
  if (o['output-file']) {
    try {
      writeAtomic(path.resolve(io.cwd, o['output-file']), buffered.join(''));
    } catch (err) {
      problem(ui(lang, 'unwritable', { file: o['output-file'], reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
  }

  if (inputProblem) return EXIT.usage;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.errors : EXIT.ok;

}

/** Write beside the target, then rename over it: a reader never sees half a file, a failure leaves the old one. */
function writeAtomic(target: string, text: string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

function configFailure(err: unknown, io: Io, lang: Language): number {
  if (err instanceof ConfigError) {
    io.stderr(`fazhi-lint: ${ui(lang, 'configError', { file: err.file, line: err.line, column: err.column, message: err.detail })}\n`);
    return EXIT.usage;
  }
  throw err;
}

function writeBack(file: string, text: string, encoding: string, original: Buffer, problem: (s: string) => void, lang: Language): void {
  let out: Buffer;
  if (encoding === 'utf-8') {
    const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    out = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  } else if (encoding === 'utf-16le') {
    out = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  } else if (encoding === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    out = Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  } else {
    problem(
      lang === 'en'
        ? `${file}: encoded as ${encoding}; fixes were not written (save it as UTF-8 to use --fix)`
        : `${file}：文件编码为 ${encoding}，未写入修复（请另存为 UTF-8 后再使用 --fix）`,
    );
    return;
  }
  writeFileSync(file, out);
}
