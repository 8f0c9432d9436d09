/**
 * Issue 17: a batch is checked in threads (cli/threads.ts) with the same output as on one thread — stdout, stderr
 * and exit code byte for byte, for the stylish and json formats, with --fix (the files written the same too), and
 * with last year's report among the files checked (issue 14), on another thread than the draft.
 * Runs the built CLI (dist/cli.cjs, dist/cli-worker.cjs) as a user does; FAZHI_CLI_THREADS sets the threads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { FOLLOWED, PREVIOUS, thisYear } from '../helpers/pairs.js';

const CLI = path.resolve('dist/cli.cjs');
const WILD = path.resolve('test/fixtures/wild');
const scratch = mkdtempSync(path.join(tmpdir(), 'fazhi-threads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// counts the checking threads a run starts (written to a file: the run's own output stays as it is)
const HOOK = path.join(scratch, 'count-threads.cjs');
writeFileSync(
  HOOK,
  `const wt = require('node:worker_threads');
const Orig = wt.Worker;
let n = 0;
wt.Worker = class extends Orig { constructor(...a) { super(...a); n++; } };
process.on('exit', () => require('node:fs').writeFileSync(process.env.COUNT_FILE, String(n)));
`,
);

let runs = 0;
function cli(threads: number, args: string[], cwd: string, env: Record<string, string> = {}) {
  const countFile = path.join(scratch, `count-${runs++}`);
  const r = spawnSync(process.execPath, ['-r', HOOK, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', FAZHI_CLI_THREADS: String(threads), COUNT_FILE: countFile, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, threads: Number(readFileSync(countFile, 'utf8')) };
}

/** The same run on one thread and on three (the main one and two checking threads): everything equal. */
function same(args: string[], cwd: string | ((threads: number) => string)) {
  const at = (t: number) => (typeof cwd === 'string' ? cwd : cwd(t));
  // a copy per run (--fix): its folder named alike in both outputs
  const run = (t: number) => {
    const r = cli(t, args, at(t));
    return { ...r, out: r.out.replaceAll(at(t), '<dir>'), err: r.err.replaceAll(at(t), '<dir>') };
  };
  const one = run(1);
  const three = run(3);
  expect(one.threads).toBe(0);
  expect(three.threads).toBe(2);
  expect(three.code).toBe(one.code);
  expect(three.err).toBe(one.err);
  expect(three.out).toBe(one.out);
  return one;
}

function copyOf(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const f = path.join(e.parentPath, e.name);
        return [path.relative(dir, f), readFileSync(f, 'utf8')];
      }),
  );

