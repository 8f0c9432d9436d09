/**
 * The fazhi-lint language server's wiring, shared by the Node entry (server.ts) and the browser one (browser.ts):
 * connection handlers and capabilities. Documents and checks live in documents.ts, settings in settings.ts (config
 * files in config.ts, on Node), what is pushed after a check in publisher.ts, each LSP feature in features/,
 * offsets ↔ positions in positions.ts; what differs between Node and the browser is the platform (platform.ts).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type CodeActionParams,
  type DocumentSymbolParams,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, allRules, isLargeDocument, ruleById, ruleText, sizeText, ui, utf8Length, type PreviousText, type Report, type ResolvedConfig } from '../rules/index.js';
import { LineIndex, utf8Exceeds } from '../rules/model/text.js';
import { JOB_MAX_BYTES, JobThread } from './jobs.js';
import { normalizeSettings, type Settings } from './settings.js';
import { DocumentChecker, type CheckedDocument } from './documents.js';
import { FIX_ALL_KIND, codeActions, combinedEdits, workspaceEdit } from './features/codeActions.js';
import { hover } from './features/hover.js';
import { documentSymbols } from './features/symbols.js';
import { checklistResponse } from './features/checklist.js';
import { rulePageUri } from './rulePages.js';
import { Publisher } from './publisher.js';
import type { PlatformContext, ServerPlatform, WorkspaceRun } from './platform.js';

import {
  CHECK_ANYWAY_COMMAND,
  ChecklistRequest,
  CheckWorkspaceRequest,
  DocumentStatusRequest,
  IGNORE_COMMAND,
  IgnoredRequest,
  MissingSectionsRequest,
  ReadFileRequest,
  ReviewRequest,
  RulesRequest,
  UNIGNORE_COMMAND,
  type IgnoreCommandArgs,
  type ReadFileResult,
  type RequestType,
  type UnignoreCommandArgs,
} from '../protocol/index.js';
import { ignoredItems } from './features/ignores.js';
import { WRONG_ENCODING_CODE, reopenAction } from './features/encoding.js';

declare const __VERSION__: string | undefined;

/** How long a check waits for a config the client is reading before it goes ahead with what is known. */
const CONFIG_WAIT_MS = 3_000;

