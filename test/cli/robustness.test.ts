/**
 * The CLI as a user meets it: the bundled cli.cjs run as its own process, on bad arguments, unreadable and binary
 * files, other encodings, thousands of files, and with its output contracts (JSON, SARIF, exit codes, progress).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, accessSync, constants, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { allRules } from '../../rules/index.js';
import { CORPUS_DIR, corpusFiles, readCorpus } from '../helpers/corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let tmp: string;
let cli: string;

/** The CLI bundled exactly as scripts/build.mjs bundles dist/cli.cjs, into a temp dir so it is never stale. */
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-robust-'));
  cli = path.join(tmp, 'cli.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'cli/bin.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify('0.0.0-test') },
    supported: { 'dynamic-import': true },
    banner: { js: '#!/usr/bin/env node' },
  });
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function run(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: opts.cwd ?? tmp, input: opts.input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
const sample = corpusFiles[0];
const samplePath = path.join(CORPUS_DIR, sample);

function jsonOf(args: string[]) {
  const r = run(['--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  return { ...r, json: JSON.parse(r.stdout) as { filePath: string; messages: Record<string, unknown>[] }[] };
}

describe('bad arguments: one clear line on stderr, exit 2, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['--frobnicate', samplePath], /frobnicate/],
    ['bad --format', ['--format', 'xml', samplePath], /xml/],
    ['--format without a value', [samplePath, '--format'], /format/],
    ['bad --lang', ['--lang', 'fr', samplePath], /fr/],
    ['no files', [], /no files|请指定/],
    ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run', samplePath], /fix/],
  ];
  for (const [name, args, mention] of cases) {
    it(name, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const errs = lines(r.stderr);
      expect(errs[0]).toMatch(/^fazhi-lint: /);
      expect(errs[0]).toMatch(mention);
      expect(errs.length).toBeLessThanOrEqual(2); // the problem, then at most the usage line
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});

describe('unreadable input', () => {
  it('a missing file: exit 2, one line naming it', () => {
    const r = run(['no-such-report.md']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining('no-such-report.md')]);
  });

  it('a PNG: exit 2, one line naming it', () => {
    const png = path.join(tmp, 'scan.png');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]));
    const r = run([png]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/scan\.png.*(二进制|binary)/)]);
  });

  it('a file without read permission (skipped when running as root, where permissions do not stop reads)', (ctx) => {
    const f = path.join(tmp, 'locked.md');
    writeFileSync(f, readCorpus(sample));
    chmodSync(f, 0o000);
    let privileged = false;
    try {
      accessSync(f, constants.R_OK);
      readFileSync(f);
      privileged = true;
    } catch {
      /* unreadable, as intended */
    }
    if (privileged) {
      console.log('skipped chmod 000 case: running with privileges that read a mode-000 file (root); the EISDIR and dangling-link cases cover read errors');
      chmodSync(f, 0o644);
      ctx.skip();
      return;
    }
    const r = run([f]);
    chmodSync(f, 0o644);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/locked\.md.*EACCES/)]);
  });

  it('a directory without permission (skipped when running as root)', (ctx) => {
    const d = path.join(tmp, 'locked-dir');
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'a.md'), readCorpus(sample));
    chmodSync(d, 0o000);
    let privileged = false;
    try {
      readFileSync(path.join(d, 'a.md'));
      privileged = true;
    } catch {
      /* as intended */
    }
    if (privileged) {
      chmodSync(d, 0o755);
      console.log('skipped chmod 000 directory case: running as root');
      ctx.skip();
      return;
    }
    const r = run([d]);
    chmodSync(d, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/locked-dir.*EACCES/);
  });

  it('a read error (a .md that is a directory behind a link, met while walking): exit 2, one line, the rest still checked', () => {
    const d = path.join(tmp, 'walk-errors');
    mkdirSync(path.join(d, 'sub'), { recursive: true });
    writeFileSync(path.join(d, 'good.md'), readCorpus(sample));
    symlinkSync(path.join(d, 'sub'), path.join(d, 'linked-dir.md'));
    symlinkSync(path.join(d, 'gone'), path.join(d, 'dangling.md'));
    const r = run(['--format', 'json', d]);
    expect(r.code).toBe(2);
    const errs = lines(r.stderr);
    expect(errs).toHaveLength(2);
    expect(errs.some((l) => /linked-dir\.md.*EISDIR/.test(l))).toBe(true);
    expect(errs.some((l) => /dangling\.md.*ENOENT/.test(l))).toBe(true);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath))).toEqual(['good.md']);
  });

  it('a dangling symlink named on the command line: exit 2, one line', () => {
    const l = path.join(tmp, 'dangling-arg.md');
    symlinkSync(path.join(tmp, 'nowhere.md'), l);
    const r = run([l]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining('dangling-arg.md')]);
  });
});

