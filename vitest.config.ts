import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // the web client (client/browser.ts) imports a module exported only under the "browser" condition: the client
      // test mocks it, but it must resolve first
      'vscode-languageclient/browser': fileURLToPath(new URL('node_modules/vscode-languageclient/lib/browser/main.js', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    exclude: ['test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
