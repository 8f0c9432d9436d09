/**
 * The fazhi-lint language server in a browser's Web Worker (VS Code for the Web, code-server's browser extension
 * host): the shared wiring (serve.ts) over the worker's messages. No file system here (browserPlatform.ts): config
 * files are read through the client when it offers to (fazhiLint/readFile), the rule links are the published pages,
 * and the workspace check and the review say they are unavailable.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserPlatform } from './browserPlatform.js';
import { serve } from './serve.js';

// documents.ts and publisher.ts defer work with setImmediate, which a worker lacks: a zero timeout defers as well
const scope = globalThis as unknown as { setImmediate?: unknown; clearImmediate?: unknown };
scope.setImmediate ??= (fn: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(fn, 0, ...args);
scope.clearImmediate ??= (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle);

const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
serve(createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker)), browserPlatform);