describe('encodings: the same findings whatever the file is saved as', () => {
  const text = readCorpus(sample);

  /** GBK bytes from the platform's own GBK decoder: decode every two-byte code once, invert the table. */
  function encodeGbk(s: string): Buffer {
    const pairs: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
    const decoded = new TextDecoder('gbk').decode(Buffer.from(pairs));
    const table = new Map<string, [number, number]>();
    for (let i = 0, j = 0; i < pairs.length; i += 2, j++) {
      const ch = decoded[j];
      if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, [pairs[i], pairs[i + 1]]);
    }
    expect(decoded.length).toBe(pairs.length / 2); // one character per pair, so the table lines up
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else {
        const b = table.get(ch);
        if (!b) throw new Error(`no GBK code for U+${c.toString(16)}`);
        out.push(...b);
      }
    }
    return Buffer.from(out);
  }

  const utf16be = (s: string) => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le;
  };

  const variants: [string, () => Buffer][] = [
    ['gbk', () => encodeGbk(text)],
    ['utf8-bom', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['utf16le-bom', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['utf16be-bom', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ];

  it('the encoded copies really are other encodings', () => {
    const gbk = variants[0][1]();
    expect(gbk.equals(Buffer.from(text))).toBe(false);
    expect(new TextDecoder('gbk').decode(gbk)).toBe(text);
  });

  for (const [name, bytes] of variants) {
    it(name, () => {
      const dir = path.join(tmp, 'enc-' + name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'utf8.md'), text);
      writeFileSync(path.join(dir, `${name}.md`), bytes());
      const { json } = jsonOf([path.join(dir, 'utf8.md'), path.join(dir, `${name}.md`)]);
      expect(json).toHaveLength(2);
      expect(json[1].messages).toEqual(json[0].messages);
      expect(json[0].messages.length).toBeGreaterThan(0);
    });
  }
});

