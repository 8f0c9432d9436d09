/**
 * Hostile workspaces (issue 11 items 7, 9, 10, 11), for the CLI (dist/cli.cjs, its own process) and the server
 * (dist/server.cjs over stdio): FIFOs, /dev/zero, huge, deep and cyclic configs, symlinks and `extends` out of the
 * workspace, read-only and GBK files under --fix, a closed pipe. Each must end in one clear line within a
 * second (the CLI's limit allows for starting Node on a loaded machine) and under 200 MB of memory, and nothing
 * outside the workspace may be read, quoted or published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { check, fixAll } from '../../rules/index.js';
import { readCorpus } from '../helpers/corpus.js';
import { ROOT, fileUri, startServer, withTimeout, type LspSession } from '../helpers/lsp.js';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { IGNORE_COMMAND, UNIGNORE_COMMAND, type ChecklistResponse, type IgnoreCommandResult } from '../../protocol/index.js';

const CLI = path.join(ROOT, 'dist', 'cli.cjs');
const REPORT = readCorpus('kecheng-2020.md');
const PASSWD_FIRST = (() => {
  try {
    return readFileSync('/etc/passwd', 'utf8').split(/[:\n]/)[0];
  } catch {
    return 'root';
  }
})();
let tmp: string;
let rssProbe: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-hostile-'));
  // the CLI's peak memory, written by the process itself as it exits
  rssProbe = path.join(tmp, 'rss-probe.cjs');
  // CPU time, not wall time: a loaded machine (CI's two cores shared) stretches the wall clock, while a loop on hostile
  // input burns CPU; a read that blocks is ended by spawnSync's timeout and shows as a signal
  writeFileSync(
    rssProbe,
    `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.FAZHI_RSS_FILE, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000); });\n`,
  );
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function fresh(name: string): string {
  const d = path.join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
}

function draft(dir: string, name = 'report.md', text = REPORT): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

function cli(args: string[], cwd: string) {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}`);
  const r = spawnSync(process.execPath, ['--require', rssProbe, CLI, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1', FAZHI_RSS_FILE: rssFile } });
  let rssMB = NaN;
  let cpuMs = NaN;
  try {
    const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
    rssMB = rss / 1024;
    cpuMs = cpu;
  } catch {
    /* killed: no figure */
  }
  const errLines = r.stderr.split('\n').filter((l) => l.trim());
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, errLines, cpuMs, rssMB };
}

