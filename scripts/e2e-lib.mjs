// e2e-lib.mjs — helpers to drive a REAL VS Code (code-server) in headless Chromium.
//
// Prerequisite: scripts/e2e-setup.sh (installs chromium, CJK fonts and
// code-server into .cache/e2e/). Requires `playwright-core` (devDependency).
//
//   import { startCodeServer, launchBrowser, openWorkbench, quickOpen } from './e2e-lib.mjs';
//   const cs = await startCodeServer({ workspaceDir });
//   const browser = await launchBrowser();
//   try {
//     const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
//     await openWorkbench(page, cs.url);
//     await quickOpen(page, 'README.md');
//   } finally { await browser.close(); await cs.stop(); }

import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const E2E_CACHE = path.join(REPO_ROOT, '.cache', 'e2e');
export const CODE_SERVER_DIR = path.join(
  E2E_CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');

/** User settings written into <userDataDir>/User/settings.json (merged with `settings`). */
export const DEFAULT_SETTINGS = Object.freeze({
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function log(...a) {
  if (process.env.E2E_QUIET) return;
  console.error('[e2e]', ...a);
}

/** Resolve the code-server entry point, or throw a helpful error. */
export function codeServerEntry() {
  const entry = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
  const marker = path.join(path.dirname(path.dirname(CODE_SERVER_DIR)), '.e2e-setup-complete');
  if (!fs.existsSync(entry) || !fs.existsSync(marker)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${E2E_CACHE}; run scripts/e2e-setup.sh first`);
  }
  return entry;
}

/** A free TCP port on 127.0.0.1. */
export function getFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.on('error', () => resolve(0));
  });
}

function killTree(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}

/** Write/merge <userDataDir>/User/settings.json. */
export function writeUserSettings(userDataDir, settings = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  try { existing = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* new or not plain JSON */ }
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...existing, ...settings }, null, 2));
  return file;
}

/** Environment that keeps code-server away from ~ (config.yaml, data dirs) and offline. */
function isolatedEnv(sandboxDir, extraEnv = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'PORT' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') delete env[k];
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(sandboxDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(sandboxDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(sandboxDir, 'xdg-cache'),
    // no extension marketplace (no internet anyway): avoids slow failing requests
    EXTENSIONS_GALLERY: '{}',
    ...extraEnv,
  };
}

function defaultDirs({ userDataDir, extensionsDir }) {
  const base = userDataDir ? path.dirname(userDataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cs-'));
  return {
    sandboxDir: base,
    userDataDir: userDataDir ?? path.join(base, 'user-data'),
    extensionsDir: extensionsDir ?? path.join(base, 'extensions'),
  };
}

/**
 * Install a .vsix (offline) into extensionsDir with code-server's CLI.
 * Returns the CLI output.
 */
export function installExtension({ vsix, extensionsDir, userDataDir, timeoutMs = 120_000 }) {
  const entry = codeServerEntry();
  const dirs = defaultDirs({ userDataDir, extensionsDir });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.mkdirSync(dirs.userDataDir, { recursive: true });
  const args = [entry, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir,
    '--config', path.join(dirs.sandboxDir, 'code-server-config.yaml'),
    '--disable-telemetry', '--force', '--install-extension', path.resolve(vsix)];
  log('install-extension', vsix, '->', dirs.extensionsDir);
  const out = execFileSync(process.execPath, args, {
    env: isolatedEnv(dirs.sandboxDir), encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!/successfully installed/i.test(out)) throw new Error(`install-extension did not report success:\n${out}`);
  return out;
}

/**
 * Start code-server on 127.0.0.1, --auth none, isolated dirs.
 * Resolves once HTTP answers; returns { url, port, userDataDir, extensionsDir, logs(), stop() }.
 */
export async function startCodeServer({
  workspaceDir,
  extensionsDir,
  userDataDir,
  port,
  settings = {},
  env = {},
  extraArgs = [],
  timeoutMs = 60_000,
} = {}) {
  const entry = codeServerEntry();
  const dirs = defaultDirs({ userDataDir, extensionsDir });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  writeUserSettings(dirs.userDataDir, settings);
  port = port ?? await getFreePort();
  const host = '127.0.0.1';

  const args = [
    entry,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', path.join(dirs.sandboxDir, 'code-server-config.yaml'),
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    '--ignore-last-opened',
    ...extraArgs,
  ];
  if (workspaceDir) args.push(path.resolve(workspaceDir));

  const output = [];
  const child = spawn(process.execPath, args, {
    env: isolatedEnv(dirs.sandboxDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group -> stop() kills extension host, pty host, etc.
  });
  const collect = (d) => { output.push(d.toString()); if (output.length > 500) output.shift(); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const onExit = () => killTree(child, 'SIGKILL');
  process.on('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      killTree(child, 'SIGTERM');
      const t = setTimeout(() => killTree(child, 'SIGKILL'), 5000);
      await Promise.race([exited, sleep(8000)]);
      clearTimeout(t);
    }
    // members of the group that outlived the leader
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
  };

  const url = `http://${host}:${port}/`;
  const logs = () => output.join('');
  const deadline = Date.now() + timeoutMs;
  log(`starting code-server ${CODE_SERVER_VERSION} on ${url} (pid ${child.pid})`);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${logs()}`);
    }
    const status = await httpStatus(`${url}healthz`);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${logs()}`);
    }
    await sleep(250);
  }
  log('code-server is up');
  return { url, port, pid: child.pid, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir, logs, stop };
}

/** Load playwright-core from the project (devDependency) or $PLAYWRIGHT_CORE_DIR (its package dir). */
export async function loadPlaywright() {
  const tries = [
    () => createRequire(path.join(REPO_ROOT, 'package.json'))('playwright-core'),
    () => createRequire(path.join(process.cwd(), 'package.json'))('playwright-core'),
  ];
  if (process.env.PLAYWRIGHT_CORE_DIR) {
    tries.unshift(() => createRequire(import.meta.url)(path.resolve(process.env.PLAYWRIGHT_CORE_DIR)));
  }
  for (const t of tries) {
    try { return t(); } catch { /* try next */ }
  }
  throw new Error('playwright-core not found: add it as a devDependency (npm install) or set PLAYWRIGHT_CORE_DIR=<dir of playwright-core>');
}

/** Path of Debian's chromium (or $CHROMIUM_PATH). */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found on PATH; run scripts/e2e-setup.sh (apt-get install chromium)');
  }
}