describe('output contracts', () => {
  it('JSON: the fields of issue 2, 1-based positions inside the file', () => {
    const { code, json } = jsonOf(corpusFiles.map((f) => path.join(CORPUS_DIR, f)));
    expect([0, 1]).toContain(code);
    expect(json).toHaveLength(corpusFiles.length);
    let total = 0;
    for (const [i, file] of json.entries()) {
      const src = readCorpus(corpusFiles[i]).split(/\r\n|\r|\n/);
      // optional: coverage, only for a body a list of areas applies to (issue 16)
      expect(Object.keys(file).filter((k) => k !== 'coverage').sort()).toEqual(['checklist', 'errorCount', 'filePath', 'infoCount', 'messages', 'previous', 'profile', 'warningCount']);
      const coverage = (file as { coverage?: { source: string; covered: number; areas: Record<string, unknown>[] } }).coverage;
      if (coverage) {
        expect(Object.keys(coverage).sort()).toEqual(['areas', 'covered', 'source']);
        for (const a of coverage.areas) expect(Object.keys(a).sort()).toEqual(['area', 'configured', 'line']);
        expect(coverage.covered).toBe(coverage.areas.filter((a) => a.line !== null).length);
      }
      expect(path.isAbsolute(file.filePath)).toBe(true);
      for (const m of file.messages) {
        total++;
        // related places only when the finding has some (issue 14: last year's report is another file)
        const keys = Object.keys(m).filter((k) => k !== 'related');
        expect(keys.sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
        for (const rel of (m as { related?: Record<string, unknown>[] }).related ?? []) expect(Object.keys(rel).filter((k) => k !== 'filePath').sort()).toEqual(['column', 'line', 'message']);
        expect(['error', 'warning', 'info']).toContain(m.severity);
        const [line, column, endLine, endColumn] = [m.line, m.column, m.endLine, m.endColumn] as number[];
        expect(line).toBeGreaterThanOrEqual(1);
        expect(column).toBeGreaterThanOrEqual(1);
        expect(endLine).toBeGreaterThanOrEqual(line);
        expect(line).toBeLessThanOrEqual(src.length);
        expect(endLine).toBeLessThanOrEqual(src.length);
        expect(column).toBeLessThanOrEqual(src[line - 1].length + 1);
        expect(endColumn).toBeLessThanOrEqual(src[endLine - 1].length + 1);
      }
      const f = file as unknown as { checklist: Record<string, unknown>[]; errorCount: number; warningCount: number; infoCount: number };
      expect(f.errorCount + f.warningCount + f.infoCount).toBe(file.messages.length);
      expect(f.errorCount).toBe(file.messages.filter((m) => m.severity === 'error').length);
      for (const c of f.checklist) {
        expect(Object.keys(c).sort()).toEqual(['heading', 'item', 'line', 'status']);
        expect(['section', 'inside', 'merged', 'missing']).toContain(c.status);
        if (c.line !== null) expect(c.line).toBeGreaterThanOrEqual(1);
      }
    }
    expect(total).toBeGreaterThan(0);
  });

  it('JSON: columns count UTF-16 code units (an astral character before a finding moves it by 2)', () => {
    // take findings of a corpus report, put 𠮷 (two UTF-16 units) just before one, and find the same finding 2 columns on
    const text = readCorpus(sample);
    const dir = path.join(tmp, 'astral');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'plain.md'), text);
    const plain = jsonOf([path.join(dir, 'plain.md')]).json[0].messages as { ruleId: string; line: number; column: number }[];
    const src = text.split('\n');
    let verified = 0;
    for (const m of plain.filter((x) => x.column > 1).slice(0, 15)) {
      const edited = [...src];
      edited[m.line - 1] = edited[m.line - 1].slice(0, m.column - 1) + '𠮷' + edited[m.line - 1].slice(m.column - 1);
      writeFileSync(path.join(dir, 'astral.md'), edited.join('\n'));
      const after = jsonOf([path.join(dir, 'astral.md')]).json[0].messages as { ruleId: string; line: number; column: number }[];
      const moved = after.find((x) => x.ruleId === m.ruleId && x.line === m.line && x.column === m.column + 2);
      const unitsOnly = after.find((x) => x.ruleId === m.ruleId && x.line === m.line && x.column === m.column + 1);
      expect(unitsOnly === undefined || moved !== undefined).toBe(true);
      if (moved) verified++;
      if (verified >= 2) break;
    }
    expect(verified).toBeGreaterThan(0);
  });

  it('SARIF 2.1.0', () => {
    const r = run(['--format', 'sarif', samplePath]);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('fazhi-lint');
    expect(run0.columnKind).toBe('utf16CodeUnits');
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(allRules.map((x) => x.meta.id));
    expect(run0.results.length).toBeGreaterThan(0);
    for (const res of run0.results) {
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(ids[res.ruleIndex]).toBe(res.ruleId);
      expect(typeof res.message.text).toBe('string');
      const loc = res.locations[0].physicalLocation;
      expect(typeof loc.artifactLocation.uri).toBe('string');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('exit codes: 0 without errors, 1 with errors, 2 on a usage or input problem', () => {
    const off = path.join(tmp, 'all-off.json');
    writeFileSync(off, JSON.stringify({ rules: Object.fromEntries(allRules.map((x) => [x.meta.id, 'off'])) }));
    expect(run(['-c', off, samplePath]).code).toBe(0);
    // exit 1 follows the errors actually reported: with every rule at 'error', any finding is an error
    const err = path.join(tmp, 'all-error.json');
    writeFileSync(err, JSON.stringify({ rules: Object.fromEntries(allRules.map((x) => [x.meta.id, 'error'])) }));
    const r = run(['--format', 'json', '-c', err, samplePath]);
    expect(JSON.parse(r.stdout)[0].errorCount).toBeGreaterThan(0);
    expect(r.code).toBe(1);
    const asIs = jsonOf(corpusFiles.map((f) => path.join(CORPUS_DIR, f)));
    expect(asIs.code).toBe(asIs.json.some((f) => f.messages.some((m) => m.severity === 'error')) ? 1 : 0);
    expect(run([samplePath, 'missing.md']).code).toBe(2);
  });
});

describe('progress line only on a terminal', () => {
  const haveScript = existsSync('/usr/bin/script') && spawnSync('/usr/bin/script', ['-qc', 'true', '/dev/null']).status === 0;
  const files = corpusFiles.slice(0, 2).map((f) => path.join(CORPUS_DIR, f));
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const inPty = (args: string[]) =>
    spawnSync('/usr/bin/script', ['-qc', [process.execPath, cli, ...args].map(quote).join(' '), '/dev/null'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } }).stdout;
  const PROGRESS = /\r\u001b\[K/;

  it.runIf(haveScript)('shown on a pseudo-terminal with stylish output', () => {
    expect(inPty(files)).toMatch(PROGRESS);
  });

  it.runIf(haveScript)('never in json or sarif, even on a terminal', () => {
    for (const format of ['json', 'sarif']) {
      const out = inPty(['--format', format, ...files]);
      expect(out).not.toMatch(PROGRESS);
      expect(() => JSON.parse(out.replace(/\r\n/g, '\n'))).not.toThrow();
    }
  });

  it('never when output is piped', () => {
    const r = run(files);
    expect(r.stderr).not.toMatch(PROGRESS);
    expect(r.stdout).not.toMatch(PROGRESS);
  });
});

describe('thousands of files', () => {
  it('3000 small reports in one directory: all checked, memory bounded', () => {
    const dir = path.join(tmp, 'many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 3000; i++) {
      writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.md`), `某县${2000 + (i % 25)}年法治政府建设年度报告\n\n一、主要举措\n本年度共办理行政复议案件${i}件。\n`);
    }
    const stats = path.join(tmp, 'time.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', stats, process.execPath, cli, '--format', 'json', dir], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30 });
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout)).toHaveLength(3000);
    const maxRssMB = Number(readFileSync(stats, 'utf8').trim().split('\n').pop()) / 1024;
    console.log(`CLI on 3000 files: max RSS ${maxRssMB.toFixed(0)} MB`);
    expect(maxRssMB).toBeLessThan(400);
  }, 120_000);
});
