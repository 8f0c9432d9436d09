/**
 * What the language server has in a browser's Web Worker (server/browser.ts; ServerPlatform in platform.ts): no
 * file system of its own. When the client reads workspace files for it (fazhiLint/readFile, VS Code for the Web's
 * client: `vscode.workspace.fs`, inside the workspace folders only), config files (browserConfig.ts) and last year's
 * report (browserPrevious.ts) are read through it; otherwise documents are checked with the settings alone and last
 * year's report is not looked for. The workspace check, the review and
 * 忽略此处 need a file system: serve.ts answers that they are unavailable.
 */
import { allRules } from '../rules/index.js';
import { BrowserConfigStore } from './browserConfig.js';
import { BrowserPrevious } from './browserPrevious.js';
import type { PlatformContext, ServerPlatform } from './platform.js';

export function browserPlatform(context: PlatformContext): ServerPlatform {
  const configs = new BrowserConfigStore(allRules, context, () => context.configsChanged());
  const previous = new BrowserPrevious({
    client: context,
    folders: () => configs.folders,
    openUris: context.openUris,
    openText: context.openText,
    onArrived: () => context.previousArrived(),
    onProblem: (message) => context.warn(message),
    language: () => context.uiLanguage(),
  });
  return {
    configs,
    previous,
    setFolders: (uris) => {
      configs.folders = uris;
    },
    changeFolders: (added, removed) => {
      const gone = new Set(removed);
      configs.folders = [...configs.folders.filter((u) => !gone.has(u)), ...added];
    },
    // a changed config file is read now, so a broken one is reported with no document open beneath it
    configFileChanged: (uri) => void configs.prepare(uri)?.then(() => context.configsChanged()),
  };
}
