/**
 * The browser language server (server/browserPlatform.ts, as dist/browser/server.js runs it) with config files read
 * through the client (fazhiLint/readFile, issue 20): here the server runs in this process over a stream pair and a
 * fake client answers the reads from memory — the workspace folder does not exist on disk, so whatever the server
 * knows of a config file it was handed. A document gets the config the Node server gives the same files (the
 * nearest .fazhi-lint.json(c) up to the workspace folder, its extends chain, merged over the settings); a read
 * outside the workspace is not even asked for, and a file the client refuses (too large) is reported on the config.
 * Last year's report is found as on Node (input/previous.ts's finder): in the draft's folder, listed and read through
 * the client, or named by the config; with no client reads the checklist says it was not looked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { DidChangeWatchedFilesNotification, ShutdownRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { allRules, both, check, ui } from '../../rules/index.js';
import { CHECKLIST_REQUEST, CHECK_WORKSPACE_REQUEST, REVIEW_REQUEST, READ_FILE_MAX_BYTES, READ_FILE_REQUEST, bytesToBase64, type ChecklistResponse, type ReadFileParams, type ReadFileResult } from '../../protocol/index.js';
import { serve } from '../../server/serve.js';
import { browserPlatform } from '../../server/browserPlatform.js';
import { ConfigStore, normalizeSettings } from '../../server/config.js';
import { readCorpus } from '../helpers/corpus.js';
import { FOLLOWED, PREVIOUS, lineOf, thisYear } from '../helpers/pairs.js';
import { fileUri, startSession } from '../helpers/lsp.js';

const WS = '/fazhi-browser-ws-not-on-disk';
const WS_URI = fileUri(WS);
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** A browser server in this process, its client answering fazhiLint/readFile from `files` (by URI). */
async function browserServer(files: Map<string, string | ReadFileResult>, opts: { readsFiles?: boolean; settings?: Record<string, unknown> } = {}) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  serve(server, browserPlatform);
  const s = await startSession(
    { reader: new StreamMessageReader(toClient), writer: new StreamMessageWriter(toServer), log: () => '', processId: null, stop: async () => {} },
    { workspace: WS, settings: { debounceMs: 0, ...opts.settings }, initializationOptions: { readsFiles: opts.readsFiles ?? true } },
  );
  const asked: string[] = [];
  s.conn.onRequest(READ_FILE_REQUEST, async (p: ReadFileParams): Promise<ReadFileResult> => {
    asked.push(p.list ? `list ${p.uri}` : p.uri);
    if (p.list) {
      // the folder's files with the extensions asked for, as client/workspaceFiles.ts lists them
      const inside = [...files.keys()].filter((u) => u.slice(0, u.lastIndexOf('/')) === p.uri && p.list!.extensions.some((e) => u.endsWith(e)));
      return { ok: true, files: inside.sort().map((u) => ({ name: decodeURIComponent(u.slice(u.lastIndexOf('/') + 1)), size: String(files.get(u)).length, mtime: 1 })) };
    }
    const f = files.get(p.uri);
    if (f === undefined) return { ok: false, reason: 'notFound' };
    return typeof f === 'string' ? { ok: true, base64: bytesToBase64(new TextEncoder().encode(f)) } : f;
  });
  return {
    s,
    asked,
    async dispose() {
      // no exit notification: this server is not a process of its own
      await s.conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
      s.conn.dispose();
      server.dispose();
    },
  };
}

