/**
 * The language server built for VS Code for the Web (dist/browser/server.js) in a real Web Worker in headless
 * Chromium (playwright-core with Debian chromium, as the page test drives it), spoken to in LSP from here through
 * the page: for every corpus report it publishes the same diagnostics as the Node server (dist/server.cjs) —
 * ranges, codes, severities, messages, related places, tags — and answers hover, code actions and the checklist as
 * it does; it reads no file, and what needs one (the workspace check) says so. No request leaves the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  CodeActionRequest,
  Emitter,
  HoverRequest,
  type DataCallback,
  type Diagnostic,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import { DOCS_BASE, check, ui } from '../../rules/index.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';
import { ROOT, fileUri, startServerInTempWorkspace, startSession, withTimeout, type LspSession } from '../helpers/lsp.js';
import { CheckWorkspaceRequest, ChecklistRequest } from '../../protocol/index.js';

const BUNDLE = path.join(ROOT, 'dist/browser/server.js');
const ORIGIN = 'http://fazhi-lint.test';

// what runs inside the page (page.evaluate): the suite's TypeScript has no DOM library
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, Worker: any, Blob: any, URL: any;
type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

/** Messages the page's worker posted, handed here through an exposed function. */
class PageReader extends AbstractMessageReader implements MessageReader {
  readonly data = new Emitter<Message>();
  listen(callback: DataCallback): Disposable {
    return this.data.event(callback);
  }
}

/** Messages for the worker, posted to it from inside the page (in order: one page.evaluate after another). */
class PageWriter extends AbstractMessageWriter implements MessageWriter {
  private queue = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(msg: Message): Promise<void> {
    this.queue = this.queue.then(() => this.page.evaluate((m: unknown) => window.fazhiWorker.postMessage(m), msg as unknown));
    return this.queue;
  }
  end(): void {}
}

let browser: Browser;
let page: Page;
let web: Omit<LspSession, 'child'>;
let node: LspSession & { dir: string };
const requests: string[] = [];
const aborted: string[] = [];
const workerErrors: string[] = [];

/** The same diagnostic with its rule page link left out: Node links the packaged page, the browser the published one. */
const unlinked = (ds: Diagnostic[]) => ds.map(({ codeDescription: _link, ...d }) => d);

beforeAll(async () => {
  execFileSync('bash', [path.join(ROOT, 'scripts/ensure-packages.sh'), 'chromium'], { stdio: 'inherit', timeout: 600_000 });
  // @ts-ignore the e2e helpers are plain ES modules without type declarations
  const lib = await import('../../scripts/e2e-lib.mjs');
  browser = await lib.launchBrowser();
  const context = await browser.newContext();
  const served: Record<string, { body: string; contentType: string }> = {
    [`${ORIGIN}/`]: { body: '<!doctype html><meta charset="utf-8"><title>fazhi-lint web worker</title>', contentType: 'text/html' },
    [`${ORIGIN}/server.js`]: { body: readFileSync(BUNDLE, 'utf8'), contentType: 'text/javascript' },
  };
  // the page and the worker's script are served here; every other request is refused and counted
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const file = served[url];
    if (file) return route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
    aborted.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void workerErrors.push(e.message));
  await page.goto(`${ORIGIN}/`);
  const reader = new PageReader();
  await page.exposeFunction('fazhiFromWorker', (m: Message) => reader.data.fire(m));
  await page.evaluate(() => {
    const w = new Worker('/server.js');
    w.onmessage = (e: { data: unknown }) => window.fazhiFromWorker(e.data);
    w.onerror = (e: { message: string }) => window.fazhiFromWorker({ jsonrpc: '2.0', method: 'test/workerError', params: e.message });
    window.fazhiWorker = w;
  });
  const writer = new PageWriter(page);
  web = await startSession({ reader, writer, log: () => workerErrors.join('\n'), processId: null, stop: async () => page.evaluate(() => window.fazhiWorker.terminate()) }, { settings: { debounceMs: 0 } });
  web.conn.onNotification('test/workerError', (message: string) => void workerErrors.push(message));
  node = await startServerInTempWorkspace('web-vs-node', { settings: { debounceMs: 0 } });
}, 600_000);

afterAll(async () => {
  await web?.dispose();
  await node?.dispose();
  await browser?.close();
});

