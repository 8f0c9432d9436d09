/**
 * The client against a stubbed `vscode` API (a real editor runs in the e2e test): activation registers every
 * command the manifest contributes, the checklist view and the status bar, starts the language client, and
 * wires the view and status bar to the server's checklist. The stub records what the extension asks for.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/lsp.js';
import { READ_FILE_MAX_BYTES, base64ToBytes } from '../../protocol/index.js';

const h = vi.hoisted(() => {
  const state = {
    commands: new Map<string, (...a: unknown[]) => unknown>(),
    executed: [] as unknown[][],
    warnings: [] as string[],
    infos: [] as string[],
    treeViews: [] as { id: string; options: any }[],
    statusItems: [] as any[],
    clients: [] as any[],
    opened: [] as any[],
    inputs: [] as string[],
    config: {} as Record<string, unknown>,
    activeEditor: undefined as any,
    editorListeners: [] as ((e: unknown) => void)[],
    customEditors: [] as { viewType: string; provider: any }[],
    contentProviders: [] as { scheme: string; provider: any }[],
    diagnostics: new Map<string, unknown[]>(),
    files: new Map<string, Uint8Array>(),
    /** what vscode.workspace.fs.stat/readFile were asked for (by path) */
    fsCalls: [] as string[],
    folders: ['/ws'],
  };
  class EventEmitter<T> {
    private ls: ((e: T) => void)[] = [];
    event = (l: (e: T) => void) => (this.ls.push(l), { dispose() {} });
    fire(e: T) {
      this.ls.forEach((l) => l(e));
    }
    dispose() {}
  }
  const disposable = { dispose() {} };
  const vscode = {
    EventEmitter,
    Disposable: { from: (...d: unknown[]) => ({ dispose() {}, d }) },
    StatusBarAlignment: { Left: 1, Right: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    TreeItem: class {
      constructor(
        public label: string,
        public collapsibleState: number,
      ) {}
    },
    ThemeIcon: class {
      constructor(
        public id: string,
        public color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(public id: string) {}
    },
    Position: class {
      constructor(
        public line: number,
        public character: number,
      ) {}
    },
    Range: class {
      constructor(
        public start: unknown,
        public end: unknown,
      ) {}
    },
    Uri: {
      // as VS Code's Uri.parse: the path decoded, `.` and `..` kept as written
      parse: (s: string) => {
        const m = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/i.exec(s);
        return { scheme: s.split(':')[0], authority: m?.[2] ?? '', path: m ? decodeURIComponent(m[3]) : s, toString: () => s };
      },
      file: (p: string) => ({ scheme: 'file', path: p, toString: () => 'file://' + p }),
      from: (c: { scheme: string; path: string; query?: string }) => ({ ...c, toString: () => `${c.scheme}:${c.path}` }),
      joinPath: (base: { scheme: string; path: string }, ...parts: string[]) => {
        const p = [base.path, ...parts].join('/');
        return { scheme: base.scheme, path: p, toString: () => `${base.scheme}://${p}` };
      },
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    Diagnostic: class {
      source?: string;
      code?: unknown;
      constructor(
        public range: unknown,
        public message: string,
        public severity: number,
      ) {}
    },
    languages: {
      createDiagnosticCollection: () => ({
        set: (uri: { toString(): string }, ds: unknown[]) => void state.diagnostics.set(uri.toString(), ds),
        delete: (uri: { toString(): string }) => void state.diagnostics.delete(uri.toString()),
        dispose() {},
      }),
    },
    l10n: { t: (s: string, ...args: unknown[]) => s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
    env: { language: 'en', openExternal: async () => true },
    commands: {
      registerCommand(id: string, fn: (...a: unknown[]) => unknown) {
        state.commands.set(id, fn);
        return disposable;
      },
      async executeCommand(...args: unknown[]) {
        state.executed.push(args);
      },
    },
    window: {
      get activeTextEditor() {
        return state.activeEditor;
      },
      onDidChangeActiveTextEditor(l: (e: unknown) => void) {
        state.editorListeners.push(l);
        return disposable;
      },
      createTreeView(id: string, options: unknown) {
        state.treeViews.push({ id, options });
        return disposable;
      },
      createStatusBarItem(id: string, alignment: number, priority: number) {
        const item = { id, alignment, priority, text: '', visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
        state.statusItems.push(item);
        return item;
      },
      async showInputBox() {
        return state.inputs.shift();
      },
      async showTextDocument(doc: unknown) {
        state.opened.push(doc);
      },
      async showInformationMessage(message: string) {
        state.infos.push(message);
      },
      async showWarningMessage(message: string) {
        state.warnings.push(message);
      },
      setStatusBarMessage() {
        return { dispose() {} };
      },
      async showQuickPick(items: any[]) {
        return items[0];
      },
      registerCustomEditorProvider(viewType: string, provider: unknown) {
        state.customEditors.push({ viewType, provider });
        return disposable;
      },
    },
    workspace: {
      getConfiguration: () => ({ get: (k: string) => state.config[k] }),
      onDidChangeConfiguration: () => disposable,
      createFileSystemWatcher: (glob: string) => ({ glob, dispose() {} }),
      findFiles: async (_glob: string): Promise<unknown[]> => [],
      asRelativePath: (uri: { path: string }) => uri.path.replace(/^\/ws\//, ''),
      async openTextDocument(init: unknown) {
        return init;
      },
      applyEdit: async (_e: unknown) => true,
      onDidCloseTextDocument: () => disposable,
      getWorkspaceFolder: (uri: { scheme: string; path: string }) => {
        const f = state.folders.find((f) => uri.scheme === 'file' && (uri.path === f || uri.path.startsWith(f + '/')));
        return f ? { uri: { scheme: 'file', path: f }, name: f, index: 0 } : undefined;
      },
      fs: {
        readFile: async (uri: { path: string }) => {
          state.fsCalls.push(`read ${uri.path}`);
          const bytes = state.files.get(uri.path);
          if (!bytes) throw Object.assign(new Error('not found'), { code: 'FileNotFound' });
          return bytes;
        },
        readDirectory: async (uri: { path: string }) => {
          state.fsCalls.push(`list ${uri.path}`);
          const names = new Map<string, number>();
          for (const k of state.files.keys()) {
            if (!k.startsWith(uri.path + '/')) continue;
            const rest = k.slice(uri.path.length + 1);
            names.set(rest.split('/')[0], rest.includes('/') ? 2 : 1);
          }
          return [...names];
        },
        stat: async (uri: { path: string }) => {
          state.fsCalls.push(`stat ${uri.path}`);
          const bytes = state.files.get(uri.path);
          if (bytes) return { type: 1, size: bytes.length, ctime: 0, mtime: 0 };
          if ([...state.files.keys()].some((k) => k.startsWith(uri.path + '/'))) return { type: 2, size: 0, ctime: 0, mtime: 0 };
          throw Object.assign(new Error('not found'), { code: 'FileNotFound' });
        },
      },
      registerTextDocumentContentProvider(scheme: string, provider: unknown) {
        state.contentProviders.push({ scheme, provider });
        return disposable;
      },
    },
  };
  return { state, vscode };
});

vi.mock('vscode', () => ({ ...h.vscode, default: h.vscode }));

vi.mock('vscode-languageclient/node', () => {
  class LanguageClient {
    started = false;
    handlers = new Map<string, (p: unknown) => void>();
    requests: [string, unknown][] = [];
    response: unknown = null;
    constructor(
      public id: string,
      public name: string,
      public serverOptions: any,
      public clientOptions: any,
    ) {
      h.state.clients.push(this);
    }
    async start() {
      this.started = true;
    }
    stops = 0;
    async stop() {
      this.started = false;
      this.stops++;
    }
    outputChannel = { shown: 0, show: () => void this.outputChannel.shown++ };
    onNotification(method: string, fn: (p: unknown) => void) {
      this.handlers.set(method, fn);
      return { dispose() {} };
    }
    async sendRequest(method: string, params: unknown) {
      this.requests.push([method, params]);
      return typeof this.response === 'function' ? (this.response as (m: string, p: unknown) => unknown)(method, params) : this.response;
    }
  }
  return { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } };
});

// VS Code for the Web's client: the server is a Web Worker, handed to the client instead of server options
vi.mock('vscode-languageclient/browser', () => {
  class LanguageClient {
    started = false;
    handlers = new Map<string, (p: unknown) => void>();
    /** handlers of requests from the server */
    serves = new Map<string, (p: unknown) => unknown>();
    onRequest(method: string, fn: (p: unknown) => unknown) {
      this.serves.set(method, fn);
      return { dispose() {} };
    }
    requests: [string, unknown][] = [];
    response: unknown = null;
    constructor(
      public id: string,
      public name: string,
      public clientOptions: any,
      public worker: any,
    ) {
      h.state.clients.push(this);
    }
    async start() {
      this.started = true;
    }
    async stop() {
      this.started = false;
    }
    onNotification(method: string, fn: (p: unknown) => void) {
      this.handlers.set(method, fn);
      return { dispose() {} };
    }
    async sendRequest(method: string, params: unknown) {
      this.requests.push([method, params]);
      return typeof this.response === 'function' ? (this.response as (m: string, p: unknown) => unknown)(method, params) : this.response;
    }
  }
  return { LanguageClient };
});

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const checklist = {
  uri: 'file:///w/r.md',
  version: 3,
  items: [
    { item: 'measures', label: '主要举措和成效 — 单列成部分（第7行）', status: 'section', line: 7, heading: '主要举措和成效' },
    { item: 'problems', label: '存在的不足和原因 — 缺少', status: 'missing', line: null, heading: null },
    { item: 'first-responsible', label: 'x — 在其他部分中（第9行）', status: 'inside', line: 9, heading: null },
    { item: 'plans', label: 'y — 与其他部分合并（第20行）', status: 'merged', line: 20, heading: 'z' },
    { item: 'other', label: 'o — 缺少', status: 'missing', line: null, heading: null },
  ],
  counts: { error: 2, warning: 5, info: 1 },
  present: 2,
  required: 4,
  groups: [{ family: 'checklist', label: '法定部分', findings: [{ ruleId: 'section-missing', message: '缺少', line: 1, severity: 'error' }] }],
};

describe('activate', () => {
  beforeEach(() => {
    vi.resetModules();
    h.state.commands.clear();
    h.state.treeViews.length = h.state.statusItems.length = h.state.clients.length = h.state.opened.length = 0;
    h.state.customEditors.length = h.state.contentProviders.length = 0;
    h.state.activeEditor = { document: { languageId: 'markdown', uri: { toString: () => checklist.uri } } };
    h.state.config = {};
  });

  async function activate() {
    const ext = await import('../../client/extension.js');
    const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => path.join('/ext', p) };
    h.state.clients.length = 0;
    const done = ext.activate(context as any);
    const client = h.state.clients[0];
    client.response = (method: string) => (method === 'fazhiLint/checklist' ? checklist : null);
    await done;
    return { ext, context, client };
  }

  it('registers every contributed command, the view and the status bar, and starts the bundled server', async () => {
    const { context, client } = await activate();
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of contributed) expect(h.state.commands.has(id), id).toBe(true);
    expect(h.state.treeViews.map((v) => v.id)).toEqual(['fazhiLint.checklist']);
    expect(manifest.contributes.views.explorer.map((v: { id: string }) => v.id)).toEqual(['fazhiLint.checklist']);
    expect(h.state.statusItems.map((s) => s.id)).toEqual(['fazhiLint.status']);
    expect(client.started).toBe(true);
    expect(client.serverOptions.run.module).toBe(path.join('/ext', 'dist/server.cjs'));
    expect(client.clientOptions.documentSelector.map((d: { language: string }) => d.language)).toEqual(['markdown', 'markdown', 'markdown', 'plaintext', 'plaintext', 'plaintext', undefined]);
    // a .docx opens in the read-only editor, which shows the text view the server checks (scheme fazhi-docx)
    expect(client.clientOptions.documentSelector.at(-1)).toEqual({ scheme: 'fazhi-docx' });
    expect(h.state.contentProviders.map((c) => c.scheme)).toContain('fazhi-docx');
    expect(h.state.customEditors.map((c) => c.viewType)).toEqual(manifest.contributes.customEditors.map((c: { viewType: string }) => c.viewType));
    expect(manifest.contributes.customEditors[0].selector).toEqual([{ filenamePattern: '*.docx' }]);
    expect(client.clientOptions.synchronize.fileEvents.glob).toBe('**/.fazhi-lint.{json,jsonc}');
    expect(context.subscriptions.length).toBeGreaterThan(5);
  });

  it('restarts the server and shows its output; declares fazhi-lint.trace.server, which the client reads by its id', async () => {
    const { client } = await activate();
    await h.state.commands.get('fazhiLint.restartServer')!();
    expect(client.stops).toBe(1);
    expect(client.started).toBe(true);
    await h.state.commands.get('fazhiLint.showOutput')!();
    expect(client.outputChannel.shown).toBe(1);
    // vscode-languageclient traces per `${id}.trace.server`
    expect(client.id).toBe('fazhi-lint');
    expect(manifest.contributes.configuration.properties['fazhi-lint.trace.server']).toMatchObject({ enum: ['off', 'messages', 'verbose'], default: 'off' });
  });

  it('shows the checklist summary in the status bar, in the report language', async () => {
    await activate();
    const item = h.state.statusItems[0];
    expect(item.text).toBe('$(checklist) 法定部分 2/4 $(error) 2 $(warning) 5');
    expect(item.command).toBe('fazhiLint.showChecklist');
    expect(item.visible).toBe(true);
    expect(item.tooltip).toContain('2/4');
  });

  it('offers "仍然检查" in the status bar for a file that does not read as a report, instead of silence', async () => {
    const { client } = await activate();
    client.response = (method: string) => (method === 'fazhiLint/documentStatus' ? 'notReport' : null);
    // the server says the checklist changed (a new document): the model asks again and finds no report
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await vi.waitFor(() => expect(h.state.statusItems[0].text).toBe('$(question) 未识别为年度报告 · 仍然检查'));
    const item = h.state.statusItems[0];
    expect(item.visible).toBe(true);
    expect(item.command).toEqual({ title: '仍然检查', command: 'fazhiLint.checkAnyway', arguments: [{ uri: checklist.uri }] });
    expect(client.requests.map((r: [string, unknown]) => r[0]).slice(-2)).toEqual(['fazhiLint/checklist', 'fazhiLint/documentStatus']);
    // a report again: the summary, which opens the checklist
    client.response = (method: string) => (method === 'fazhiLint/checklist' ? checklist : null);
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await vi.waitFor(() => expect(h.state.statusItems[0].text).toContain('2/4'));
    expect(h.state.statusItems[0].command).toBe('fazhiLint.showChecklist');
  });

  it('a document checked anyway that declares another kind: "非年度报告" and its counts, no sections; the view says why, no ✖ item', async () => {
    const { client } = await activate();
    const notReport = {
      ...checklist,
      items: [],
      present: 0,
      required: 0,
      counts: { error: 1, warning: 0, info: 1 },
      groups: [{ family: 'residue', label: '编辑和复制残留', findings: [{ ruleId: 'placeholder', message: '疑似未替换的占位内容“××”', line: 5, severity: 'error' }] }],
      profile: null,
      coverage: null,
      previous: null,
      notReport: { label: '本文件不是年度报告（见 not-a-report 提示），未列法定部分', line: 3 },
    };
    client.response = (method: string) => (method === 'fazhiLint/checklist' ? notReport : null);
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await vi.waitFor(() => expect(h.state.statusItems[0].text).toBe('$(info) 非年度报告 $(error) 1 $(warning) 0'));
    const item = h.state.statusItems[0];
    expect(item.text).not.toContain('0/0');
    expect(item.tooltip).toBe('本文件不是年度报告，未列法定部分：1 个错误，0 个警告，1 个提示');
    expect(item.command).toBe('fazhiLint.showChecklist');
    const provider = h.state.treeViews[0].options.treeDataProvider;
    const roots = provider.getChildren();
    expect(roots.map((n: any) => n.kind)).toEqual(['notReport', 'group']);
    const head = provider.getTreeItem(roots[0]);
    expect(head.label).toBe(notReport.notReport.label);
    expect(head.iconPath.id).toBe('info');
    expect(head.command).toMatchObject({ command: 'fazhiLint.revealLine', arguments: [checklist.uri, 3] });
    expect(provider.getChildren(roots[1]).map((n: any) => provider.getTreeItem(n).iconPath.id)).toEqual(['error']);
    // in English too
    h.state.config = { language: 'en' };
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await vi.waitFor(() => expect(h.state.statusItems[0].text).toBe('$(info) Not a report $(error) 1 $(warning) 0'));
  });

  it('follows fazhi-lint.language "en" and "auto"', async () => {
    h.state.config = { language: 'en' };
    await activate();
    expect(h.state.statusItems[0].text).toBe('$(checklist) Sections 2/4 $(error) 2 $(warning) 5');
  });

  it('fills the view with the five items, then the findings by family; items jump to their lines', async () => {
    await activate();
    const provider = h.state.treeViews[0].options.treeDataProvider;
    const roots = provider.getChildren();
    expect(roots).toHaveLength(6);
    const items = roots.slice(0, 5).map((n: unknown) => provider.getTreeItem(n));
    expect(items[0].label).toBe('主要举措和成效 — 单列成部分（第7行）');
    expect(items.map((t: any) => t.iconPath.id)).toEqual(['pass', 'error', 'info', 'git-merge', 'circle-large-outline']);
    expect(items[0].command).toMatchObject({ command: 'fazhiLint.revealLine', arguments: [checklist.uri, 7] });
    expect(items[1].command).toBeUndefined();
    const findings = provider.getChildren(roots[5]);
    expect(provider.getTreeItem(findings[0]).command.arguments).toEqual([checklist.uri, 1]);
  });

  it('shows 上年度安排落实情况 after the items: each plan jumps to this year\'s line, or to last year\'s file when not found', async () => {
    const { client } = await activate();
    const previous = {
      title: '上年度安排落实情况',
      uri: 'file:///w/2023.md',
      year: 2023,
      label: '对照上年度报告：2023.md（2023年）— 2/3 项有落实情况',
      followed: 2,
      plans: [
        { plan: '推进行政复议规范化建设', status: 'reported', label: '推进行政复议规范化建设 — 已落实', where: '第12行', target: { uri: checklist.uri, line: 12 } },
        { plan: '建设执法监督平台', status: 'postponed', label: '建设执法监督平台 — 已说明推迟', where: '第15行', target: { uri: checklist.uri, line: 15 } },
        { plan: '开展合法性审查培训', status: 'missing', label: '开展合法性审查培训 — 未找到落实情况', where: '上年度报告第30行', target: { uri: 'file:///w/2023.md', line: 30 } },
      ],
    };
    client.response = (method: string) => (method === 'fazhiLint/checklist' ? { ...checklist, previous } : null);
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await new Promise((r) => setTimeout(r, 0));
    const provider = h.state.treeViews[0].options.treeDataProvider;
    const roots = provider.getChildren();
    expect(roots.map((n: any) => n.kind)).toEqual(['item', 'item', 'item', 'item', 'item', 'previous', 'group']);
    const head = provider.getTreeItem(roots[5]);
    expect(head.label).toBe('上年度安排落实情况');
    expect(head.description).toBe(previous.label);
    expect(head.collapsibleState).toBe(h.vscode.TreeItemCollapsibleState.Expanded);
    const plans = provider.getChildren(roots[5]).map((n: unknown) => provider.getTreeItem(n));
    expect(plans.map((t: any) => t.label)).toEqual(previous.plans.map((p) => p.label));
    expect(plans.map((t: any) => t.description)).toEqual(['第12行', '第15行', '上年度报告第30行']);
    expect(plans.map((t: any) => t.iconPath.id)).toEqual(['pass', 'history', 'warning']);
    expect(plans[0].command).toMatchObject({ command: 'fazhiLint.revealLine', arguments: [checklist.uri, 12] });
    // not found: the plan in last year's file
    expect(plans[2].command.arguments).toEqual(['file:///w/2023.md', 30]);

    // no report of last year: the head line says so and opens nothing
    const none = { title: '上年度安排落实情况', uri: null, year: null, label: '未找到上年度报告（同一机关上一年度的报告），未对照检查', followed: 0, plans: [] };
    client.response = (method: string) => (method === 'fazhiLint/checklist' ? { ...checklist, previous: none } : null);
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await new Promise((r) => setTimeout(r, 0));
    const after = provider.getChildren();
    const noneItem = provider.getTreeItem(after[5]);
    expect(noneItem.description).toBe(none.label);
    expect(noneItem.collapsibleState).toBe(h.vscode.TreeItemCollapsibleState.None);
    expect(noneItem.command).toBeUndefined();
    expect(provider.getChildren(after[5])).toEqual([]);
  });

  it('shows who reports and the areas of work covered after the items; an area jumps to the measures\' line', async () => {
    const { client } = await activate();
    const profile = { kind: 'government', title: '报告主体', label: '人民政府（据落款：河西县人民政府）' };
    const coverage = {
      title: '工作领域覆盖情况',
      source: 'gangyao',
      label: '对照《法治政府建设实施纲要（2021—2025年）》的九个方面：1/2 个方面在主要举措中有报告',
      covered: 1,
      areas: [
        { area: 'enforcement', label: '行政执法', line: 8, where: '第8行' },
        { area: 'emergency', label: '突发事件应对', line: null, where: '未提及' },
      ],
    };
    client.response = (method: string) => (method === 'fazhiLint/checklist' ? { ...checklist, profile, coverage, previous: null } : null);
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await new Promise((r) => setTimeout(r, 0));
    const provider = h.state.treeViews[0].options.treeDataProvider;
    const roots = provider.getChildren();
    expect(roots.map((n: any) => n.kind)).toEqual(['item', 'item', 'item', 'item', 'item', 'profile', 'coverage', 'group']);
    const who = provider.getTreeItem(roots[5]);
    expect([who.label, who.description]).toEqual(['报告主体', profile.label]);
    expect(who.command).toBeUndefined();
    const head = provider.getTreeItem(roots[6]);
    expect([head.label, head.description, head.tooltip]).toEqual(['工作领域覆盖情况', '1/2', coverage.label]);
    const areas = provider.getChildren(roots[6]).map((n: unknown) => provider.getTreeItem(n));
    expect(areas.map((t: any) => [t.label, t.description, t.iconPath.id])).toEqual([
      ['行政执法', '第8行', 'pass'],
      ['突发事件应对', '未提及', 'circle-large-outline'],
    ]);
    expect(areas[0].command).toMatchObject({ command: 'fazhiLint.revealLine', arguments: [checklist.uri, 8] });
    expect(areas[1].command).toBeUndefined();
  });

  it('refreshes when the server says the active document changed, and hides for other documents', async () => {
    const { client } = await activate();
    const before = client.requests.length;
    client.handlers.get('fazhiLint/checklistChanged')!({ uri: checklist.uri });
    await new Promise((r) => setTimeout(r, 0));
    expect(client.requests.length).toBe(before + 1);
    h.state.activeEditor = { document: { languageId: 'typescript', uri: { toString: () => 'file:///x.ts' } } };
    h.state.editorListeners.at(-1)!(h.state.activeEditor);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.state.statusItems[0].visible).toBe(false);
  });

  it('creates a new report from the organ and year asked for', async () => {
    await activate();
    h.state.inputs.push('某某区司法局', '2024');
    await h.state.commands.get('fazhiLint.newReport')!();
    expect(h.state.opened).toHaveLength(1);
    expect(h.state.opened[0].language).toBe('markdown');
    expect(h.state.opened[0].content).toMatch(/^某某区司法局关于2024年度法治政府建设情况的报告/);
  });

  it('focuses the view and asks the server for the workspace check', async () => {
    const { client } = await activate();
    await h.state.commands.get('fazhiLint.showChecklist')!();
    expect(h.state.executed.at(-1)).toEqual(['fazhiLint.checklist.focus']);
    client.response = { files: 3, reports: 2, problems: 7 };
    await h.state.commands.get('fazhiLint.checkWorkspace')!();
    expect(client.requests.at(-1)[0]).toBe('fazhiLint/checkWorkspace');
  });
});

