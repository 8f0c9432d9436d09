/**
 * A minimal LSP client over stdio for the bench: starts the bundled server as its own process and talks to it
 * with vscode-jsonrpc, as an editor would. Knows nothing of the server's internals, so the figures it gives are
 * what an editor sees.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export class LspSession {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  capabilities: Record<string, unknown> = {};
  private waiters: { uri: string; resolve: (d: PublishedDiagnostics) => void }[] = [];
  readonly lastPublished = new Map<string, PublishedDiagnostics>();
  /** $/logTrace messages the server sent (after initialize({ trace: 'verbose' })) */
  readonly traces: { message: string; verbose?: string }[] = [];

  /** `nodeArgs`: options for the server's node (a heap snapshot signal, say) */
  constructor(serverPath: string, nodeArgs: readonly string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.resume();
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.lastPublished.set(p.uri, p);
      const keep: typeof this.waiters = [];
      for (const w of this.waiters) (w.uri === p.uri ? w.resolve(p) : keep.push(w));
      this.waiters = keep;
    });
    this.conn.onNotification('$/logTrace', (p: { message: string; verbose?: string }) => void this.traces.push(p));
    // server → client requests (configuration, capability registration, progress): answer with defaults
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest((_method: string) => null);
    this.conn.onNotification((_method: string) => undefined);
    this.conn.listen();
  }

  async initialize(initializationOptions?: unknown, trace: 'off' | 'messages' | 'verbose' = 'off'): Promise<void> {
    const r = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      trace,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
        workspace: {},
      },
    })) as { capabilities: Record<string, unknown> };
    this.capabilities = r.capabilities ?? {};
    await this.conn.sendNotification('initialized', {});
  }

  /** The next diagnostics published for a document (push model). */
  nextDiagnostics(uri: string, timeoutMs = 20_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  /** Diagnostics published for a document version (push model), or pulled when the server only offers pull. */
  async diagnosticsFor(uri: string, version: number, timeoutMs = 20_000): Promise<unknown[]> {
    if (!this.capabilities.diagnosticProvider || this.pushSeen) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const d = await this.nextDiagnostics(uri, Math.max(1, deadline - Date.now()));
        this.pushSeen = true;
        if (d.version === undefined || d.version >= version) return d.diagnostics;
      }
    }
    const r = (await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
    return r.items ?? [];
  }

  pushSeen = false;

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Resident set size and its peak, from the kernel (Linux). */
  memory(): { rssMB: number; peakMB: number } | null {
    try {
      const s = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* the server may already be gone */
    }
    this.conn.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
