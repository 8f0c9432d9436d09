/**
 * What the language server has in a browser's Web Worker (server/browser.ts; ServerPlatform in platform.ts): no
 * file system of its own. When the client reads workspace files for it (fazhiLint/readFile, VS Code for the Web's
 * client: `vscode.workspace.fs`, inside the workspace folders only), config files are read through it
 * (browserConfig.ts); otherwise documents are checked with the settings alone. The workspace check, the review and
 * 忽略此处 need a file system: serve.ts answers that they are unavailable.
 */
import { allRules } from '../rules/index.js';
import { BrowserConfigStore } from './browserConfig.js';
import type { PlatformContext, ServerPlatform } from './platform.js';

export function browserPlatform(context: PlatformContext): ServerPlatform {
  const configs = new BrowserConfigStore(allRules, context, () => context.configsChanged());
  return {
    configs,
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