/** Wire `connection` to fazhi-lint and start listening; `platformFor` builds what differs on this platform. */
export function serve(connection: Connection, platformFor: (context: PlatformContext) => ServerPlatform): void {
  const platform = platformFor({
    openUris: () => checker.uris(),
    openText: (uri) => checker.get(uri)?.getText(),
    warn: (message) => connection.console.warn(message),
    readsFiles: () => clientReadsFiles,
    readFile: (params) => connection.sendRequest(ReadFileRequest.method, params) as Promise<ReadFileResult>,
    configsChanged: () => ready && !shutDown && recheckWithConfigs(),
    previousArrived: () => {
      if (!ready || shutDown) return;
      for (const uri of checker.uris()) if (settingsOf(uri).enable && checker.last(uri)?.previousFile === null) checker.refresh(uri);
    },
    uiLanguage: () => configs.uiLanguage(),
  });
  const configs = platform.configs;
  /** Last year's report of a draft, for every check here (Node: the config's "previous", beside the draft, among the open documents, in the workspace; the browser: the same but the workspace walk, through the client, browserPrevious.ts). */
  const previous = platform.previous;
  const previousFor = previous ? (uri: string, report: Report, config: ResolvedConfig): PreviousText | null => previous.previousFor(uri, report, config) : undefined;
  const publisher = new Publisher(
    { sendDiagnostics: (p) => void connection.sendDiagnostics(p), sendNotification: (m, p) => void connection.sendNotification(m, p) },
    configs,
  );
  const checker: DocumentChecker = new DocumentChecker({
    configFor: (uri) => configs.forUri(uri),
    // the extension runs on every Markdown and text file: the rules run only on drafts that read as reports,
    // and on those the user asked to check anyway
    reportsOnly: true,
    checkAnyway: (uri) => checkAnyway.has(uri),
    wrongEncoding: platform.wrongEncoding,
    fileOf: platform.fileOf,
    onChecked: (checked) => {
      const t0 = performance.now();
      publisher.checked(checked);
      // $/logTrace, only when the client asked for traces ($/setTrace or initialize's trace): where a keystroke's time goes
      connection.tracer.log(
        `checked ${checked.uri} v${checked.version}: ${checked.result.findings.length} findings`,
        `check ${checked.ms.toFixed(2)} ms, publish ${(performance.now() - t0).toFixed(2)} ms`,
      );
    },
    onClosed: (uri) => publisher.closed(uri),
    previousFor,
    onError: (uri, err) => connection.console.error(`fazhi-lint: checking ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    // each document waits its own folder's debounce
    debounceFor: (uri) => configs.settingsOf(uri).debounceMs,
    // Node: large documents are checked beside this thread
    startCheckThread: platform.startCheckThread,
  });
  /** Node: one-off work on large inputs (workspace files, a large document's review or missing sections) beside this thread */
  const jobs = platform.startJobThread ? new JobThread(platform.startJobThread) : undefined;
  /** documents the user asked to check although they do not read as reports ("仍然检查"), until closed */
  const checkAnyway = new Set<string>();
  /** the client's workspace folders (URIs), whose own settings are read with their scope */
  let folderUris: string[] = [];
  let canPullConfiguration = false;
  let canWatchFiles = false;
  /** checks wait until the client's settings are known, so nothing is published in the wrong language */
  let ready = false;
  /** files the last workspace check published for (cleared when a later run leaves them out) */
  let workspaceUris = new Set<string>();

  /** the client reads workspace files for us (initializationOptions.readsFiles: VS Code for the Web's client) */
  let clientReadsFiles = false;
  /** after shutdown, configs that arrive late check nothing */
  let shutDown = false;

  /** The window's settings (what a folder's settings fall back to). */
  function settings(): Settings {
    return configs.settings;
  }

  /** A document's settings: those of its workspace folder (multi-root workspaces), else the window's. */
  function settingsOf(uri: string): Settings {
    return configs.settingsOf(uri);
  }

  /** The current result of a report document, or undefined (closed, disabled, or not a report). */
  function reportResult(uri: string): CheckedDocument | undefined {
    if (!settingsOf(uri).enable) return undefined;
    const checked = checker.current(uri);
    return checked && publisher.isReport(checked) ? checked : undefined;
  }

  function recheckAll(): void {
    configs.invalidate();
    platform.previous?.filesChanged();
    recheckWithConfigs();
  }

  /** Check every open document again with the configs as they are now (those read since included). */
  function recheckWithConfigs(): void {
    checker.invalidate();
    checker.debounceMs = settings().debounceMs;
    publisher.forgetChecklists();
    for (const uri of checker.uris()) {
      if (settingsOf(uri).enable) checkWhenConfigured(uri);
      else connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    if (!checker.uris().length) publisher.syncConfigDiagnostics();
  }

  /**
   * Check a document now, or once its config is known when that is still being read (through the client): not first
   * without it and then again. A client that does not answer in time does not hold the check back further.
   */
  function checkWhenConfigured(uri: string): void {
    const reading = configs.prepare(uri);
    if (!reading) return checker.schedule(uri, 0);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CONFIG_WAIT_MS)));
    const check = () => {
      clearTimeout(timer);
      if (!shutDown) checker.schedule(uri, 0);
    };
    void Promise.race([reading, late]).then(check, check);
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      // the window's settings, then each folder's (read with its scope: a multi-root workspace's folders differ)
      // keyed by path on Node (a document's directory is matched against it), by URI on a platform without files
      const folders = folderUris.map((uri) => ({ uri, path: platform.fileOf ? platform.fileOf(uri) : uri.replace(/\/+$/, '') })).filter((f): f is { uri: string; path: string } => f.path !== undefined);
      const raw = (await connection.workspace.getConfiguration([{ section: 'fazhi-lint' }, ...folders.map((f) => ({ section: 'fazhi-lint', scopeUri: f.uri }))])) as unknown[];
      const window = normalizeSettings(raw[0], settings());
      const byFolder = new Map<string, Settings>();
      folders.forEach((f, i) => {
        if (raw[i + 1] && typeof raw[i + 1] === 'object') byFolder.set(f.path, normalizeSettings(raw[i + 1], window));
      });
      configs.setSettings(window, byFolder);
    } catch {
      // a client that announced configuration but cannot answer: keep what we have
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; locale?: string; watchesConfigFiles?: boolean; readsFiles?: boolean };
    clientReadsFiles = init.readsFiles === true;
    // our VS Code client watches the config files itself (synchronize.fileEvents); other clients are asked to
    if (init.watchesConfigFiles) canWatchFiles = false;
    configs.locale = init.locale ?? params.locale;
    configs.settings = normalizeSettings(init.settings);
    checker.debounceMs = configs.settings.debounceMs;
    folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    platform.setFolders(folderUris);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'fazhi-lint' },
        executeCommandProvider: { commands: [CHECK_ANYWAY_COMMAND, ...(platform.ignores ? [IGNORE_COMMAND, UNIGNORE_COMMAND] : [])] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fazhi-lint', version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_FILE_NAMES.map((n) => ({ globPattern: `**/${n}` })) });
    }
    await pullSettings();
    ready = true;
    recheckAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | null)?.['fazhi-lint'];
    if (pushed) configs.setSettings(normalizeSettings(pushed, settings()));
    else await pullSettings();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const touched = params.changes.filter((c) => CONFIG_FILE_NAMES.some((n) => c.uri.endsWith('/' + n)));
    if (!touched.length) return;
    recheckAll();
    // read the changed files now, so a broken one is reported even with no document open beneath it
    for (const c of touched) if (c.type !== FileChangeType.Deleted) platform.configFileChanged?.(c.uri);
    publisher.syncConfigDiagnostics();
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', (params: { event: { added: { uri: string }[]; removed: { uri: string }[] } }) => {
    const added = params.event.added.map((f) => f.uri);
    const removed = new Set(params.event.removed.map((f) => f.uri));
    platform.changeFolders(added, [...removed]);
    folderUris = [...folderUris.filter((u) => !removed.has(u)), ...added];
    configs.invalidate();
    platform.previous?.filesChanged();
    // the new folders' own settings
    void pullSettings().then(() => ready && recheckAll());
  });

  /**
   * Requests whose params lack what the method needs (null, no textDocument, no position) get −32602 Invalid
   * params, as JSON-RPC asks, instead of an internal error from the handler; notifications without them are ignored.
   */
  /**
   * `uri` changed: documents whose last check read it as last year's report are checked again (their plan-followup
   * and text-recycled findings are about it too). `filesChanged`: it was opened, closed or saved, so documents that
   * found no report of last year look again (it may be that report now). `opened`: it was opened, and its text is
   * known: a document that found none looks again only if this one is the report it looked for (the same organ's,
   * for its year − 1); 50 unrelated reports opened one after another were otherwise checked 583 times.
   */
  function recheckPairedWith(uri: string, filesChanged: boolean, opened = false): void {
    if (!ready) return;
    const lookup = platform.previous;
    if (filesChanged) lookup?.filesChanged();
    const file = lookup?.fileOf(uri);
    for (const other of checker.uris()) {
      if (other === uri || !settingsOf(other).enable) continue;
      const last = checker.last(other);
      const used = last?.previousFile;
      if (file !== undefined && used === file) checker.refresh(other);
      else if (filesChanged && used === null) {
        const lookedFor = opened && lookup?.pairsWith ? last?.lookedFor : undefined;
        if (lookedFor === undefined || (lookedFor !== null && lookup!.pairsWith!(uri, lookedFor))) checker.refresh(other);
      }
    }
  }

  const hasDocument = (p: unknown): boolean => typeof (p as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri === 'string';
  const isPosition = (p: unknown): boolean => Number.isInteger((p as { line?: unknown } | null)?.line) && Number.isInteger((p as { character?: unknown }).character);
  const hasPosition = (p: unknown): boolean => hasDocument(p) && isPosition((p as { position?: unknown }).position);
  const hasRange = (p: unknown): boolean => {
    const r = (p as { range?: { start?: unknown; end?: unknown } }).range;
    return hasDocument(p) && isPosition(r?.start) && isPosition(r?.end);
  };
  const hasUri = (p: unknown): boolean => typeof (p as { uri?: unknown } | null)?.uri === 'string';

  function validated<P, R, T>(valid: (p: unknown) => boolean, handler: (p: P, token: T) => R): (p: P, token: T) => R | ResponseError<void> {
    return (p, token) => (valid(p) ? handler(p, token) : new ResponseError(ErrorCodes.InvalidParams, 'fazhi-lint: invalid params'));
  }

  /** Report drafts: Markdown and plain text (Neovim calls it "text"), whatever the client sends besides. */
  const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext', 'text']);
  const DRAFT_EXTENSION = /\.(md|markdown|txt)$/i;

  connection.onDidOpenTextDocument((params) => {
    const d = params?.textDocument;
    if (typeof d?.uri !== 'string' || typeof d.text !== 'string') return;
    if (!DRAFT_LANGUAGES.has(d.languageId) && !DRAFT_EXTENSION.test(d.uri)) return;
    checker.open(d.uri, d.languageId, d.version, d.text);
    if (ready && settingsOf(d.uri).enable) checkWhenConfigured(d.uri);
    recheckPairedWith(d.uri, true, true);
  });

  connection.onDidChangeTextDocument((params) => {
    if (!hasDocument(params) || !Array.isArray(params.contentChanges)) return;
    const { textDocument, contentChanges } = params;
    checker.change(textDocument.uri, textDocument.version ?? 0, contentChanges);
    const s = settingsOf(textDocument.uri);
    if (ready && s.enable && s.run === 'onType') {
      checker.schedule(textDocument.uri);
      recheckPairedWith(textDocument.uri, false);
    }
  });

  connection.onDidSaveTextDocument((params) => {
    if (!hasDocument(params)) return;
    const { textDocument } = params;
    if (ready && settingsOf(textDocument.uri).enable) checker.schedule(textDocument.uri, 0);
    recheckPairedWith(textDocument.uri, true);
  });

  connection.onDidCloseTextDocument((params) => {
    if (!hasDocument(params)) return;
    checker.close(params.textDocument.uri);
    checkAnyway.delete(params.textDocument.uri);
    // this year's draft now reads last year's report from disk (or finds none)
    recheckPairedWith(params.textDocument.uri, true);
  });

  connection.onCodeAction(
    validated(hasRange, (params: CodeActionParams) => {
      const wrong = settingsOf(params.textDocument.uri).enable ? checker.current(params.textDocument.uri) : undefined;
      if (wrong?.wrongEncoding) {
        const d = params.context.diagnostics.find((x) => x.code === WRONG_ENCODING_CODE);
        return d ? [reopenAction(wrong.uri, wrong.wrongEncoding, wrong.language, d)] : [];
      }
      const checked = reportResult(params.textDocument.uri);
      return checked ? codeActions(checked, params) : [];
    }),
  );

  connection.onHover(
    validated(hasPosition, (params: HoverParams) => {
      const checked = reportResult(params.textDocument.uri);
      return checked ? hover(checked, params.position) : null;
    }),
  );

  connection.onDocumentSymbol(
    validated(hasDocument, (params: DocumentSymbolParams) => {
      const checked = checker.current(params.textDocument.uri);
      return checked ? (checked.symbols ?? documentSymbols(checked.result.report)) : [];
    }),
  );

  /** A typed handler for one of fazhi-lint's own requests (protocol/): params and result checked by tsc. */
  function onRequest<P, R>(type: RequestType<P, R>, handler: (params: P, token: CancellationToken) => R | ResponseError<void> | Promise<R | ResponseError<void>>): void {
    // the connection's RequestType belongs to its own vscode-jsonrpc; ours names the same method with our types
    const untyped = connection as unknown as { onRequest(method: string, h: (params: P, token: CancellationToken) => unknown): void };
    untyped.onRequest(type.method, handler);
  }

  onRequest(
    ChecklistRequest,
    validated(hasUri, (params) => {
      const checked = reportResult(params.uri);
      if (!checked) return null;
      const response = checklistResponse(checked);
      // without a file system no report of last year is looked for: the section says so, not that none was found
      const looks = !!platform.previous && (platform.previous.available?.() ?? true);
      if (!looks && response.previous?.uri === null) response.previous.label = ui(checked.language, 'previousNoFileSystem');
      return response;
    }),
  );

  onRequest(
    MissingSectionsRequest,
    validated(hasUri, async (params) => {
      const doc = checker.get(params.uri);
      const text = doc?.getText() ?? '';
      if (doc && isLargeDocument(text)) {
        // a large document gets the cheap rules only, none of them inserting sections: the section rules run in the
        // job thread, not here (seconds for 10 MB), up to the job thread's limit; else the writer is told why not
        const { config, language } = configs.forUri(params.uri);
        const size = sizeText(utf8Length(text));
        if (!jobs) return new ResponseError(ErrorCodes.InvalidRequest, ui(language, 'sectionsLargeNoThread', { size }));
        if (utf8Exceeds(text, JOB_MAX_BYTES)) return new ResponseError(ErrorCodes.InvalidRequest, ui(language, 'sectionsTooLarge', { size, limit: sizeText(JOB_MAX_BYTES) }));
        const done = await jobs.run({ kind: 'sections', text, config, language }).catch((err: unknown) => new ResponseError(ErrorCodes.InternalError, ui(language, 'sectionsFailed', { error: err instanceof Error ? err.message : String(err) })));
        if (done instanceof ResponseError) return done;
        const edits = combinedEdits(done.findings.filter((f) => ruleById(f.ruleId)?.meta.insertsSections), false);
        if (!edits.length) return null;
        const lines = new LineIndex(text);
        return workspaceEdit({ uri: params.uri, version: doc.version, result: { report: { lines } } }, edits);
      }
      // asked for on this document: a draft that does not read as a report yet (a new, empty one) gets its sections too
      const checked = checker.full(params.uri);
      if (!checked) return null;
      const edits = combinedEdits(checked.result.findings.filter((f) => ruleById(f.ruleId)?.meta.insertsSections), false);
      return edits.length ? workspaceEdit(checked, edits) : null;
    }),
  );

  onRequest(RulesRequest, () => {
    const lang = configs.uiLanguage();
    return allRules.map((r) => ({ id: r.meta.id, family: r.meta.family, title: ruleText(lang, r.meta.id)?.title ?? r.meta.id, uri: rulePageUri(r.meta.id) }));
  });

  /** One workspace check or review: open documents as they are in the editor, progress shown, cancellable. */
  async function workspaceRun(token: CancellationToken, publish: (uri: string, diagnostics: Diagnostic[]) => void, withProgress: boolean, openReport: WorkspaceRun['openReport']) {
    const lang = configs.uiLanguage();
    const progress = withProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('fazhi-lint', 0, ui(lang, 'progress', { done: 0, total: '…' }), true);
    const run: WorkspaceRun = {
      isOpen: (uri) => checker.get(uri) !== undefined,
      openReport,
      openUris: () => [...checker.uris()],
      openText: (uri) => checker.get(uri)?.getText(),
      jobs,
      configFor: (uri) => configs.forUri(uri),
      previousFor,
      publish,
      progress: (done, total) => {
        if (done % 10 === 0 || done === total) progress?.report(total ? Math.round((done / total) * 100) : 100, ui(lang, 'progress', { done, total }));
      },
      cancelled: () => token.isCancellationRequested || !!progress?.token.isCancellationRequested,
    };
    return { run, lang, done: () => progress?.done() };
  }

  /** What needs a file system, asked of a platform without one: an error the client shows, in the user's language. */
  const unavailable = () => new ResponseError(ErrorCodes.InvalidRequest, ui(configs.uiLanguage(), 'noFileSystem'));

  onRequest(CheckWorkspaceRequest, async (_params, token) => {
    if (!platform.checkWorkspace) return unavailable();
    const published = new Set<string>();
    const publish = (uri: string, diagnostics: Diagnostic[]) => {
      published.add(uri);
      connection.sendDiagnostics({ uri, diagnostics });
    };
    const { run, done } = await workspaceRun(token, publish, true, (uri) => reportResult(uri)?.result);
    try {
      const result = await platform.checkWorkspace(run);
      for (const uri of workspaceUris) if (!published.has(uri) && !checker.get(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
      workspaceUris = published;
      return result;
    } finally {
      done();
      publisher.syncConfigDiagnostics();
    }
  });

  onRequest(ReviewRequest, async (params, token) => {
    if (!platform.review) return unavailable();
    const only = params?.uri;
    const { run, lang, done } = await workspaceRun(token, () => {}, !only, (uri) => (only ? checker.full(uri) : reportResult(uri))?.result);
    try {
      return await platform.review(run, lang, only);
    } finally {
      done();
    }
  });

  /** "仍然检查", and "忽略此处" with its undo (the config file is edited, then every document is checked again). */
  connection.onExecuteCommand((params) => {
    if (params?.command === CHECK_ANYWAY_COMMAND) {
      const uri = (params.arguments?.[0] as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string' || !checker.get(uri)) return false;
      checkAnyway.add(uri);
      checker.refresh(uri, 0);
      return true;
    }
    const ignores = platform.ignores;
    if (!ignores || (params?.command !== IGNORE_COMMAND && params?.command !== UNIGNORE_COMMAND)) return null;
    // the config file as it is on disk now (edited by hand since it was read, and the watcher not heard yet)
    configs.invalidate();
    const arg = params.arguments?.[0];
    const r = params.command === IGNORE_COMMAND ? ignores.ignore(arg as IgnoreCommandArgs) : ignores.unignore(arg as UnignoreCommandArgs);
    if (r.ok) {
      recheckAll();
      publisher.syncConfigDiagnostics();
    } else if (r.error) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: r.error });
    return r;
  });

  onRequest(
    DocumentStatusRequest,
    validated(hasUri, (params) => {
      if (!settingsOf(params.uri).enable) return null;
      const checked = checker.current(params.uri);
      if (!checked) return null;
      return checked.readsAsReport ? 'report' : checked.checkedAnyway ? 'checkedAnyway' : 'notReport';
    }),
  );

  onRequest(
    IgnoredRequest,
    validated(hasUri, (params) => {
      const checked = reportResult(params.uri);
      return checked ? ignoredItems(checked, configs.forUri(params.uri).config) : [];
    }),
  );

  connection.onShutdown(() => {
    shutDown = true;
    checker.dispose();
    jobs?.dispose();
  });
  connection.listen();
}