describe('the browser language server in a Web Worker', () => {
  it.each(corpusFiles)('publishes for %s the diagnostics the Node server publishes', async (file) => {
    const uri = fileUri(path.join(node.dir, file));
    const text = readCorpus(file);
    web.open(uri, text);
    node.open(uri, text);
    const [fromWeb, fromNode] = await Promise.all([web.diagnostics(uri, (p) => p.version === 1, 30_000), node.diagnostics(uri, (p) => p.version === 1, 30_000)]);
    expect(fromWeb.diagnostics.length).toBe(check(text).findings.length);
    expect(fromWeb.diagnostics.length).toBeGreaterThan(0);
    expect(unlinked(fromWeb.diagnostics)).toEqual(unlinked(fromNode.diagnostics));
    // each links its rule page: the published one, as the worker has no packaged copy to point to
    for (const d of fromWeb.diagnostics) expect(d.codeDescription?.href).toBe(`${DOCS_BASE}${d.code}.md`);

    // and answers as the Node server does where the first diagnostic is: hover, code actions, the checklist
    const d = fromNode.diagnostics[0];
    const at = { textDocument: { uri }, position: d.range.start };
    const [hw, hn] = await Promise.all([web.conn.sendRequest(HoverRequest.type, at), node.conn.sendRequest(HoverRequest.type, at)]);
    const noLinks = (s: string) => s.replace(/\]\([^)]*\)/g, '](…)');
    expect(hw).not.toBeNull();
    expect(noLinks(JSON.stringify(hw))).toBe(noLinks(JSON.stringify(hn)));
    const range = { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } };
    const [aw, an] = await Promise.all([web.conn.sendRequest(CodeActionRequest.type, range), node.conn.sendRequest(CodeActionRequest.type, range)]);
    // "忽略此处" writes the config file: Node's alone (the browser has no file system); every other action is the same
    const writesConfig = (a: { command?: { command: string } }) => a.command?.command === 'fazhiLint.ignoreFinding';
    expect((aw as { command?: { command: string } }[]).some(writesConfig)).toBe(false);
    expect(noLinks(JSON.stringify(aw))).toBe(noLinks(JSON.stringify((an as { command?: { command: string } }[]).filter((a) => !writesConfig(a)))));
    const [cw, cn] = await Promise.all([web.conn.sendRequest(ChecklistRequest.method, { uri }), node.conn.sendRequest(ChecklistRequest.method, { uri })]);
    type Checklist = { previous: { uri: string | null; label: string } | null };
    const [web_, node_] = [cw as Checklist, cn as Checklist];
    expect(web_).not.toBeNull();
    // no report of last year beside this one for either server; the browser's says it did not look
    expect(node_.previous?.label).toBe(ui('zh-CN', 'previousNone'));
    expect(web_.previous?.label).toBe(ui('zh-CN', 'previousNoFileSystem'));
    expect({ ...web_, previous: { ...web_.previous, label: '' } }).toEqual({ ...node_, previous: { ...node_.previous, label: '' } });
    web.close(uri);
    node.close(uri);
  });

  it('says the workspace check needs a file system, in the user\'s language, and keeps serving', async () => {
    const err = await withTimeout(
      web.conn.sendRequest(CheckWorkspaceRequest.method, {}).then(
        () => null,
        (e: { message: string }) => e,
      ),
      10_000,
      () => 'fazhiLint/checkWorkspace',
    );
    expect(err?.message).toBe(ui('zh-CN', 'noFileSystem'));
    const uri = 'untitled:Untitled-1';
    const text = readCorpus(corpusFiles[0]);
    web.open(uri, text);
    expect((await web.diagnostics(uri, (p) => p.version === 1, 30_000)).diagnostics.length).toBe(check(text).findings.length);
  });

  it("the web extension's bundle loads in a Worker with no DOM and no Node, given only the vscode module, and exports activate", async () => {
    const source = readFileSync(path.join(ROOT, 'dist/browser/extension.js'), 'utf8');
    const loaded = await page.evaluate(async (src: string) => {
      // as the web extension host loads it: CommonJS in a worker, `require` answering only 'vscode' (here a stand-in
      // whose every member is callable), no Node globals
      const harness = `
        const asked = [];
        const stand = () => new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : stand()), apply: () => stand(), construct: () => stand() });
        const require = (name) => { asked.push(name); if (name === 'vscode') return stand(); throw new Error('require ' + name); };
        const module = { exports: {} };
        try {
          new Function('module', 'exports', 'require', ${JSON.stringify('__SOURCE__')})(module, module.exports, require);
          postMessage({ ok: true, asked: [...new Set(asked)], exports: Object.keys(module.exports).sort(), node: typeof process + ' ' + typeof Buffer });
        } catch (e) { postMessage({ ok: false, error: String(e && e.stack || e) }); }`;
      const blob = new Blob([harness.replace(JSON.stringify('__SOURCE__'), () => JSON.stringify(src))], { type: 'text/javascript' });
      const url = URL.createObjectURL(blob);
      const w = new Worker(url);
      try {
        return await new Promise((resolve) => {
          w.onmessage = (e: { data: unknown }) => resolve(e.data);
          w.onerror = (e: { message: string }) => resolve({ ok: false, error: e.message });
        });
      } finally {
        w.terminate();
        URL.revokeObjectURL(url);
      }
    }, source);
    // (other names a bundled package probes for, such as JSZip's "stream", are refused and it carries on without them)
    expect(loaded).toMatchObject({ ok: true, exports: ['activate', 'deactivate'], node: 'undefined undefined' });
    expect((loaded as { asked: string[] }).asked).toContain('vscode');
  });

  it('made no request beyond its page and its script, and nothing failed in the worker', () => {
    expect(workerErrors).toEqual([]);
    expect(aborted).toEqual([]);
    // (and the blob: worker that loads the extension's bundle, made from its source in the page)
    expect([...new Set(requests.filter((u) => !u.startsWith('blob:')))].sort()).toEqual([`${ORIGIN}/`, `${ORIGIN}/server.js`]);
  });
});