describe('in VS Code for the Web', () => {
  it('starts the browser server in a Web Worker, with the desktop\'s documents, commands, view and status bar', async () => {
    vi.resetModules();
    h.state.commands.clear();
    h.state.treeViews.length = h.state.statusItems.length = h.state.clients.length = 0;
    h.state.activeEditor = { document: { languageId: 'markdown', uri: { toString: () => checklist.uri } } };
    h.state.config = {};
    const workers: string[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(public url: string) {
          workers.push(url);
        }
      },
    );
    try {
      const web = await import('../../client/browser.js');
      const context = { subscriptions: [] as unknown[], extensionUri: h.vscode.Uri.file('/ext'), globalStorageUri: h.vscode.Uri.file('/storage') };
      const done = web.activate(context as any);
      const client = h.state.clients.at(-1);
      client.response = (method: string) => (method === 'fazhiLint/checklist' ? checklist : null);
      await done;
      expect(workers).toEqual(['file:///ext/dist/browser/server.js']);
      expect(client.worker.url).toBe(workers[0]);
      expect(client.started).toBe(true);
      for (const c of manifest.contributes.commands) expect(h.state.commands.has(c.command), c.command).toBe(true);
      expect(h.state.treeViews.map((v) => v.id)).toEqual(['fazhiLint.checklist']);
      expect(h.state.statusItems[0].text).toBe('$(checklist) 法定部分 2/4 $(error) 2 $(warning) 5');
      expect(client.clientOptions.documentSelector.at(-1)).toEqual({ scheme: 'fazhi-docx' });
      // the server in the worker reads workspace files through this client, and is told so
      expect(client.clientOptions.initializationOptions.readsFiles).toBe(true);
      expect([...client.serves.keys()]).toEqual(['fazhiLint/readFile']);
      // what needs a file system, refused by the server: its reason shown as a warning, not a failed command
      h.state.warnings.length = 0;
      client.response = () => {
        throw new Error('unavailable in the browser');
      };
      await h.state.commands.get('fazhiLint.checkWorkspace')!();
      expect(h.state.warnings).toEqual(['unavailable in the browser']);
      await h.state.commands.get('fazhiLint.exportReview')!();
      expect(h.state.warnings).toEqual(['unavailable in the browser', 'unavailable in the browser']);
      expect(client.requests.slice(-2).map((r: [string, unknown]) => r[0])).toEqual(['fazhiLint/checkWorkspace', 'fazhiLint/review']);
      await web.deactivate();
      expect(client.started).toBe(false);
      // the manifest names this bundle for the web
      expect(manifest.browser).toBe('./dist/browser/extension.js');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('workspace files read for the browser server (fazhiLint/readFile)', () => {
  async function read(uri: unknown) {
    const { readWorkspaceFile } = await import('../../client/workspaceFiles.js');
    return readWorkspaceFile({ uri } as { uri: string });
  }
  beforeEach(() => {
    h.state.files.clear();
    h.state.fsCalls.length = 0;
    h.state.folders = ['/ws'];
  });

  it('reads a file inside a workspace folder through vscode.workspace.fs, bytes as they are', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{ "rules": {} } // 法治'), 0xff]);
    h.state.files.set('/ws/sub/.fazhi-lint.json', bytes);
    const r = await read('file:///ws/sub/.fazhi-lint.json');
    expect(r.ok).toBe(true);
    expect([...base64ToBytes((r as { base64: string }).base64)]).toEqual([...bytes]);
    expect(await read('file:///ws/sub/.fazhi-lint.jsonc')).toEqual({ ok: false, reason: 'notFound' });
  });

  it('refuses, without reading, a file outside every workspace folder or one that climbs out with ..', async () => {
    h.state.files.set('/etc/x.json', new TextEncoder().encode('{}'));
    h.state.files.set('/ws2/x.json', new TextEncoder().encode('{}'));
    for (const uri of ['file:///etc/x.json', 'file:///ws2/x.json', 'file:///ws/../etc/x.json', 'file:///ws/%2E%2E/etc/x.json', 'untitled:x.json', 42]) {
      expect(await read(uri), String(uri)).toEqual({ ok: false, reason: 'outside' });
    }
    expect(h.state.fsCalls).toEqual([]);
  });

  it(`refuses a file over ${READ_FILE_MAX_BYTES / 1024} KB before reading it, and a folder`, async () => {
    h.state.files.set('/ws/big.json', new Uint8Array(READ_FILE_MAX_BYTES + 1));
    h.state.files.set('/ws/dir/a.json', new Uint8Array(2));
    h.state.files.set('/ws/edge.json', new Uint8Array(READ_FILE_MAX_BYTES));
    expect(await read('file:///ws/big.json')).toEqual({ ok: false, reason: 'tooLarge', size: READ_FILE_MAX_BYTES + 1, limit: READ_FILE_MAX_BYTES });
    expect(h.state.fsCalls).toEqual(['stat /ws/big.json']);
    expect(await read('file:///ws/dir')).toEqual({ ok: false, reason: 'notRegular', kind: 'directory' });
    expect((await read('file:///ws/edge.json')).ok).toBe(true);
  });

  it('lists a folder\'s files with the extensions asked for (for last year\'s report), inside a workspace folder only', async () => {
    for (const f of ['/ws/r/2022.md', '/ws/r/b.TXT', '/ws/r/c.json', '/ws/r/sub/d.md']) h.state.files.set(f, new Uint8Array(3));
    const { readWorkspaceFile } = await import('../../client/workspaceFiles.js');
    const r = await readWorkspaceFile({ uri: 'file:///ws/r', list: { extensions: ['.md', '.txt'] } });
    expect(r).toEqual({ ok: true, files: [{ name: '2022.md', size: 3, mtime: 0 }, { name: 'b.TXT', size: 3, mtime: 0 }] });
    expect(await readWorkspaceFile({ uri: 'file:///other', list: { extensions: ['.md'] } })).toEqual({ ok: false, reason: 'outside' });
    expect(await readWorkspaceFile({ uri: 'file:///ws/r/2022.md', list: { extensions: ['.md'] } })).toEqual({ ok: false, reason: 'notRegular', kind: 'file' });
  });
});

describe('commands that ask the server', () => {
  it('insertMissingSections applies the server\'s edit; openRulePage opens the chosen rule\'s page', async () => {
    vi.resetModules();
    h.state.activeEditor = { document: { languageId: 'markdown', uri: { toString: () => checklist.uri } } };
    const ext = await import('../../client/extension.js');
    const done = ext.activate({ subscriptions: [], asAbsolutePath: (p: string) => p } as any);
    const client = h.state.clients.at(-1);
    const edit = { documentChanges: [] };
    const applied: unknown[] = [];
    client.protocol2CodeConverter = { asWorkspaceEdit: async (e: unknown) => ({ converted: e }) };
    h.vscode.workspace.applyEdit = async (e: unknown) => (applied.push(e), true);
    let missing = 2;
    client.response = (method: string) =>
      method === 'fazhiLint/missingSections' ? (missing-- > 0 ? edit : null) : method === 'fazhiLint/rules' ? [{ id: 'section-missing', family: 'checklist', title: '缺少法定部分', uri: 'file:///ext/docs/rules/section-missing.md' }] : null;
    await done;
    await h.state.commands.get('fazhiLint.insertMissingSections')!();
    expect(client.requests.at(-1)).toEqual(['fazhiLint/missingSections', { uri: checklist.uri }]);
    expect(applied).toEqual([{ converted: edit }, { converted: edit }]);
    // a refusal with a reason (a document too large to look for them in) is shown as a warning, nothing applied
    h.state.warnings.length = 0;
    const rules = client.response;
    client.response = (method: string) => {
      if (method === 'fazhiLint/missingSections') throw new Error('文档过大（12.0 MB，上限 10.0 MB），不检查缺少的部分，未插入：请将文档拆分后再试');
      return rules(method);
    };
    await h.state.commands.get('fazhiLint.insertMissingSections')!();
    expect(h.state.warnings).toEqual(['文档过大（12.0 MB，上限 10.0 MB），不检查缺少的部分，未插入：请将文档拆分后再试']);
    expect(applied).toHaveLength(2);
    await h.state.commands.get('fazhiLint.openRulePage')!();
    expect(h.state.executed.at(-1)![0]).toBe('markdown.showPreview');
    expect(String(h.state.executed.at(-1)![1])).toBe('file:///ext/docs/rules/section-missing.md');
    await ext.deactivate();
    expect(client.started).toBe(false);
  });
});

describe('reopening a document in the encoding its bytes are in (the server\'s wrong-encoding action)', () => {
  async function activated() {
    vi.resetModules();
    h.state.commands.clear();
    h.state.executed.length = h.state.opened.length = 0;
    const ext = await import('../../client/extension.js');
    const done = ext.activate({ subscriptions: [], asAbsolutePath: (p: string) => p } as any);
    h.state.clients.at(-1).response = () => null;
    await done;
    return ext;
  }
  const uri = 'file:///ws/report.txt';

  async function reopenWith(open: (target: unknown, options?: unknown) => Promise<unknown>) {
    const calls: unknown[][] = [];
    const saved = h.vscode.workspace.openTextDocument;
    h.vscode.workspace.openTextDocument = (async (...a: unknown[]) => (calls.push(a), open(a[0], a[1]))) as never;
    try {
      const ext = await activated();
      const { REOPEN_WITH_ENCODING_COMMAND } = await import('../../protocol/index.js');
      // the id the server's code action names is the one the client registers
      expect(REOPEN_WITH_ENCODING_COMMAND).toBe('fazhiLint.reopenWithEncoding');
      await h.state.commands.get(REOPEN_WITH_ENCODING_COMMAND)!(uri, 'gb18030');
      await ext.deactivate();
      return calls;
    } finally {
      h.vscode.workspace.openTextDocument = saved;
    }
  }

  it('opens it with openTextDocument(uri, { encoding }) where the editor has that option (VS Code 1.100+)', async () => {
    const calls = await reopenWith(async (target, options) => ({ uri: target, encoding: (options as { encoding?: string }).encoding }));
    expect(calls).toHaveLength(1);
    expect(String(calls[0][0])).toBe(uri);
    expect(calls[0][1]).toEqual({ encoding: 'gb18030' });
    // the reopened document is shown; the editor's own picker is not needed
    expect(h.state.opened).toEqual([{ uri: calls[0][0], encoding: 'gb18030' }]);
    expect(h.state.executed.map((c) => c[0])).not.toContain('workbench.action.editor.changeEncoding');
  });

  it('falls back to the editor\'s "Reopen with Encoding" where the option is ignored (an older editor: no encoding on the document)', async () => {
    const calls = await reopenWith(async (target) => ({ uri: target }));
    expect(calls).toHaveLength(1);
    // the document is brought forward, then the editor's picker runs on it
    expect(h.state.opened.map(String)).toEqual([uri]);
    expect(h.state.executed.at(-1)).toEqual(['workbench.action.editor.changeEncoding']);
  });

  it('falls back to the picker when the editor refuses to reopen (a document with unsaved changes)', async () => {
    await reopenWith(async () => {
      throw new Error('document is dirty');
    });
    expect(h.state.opened.map(String)).toEqual([uri]);
    expect(h.state.executed.at(-1)).toEqual(['workbench.action.editor.changeEncoding']);
  });
});

describe('manifest', () => {
  it('declares activation, settings, localisation and untrusted-workspace support', () => {
    expect(`${manifest.publisher}.${manifest.name}`).toBe('fazhi-lint.fazhi-lint');
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext', 'onView:fazhiLint.checklist', 'onCommand:fazhiLint.checkWorkspace']));
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(
      ['fazhi-lint.debounceMs', 'fazhi-lint.enable', 'fazhi-lint.language', 'fazhi-lint.rules', 'fazhi-lint.run', 'fazhi-lint.trace.server'].sort(),
    );
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.contributes.jsonValidation[0]).toEqual({ fileMatch: ['.fazhi-lint.json', '.fazhi-lint.jsonc'], url: './dist/fazhi-lint.schema.json' });
    const en = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    expect(en['view.checklist']).toBe('Report Checklist');
    expect(zh['view.checklist']).toBe('法治报告清单');
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const k of keys) {
      expect(en[k], k).toBeTruthy();
      expect(zh[k], k).toBeTruthy();
    }
    // the walkthrough: five steps, each completed by something the user does, whose links run commands that exist
    const [walk] = manifest.contributes.walkthroughs;
    expect(walk.steps.map((st: { id: string }) => st.id)).toEqual(['open', 'problems', 'quickfix', 'checklist', 'template']);
    const contributed = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const builtIn = new Set(['workbench.action.files.openFile', 'workbench.actions.view.problems', 'editor.action.quickFix']);
    for (const st of walk.steps) {
      expect(st.completionEvents.length, st.id).toBeGreaterThan(0);
      for (const nls of [en, zh]) {
        const links = [...nls[st.description.slice(1, -1)].matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
        expect(links.length, st.id).toBeGreaterThan(0);
        for (const c of links) expect(contributed.has(c) || builtIn.has(c), c).toBe(true);
      }
    }
    expect(manifest.icon).toBe('icon.png');
    const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
    const used = new Set<string>();
    for (const f of ['commands.ts', 'browser.ts']) for (const m of readFileSync(path.join(ROOT, 'client', f), 'utf8').matchAll(/\bt\('([^']+)'/g)) used.add(m[1]);
    for (const k of used) expect(bundle[k], k).toBeTruthy();
  });
});

describe('Word documents in the editor', () => {
  it('a document with pending tracked changes gets the one info finding the CLI gives; one without gets none', async () => {
    const { makeDocx } = await import('../helpers/ooxml.js');
    const { registerDocx, textViewUri } = await import('../../client/docx.js');
    registerDocx();
    const provider = h.state.contentProviders.find((c) => c.scheme === 'fazhi-docx')!.provider;
    const tracked = '<w:p><w:r><w:t>全年办结</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>30件</w:t></w:r></w:ins></w:p>';
    h.state.files.set('/ws/a.docx', makeDocx({ body: tracked }));
    h.state.files.set('/ws/b.docx', makeDocx({ body: '<w:p><w:r><w:t>全年办结30件</w:t></w:r></w:p>' }));
    const a = textViewUri(h.vscode.Uri.file('/ws/a.docx') as never);
    const b = textViewUri(h.vscode.Uri.file('/ws/b.docx') as never);
    expect(await provider.provideTextDocumentContent(a)).toBe('全年办结30件');
    expect(await provider.provideTextDocumentContent(b)).toBe('全年办结30件');
    const da = h.state.diagnostics.get(a.toString()) as { message: string; severity: number; code: { value: string } }[];
    expect(da).toHaveLength(1);
    expect(da[0].severity).toBe(h.vscode.DiagnosticSeverity.Information);
    expect(da[0].code.value).toBe('tracked-changes');
    expect(da[0].message).toBe((await import('../../rules/messages/index.js')).ui('en', 'docx_pendingChanges'));
    expect(h.state.diagnostics.get(b.toString())).toEqual([]);
  });

  it('Convert to Markdown draft: Word headings become Markdown headings with their rendered numbers, one paragraph a line', async () => {
    const { markdownDraft } = await import('../../client/docx.js');
    const md = markdownDraft({
      text: '',
      pendingChanges: false,
      lines: [
        { text: '某区2023年法治政府建设情况报告', kind: 'body', outlineLevel: 0 },
        { text: '一、主要举措', kind: 'body', outlineLevel: 1, label: '一、', listLevel: 0 },
        { text: '全年办结案件30件。', kind: 'body' },
        { text: '', kind: 'body', outlineLevel: 1 },
        { text: '项目', kind: 'cell', outlineLevel: 1 },
      ],
    });
    expect(md).toBe('# 某区2023年法治政府建设情况报告\n## 一、主要举措\n全年办结案件30件。\n\n项目\n');
  });
});