/** Launch Debian's chromium headless through playwright-core. */
export async function launchBrowser({ headless = true, args = [], timeoutMs = 60_000 } = {}) {
  const { chromium } = await loadPlaywright();
  return chromium.launch({
    executablePath: chromiumPath(),
    headless,
    timeout: timeoutMs,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...args,
    ],
  });
}

/** Click away modal dialogs (trust etc.) and toasts. Safe to call any time. */
export async function dismissDialogs(page) {
  for (let i = 0; i < 5; i++) {
    const dialog = page.locator('.monaco-dialog-box').first();
    if (!(await dialog.isVisible().catch(() => false))) break;
    const trust = dialog.getByRole('button', { name: /trust|yes|ok|continue/i }).first();
    if (await trust.isVisible().catch(() => false)) await trust.click().catch(() => {});
    else await page.keyboard.press('Escape');
    await sleep(200);
  }
  // close notification toasts ("Clear all" buttons in toasts)
  const clear = page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close');
  for (const btn of await clear.all().catch(() => [])) await btn.click({ timeout: 1000 }).catch(() => {});
}

/**
 * Navigate to the workbench and wait until it is usable: workbench DOM, status bar,
 * activity bar and (when a folder is open) the explorer have rendered.
 */
export async function openWorkbench(page, url, { timeoutMs = 60_000 } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.activitybar, .monaco-workbench .part.sidebar').first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  // the explorer tree shows once the remote file system answered
  await page.locator('.explorer-folders-view .monaco-list-row, .explorer-folders-view, .empty-workspace-view, .welcome-view')
    .first().waitFor({ state: 'visible', timeout: timeoutMs }).catch(() => {});
  await dismissDialogs(page);
}

const ctrlOrMeta = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Open a workspace file via Quick Open (Ctrl+P) and wait until its tab is active. */
export async function quickOpen(page, fileName, { timeoutMs = 30_000 } = {}) {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, timeout: 5000 }).catch(() => {});
    await page.keyboard.press(`${ctrlOrMeta}+P`);
    if (await input.isVisible().catch(() => false)) break;
    try { await input.waitFor({ state: 'visible', timeout: 2000 }); break; } catch { /* retry */ }
    if (Date.now() > deadline) throw new Error('Quick Open did not appear');
  }
  await input.fill(fileName);
  // wait for a result whose label matches (the file search goes through ripgrep)
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(fileName) })
    .waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
  await page.locator('.editor-instance .monaco-editor .view-lines').first()
    .waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
}

/** Run a command from the Command Palette by its label (e.g. 'View: Toggle Problems'). */
export async function runCommand(page, label, { timeoutMs = 30_000 } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
}

/** Reject after ms with a clear message. */
export function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms); }),
  ]);
}
