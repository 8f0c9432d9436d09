/**
 * fazhi-lint [options] <file|dir|glob>... — the same rules as the editor, for a terminal or a CI job.
 * Exit codes: 0 no errors, 1 errors found, 2 usage, config or input problem.
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError, allRules, clearCaches, defaultConfig, previousPlans, readsPrevious, say, ui, type Finding, type Language, type PreviousText, type Report, type ResolvedConfig, type SeveritySetting } from '../rules/index.js';
import { ConfigLookup, PreviousFinder, checkFile, fixFile, loadIgnore, refusalText, writeOutputFile, expandTargets, problemText, readView, type FileCheck, type FileContext, type CandidateFact, type FoundConfig, type Target, type TargetError } from '../node/index.js';
import { formatFileStylish, formatSummary } from './formatters/stylish.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatGithub } from './formatters/github.js';
import { formatJunit } from './formatters/junit.js';
import { renderReviewHtml } from '../output/review/html.js';
import { renderReviewCsv } from '../output/review/csv.js';
import { reviewOf } from '../output/review/model.js';
import { counts, type FileResult, type FormatContext } from './result.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html', 'csv'];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];


export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Uint8Array;
  isTTY: boolean;
  cwd: string;
}

/** The language asked for, read before the arguments are parsed: an argument error is worded in it too. */
function languageOf(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const v = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    if (v === 'en' || v === 'zh-CN') return v;
  }
  return 'zh-CN';
}

/** parseArgs's error, in the user's language (its own text is English only). */
function argumentError(err: unknown, lang: Language): string {
  const e = err as NodeJS.ErrnoException;
  // "Option '-f, --format <value>' argument missing": the long name
  const option = /'(-[^']*)'/.exec(e.message ?? '')?.[1]?.split(', ').pop()?.split(' ')[0] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return ui(lang, 'cli_unknownOption', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? ui(lang, 'cli_missingValue', { option }) : ui(lang, 'cli_unexpectedValue', { option });
    default:
      return ui(lang, 'cli_badArgs', { detail: e.message ?? String(err) });
  }
}

/** --rule id:severity, checked against the rules (a typo is named, with the nearest id). */
function parseRuleOverrides(values: readonly string[], lang: Language): { ok: true; overrides: Map<string, SeveritySetting> } | { ok: false; message: string } {
  const overrides = new Map<string, SeveritySetting>();
  const ids = allRules.map((r) => r.meta.id);
  for (const v of values) {
    const m = /^([\w-]+)\s*[:=]\s*(\w+)$/.exec(v.trim());
    if (!m) return { ok: false, message: ui(lang, 'cli_badRule', { value: v }) };
    const [, id, severity] = m;
    if (!ids.includes(id)) {
      const near = ids.find((x) => x.includes(id) || id.includes(x) || editDistance(x, id) <= 3);
      return { ok: false, message: ui(lang, 'cli_unknownRule', { rule: id, hint: near ? ui(lang, 'cli_didYouMean', { near }) : '' }) };
    }
    if (!SEVERITIES.includes(severity as SeveritySetting)) return { ok: false, message: ui(lang, 'cli_badSeverity', { rule: id, value: severity }) };
    overrides.set(id, severity as SeveritySetting);
  }
  return { ok: true, overrides };
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function withOverrides(config: ResolvedConfig, overrides: ReadonlyMap<string, SeveritySetting>): ResolvedConfig {
  if (!overrides.size) return config;
  const rules = { ...config.rules };
  for (const [id, severity] of overrides) rules[id] = { severity, options: rules[id]?.options ?? {} };
  return { ...config, rules };
}

/** --print-config: what applies to a file, as a config file would write it (a rule's options only when it has any). */
function printableConfig(found: FoundConfig): unknown {
  const c = found.config;
  const rules: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(c.rules)) rules[id] = Object.keys(s.options).length ? [s.severity, s.options] : s.severity;
  // ignores as their files write them, each with the file that holds it
  const ignores = c.ignores?.map((e) => ({ ...e.written, in: e.source }));
  return { files: c.files, language: c.language, include: c.include, exclude: c.exclude, rules, ...(ignores ? { ignores } : {}) };
}

/**
 * The checking thread's part of a run (cli/worker.ts): the same options, config and last year's report as the
 * main thread's, one file at a time, each answered as a FileRecord the main thread prints in order.
 */
