// Bundles the CLI, the language server and the VS Code extension with esbuild (CommonJS for Node 20 and the
// extension host; the ESM-only unified/remark stack is inlined). Runs from `npm ci` via the prepare script.
import { build } from 'esbuild';
import { readFileSync, mkdirSync, chmodSync, existsSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: process.env.FAZHI_MINIFY !== '0',
  legalComments: 'none',
  // prefer ESM builds: jsonc-parser's UMD build requires its modules dynamically
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // unified's ESM modules reference import.meta.url only for optional features; cjs has none
  supported: { 'dynamic-import': true },
};

mkdirSync('dist', { recursive: true });
const entries = [
  { entryPoints: ['cli/bin.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/server.ts'], outfile: 'dist/server.cjs' },
  { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] },
];
await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })));
chmodSync('dist/cli.cjs', 0o755);

// The config schema ships in dist/ (editor completion for .fazhi-lint.json), generated from the rule registry.
await build({ ...common, entryPoints: ['scripts/schema-entry.ts'], outfile: 'dist/schema-entry.cjs' });
const { execFileSync } = await import('node:child_process');
const { writeFileSync, rmSync } = await import('node:fs');
writeFileSync('dist/fazhi-lint.schema.json', execFileSync(process.execPath, ['dist/schema-entry.cjs']));
rmSync('dist/schema-entry.cjs');