// each case runs the CLI as processes, several seconds each when the machine is shared
describe('a batch in threads', { timeout: 240_000 }, () => {
  it('the corpus and the wild set: the same stylish and json output, stderr and exit code as one thread', () => {
    // a third of the wild set (each run is a few seconds on a loaded machine), walked as a folder
    const wild = copyOf('wild', Object.fromEntries(readdirSync(WILD).filter((f) => f.endsWith('.md')).filter((_, i) => i % 3 === 0).map((f) => [f, readFileSync(path.join(WILD, f), 'utf8')])));
    const r = same([CORPUS_DIR, wild], process.cwd());
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✖ \d+ 个问题/);
    const j = same(['-f', 'json', CORPUS_DIR, wild], process.cwd());
    // every file, in the order walked
    const files = (JSON.parse(j.out) as { filePath: string }[]).map((f) => f.filePath);
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => f.startsWith(CORPUS_DIR))).toEqual(readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(CORPUS_DIR, f)));
  });

  it('--fix: the same files written and the same report, stylish and json', () => {
    const files = { ...Object.fromEntries(readdirSync(WILD).filter((f) => f.endsWith('.md')).filter((_, i) => i % 5 === 1).map((f) => [`wild/${f}`, readFileSync(path.join(WILD, f), 'utf8')])) };
    for (const [fmt, extra] of [['stylish', []], ['json', ['-f', 'json']]] as const) {
      const dirs = [1, 3].map((t) => copyOf(`fix-${fmt}-${t}`, files));
      const r = same(['--fix', ...extra, 'wild'], (t) => dirs[t === 1 ? 0 : 1]);
      const [a, b] = dirs.map(tree);
      expect(b).toEqual(a);
      // the fixes did write something (else the comparison says little)
      expect(Object.keys(a).filter((f) => a[f] !== files[f as keyof typeof files]).length).toBeGreaterThan(0);
      if (fmt === 'stylish') expect(r.out).toMatch(/已在 \d+ 个文件中应用 \d+ 处修复/);
    }
  });

  it("last year's report among the files, on another thread than the draft: paired as on one thread, with --fix too", () => {
    // a full stop doubled in last year's report: --fix writes it, and the draft is paired with the fixed file
    const files: Record<string, string> = { '2023/report.md': thisYear(FOLLOWED.slice(0, 3)), '2022/report.md': PREVIOUS.replace('。', '。。') };
    for (const f of readdirSync(WILD).filter((f) => f.endsWith('.md')).slice(0, 12)) files[`others/${f}`] = readFileSync(path.join(WILD, f), 'utf8');
    const dir = copyOf('pairs', files);
    // the draft first, last year's report last: with three threads they are checked on different ones
    const args = ['-f', 'json', '2023', 'others', '2022'];
    const r = same(args, dir);
    type J = { filePath: string; messages: { ruleId: string }[]; previous?: { filePath?: string } | null }[];
    const draft = (JSON.parse(r.out) as J).find((f) => f.filePath.endsWith(path.join('2023', 'report.md')))!;
    expect(draft.previous?.filePath).toBe(path.join('<dir>', '2022', 'report.md'));
    expect(draft.messages.filter((m) => m.ruleId === 'plan-followup')).toHaveLength(1);

    const dirs = [1, 3].map((t) => copyOf(`pairs-fix-${t}`, files));
    const fixed = same(['--fix', ...args], (t) => dirs[t === 1 ? 0 : 1]);
    expect(tree(dirs[1])).toEqual(tree(dirs[0]));
    expect(readFileSync(path.join(dirs[0], '2022', 'report.md'), 'utf8')).not.toContain('。。');
    const fixedDraft = (JSON.parse(fixed.out) as J).find((f) => f.filePath.endsWith(path.join('2023', 'report.md')))!;
    expect(fixedDraft.previous?.filePath).toBe(path.join('<dir>', '2022', 'report.md'));
    expect(fixedDraft.messages.filter((m) => m.ruleId === 'plan-followup')).toHaveLength(1);
  });

  it('a checking thread that runs out of memory hands its files back: the same output', () => {
    const dir = copyOf('starved', Object.fromEntries(readdirSync(WILD).filter((f) => f.endsWith('.md')).slice(0, 10).map((f) => [f, readFileSync(path.join(WILD, f), 'utf8')])));
    const one = cli(1, ['-f', 'json', '.'], dir);
    // an old generation of 2 MB cannot hold the rules: each thread dies on its first file
    const starved = cli(3, ['-f', 'json', '.'], dir, { FAZHI_CLI_THREAD_HEAP_MB: '2' });
    expect(starved.threads).toBe(2);
    expect(starved.code).toBe(one.code);
    expect(starved.err).toBe(one.err);
    expect(starved.out).toBe(one.out);
    expect(JSON.parse(one.out)).toHaveLength(10);
  });

  it('a handful of files stays on one thread unless told', () => {
    const dir = copyOf('few', { 'a.md': PREVIOUS, 'b.md': thisYear(FOLLOWED) });
    const r = spawnSync(process.execPath, ['-r', HOOK, CLI, '-f', 'json', 'a.md', 'b.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FAZHI_CLI_THREADS: '', COUNT_FILE: path.join(scratch, 'few-count') } });
    expect(r.status).not.toBeNull();
    expect(readFileSync(path.join(scratch, 'few-count'), 'utf8')).toBe('0');
  });
});
