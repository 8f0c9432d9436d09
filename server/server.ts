/**
 * The fazhi-lint language server on Node: the shared wiring (serve.ts) over a Node connection, with the file
 * system — config files (config.ts), last year's report (previous.ts), the workspace check and the review, the
 * rule pages packaged beside dist/.
 * Start: `node dist/server.cjs --stdio` (or --node-ipc, as the VS Code client does).
 */
// first: sets how the heap grows before it has (node/heap.ts)
import { idleCompaction } from '../node/heap.js';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { allRules, ui } from '../rules/index.js';
import { problemText } from '../node/index.js';
import { ConfigStore } from './config.js';
import { PreviousPairing, filePathOf } from './previous.js';
import { checkWorkspace } from './features/workspace.js';
import { reviewDocuments } from './features/review.js';
import { publishedRulePage, useRulePages } from './rulePages.js';
import { serve } from './serve.js';
import { runIgnore, runUnignore, type IgnoreHost } from './ignoreCommands.js';
import { EncodingCheck } from './encodingCheck.js';
import type { ServerPlatform } from './platform.js';

declare const __dirname: string | undefined;

/** The extension's root: dist/server.cjs lives in <root>/dist. */
function packageRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return path.basename(here) === 'dist' ? path.dirname(here) : process.cwd();
}

/** Folder URIs the client sent → the paths the config lookup and the walks stay inside (file: ones only). */
const folderPaths = (uris: string[]) => uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));

const root = packageRoot();
/** the checking thread's bundle, beside this one (absent when run from the sources: large documents are checked in line) */
const checkWorker = typeof __dirname === 'string' && existsSync(path.join(__dirname, 'check-worker.cjs')) ? path.join(__dirname, 'check-worker.cjs') : undefined;
useRulePages((ruleId) => {
  const file = path.join(root, 'docs', 'rules', `${ruleId}.md`);
  return existsSync(file) ? pathToFileURL(file).toString() : publishedRulePage(ruleId);
});

// a burst of checks (documents opened, a workspace check) leaves garbage the heap keeps until V8 needs room: a
// full collection once the server has published nothing for a moment (node/heap.ts)
const compaction = idleCompaction();
const connection = createConnection(ProposedFeatures.all);
const sendDiagnostics = connection.sendDiagnostics.bind(connection);
connection.sendDiagnostics = (params) => {
  compaction.worked();
  return sendDiagnostics(params);
};

serve(connection, (context): ServerPlatform => {
  const configs = new ConfigStore(allRules);
  const encodings = new EncodingCheck(() => configs.folders);
  const ignoreHost = (): IgnoreHost => ({ configFor: (uri) => configs.forUri(uri), folders: configs.folders, language: configs.uiLanguage() });
  const pairing = new PreviousPairing({
    folders: () => configs.folders,
    openUris: context.openUris,
    openText: context.openText,
    onProblem: (file, problem) => context.warn(`fazhi-lint: ${ui(configs.uiLanguage(), 'previousProblem', { problem: problemText(configs.uiLanguage(), file, problem) })}`),
  });
  return {
    configs,
    setFolders: (uris) => {
      configs.folders = folderPaths(uris);
    },
    changeFolders: (added, removed) => {
      const gone = new Set(removed);
      configs.folders = [...configs.folders.filter((p) => !gone.has(pathToFileURL(p).toString())), ...folderPaths(added)];
    },
    configFileChanged: (uri) => {
      if (uri.startsWith('file:')) configs.forUri(uri);
    },
    previous: {
      previousFor: (uri, report, config) => pairing.previousFor(uri, report, config.previous),
      filesChanged: () => pairing.filesChanged(),
      pairsWith: (uri, draft) => pairing.pairsWith(uri, draft),
      fileOf: filePathOf,
    },
    fileOf: filePathOf,
    ignores: {
      ignore: (args) => runIgnore(ignoreHost(), args),
      unignore: (args) => runUnignore(ignoreHost(), args),
    },
    wrongEncoding: (uri, text) => encodings.wrongEncoding(uri, text),
    startCheckThread: checkWorker ? () => new Worker(checkWorker) : undefined,
    startJobThread: checkWorker ? () => new Worker(checkWorker) : undefined,
    checkWorkspace: (run) => checkWorkspace({ ...run, folders: configs.folders }),
    review: (run, lang, only) => reviewDocuments({ ...run, folders: configs.folders }, lang, only),
  };
});