export interface RunChecker {
  check(target: Target, fix?: FixInfo): FileRecord;
  fix(target: Target): FixInfo | undefined;
  /** a file's year and organ as a candidate for last year's report (undefined: it cannot be one) */
  fact(target: Target): FileFact | undefined;
  /** what another thread read of a file as a candidate: its year and organ */
  learn(fact: FileFact): void;
  /** whether drafts look for last year's report among files (not when --previous names it) */
  pairs: boolean;
}

/** A checked file's year and organ (node/previous.ts's learn), as one thread tells the others. */
export interface FileFact extends CandidateFact {
  file: string;
}

/** What --fix did to a file (node/check.ts's fix of a FileCheck). */
export type FixInfo = NonNullable<(FileCheck & { kind: 'checked' })['fix']>;

/**
 * One checked file as the run prints it: plain data (it crosses from a checking thread), the problems already
 * worded. The main thread applies the records in the files' order, so the output is the same however many
 * threads checked them.
 */
export interface FileRecord {
  /** lines about last year's report met while checking this file (each printed once per run) */
  notes: string[];
  outcome:
    | { kind: 'skipped'; notReport: boolean }
    | { kind: 'failed'; text: string; configKey?: string }
    | { kind: 'checked'; filePath: string; fr: FileResult; preview?: string; fixProblem?: string; written: boolean; fixes: number };
}

/** More files than this are checked by threads beside the main one (fewer do not repay starting them). */
export const THREAD_MIN_FILES = 8;

/** The command line's check, on this thread only (cli/bin.ts checks a batch in threads, cli/threads.ts: the same output). */
export function main(argv: string[], io: Io): number {
  const r = begin(argv, io);
  if (typeof r === 'number') return r;
  runHere(r.targets(), r);
  return r.finish();
}

export function runHere(targets: Target[], r: Begun): void {
  // --fix: every fix written first, then every file checked (node/check.ts's fixFile says why)
  const fixes = r.fixWrite ? targets.map((t) => r.checker.fix(t)) : [];
  targets.forEach((t, i) => r.apply(t, r.checker.check(t, fixes[i])));
}

export interface Begun {
  targets(): Target[];
  checker: RunChecker;
  apply(target: Target, rec: FileRecord): void;
  fixWrite: boolean;
  finish(): number;
  /** last year's report named with --previous, as read when the run began (a checking thread is given it) */
  namedPrevious: PreviousText | null | undefined;
}

/**
 * Everything of a run up to the files: the options, the config lookup, last year's report, stdin (checked
 * here). A number: the run ended (usage, --help, --print-config…). `quiet`: a checking thread's own set-up, which
 * says nothing (the main thread said it).
 */
