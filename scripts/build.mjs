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
  // the CLI's checking threads for a batch of files
  { entryPoints: ['cli/worker.ts'], outfile: 'dist/cli-worker.cjs' },
  { entryPoints: ['server/server.ts'], outfile: 'dist/server.cjs' },
  // the server's checking thread for large documents
  { entryPoints: ['server/check-worker.ts'], outfile: 'dist/check-worker.cjs' },
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

// VS Code for the Web (issue 20): dist/browser/extension.js (client/browser.ts) starts dist/browser/server.js
// (server/browser.ts) in a Web Worker. Neither reads a file (server/platform.ts), so no node/ module and no Node
// built-in may reach them: the build fails on one. For the server node:url and node:path are the exceptions, used by
// features only on the file path of last year's report, which the browser server never has (it does not look for
// one): they are stubs that throw if ever reached.
await buildForTheWeb();

async function buildForTheWeb() {
  const noFileSystem = (stubs) => ({
    name: 'no-file-system',
    setup(b) {
      b.onResolve({ filter: /^(node:)?(fs|path|url|os|child_process|crypto|stream|buffer|util|events)(\/.*)?$|^node:/ }, (a) => {
        const name = a.path.startsWith('node:') ? a.path : `node:${a.path}`;
        if (stubs[name]) return { path: name, namespace: 'no-file-system' };
        return { errors: [{ text: `the web build cannot use ${a.path} (imported by ${a.importer}): no file system there (server/platform.ts)` }] };
      });
      b.onLoad({ filter: /.*/, namespace: 'no-file-system' }, (a) => ({
        loader: 'js',
        contents: stubs[a.path]
          .map((f) => `export function ${f}() { throw new Error('fazhi-lint in a browser: no file paths (${a.path} ${f})'); }`)
          .concat(a.path === 'node:path' ? ["export const sep = '/';"] : [])
          .join('\n'),
      }));
    },
  });
  const web = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    minify: process.env.FAZHI_MINIFY !== '0',
    legalComments: 'none',
    charset: 'utf8',
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(pkg.version) },
  };
  mkdirSync('dist/browser', { recursive: true });
  await Promise.all([
    build({
      ...web,
      format: 'iife',
      // 'worker': packages with a DOM build give their worker build, which has no document
      conditions: ['worker'],
      plugins: [noFileSystem({ 'node:url': ['fileURLToPath', 'pathToFileURL'], 'node:path': ['basename', 'dirname', 'join', 'relative', 'resolve'] })],
      entryPoints: ['server/browser.ts'],
      outfile: 'dist/browser/server.js',
    }),
    // the web extension host loads a CommonJS module, as the desktop one does, with vscode provided; it is a worker
    // too (no document)
    build({ ...web, format: 'cjs', conditions: ['worker'], external: ['vscode'], plugins: [noFileSystem({})], entryPoints: ['client/browser.ts'], outfile: 'dist/browser/extension.js' }),
  ]);
}

// The offline checking page (issue 20): dist/web/fazhi-lint.html, one self-contained file — the page script and the
// checking worker (core, .docx reader and writer, rule pages) inlined, no request of any kind.
await buildWebPage();

async function buildWebPage() {
  const { readdirSync } = await import('node:fs');
  const web = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: process.env.FAZHI_MINIFY !== '0',
    legalComments: 'none',
    // Chinese text (opencc's dictionaries, the catalogue) stays UTF-8 instead of \uXXXX escapes: half the size
    charset: 'utf8',
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'warning',
    write: false,
  };
  const pages = {};
  for (const f of readdirSync('docs/rules').filter((f) => f.endsWith('.md'))) pages[f.slice(0, -3)] = readFileSync(`docs/rules/${f}`, 'utf8');
  // every "<" of the pages as \u003c, so no "<!--" or "</script" of theirs can end the inline script
  const pagesJson = JSON.stringify(pages).replace(/</g, '\\u003c');
  const [worker, page] = await Promise.all([
    // 'worker': packages with a DOM build (decode-named-character-reference) give their worker build, which has no document
    build({ ...web, entryPoints: ['web/worker.ts'], conditions: ['worker'], define: { __FAZHI_RULE_PAGES__: pagesJson } }),
    build({ ...web, entryPoints: ['web/page.ts'] }),
  ]);
  // An inline script ends at the first "</script", and "<!--" followed by "<script" changes how it is parsed: in
  // minified code these occur only inside string and regular-expression literals, where \x3C is the same "<".
  const inline = (js, what) => {
    const safe = js.replace(/(?<!\\)<(?=!--|\/?script)/gi, '\\x3C');
    if (/<!--|<\/?script/i.test(safe)) throw new Error(`web page: the ${what} script contains <!-- or <script that cannot be escaped`);
    return safe;
  };
  const html = readFileSync('web/page.html', 'utf8')
    .replace('__VERSION__', () => pkg.version)
    .replace('__STYLE__', () => readFileSync('web/page.css', 'utf8'))
    .replace('__WORKER__', () => inline(worker.outputFiles[0].text, 'worker'))
    .replace('__PAGE__', () => inline(page.outputFiles[0].text, 'page'));
  mkdirSync('dist/web', { recursive: true });
  writeFileSync('dist/web/fazhi-lint.html', html);
}
