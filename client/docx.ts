/**
 * Word documents in the editor: opening a .docx shows its text view read-only — a virtual document (scheme
 * fazhi-docx) the language server checks like any draft, so diagnostics, hover, outline, the checklist and the
 * status bar all work — and two commands: Convert to Markdown draft (an editable .md beside it, where quick fixes
 * work) and Export to Word (the active draft in GB/T 9704-2012 form). The reader and writer are input/ and output/.
 */
import * as vscode from 'vscode';
import { readDocx, docxErrorMessage, type DocxView } from '../input/docx/index.js';
import { exportDocx } from '../output/docx/export.js';
import { ui } from '../rules/messages/index.js';
import { COMMANDS } from './protocol.js';
import { DOCS_BASE } from '../rules/engine/run.js';

export const DOCX_SCHEME = 'fazhi-docx';
const lang = () => (/^zh/i.test(vscode.env.language) ? 'zh-CN' : 'en');

/** fazhi-docx:/path/报告.docx.txt — the .txt makes the editor treat it as plain text (the checked language). */
export function textViewUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCX_SCHEME, path: file.path + '.txt', query: file.scheme === 'file' ? '' : file.toString() });
}
function fileOf(view: vscode.Uri): vscode.Uri {
  return view.query ? vscode.Uri.parse(view.query) : vscode.Uri.file(view.path.replace(/\.txt$/, ''));
}

async function read(file: vscode.Uri): Promise<DocxView> {
  const r = readDocx(await vscode.workspace.fs.readFile(file));
  if (!r.ok) {
    const m = docxErrorMessage(r.error, file.path.split('/').pop() ?? file.path);
    throw new Error(ui(lang(), m.key, m.data));
  }
  return r.view;
}

/** The text view as a Markdown draft: headings (Word outline levels) as Markdown headings with their numbers. */
export function markdownDraft(view: DocxView): string {
  return (
    view.lines
      .map((l) => (l.outlineLevel !== undefined && l.kind === 'body' && l.text.trim() ? `${'#'.repeat(Math.min(6, l.outlineLevel + 1))} ${l.text}` : l.text))
      .join('\n') + '\n'
  );
}

/**
 * A Word document with pending tracked changes: the same one info finding the CLI gives (node/check.ts), here
 * from the client, because only the client reads the .docx — the server sees the text view as plain text.
 */
function pendingChangesDiagnostic(): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), ui(lang(), 'docx_pendingChanges'), vscode.DiagnosticSeverity.Information);
  d.source = 'fazhi-lint';
  d.code = { value: 'tracked-changes', target: vscode.Uri.parse(DOCS_BASE.replace(/rules\/$/, '') + 'docx.md#tracked-changes') };
  return d;
}

export function registerDocx(): vscode.Disposable[] {
  const t = vscode.l10n.t;
  const pending = vscode.languages.createDiagnosticCollection('fazhi-lint-docx');
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) => {
      try {
        const view = await read(fileOf(uri));
        pending.set(uri, view.pendingChanges ? [pendingChangesDiagnostic()] : []);
        return view.text;
      } catch (err) {
        void vscode.window.showErrorMessage(String((err as Error).message));
        return '';
      }
    },
  };
  const editor: vscode.CustomReadonlyEditorProvider = {
    openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
    resolveCustomEditor: async (document, panel) => {
      panel.webview.html = `<p>${t('Opening the text view of this Word document…')}</p>`;
      const doc = await vscode.workspace.openTextDocument(textViewUri(document.uri));
      await vscode.window.showTextDocument(doc, { preview: false, viewColumn: panel.viewColumn });
      panel.dispose();
    },
  };
  return [
    pending,
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === DOCX_SCHEME) pending.delete(doc.uri);
    }),
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.window.registerCustomEditorProvider(COMMANDS.docxEditor, editor, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand(COMMANDS.convertToMarkdown, async (arg?: vscode.Uri) => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const file = arg?.scheme === DOCX_SCHEME ? fileOf(arg) : arg ?? (active?.scheme === DOCX_SCHEME ? fileOf(active) : undefined);
      if (!file) return void vscode.window.showWarningMessage(t('Open a Word document (.docx) first.'));
      try {
        const target = file.with({ path: file.path.replace(/\.docx$/i, '') + '.md' });
        const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
        if (exists && (await vscode.window.showWarningMessage(t('{0} exists. Replace it?', target.path.split('/').pop()!), { modal: true }, t('Replace'))) !== t('Replace')) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdownDraft(await read(file))));
        await vscode.window.showTextDocument(target);
      } catch (err) {
        void vscode.window.showErrorMessage(String((err as Error).message));
      }
    }),
    vscode.commands.registerCommand(COMMANDS.exportToWord, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.uri.scheme === DOCX_SCHEME) return void vscode.window.showWarningMessage(t('Open a Markdown or text draft first.'));
      // beside the draft, same name (asking before replacing); a new, unsaved draft asks where
      let target: vscode.Uri | undefined = doc.uri.with({ path: doc.uri.path.replace(/\.(md|markdown|txt)$/i, '') + '.docx' });
      if (doc.isUntitled) {
        target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'report.docx'), filters: { Word: ['docx'] } });
      } else if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) {
        const replace = t('Replace');
        if ((await vscode.window.showWarningMessage(t('{0} exists. Replace it?', target.path.split('/').pop()!), { modal: true }, replace)) !== replace) return;
      }
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, await exportDocx(doc.getText(), { filePath: doc.uri.fsPath }));
      void vscode.window.showInformationMessage(ui(lang(), 'export_done', { file: target.path.split('/').pop()! }));
    }),
  ];
}
