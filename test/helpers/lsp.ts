/**
 * A real JSON-RPC client for protocol tests: starts the bundled dist/server.cjs as its own process over stdio
 * and speaks LSP to it with vscode-languageserver-protocol. Every wait is bounded; dispose() ends the process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ShowMessageNotification,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.cjs');

export interface StartOptions {
  settings?: Record<string, unknown>;
  workspace?: string;
  /** more workspace folders after `workspace` (a multi-root workspace) */
  moreFolders?: string[];
  /** settings a folder's scope adds over `settings` (by folder path), as VS Code's folder settings do */
  folderSettings?: Record<string, Record<string, unknown>>;
  /** omit the configuration capability (a Neovim-like client that only pushes settings) */
  pushOnly?: boolean;
  initializationOptions?: Record<string, unknown>;
}

/**
 * How a session reaches its server: the bundled server's stdio (startServer), or the browser server in a Web Worker
 * (test/web/browser-server.test.ts).
 */
export interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  /** what the server wrote to stderr (or its console), for the messages of timeouts */
  log(): string;
  /** the server's process id, for initialize (null: not a process of this machine) */
  processId: number | null;
  /** end the server once shutdown and exit were sent (or failed) */
  stop(): Promise<void>;
}

export interface LspSession {
  conn: ProtocolConnection;
  child: ChildProcess;
  init: InitializeResult;
  messages: ShowMessageParams[];
  notifications: { method: string; params: unknown }[];
  settings: Record<string, unknown>;
  /** every publishDiagnostics received, in order */
  published: PublishDiagnosticsParams[];
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** the next (or latest already received, if it matches) diagnostics for uri satisfying pred */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  notification(method: string, pred?: (p: any) => boolean, timeoutMs?: number): Promise<any>;
  dispose(): Promise<void>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export async function startServer(opts: StartOptions = {}): Promise<LspSession> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const transport: ServerTransport = {
    reader: new StreamMessageReader(child.stdout!),
    writer: new StreamMessageWriter(child.stdin!),
    log: () => stderr,
    processId: process.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 3_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      }),
  };
  return Object.assign(await startSession(transport, opts), { child });
}

/** An initialized LSP session with the server behind `transport`. */
export async function startSession(transport: ServerTransport, opts: StartOptions = {}): Promise<Omit<LspSession, 'child'>> {
  const conn = createProtocolConnection(transport.reader, transport.writer);
  const published: PublishDiagnosticsParams[] = [];
  const messages: ShowMessageParams[] = [];
  const notifications: { method: string; params: unknown }[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const settings: Record<string, unknown> = { ...(opts.settings ?? {}) };
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    wake();
  });
  conn.onNotification(ShowMessageNotification.type, (p) => {
    messages.push(p);
    wake();
  });
  for (const method of ['fazhiLint/checklistChanged']) {
    conn.onNotification(method, (params: unknown) => {
      notifications.push({ method, params });
      wake();
    });
  }
  const scoped = new Map(Object.entries(opts.folderSettings ?? {}).map(([dir, v]) => [fileUri(dir), v]));
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'fazhi-lint' ? { ...settings, ...(i.scopeUri ? scoped.get(i.scopeUri) : undefined) } : null)));
  conn.onRequest(RegistrationRequest.type, () => undefined);
  conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onNotification('$/progress', () => {});
  conn.listen();

  const ws = opts.workspace;
  const init = await withTimeout(
    conn.sendRequest(InitializeRequest.type, {
      processId: transport.processId,
      rootUri: ws ? fileUri(ws) : null,
      workspaceFolders: ws ? [ws, ...(opts.moreFolders ?? [])].map((f) => ({ uri: fileUri(f), name: path.basename(f) })) : null,
      locale: 'zh-CN',
      initializationOptions: opts.initializationOptions ?? {},
      capabilities: {
        workspace: { configuration: !opts.pushOnly, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true } },
      },
    }),
    10_000,
    () => `initialize timed out; stderr: ${transport.log()}`,
  );
  conn.sendNotification(InitializedNotification.type, {});

  const waitFor = <T>(find: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const tryNow = () => {
        const v = find();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}; stderr: ${transport.log().slice(-2000)}`)), timeoutMs);
      const loop = () => {
        if (!tryNow()) waiters.push(loop);
      };
      loop();
    });

  return {
    conn,
    init,
    messages,
    notifications,
    settings,
    published,
    open(uri, text, languageId = 'markdown', version = 1) {
      conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, changes) {
      conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    diagnostics(uri, pred = () => true, timeoutMs = 10_000) {
      let seen = 0;
      return waitFor(
        () => {
          // the latest publication for the uri decides: an older one matching is stale
          for (let i = published.length - 1; i >= seen; i--) {
            if (published[i].uri !== uri) continue;
            seen = published.length;
            return pred(published[i]) ? published[i] : undefined;
          }
          seen = published.length;
          return undefined;
        },
        timeoutMs,
        () => `diagnostics for ${uri}`,
      );
    },
    notification(method, pred = () => true, timeoutMs = 10_000) {
      const from = notifications.length;
      return waitFor(() => notifications.slice(from).find((n) => n.method === method && pred(n.params))?.params, timeoutMs, () => method);
    },
    async dispose() {
      try {
        await withTimeout(conn.sendRequest(ShutdownRequest.type), 3_000, () => 'shutdown');
        conn.sendNotification(ExitNotification.type);
      } catch {
        // fall through to the kill below
      }
      await transport.stop();
      conn.dispose();
    },
  };
}

/** A server on a fresh temporary workspace folder; dispose() also removes the folder. */
export async function startServerInTempWorkspace(prefix: string, opts: Omit<StartOptions, 'workspace'> = {}): Promise<LspSession & { dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), `fazhi-lint-${prefix}-`));
  let session: LspSession;
  try {
    session = await startServer({ ...opts, workspace: dir });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const stop = session.dispose.bind(session);
  return Object.assign(session, {
    dir,
    async dispose() {
      try {
        await stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
}

/** Run a test body against its own server on a temporary workspace, always stopped and removed afterwards. */
export async function withServer(prefix: string, opts: Omit<StartOptions, 'workspace'>, body: (t: LspSession, dir: string) => Promise<void>): Promise<void> {
  const t = await startServerInTempWorkspace(prefix, opts);
  try {
    await body(t, t.dir);
  } finally {
    await t.dispose();
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what()}`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/** The plain text edits of a code action's (single) versioned document change. */
export function editsOf(action: { edit?: { documentChanges?: unknown[] } }): { range: Range; newText: string }[] {
  return (action.edit!.documentChanges![0] as { edits: { range: Range; newText: string }[] }).edits;
}
