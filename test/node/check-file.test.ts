/** node/ in process: bounded reads, atomic writes, decode by content, checkFile()'s order of steps, named rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules, defaultConfig, ruleById } from '../../rules/index.js';
import { ConfigLookup, checkFile, decodeBytes, encodeText, readRegularFile, writeFileAtomic } from '../../node/index.js';
import { readCorpus } from '../helpers/corpus.js';

const REPORT = readCorpus('xiaobailou-2020.md');
let tmp: string;
beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-node-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads up to the limit and refuses one byte more, without reading it all', () => {
    const f = path.join(tmp, 'limit.md');
    writeFileSync(f, 'x'.repeat(1000));
    expect(readRegularFile(f, { maxBytes: 1000 })).toMatchObject({ ok: true });
    expect(readRegularFile(f, { maxBytes: 999 })).toMatchObject({ ok: false, reason: 'tooLarge' });
  });
  it('refuses a path outside its roots, and a directory with EISDIR', () => {
    const f = path.join(tmp, 'in.md');
    writeFileSync(f, 'a');
    expect(readRegularFile(f, { maxBytes: 10, roots: [path.join(tmp, 'elsewhere')] })).toMatchObject({ ok: false, reason: 'outside' });
    expect(readRegularFile(tmp, { maxBytes: 10 })).toMatchObject({ ok: false, code: 'EISDIR' });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the bytes, keeps the mode, leaves no temporary file', () => {
    const d = path.join(tmp, 'w');
    mkdirSync(d);
    const f = path.join(d, 'a.md');
    writeFileSync(f, 'old');
    chmodSync(f, 0o604);
    expect(writeFileAtomic(f, Buffer.from('new'))).toEqual({ ok: true });
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o604);
    expect(readdirSync(d)).toEqual(['a.md']);
  });
  it('a failure is a value and the old file stays', () => {
    const f = path.join(tmp, 'ro.md');
    writeFileSync(f, 'old');
    chmodSync(f, 0o444);
    expect(writeFileAtomic(f, Buffer.from('new'))).toMatchObject({ ok: false, reason: 'readOnly' });
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(writeFileAtomic(path.join(tmp, 'gone', 'x.md'), Buffer.from('new'))).toMatchObject({ ok: false, reason: 'failed', code: 'ENOENT' });
  });
});

describe('bytes → text view', () => {
  it('each encoding is written back as read; a text GB18030 cannot hold the same way is refused', () => {
    for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']) {
      const e = encodeText('法治政府𠮷建设', enc);
      expect(e.ok, enc).toBe(true);
      const back = decodeBytes((e as { bytes: Uint8Array }).bytes);
      expect(back).toMatchObject({ ok: true, text: '法治政府𠮷建设', encoding: enc });
    }
    // an all-ASCII text in GB18030 reads back as UTF-8: written, it would change encoding; refused instead
    expect(encodeText('abc', 'gb18030')).toMatchObject({ ok: false });
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]))).toEqual({ ok: false, reason: "binary" });
  });
});

describe('checkFile', () => {
  const contextFor = () => ({ config: defaultConfig(allRules), language: 'zh-CN' as const });
  it('a walked file that does not read as a report is skipped before the rules run; a named one is checked', () => {
    const f = path.join(tmp, 'README.md');
    writeFileSync(f, '# 安装\n\n运行 npm install。\n');
    expect(checkFile(f, { explicit: false, contextFor })).toMatchObject({ kind: 'skipped', why: 'notReport' });
    const named = checkFile(f, { explicit: true, contextFor });
    expect(named).toMatchObject({ kind: 'checked', check: { readsAsReport: false, rulesRan: true } });
  });
  it('a report is checked; problems are values naming the file', () => {
    const f = path.join(tmp, 'report.md');
    writeFileSync(f, REPORT);
    const r = checkFile(f, { explicit: false, contextFor });
    expect(r.kind === 'checked' && r.check.result.findings.length).toBeGreaterThan(0);
    expect(checkFile(path.join(tmp, 'none.md'), { explicit: true, contextFor })).toMatchObject({ kind: 'failed', problem: { kind: 'notFound' } });
  });
});

describe('ConfigLookup', () => {
  it('records the rules the files name (through extends too), so an editor needs no second parse', () => {
    const id = allRules[0].meta.id;
    const other = allRules.find((r) => r.meta.id !== id && ruleById(r.meta.id))!.meta.id;
    const d = path.join(tmp, 'cfg', 'sub');
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(tmp, 'cfg', 'base.json'), JSON.stringify({ rules: { [other]: 'info' } }));
    writeFileSync(path.join(d, '.fazhi-lint.json'), JSON.stringify({ extends: '../base.json', rules: { [id]: 'off' } }));
    const lookup = new ConfigLookup({ rules: allRules, roots: [path.join(tmp, 'cfg')], stopAtRoots: true });
    const found = lookup.forDir(d);
    expect(found.file).toBe(path.join(d, '.fazhi-lint.json'));
    expect(new Set(found.config.named)).toEqual(new Set([id, other]));
    // with the folder as the only root, the same extends is refused from a narrower workspace
    const narrow = new ConfigLookup({ rules: allRules, roots: [d], stopAtRoots: true });
    expect(() => narrow.forDir(d)).toThrow(/工作区之外|outside/);
  });
});