/** ended by itself, quickly and small, with exactly the expected lines on stderr */
function expectClear(r: ReturnType<typeof cli>, lines: RegExp[]) {
  expect(r.signal, 'killed by the timeout: it hung').toBeNull();
  expect(r.cpuMs).toBeLessThan(2500);
  expect(r.rssMB).toBeLessThan(200);
  expect(r.errLines).toHaveLength(lines.length);
  for (const re of lines) expect(r.errLines.some((l) => re.test(l)), `${re} in ${JSON.stringify(r.errLines)}`).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('CLI: reads only regular files, bounded', () => {
  it('a FIFO named on the command line', () => {
    const d = fresh('fifo-arg');
    execFileSync('mkfifo', [path.join(d, 'pipe.md')]);
    const r = cli(['pipe.md'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/pipe\.md.*FIFO/]);
  });

  it('a .md symlink to a FIFO met while walking: one line, the rest checked', () => {
    const d = fresh('fifo-walk');
    draft(d);
    execFileSync('mkfifo', [path.join(d, 'pipe')]);
    symlinkSync(path.join(d, 'pipe'), path.join(d, 'linked.md'));
    const r = cli(['--format', 'json', '.'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/linked\.md.*FIFO/]);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath))).toEqual(['report.md']);
  });

  it('a FIFO .fazhi-lint.json', () => {
    const d = fresh('fifo-config');
    draft(d);
    execFileSync('mkfifo', [path.join(d, '.fazhi-lint.json')]);
    const r = cli(['report.md'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/\.fazhi-lint\.json.*FIFO/]);
  });

  it('a draft that is a symlink to /dev/zero', () => {
    const d = fresh('zero-draft');
    symlinkSync('/dev/zero', path.join(d, 'zero.md'));
    const r = cli(['zero.md'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/zero\.md.*(character device|字符设备)/]);
  });

  it('extends a symlink to /dev/zero', () => {
    const d = fresh('zero-extends');
    draft(d);
    symlinkSync('/dev/zero', path.join(d, 'base.json'));
    writeFileSync(path.join(d, '.fazhi-lint.json'), '{ "extends": "./base.json" }');
    const r = cli(['report.md'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/\.fazhi-lint\.json:1:\d+.*base\.json/]);
  });

  it('a 5 MB config, and a chain of configs each under the limit', () => {
    const d = fresh('huge-config');
    draft(d);
    writeFileSync(path.join(d, '.fazhi-lint.json'), `{ "rules": {}, "include": [${Array.from({ length: 800_000 }, () => '"a/**"').join(',')}] }`);
    expect(statSync(path.join(d, '.fazhi-lint.json')).size).toBeGreaterThan(3 * 1024 * 1024);
    const r = cli(['report.md'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/\.fazhi-lint\.json.*(过大|larger)/]);

    // 12 files of 900 KB: each allowed, the chain together too large
    const c = fresh('huge-chain');
    draft(c);
    const pad = (n: number) => `"${'x'.repeat(900 * 1024)}"`.slice(0, n);
    for (let i = 0; i < 12; i++) writeFileSync(path.join(c, `c${i}.json`), `{ "extends": "./c${i + 1}.json", "$schema": ${pad(900 * 1024)}" }`);
    writeFileSync(path.join(c, 'c12.json'), '{}');
    writeFileSync(path.join(c, '.fazhi-lint.json'), '{ "extends": "./c0.json" }');
    const r2 = cli(['report.md'], c);
    expect(r2.code).toBe(2);
    expectClear(r2, [/(过大|too large)/]);
  });

  it('cyclic and very deep extends chains', () => {
    const d = fresh('cyclic');
    draft(d);
    writeFileSync(path.join(d, '.fazhi-lint.json'), '{ "extends": "./a.json" }');
    writeFileSync(path.join(d, 'a.json'), '{ "extends": "./b.json" }');
    writeFileSync(path.join(d, 'b.json'), '{ "extends": "./a.json" }');
    expectClear(cli(['report.md'], d), [/(循环|circular)/]);

    // a loop through a directory symlink: every path is new, the depth limit ends it
    const l = fresh('link-loop');
    draft(l);
    symlinkSync('.', path.join(l, 'again'));
    writeFileSync(path.join(l, '.fazhi-lint.json'), '{ "extends": "./again/.fazhi-lint.json" }');
    expectClear(cli(['report.md'], l), [/(嵌套|deep|循环|circular)/]);
  });
});

describe('CLI: stays inside the workspace', () => {
  it('extends "../../../../etc/passwd" is not read; the error names the config and quotes nothing of passwd', () => {
    const d = fresh('traversal/a/b');
    draft(d);
    writeFileSync(path.join(d, '.fazhi-lint.json'), '{ "extends": "../../../../../../../../etc/passwd" }');
    const r = cli(['report.md'], d);
    expect(r.code).toBe(2);
    expectClear(r, [/\.fazhi-lint\.json:1:\d+.*(工作区之外|outside)/]);
    expect(r.stderr).not.toContain(`${PASSWD_FIRST}:`);
  });

  it('a symlink to a file outside the walked directory is reported, not followed', () => {
    const outside = fresh('outside');
    const secret = draft(outside, 'secret.md');
    const d = fresh('walk-links');
    draft(d);
    symlinkSync(secret, path.join(d, 'borrowed.md'));
    const r = cli(['--format', 'json', '.'], d);
    expectClear(r, [/borrowed\.md.*(工作区之外|outside)/]);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath))).toEqual(['report.md']);
  });
});