const at = (rel: string) => fileUri(path.join(WS, rel));
const inWorkspace = (uri: string) => uri === WS_URI || uri.startsWith(WS_URI + '/');
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.code}:${d.severity}:${d.range.start.line}`).sort();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('the browser server reads config files through the client', () => {
  const text = readCorpus('kecheng-2020.md');
  const config = '{ "extends": "../base.json", "rules": { "web-boilerplate": "off" } }';
  const base = '// shared\n{ "rules": { "duplicate-word": "error" } }';
  // the settings name two rules; the file decides the one it names, the settings the other
  const settings = { rules: { 'web-boilerplate': 'error', placeholder: 'off' } };

  it('checks a document with its nearest config file and its extends chain, as the Node server does with the same files', async () => {
    const files = new Map<string, string | ReadFileResult>([
      [at('reports/.fazhi-lint.jsonc'), config],
      [at('base.json'), base],
    ]);
    const b = await browserServer(files, { settings });
    cleanup.push(b.dispose);
    const uri = at('reports/2020/kecheng.md');
    b.s.open(uri, text);
    const p = await b.s.diagnostics(uri, (p) => p.version === 1);
    const codes = p.diagnostics.map((d) => d.code);
    // before anything else: the rules the file and the settings turned off are off, the severity the base set is taken
    const plain = check(text).findings;
    expect(plain.some((f) => f.ruleId === 'web-boilerplate') && plain.some((f) => f.ruleId === 'placeholder')).toBe(true);
    expect(codes).not.toContain('web-boilerplate');
    expect(codes).not.toContain('placeholder');
    const dup = p.diagnostics.filter((d) => d.code === 'duplicate-word');
    expect(dup.length).toBe(plain.filter((f) => f.ruleId === 'duplicate-word').length);
    expect(dup.every((d) => d.severity === SEVERITY.error)).toBe(true);
    // the server asked for the nearest config file's directory up to the workspace folder, and for what it extends
    expect(b.asked).toContain(at('reports/2020/.fazhi-lint.json'));
    expect(b.asked).toContain(at('.fazhi-lint.jsonc'));
    expect(b.asked).toContain(at('base.json'));
    expect(b.asked.filter((u) => !inWorkspace(u.replace(/^list /, '')))).toEqual([]);

    // the same files on disk, through the Node server's config store: the same config, so the same diagnostics
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-browser-config-'));
    try {
      mkdirSync(path.join(dir, 'reports/2020'), { recursive: true });
      writeFileSync(path.join(dir, 'reports/.fazhi-lint.jsonc'), config);
      writeFileSync(path.join(dir, 'base.json'), base);
      const store = new ConfigStore(allRules);
      store.settings = normalizeSettings(settings);
      store.folders = [dir];
      const node = store.forUri(fileUri(path.join(dir, 'reports/2020/kecheng.md')));
      const expected = check(text, { config: node.config, language: node.language }).findings.map((f) => `${f.ruleId}:${SEVERITY[f.severity as keyof typeof SEVERITY]}:${f.line - 1}`);
      expect(summary(p.diagnostics)).toEqual(expected.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks again when a config file changes, with what the client reads then', async () => {
    const files = new Map<string, string | ReadFileResult>([[at('.fazhi-lint.json'), '{ "rules": { "web-boilerplate": "off" } }']]);
    const b = await browserServer(files);
    cleanup.push(b.dispose);
    const uri = at('kecheng.md');
    b.s.open(uri, text);
    const first = await b.s.diagnostics(uri, (p) => p.version === 1);
    expect(first.diagnostics.map((d) => d.code)).not.toContain('web-boilerplate');
    files.set(at('.fazhi-lint.json'), '{ "rules": { "web-boilerplate": "info", "duplicate-word": "off" } }');
    b.s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: at('.fazhi-lint.json'), type: 2 }] });
    const next = await b.s.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'web-boilerplate'));
    expect(next.diagnostics.filter((d) => d.code === 'web-boilerplate').every((d) => d.severity === SEVERITY.info)).toBe(true);
    expect(next.diagnostics.map((d) => d.code)).not.toContain('duplicate-word');
  });

  it('does not ask for a file outside the workspace folder: the extends is reported on the config, the draft checked with the settings', async () => {
    const outside = fileUri(path.join(path.dirname(WS), 'outside.json'));
    const files = new Map<string, string | ReadFileResult>([
      [at('.fazhi-lint.json'), '{\n  "extends": "../outside.json",\n  "rules": { "web-boilerplate": "off" }\n}'],
      [outside, '{ "rules": { "duplicate-word": "off" } }'],
    ]);
    const b = await browserServer(files);
    cleanup.push(b.dispose);
    const uri = at('kecheng.md');
    b.s.open(uri, text);
    const onConfig = await b.s.diagnostics(at('.fazhi-lint.json'), (p) => p.diagnostics.length === 1);
    expect(onConfig.diagnostics[0]).toMatchObject({ code: 'config', severity: 1, range: { start: { line: 1 } } });
    expect(onConfig.diagnostics[0].message).toContain(both('read_outside'));
    const p = await b.s.diagnostics(uri, (p) => p.version === 1);
    // a broken config: the settings alone (the file's "off" is not taken either)
    expect(p.diagnostics.length).toBe(check(text).findings.length);
    expect(p.diagnostics.map((d) => d.code)).toContain('web-boilerplate');
    expect(p.diagnostics.map((d) => d.code)).toContain('duplicate-word');
    expect(b.asked).not.toContain(outside);
    expect(b.asked.filter((u) => !inWorkspace(u.replace(/^list /, '')))).toEqual([]);
  });

  it('reports a config file the client will not read (over its size limit), and checks the draft with the settings alone', async () => {
    const files = new Map<string, string | ReadFileResult>([[at('.fazhi-lint.json'), { ok: false, reason: 'tooLarge', limit: READ_FILE_MAX_BYTES }]]);
    const b = await browserServer(files, { settings: { rules: { placeholder: 'off' } } });
    cleanup.push(b.dispose);
    const uri = at('kecheng.md');
    b.s.open(uri, text);
    const onConfig = await b.s.diagnostics(at('.fazhi-lint.json'), (p) => p.diagnostics.length === 1);
    expect(onConfig.diagnostics[0].message).toContain(both('read_tooLarge', { kb: 1024 }));
    const p = await b.s.diagnostics(uri, (p) => p.version === 1);
    const expected = check(text).findings.filter((f) => f.ruleId !== 'placeholder');
    expect(p.diagnostics.length).toBe(expected.length);
  });

  it('reads nothing when the client does not offer to: every document is checked with the settings alone', async () => {
    const files = new Map<string, string | ReadFileResult>([[at('.fazhi-lint.json'), '{ "rules": { "web-boilerplate": "off" } }']]);
    const b = await browserServer(files, { readsFiles: false });
    cleanup.push(b.dispose);
    const uri = at('kecheng.md');
    b.s.open(uri, text);
    const p = await b.s.diagnostics(uri, (p) => p.version === 1);
    expect(p.diagnostics.length).toBe(check(text).findings.length);
    expect(b.asked).toEqual([]);
  });
});

describe('the browser server finds last year\'s report through the client', () => {
  const CURRENT = thisYear(FOLLOWED.slice(0, 3));
  const DROPPED = '推行行政复议案件繁简分流';
  const followups = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'plan-followup');
  const checklistOf = (b: Awaited<ReturnType<typeof browserServer>>, uri: string) => b.s.conn.sendRequest(CHECKLIST_REQUEST, { uri }) as Promise<ChecklistResponse | null>;

  it('in the draft\'s folder: the dropped plan points into that file, and the checklist pairs the two', async () => {
    const last = at('reports/2022年度报告.md');
    const files = new Map<string, string | ReadFileResult>([
      [last, PREVIOUS],
      // a report of another year and a note in the same folder are no match
      [at('reports/notes.txt'), '会议纪要'],
    ]);
    const b = await browserServer(files);
    cleanup.push(b.dispose);
    const uri = at('reports/2023年度报告.md');
    b.s.open(uri, CURRENT);
    const p = await b.s.diagnostics(uri, (p) => followups(p.diagnostics).length > 0);
    expect(followups(p.diagnostics)).toHaveLength(1);
    expect(followups(p.diagnostics)[0].message).toContain(DROPPED);
    expect(followups(p.diagnostics)[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1])).toEqual([[last, lineOf(PREVIOUS, DROPPED)]]);
    const c = (await checklistOf(b, uri))!;
    expect(c.previous).toMatchObject({ uri: last, year: 2022, followed: 3 });
    expect(c.previous!.label).toContain('2022年度报告.md');
    // listed, then read: the draft's own folder only
    expect(b.asked).toContain(`list ${at('reports')}`);
    expect(b.asked).toContain(last);
    expect(b.asked.filter((u) => !inWorkspace(u.replace(/^list /, '')))).toEqual([]);
  });

  it('named by the config ("previous"), read through the client; outside the workspace it is not read and not asked for', async () => {
    const named = at('archive/去年.md');
    const files = new Map<string, string | ReadFileResult>([
      [at('.fazhi-lint.json'), '{ "previous": "archive/去年.md" }'],
      [named, PREVIOUS],
    ]);
    const b = await browserServer(files);
    cleanup.push(b.dispose);
    const uri = at('2023.md');
    b.s.open(uri, CURRENT);
    const p = await b.s.diagnostics(uri, (p) => followups(p.diagnostics).length > 0);
    expect(followups(p.diagnostics)[0].relatedInformation?.[0].location.uri).toBe(named);
    expect((await checklistOf(b, uri))!.previous).toMatchObject({ uri: named, year: 2022 });

    files.set(at('.fazhi-lint.json'), '{ "previous": "../elsewhere/去年.md" }');
    b.s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: at('.fazhi-lint.json'), type: 2 }] });
    const q = await b.s.diagnostics(uri, (p) => followups(p.diagnostics).length === 0);
    expect(followups(q.diagnostics)).toEqual([]);
    expect((await checklistOf(b, uri))!.previous!.label).toBe(ui('zh-CN', 'previousNone'));
    expect(b.asked.filter((u) => !inWorkspace(u.replace(/^list /, '')))).toEqual([]);
  });

  it('without client reads the checklist says last year\'s report was not looked for', async () => {
    const files = new Map<string, string | ReadFileResult>([[at('2022.md'), PREVIOUS]]);
    const b = await browserServer(files, { readsFiles: false });
    cleanup.push(b.dispose);
    const uri = at('2023.md');
    b.s.open(uri, CURRENT);
    const p = await b.s.diagnostics(uri, (p) => p.version === 1);
    expect(followups(p.diagnostics)).toEqual([]);
    expect((await checklistOf(b, uri))!.previous!.label).toBe(ui('zh-CN', 'previousNoFileSystem'));
    expect(b.asked).toEqual([]);
  });
});

describe('what the browser server cannot do, it says', () => {
  it('the workspace check and the review (of one draft or all) answer noFileSystem in the user\'s language, and it keeps checking', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const b = await browserServer(new Map(), { settings: { language } });
      cleanup.push(b.dispose);
      const uri = at('kecheng.md');
      const text = readCorpus('kecheng-2020.md');
      b.s.open(uri, text);
      await b.s.diagnostics(uri, (p) => p.version === 1);
      const refusal = (method: string, params: unknown) =>
        b.s.conn.sendRequest(method, params).then(
          () => 'answered',
          (e: { message: string }) => e.message,
        );
      expect(await refusal(CHECK_WORKSPACE_REQUEST, {})).toBe(ui(language, 'noFileSystem'));
      expect(await refusal(REVIEW_REQUEST, {})).toBe(ui(language, 'noFileSystem'));
      expect(await refusal(REVIEW_REQUEST, { uri })).toBe(ui(language, 'noFileSystem'));
      // and the document is still served
      b.s.change(uri, 2, [{ text: text + '\n' }]);
      expect((await b.s.diagnostics(uri, (p) => p.version === 2)).diagnostics.length).toBe(check(text + '\n').findings.length);
    }
  });
});
