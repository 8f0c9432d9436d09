// Bundles bench/run.ts (which imports the TypeScript sources) with esbuild, as scripts/build.mjs bundles the CLI,
// then runs it (or the bench script named as the first argument, e.g. bench/keys-profile.ts). The bundle lives under node_modules/.cache so the external packages resolve from node_modules.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

const outDir = path.resolve('node_modules/.cache/fazhi-bench');
mkdirSync(outDir, { recursive: true });
const entry = process.argv[2]?.endsWith('.ts') ? process.argv[2] : 'bench/run.ts';
const outfile = path.join(outDir, path.basename(entry, '.ts') + '.mjs');
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies inside an ESM bundle need a require
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  external: ['markdownlint', 'markdownlint/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*', 'playwright-core'],
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