export function begin(argv: string[], io: Io, thread?: { namedPrevious: PreviousText | null | undefined }): number | Begun {
  const quiet = !!thread;
  const argLang = languageOf(argv);
  const usage = (message: string) => {
    io.stderr(`fazhi-lint: ${message}\n${ui(argLang, 'cli_usageLine')}\n`);
    return EXIT.usage;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        checklist: { type: 'boolean', default: false },
        previous: { type: 'string' },
        'print-text': { type: 'boolean', default: false },
        'print-config': { type: 'string' },
        lang: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    return usage(argumentError(err, argLang));
  }
  const o = parsed.values;
  if (o.lang !== undefined && o.lang !== 'zh-CN' && o.lang !== 'en') {
    // the language itself is in doubt: say it in both
    io.stderr(`fazhi-lint: ${ui('zh-CN', 'cli_badLang', { value: o.lang })} / ${ui('en', 'cli_badLang', { value: o.lang })}\n`);
    return EXIT.usage;
  }
  const lang: Language = (o.lang as Language | undefined) ?? 'zh-CN';
  if (o.help) {
    io.stdout(say(lang, 'cli_help') + '\n');
    return EXIT.ok;
  }
  if (o.version) {
    io.stdout(VERSION + '\n');
    return EXIT.ok;
  }
  const format = o.format as string;
  if (!FORMATS.includes(format)) return usage(ui(lang, 'cli_unknownFormat', { format, formats: FORMATS.join(lang === 'en' ? ', ' : '、') }));
  let maxWarnings: number | undefined;
  if (o['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(o['max-warnings'])) return usage(ui(lang, 'cli_badMaxWarnings', { value: o['max-warnings'] }));
    maxWarnings = Number(o['max-warnings']);
  }
  const rules = parseRuleOverrides(o.rule ?? [], lang);
  if (!rules.ok) return usage(rules.message);
  if (o.config && o['no-config']) return usage(ui(lang, 'cli_configExclusive'));
  if (parsed.positionals.length === 0 && o['print-config'] === undefined) return usage(ui(lang, 'cli_noFiles'));
  if (o.fix && o['fix-dry-run']) return usage(ui(lang, 'cli_fixExclusive'));

  if (o['print-text']) return printText(parsed.positionals, io, lang, o['stdin-filename']);

  // -o: no colours in a file
  const color = o['no-color'] || o['output-file'] ? false : o.color ?? (io.isTTY && format === 'stylish' && !process.env.NO_COLOR);
  const ctx: FormatContext = { lang, color, cwd: io.cwd, skipped: 0 };
  let inputProblem = false;
  const problem = (s: string) => {
    inputProblem = true;
    io.stderr(`fazhi-lint: ${s}\n`);
  };
  // last year's report could not be read: said once per run, in the order of the files that met it
  let notes: string[] = [];
  const said = new Set<string>();

  // a leading ! excludes (a glob relative to the working directory); everything else names what to check
  const negated = parsed.positionals.filter((a) => a.startsWith('!') && a.length > 1).map((a) => a.slice(1));
  const positionals = parsed.positionals.filter((a) => !(a.startsWith('!') && a.length > 1));
  // where config files and their extends may be read: the working directory, the trees named, an explicit --config
  const fileArgs = positionals.filter((a) => a !== '-');
  const printConfigFor = o['print-config'] !== undefined ? path.resolve(io.cwd, o['print-config']) : undefined;
  const namedPrevious = o.previous !== undefined ? path.resolve(io.cwd, o.previous) : undefined;
  const roots = [
    io.cwd,
    ...[...fileArgs, ...(o['print-config'] ? [o['print-config']] : [])].map((a) => treeOf(path.resolve(io.cwd, a))),
    ...(namedPrevious ? [path.dirname(namedPrevious)] : []),
  ];
  const lookup = new ConfigLookup({ rules: allRules, roots });
  let explicitConfig: FoundConfig | undefined;
  if (o['no-config']) explicitConfig = { config: defaultConfig(allRules), dir: io.cwd };
  else if (o.config) {
    try {
      explicitConfig = lookup.load(path.resolve(io.cwd, o.config));
    } catch (err) {
      return configFailure(err, io, lang);
    }
  }
  const configFor = (file: string): FoundConfig => {
    const found = explicitConfig ?? lookup.forFile(file);
    return { ...found, config: withOverrides(found.config, rules.overrides) };
  };
  // last year's report: the one named with --previous (read once, here), else per draft (config, folder, run)
  let runFiles: string[] | undefined;
  const finder = new PreviousFinder({
    roots,
    // one run: the folders and files stay as they are, but for the fixes this run writes (finder.changed)
    snapshot: true,
    elsewhere: () => (runFiles ??= [...expandTargets(fileArgs, () => undefined, io.cwd)].map((t) => t.path)),
    onProblem: (file, p) => void notes.push(ui(lang, 'previousProblem', { problem: problemText(lang, path.relative(io.cwd, file) || file, p) })),
  });
  // read once, before --fix writes anything: a checking thread gets the text the main thread read
  const flagPrevious: PreviousText | null | undefined = thread ? thread.namedPrevious : namedPrevious ? finder.named(namedPrevious) : undefined;
  const sayNotes = (lines: readonly string[]) => {
    for (const n of lines) if (!said.has(n)) {
      said.add(n);
      problem(n);
    }
  };
  if (quiet) notes = [];
  else {
    sayNotes(notes);
    notes = [];
  }
  const contextFor = (file: string): FileContext => {
    const found = configFor(file);
    const previous =
      flagPrevious !== undefined ? (flagPrevious?.filePath === file ? null : flagPrevious) : (report: Report) => finder.previousFor(report, file, found.config.previous);
    return { config: found.config, language: lang, globBase: found.file ? found.dir : io.cwd, previous };
  };

  if (printConfigFor !== undefined) {
    try {
      io.stdout(JSON.stringify(printableConfig(configFor(printConfigFor)), null, 2) + '\n');
    } catch (err) {
      return configFailure(err, io, lang);
    }
    return EXIT.ok;
  }

  const ignored = loadIgnore(io.cwd, negated);
  if (!ignored.ok) return usage(ui(lang, 'cli_ignoreFileError', { file: path.relative(io.cwd, ignored.file), reason: refusalText(ignored.failure) }));

  // -o: everything that would go to standard output goes to the file instead, written once at the end
  const buffered: string[] = [];
  const emit = o['output-file'] ? (s: string) => void buffered.push(s) : io.stdout;
  const results: FileResult[] = [];
  const progress = io.isTTY && !o['fix-dry-run'] && (format === 'stylish' || !!o['output-file']);
  let done = 0;
  const reportedConfigErrors = new Set<string>();
  const fixTally = { fixes: 0, files: 0 };

  const fixMode = o.fix ? 'write' : o['fix-dry-run'] ? 'preview' : undefined;
  const display = (file: string) => (file === '<stdin>' ? file : path.relative(io.cwd, file));

  /** A file's outcome as the run prints it (on the thread that checked it). */
  const recordOf = (outcome: FileCheck, shownAs: string): FileRecord => {
    const rec = (o2: FileRecord['outcome']): FileRecord => {
      const r = { notes, outcome: o2 };
      notes = [];
      return r;
    };
    if (outcome.kind === 'skipped') return rec({ kind: 'skipped', notReport: outcome.why === 'notReport' });
    if (outcome.kind === 'failed') {
      const configKey = outcome.problem.kind === 'config' ? outcome.problem.error.message : undefined;
      return rec({ kind: 'failed', text: problemText(lang, shownAs, outcome.problem), configKey });
    }
    const { result } = outcome.check;
    const findings = o.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    const fr: FileResult = { filePath: outcome.filePath, findings, checklist: result.checklist.map((c) => ({ ...c })), profile: result.profile, coverage: result.coverage };
    const wantsPrevious = o.checklist || format === 'json' || format === 'html' || format === 'csv';
    if (wantsPrevious) fr.previous = previousPlans(result.report, contextFor(outcome.filePath).config);
    if (format === 'html' || format === 'csv') {
      const p = fr.previous;
      fr.review = reviewOf(result, path.relative(io.cwd, outcome.filePath) || outcome.filePath, p ? { followed: p.followed, total: p.plans.length } : null);
    }
    const fix = outcome.fix;
    return rec({
      kind: 'checked',
      filePath: outcome.filePath,
      fr,
      preview: o['fix-dry-run'] && fix && fix.problem?.kind !== 'docxFix' ? fix.output : undefined,
      fixProblem: fix?.problem ? problemText(lang, shownAs, fix.problem) : undefined,
      written: !!fix?.written,
      fixes: fix?.written ? fix.fixes : 0,
    });
  };

  const apply = (rec: FileRecord) => {
    sayNotes(rec.notes);
    const out = rec.outcome;
    if (out.kind === 'skipped') {
      if (out.notReport) ctx.skipped++;
      return;
    }
    if (out.kind === 'failed') {
      if (out.configKey !== undefined) {
        // one line per broken config, however many files it governs
        if (reportedConfigErrors.has(out.configKey)) {
          inputProblem = true;
          return;
        }
        reportedConfigErrors.add(out.configKey);
      }
      problem(out.text);
      return;
    }
    if (out.preview !== undefined) emit(out.preview);
    if (out.fixProblem) problem(out.fixProblem);
    if (out.written) {
      fixTally.fixes += out.fixes;
      fixTally.files++;
    }
    if (format === 'stylish') {
      if (!o['fix-dry-run']) {
        if (progress) io.stderr('\r\u001b[K');
        const s = formatFileStylish(out.fr, ctx, !!o.checklist);
        if (s) emit(s + '\n');
      }
      // printed: the summary and the exit code read only the findings' severities, so a batch keeps no more
      results.push({ filePath: out.fr.filePath, findings: out.fr.findings.map((f) => ({ severity: f.severity }) as Finding), checklist: [] });
    } else results.push(out.fr);
  };

  const onTargetError = (e: TargetError) =>
    problem(
      e.reason === 'notFound'
        ? ui(lang, 'notFound', { file: e.path })
        : e.reason === 'outside'
          ? ui(lang, 'outsideWorkspace', { file: display(e.path) })
          : ui(lang, 'unreadable', { file: e.path, reason: e.detail ?? '' }),
    );

  // a file's caches go with it (rules/model/cache.ts): a batch's memory stays that of one file, and each file's
  // findings are those of a cold check, whichever files went before it on its thread
  const checker: RunChecker = {
    check(target, fix) {
      const outcome = checkFile(target.path, { explicit: target.explicit, contextFor, fix: fixMode === 'write' ? undefined : fixMode, view: finder.takeView(target.path) });
      if (fix && outcome.kind === 'checked') outcome.fix = fix;
      const r = recordOf(outcome, display(target.path));
      // the caches go, the report stays for the next draft, which may be this file's next year (a --fix-dry-run
      // that fixed something checked the fixed text, not the file's) — unless no rule of this file's config reads
      // last year's report: then nothing is kept (the next draft, under another config, reads the file if it pairs)
      if (outcome.kind === 'checked' && !(fixMode === 'preview' && outcome.fix?.changed) && readsPrevious(contextFor(outcome.filePath).config)) {
        finder.justChecked(outcome.filePath, outcome.check.result.report);
      }
      clearCaches();
      return r;
    },
    fact(target) {
      const fact = finder.candidate(target.path);
      clearCaches();
      return fact && { file: target.path, ...fact };
    },
    learn: (fact) => finder.learn(fact.file, fact),
    pairs: flagPrevious === undefined,
    fix(target) {
      const f = fixFile(target.path, { explicit: target.explicit, contextFor });
      clearCaches();
      return f;
    },
  };
  if (quiet) return { targets: () => [], checker, apply: () => {}, fixWrite: false, finish: () => EXIT.ok, namedPrevious: flagPrevious };

  for (const arg of positionals) {
    if (arg !== '-') continue;
    const name = path.resolve(io.cwd, o['stdin-filename'] ?? 'stdin.md');
    // stdin has no file to write back to: only --fix-dry-run fixes it (and prints the fixed text)
    apply(recordOf(checkFile(name, { explicit: true, contextFor, bytes: io.readStdin(), fix: o['fix-dry-run'] ? 'preview' : undefined }), '<stdin>'));
  }

  const finish = (): number => {
    if (progress) io.stderr('\r\u001b[K');
    // what --fix wrote: with the stylish report, above its summary (a machine format stays what it is, stderr quiet)
    const fixLine = o.fix ? ui(lang, 'cli_fixSummary', { fixes: fixTally.fixes, files: fixTally.files }) + '\n' : '';
    if (format === 'json') emit(formatJson(results) + '\n');
    else if (format === 'sarif') emit(formatSarif(results, ctx, VERSION) + '\n');
    else if (format === 'github') emit(formatGithub(results, ctx));
    else if (format === 'junit') emit(formatJunit(results, ctx));
    else if (format === 'html') emit(renderReviewHtml(results.map((r) => r.review!), { lang }));
    else if (format === 'csv') emit(renderReviewCsv(results.map((r) => r.review!), lang));
    else if (!o['fix-dry-run'] && (results.length > 0 || !inputProblem)) emit(fixLine + formatSummary(results, ctx));
    if (o['output-file']) {
      const written = writeOutputFile(path.resolve(io.cwd, o['output-file']), new TextEncoder().encode(buffered.join('')));
      if (!written.ok) problem(ui(lang, 'unwritable', { file: o['output-file'], reason: written.code }));
    }

    if (inputProblem) return EXIT.usage;
    const total = counts(results.flatMap((r) => r.findings));
    if (total.errorCount) return EXIT.errors;
    if (maxWarnings !== undefined && total.warningCount > maxWarnings) {
      io.stderr(`fazhi-lint: ${ui(lang, 'cli_tooManyWarnings', { warnings: total.warningCount, max: maxWarnings })}\n`);
      return EXIT.errors;
    }
    return EXIT.ok;
  };

  return {
    // listed whole before any is checked: the fixes come first (--fix), and the threads share the list
    targets: () => [...expandTargets(fileArgs, onTargetError, io.cwd, ignored.filter)],
    checker,
    apply(target, rec) {
      apply(rec);
      done++;
      if (progress) io.stderr(`\r\u001b[K${ui(lang, 'progress', { done, total: '…' })} ${display(target.path)}`);
    },
    fixWrite: fixMode === 'write',
    finish,
    namedPrevious: flagPrevious,
  };
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