describe('CLI: --fix never loses work', () => {
  it('a read-only file is one clear line and left alone; the other file is fixed, atomically, with its mode', () => {
    const d = fresh('readonly');
    const ro = draft(d, 'a-readonly.md');
    const rw = draft(d, 'b-writable.md');
    chmodSync(ro, 0o444);
    chmodSync(rw, 0o640);
    const r = cli(['--fix', 'a-readonly.md', 'b-writable.md'], d);
    expectClear(r, [/a-readonly\.md.*(只读|read-only)/]);
    expect(readFileSync(ro, 'utf8')).toBe(REPORT);
    expect(readFileSync(rw, 'utf8')).toBe(fixAll(REPORT).output);
    expect(readFileSync(rw, 'utf8')).not.toBe(REPORT);
    expect(statSync(rw).mode & 0o777).toBe(0o640);
    expect(statSync(ro).mode & 0o777).toBe(0o444);
    // the read-only file's findings are those of its own text
    const json = cli(['--fix', '--format', 'json', 'a-readonly.md'], d);
    expect(JSON.parse(json.stdout)[0].messages.length).toBe(check(REPORT).findings.length);
    // no temporary file left behind
    expect(execFileSync('ls', ['-A', d], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual(['a-readonly.md', 'b-writable.md']);
  });

  it('a GBK draft is fixed and written back in GB18030; the findings are those of the text written', () => {
    const d = fresh('gbk');
    const f = path.join(d, 'gbk.md');
    writeFileSync(f, iconv.encode(REPORT, 'gbk'));
    const r = cli(['--fix', '--format', 'json', 'gbk.md'], d);
    expect(r.errLines).toEqual([]);
    const written = new TextDecoder('gb18030', { fatal: true }).decode(readFileSync(f));
    expect(written).toBe(fixAll(REPORT, { filePath: f }).output);
    expect(written).not.toBe(REPORT);
    expect(JSON.parse(r.stdout)[0].messages.length).toBe(check(written).findings.length);
  });

  it('`fazhi-lint … | head -1` ends quietly', () => {
    const d = fresh('pipe');
    for (let i = 0; i < 30; i++) draft(d, `r${i}.md`);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" . | head -1`], { cwd: d, encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('server: hostile workspaces', () => {
  async function server(dir: string): Promise<LspSession> {
    return startServer({ workspace: dir });
  }
  function peakMB(s: LspSession): number {
    const status = readFileSync(`/proc/${s.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  }
  /**
   * The same work in a plain workspace (the draft alone), timed the same way: a hostile workspace must not cost much
   * more. Relative to it, not a fixed wall-clock figure, so a loaded machine slows both alike; a hang is caught by the
   * timeouts of the requests themselves.
   */
  async function plainMs(work: (s: LspSession, uri: string) => Promise<unknown>): Promise<number> {
    const d = fresh(`server-plain-${process.hrtime.bigint()}`);
    draft(d);
    const s = await server(d);
    try {
      const t0 = performance.now();
      await work(s, fileUri(path.join(d, 'report.md')));
      return performance.now() - t0;
    } finally {
      await s.dispose();
    }
  }
  const bound = (plain: number) => Math.max(1000, 3 * plain);

  it('FIFO, /dev/zero, huge and traversal configs: a config diagnostic on the workspace file within a second; nothing on /etc/passwd', async () => {
    // the error sits where the bad extends is written: the cycle's last link is x.json
    const cases: [string, (d: string) => void, RegExp, string?][] = [
      ['fifo', (d) => execFileSync('mkfifo', [path.join(d, '.fazhi-lint.json')]), /FIFO/],
      ['zero', (d) => (symlinkSync('/dev/zero', path.join(d, 'z.json')), writeFileSync(path.join(d, '.fazhi-lint.json'), '{ "extends": "./z.json" }')), /工作区之外|outside/],
      ['huge', (d) => writeFileSync(path.join(d, '.fazhi-lint.json'), `{ "$schema": "${'x'.repeat(3 * 1024 * 1024)}" }`), /过大|larger/],
      ['traversal', (d) => writeFileSync(path.join(d, '.fazhi-lint.json'), '{ "extends": "../../../../../../../../etc/passwd" }'), /工作区之外|outside/],
      ['cyclic', (d) => (writeFileSync(path.join(d, '.fazhi-lint.json'), '{ "extends": "./x.json" }'), writeFileSync(path.join(d, 'x.json'), '{ "extends": "./.fazhi-lint.json" }')), /循环|circular/, 'x.json'],
    ];
    const plain = await plainMs(async (s, uri) => {
      s.open(uri, REPORT);
      await s.diagnostics(uri, undefined, 5000);
    });
    for (const [name, make, msg, errorFile = '.fazhi-lint.json'] of cases) {
      const d = fresh(`server-${name}`);
      make(d);
      const s = await server(d);
      try {
        const uri = fileUri(path.join(d, 'report.md'));
        const t0 = performance.now();
        s.open(uri, REPORT);
        const diags = await s.diagnostics(uri, undefined, 5000);
        const config = await s.diagnostics(fileUri(path.join(d, errorFile)), (p) => p.diagnostics.length > 0, 5000);
        const ms = performance.now() - t0;
        expect(ms, name).toBeLessThan(bound(plain));
        // the draft is still checked, with the settings alone
        expect(diags.diagnostics.length, name).toBe(check(REPORT).findings.length);
        expect(config.diagnostics[0].message, name).toMatch(msg);
        expect(config.diagnostics[0].message).not.toContain(`${PASSWD_FIRST}:`);
        expect(s.published.some((p) => !p.uri.startsWith(fileUri(d))), name).toBe(false);
        // still answering
        const sym = await withTimeout(s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 1000, () => `${name}: documentSymbol`);
        expect(Array.isArray(sym)).toBe(true);
        expect(peakMB(s), name).toBeLessThan(200);
      } finally {
        await s.dispose();
      }
    }
  });

  it('check workspace: FIFO and /dev/zero drafts, links out of the workspace: done within a second, nothing outside published', async () => {
    const outside = fresh('server-outside');
    const secret = draft(outside, 'secret.md');
    const d = fresh('server-walk');
    draft(d);
    execFileSync('mkfifo', [path.join(d, 'pipe')]);
    symlinkSync(path.join(d, 'pipe'), path.join(d, 'pipe.md'));
    symlinkSync('/dev/zero', path.join(d, 'zero.md'));
    symlinkSync(secret, path.join(d, 'borrowed.md'));
    symlinkSync(outside, path.join(d, 'linked-dir'));
    const plain = await plainMs((s) => withTimeout(s.conn.sendRequest('fazhiLint/checkWorkspace', {}), 5000, () => 'checkWorkspace (plain)'));
    const s = await server(d);
    try {
      const t0 = performance.now();
      const r: any = await withTimeout(s.conn.sendRequest('fazhiLint/checkWorkspace', {}), 5000, () => 'checkWorkspace');
      expect(performance.now() - t0).toBeLessThan(bound(plain));
      expect(r.reports).toBe(1);
      const uris = new Set(s.published.map((p) => p.uri));
      expect([...uris]).toEqual([fileUri(path.join(d, 'report.md'))]);
      expect(peakMB(s)).toBeLessThan(200);
    } finally {
      await s.dispose();
    }
  });

  it('last year\'s report: a FIFO, /dev/zero and a link out of the workspace beside the draft are not read; the draft is checked within a second', async () => {
    // the same organ's report a year earlier: it pairs when it is a file of the workspace (the control below)
    const lastYear = REPORT.replace(/2021/g, '2022').replace(/2020/g, '2019').replace(/2022/g, '2020');
    const control = fresh('server-previous-control');
    draft(control);
    draft(control, 'kecheng-2019.md', lastYear);
    const outside = fresh('server-previous-outside');
    const secret = draft(outside, 'kecheng-2019.md', lastYear);
    const d = fresh('server-previous');
    draft(d);
    execFileSync('mkfifo', [path.join(d, 'pipe')]);
    symlinkSync(path.join(d, 'pipe'), path.join(d, 'kecheng-2019-pipe.md'));
    symlinkSync('/dev/zero', path.join(d, 'kecheng-2019-zero.md'));
    symlinkSync(secret, path.join(d, 'kecheng-2019.md'));
    const previousOf = async (dir: string) => {
      const s = await server(dir);
      try {
        const uri = fileUri(path.join(dir, 'report.md'));
        const t0 = performance.now();
        s.open(uri, REPORT);
        await s.diagnostics(uri, undefined, 5000);
        const ms = performance.now() - t0;
        const list = (await withTimeout(s.conn.sendRequest('fazhiLint/checklist', { uri }), 1000, () => 'checklist')) as ChecklistResponse;
        expect(s.published.some((p) => !p.uri.startsWith(fileUri(dir)))).toBe(false);
        expect(peakMB(s)).toBeLessThan(200);
        return { ms, previous: list.previous?.uri ?? null };
      } finally {
        await s.dispose();
      }
    };
    const plain = await previousOf(control);
    expect(plain.previous).toBe(fileUri(path.join(control, 'kecheng-2019.md')));
    const hostile = await previousOf(d);
    // measured against the same check in a plain workspace, so a loaded machine slows both alike
    expect(hostile.ms).toBeLessThan(bound(plain.ms));
    expect(hostile.previous).toBeNull();
  });

  it('忽略此处 on a read-only config file, and its undo through a FIFO or a link out of the workspace: a clear error, nothing written', async () => {
    const d = fresh('server-ignore-readonly');
    draft(d);
    const cfg = path.join(d, '.fazhi-lint.json');
    writeFileSync(cfg, '{}\n');
    chmodSync(cfg, 0o444);
    const outside = fresh('server-ignore-outside');
    writeFileSync(path.join(outside, '.fazhi-lint.json'), '{ "ignores": [{ "rule": "duplicate-word", "sentence": "某句" }] }\n');
    mkdirSync(path.join(d, 'sub'));
    symlinkSync(path.join(outside, '.fazhi-lint.json'), path.join(d, 'sub', '.fazhi-lint.json'));
    mkdirSync(path.join(d, 'pipe'));
    execFileSync('mkfifo', [path.join(d, 'pipe', '.fazhi-lint.json')]);
    const s = await server(d);
    try {
      const uri = fileUri(path.join(d, 'report.md'));
      s.open(uri, REPORT);
      await s.diagnostics(uri, undefined, 5000);
      const run = async (command: string, args: unknown) =>
        (await withTimeout(s.conn.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }), 1000, () => command)) as IgnoreCommandResult;
      const ro = await run(IGNORE_COMMAND, { uri, rule: 'duplicate-word', sentence: '某句', text: '工作工作' });
      expect(ro.ok).toBe(false);
      expect(ro.error).toMatch(/\.fazhi-lint\.json/);
      expect(readFileSync(cfg, 'utf8')).toBe('{}\n');
      expect(statSync(cfg).mode & 0o777).toBe(0o444);
      const entry = { rule: 'duplicate-word', sentence: '某句' };
      const linked = await run(UNIGNORE_COMMAND, { source: path.join(d, 'sub', '.fazhi-lint.json'), entry });
      expect(linked.ok).toBe(false);
      expect(linked.error).toMatch(/工作区之外|outside/);
      expect(readFileSync(path.join(outside, '.fazhi-lint.json'), 'utf8')).toContain('某句');
      const fifo = await run(UNIGNORE_COMMAND, { source: path.join(d, 'pipe', '.fazhi-lint.json'), entry });
      expect(fifo.ok).toBe(false);
      expect(fifo.error).toMatch(/FIFO|无法读取/);
      expect(peakMB(s)).toBeLessThan(200);
    } finally {
      await s.dispose();
    }
  });
});
