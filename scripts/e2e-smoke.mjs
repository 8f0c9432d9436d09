#!/usr/bin/env node
// e2e-smoke.mjs — standalone proof that the e2e stack works:
//   1. builds a tiny hello-world .vsix by hand and installs it OFFLINE with
//      `code-server --install-extension` into an isolated extensions dir;
//   2. starts code-server (127.0.0.1, --auth none) on a temp workspace holding a
//      Markdown file with Chinese text;
//   3. drives Debian's chromium (playwright-core, headless) to the workbench,
//      opens the file via Quick Open, checks the editor shows the Chinese text and
//      the hello extension's status-bar item, and screenshots .cache/e2e/smoke.png.
// Exit 0 on success; non-zero with a message on failure. code-server is always killed.
//
// Env: E2E_KEEP_TMP=1 keeps the temp workspace/user-data (logs under user-data/logs);
//      E2E_SMOKE_TIMEOUT_MS (default 180000) bounds the whole run.
// Prerequisites: scripts/e2e-setup.sh; playwright-core installed (devDependency,
// or PLAYWRIGHT_CORE_DIR=<dir of playwright-core>).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  E2E_CACHE, startCodeServer, launchBrowser, openWorkbench, quickOpen, installExtension, withTimeout,
} from './e2e-lib.mjs';

const OVERALL_TIMEOUT_MS = Number(process.env.E2E_SMOKE_TIMEOUT_MS || 180_000);
const CHINESE = '中华人民共和国网络安全法';
const SCREENSHOT = path.join(E2E_CACHE, 'smoke.png');
const STATUS_TEXT = 'E2E-HELLO 你好';

function makeHelloVsix(dir) {
  const src = path.join(dir, 'vsix-src');
  fs.mkdirSync(path.join(src, 'extension'), { recursive: true });
  fs.writeFileSync(path.join(src, 'extension', 'package.json'), JSON.stringify({
    name: 'e2e-hello', publisher: 'fazhi-e2e', version: '0.0.1', displayName: 'e2e hello',
    engines: { vscode: '^1.80.0' }, main: './extension.js', activationEvents: ['onStartupFinished'],
  }, null, 2));
  fs.writeFileSync(path.join(src, 'extension', 'extension.js'), `
const vscode = require('vscode');
exports.activate = function (context) {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 1000);
  item.text = ${JSON.stringify(STATUS_TEXT)};
  item.show();
  context.subscriptions.push(item);
};
exports.deactivate = function () {};
`);
  fs.writeFileSync(path.join(src, 'extension.vsixmanifest'), `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="e2e-hello" Version="0.0.1" Publisher="fazhi-e2e" />
    <DisplayName>e2e hello</DisplayName>
    <Description xml:space="preserve">e2e smoke-test extension</Description>
    <Categories>Other</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="^1.80.0" /></Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Dependencies/>
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" /></Assets>
</PackageManifest>
`);
  fs.writeFileSync(path.join(src, '[Content_Types].xml'), `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".js" ContentType="application/javascript"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>
`);
  const vsix = path.join(dir, 'e2e-hello-0.0.1.vsix');
  // python3 is guaranteed by e2e-setup.sh (node-gyp needs it); its zipfile writes a valid vsix.
  execFileSync('python3', ['-c', `
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk(src):
        for f in files:
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, src))
`, src, vsix]);
  return vsix;
}

// live resources, so the overall-timeout path can clean up too
const live = { cs: undefined, browser: undefined, tmp: undefined };
async function cleanup() {
  const { browser, cs, tmp } = live;
  live.browser = live.cs = live.tmp = undefined;
  if (browser) await withTimeout(browser.close(), 10_000, 'browser.close').catch(() => {});
  if (cs) await cs.stop();
  if (tmp && process.env.E2E_KEEP_TMP) console.error(`[smoke] kept ${tmp} (E2E_KEEP_TMP)`);
  else if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  const tmp = live.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-smoke-'));
  const workspaceDir = path.join(tmp, 'workspace');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(workspaceDir, { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, 'hello-zh.md'),
    `# ${CHINESE}\n\n第一条 为了保障网络安全，维护网络空间主权和国家安全、社会公共利益，制定本法。\n\n- 简体中文：你好，世界！\n- 繁體中文：你好，世界！\n- Latin: hello, world\n`);

  let cs;
  try {
    const step = (s) => console.error(`[smoke] ${s}`);

    step('building and installing hello .vsix offline');
    const vsix = makeHelloVsix(tmp);
    const out = installExtension({ vsix, extensionsDir, userDataDir });
    step(out.trim().split('\n').pop());
    const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('fazhi-e2e.e2e-hello'));
    if (!installed.length) throw new Error(`vsix not found in ${extensionsDir} after install`);

    step('starting code-server');
    cs = live.cs = await startCodeServer({ workspaceDir, userDataDir, extensionsDir });

    step('launching chromium');
    live.browser = await launchBrowser();
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);

    step(`opening workbench ${cs.url}`);
    await openWorkbench(page, cs.url);

    step('quick-opening hello-zh.md');
    await quickOpen(page, 'hello-zh.md');

    const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
    if (!text.includes(CHINESE)) throw new Error(`editor does not show the Chinese text; got:\n${text}`);
    step('editor shows the Chinese text');

    await page.locator('.part.statusbar', { hasText: 'E2E-HELLO' }).waitFor({ state: 'visible', timeout: 30_000 });
    step('hello extension (installed from .vsix) is active: status bar item visible');

    await page.mouse.move(640, 400);
    await page.screenshot({ path: SCREENSHOT });
    step(`screenshot: ${SCREENSHOT}`);
  } catch (err) {
    if (cs) console.error(`[smoke] --- code-server log ---\n${cs.logs().slice(-4000)}`);
    throw err;
  } finally {
    await cleanup();
  }
}

const t0 = Date.now();
withTimeout(main(), OVERALL_TIMEOUT_MS, 'e2e smoke test').then(
  () => { console.error(`[smoke] OK in ${((Date.now() - t0) / 1000).toFixed(1)} s`); process.exit(0); },
  async (err) => {
    console.error(`[smoke] FAILED: ${err && err.stack || err}`);
    await cleanup().catch(() => {});
    process.exit(1);
  },
);
