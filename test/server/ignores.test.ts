/**
 * "忽略此处（不改动正文）" over stdio against the bundled server: the quick fix carries no text edit, only the
 * command; running it writes the entry to the workspace's config file (created beside the draft), the diagnostic
 * goes and the others stay; the entry survives an edit above it; `fazhiLint/ignored` lists it with its line; the
 * unignore command brings the diagnostic back; a broken config is not edited and the failure is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { fileUri, startServerInTempWorkspace, withTimeout, type LspSession } from '../helpers/lsp.js';
import { IGNORE_COMMAND, IGNORED_REQUEST, UNIGNORE_COMMAND, type IgnoreCommandResult, type IgnoredItem } from '../../protocol/index.js';

let s: LspSession & { dir: string };

beforeAll(async () => {
  s = await startServerInTempWorkspace('ignores', { settings: { debounceMs: 10 } });
});
afterAll(async () => {
  await s?.dispose();
});

const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;
const timed = <T>(p: Thenable<T>, what: string) => withTimeout(Promise.resolve(p), 10_000, () => what);

async function actionsFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await timed(s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }), 'codeAction')) as CodeAction[];
}

describe('ignore here (server)', () => {
  it('hides one finding through the config file, keeps it hidden through edits, lists it, and undoes it', async () => {
    const file = path.join(s.dir, 'kecheng.md');
    copyFileSync(path.join(CORPUS_DIR, 'kecheng-2020.md'), file);
    const text = readFileSync(file, 'utf8');
    const uri = fileUri(file);
    s.open(uri, text);
    const first = await s.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    const lines = text.split('\n');
    const target = first.diagnostics.find((d) => d.code === 'duplicate-word' && lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) === '工作工作')!;
    expect(target).toBeDefined();

    const actions = await actionsFor(uri, target);
    const ignore = actions.find((a) => a.title === '忽略此处（不改动正文）');
    expect(ignore, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    expect(ignore!.edit).toBeUndefined(); // the text is not touched
    expect(ignore!.command?.command).toBe(IGNORE_COMMAND);
    expect(ignore!.diagnostics).toEqual([target]);

    const r = (await timed(s.conn.sendRequest(ExecuteCommandRequest.type, { command: IGNORE_COMMAND, arguments: ignore!.command!.arguments }), 'ignore')) as IgnoreCommandResult;
    const cfg = path.join(s.dir, '.fazhi-lint.json');
    expect(r).toEqual({ ok: true, file: cfg });
    const entries = (parse(readFileSync(cfg, 'utf8')) as { ignores: { rule: string; file: string; text: string }[] }).ignores;
    expect(entries).toEqual([expect.objectContaining({ rule: 'duplicate-word', file: 'kecheng.md', text: '工作工作' })]);

    const hidden = await s.diagnostics(uri, (p) => !p.diagnostics.some((d) => key(d) === key(target)));
    expect(hidden.diagnostics.map(key)).toEqual(first.diagnostics.map(key).filter((k) => k !== key(target)));
    expect(readFileSync(file, 'utf8')).toBe(text);

    const listed = (await timed(s.conn.sendRequest(IGNORED_REQUEST, { uri }), 'ignored')) as IgnoredItem[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ line: target.range.start.line + 1, description: `第${target.range.start.line + 1}行`, unignore: { source: cfg } });
    expect(listed[0].label).toContain('duplicate-word');

    // a paragraph added above it: the finding moves two lines down, and stays hidden
    const at = { line: target.range.start.line, character: 0 };
    s.change(uri, 2, [{ range: { start: at, end: at }, text: '新增的一段说明文字，与上下文无关。\n\n' }]);
    const moved = await s.diagnostics(uri, (p) => p.version === 2);
    const words = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'duplicate-word').length;
    expect(words(moved)).toBe(words(hidden));
    expect(moved.diagnostics.some((d) => d.code === 'duplicate-word' && d.range.start.line === target.range.start.line + 2 && d.range.start.character === target.range.start.character)).toBe(false);
    const relisted = (await timed(s.conn.sendRequest(IGNORED_REQUEST, { uri }), 'ignored')) as IgnoredItem[];
    expect(relisted[0].line).toBe(target.range.start.line + 3);

    const undo = (await timed(s.conn.sendRequest(ExecuteCommandRequest.type, { command: UNIGNORE_COMMAND, arguments: [listed[0].unignore] }), 'unignore')) as IgnoreCommandResult;
    expect(undo.ok).toBe(true);
    expect((parse(readFileSync(cfg, 'utf8')) as { ignores: unknown[] }).ignores).toEqual([]);
    const back = await s.diagnostics(uri, (p) => words(p) === words(first));
    expect(back.diagnostics.some((d) => d.code === 'duplicate-word' && d.range.start.line === target.range.start.line + 2)).toBe(true);
    expect((await timed(s.conn.sendRequest(IGNORED_REQUEST, { uri }), 'ignored')) as IgnoredItem[]).toEqual([]);
    s.close(uri);
    unlinkSync(cfg);
  });

  it('offers no ignore for an untitled document; a broken config is not edited, and the failure is shown', async () => {
    const text = readFileSync(path.join(CORPUS_DIR, 'kecheng-2020.md'), 'utf8');
    const untitled = 'untitled:Untitled-1';
    s.open(untitled, text);
    const u = await s.diagnostics(untitled, (p) => p.diagnostics.length > 0);
    expect((await actionsFor(untitled, u.diagnostics[0])).some((a) => a.command?.command === IGNORE_COMMAND)).toBe(false);
    s.close(untitled);

    const file = path.join(s.dir, 'broken.md');
    writeFileSync(file, text);
    const cfg = path.join(s.dir, '.fazhi-lint.json');
    const broken = '{ "rules": { "duplicate-word": "warnin" } }';
    writeFileSync(cfg, broken);
    const uri = fileUri(file);
    s.open(uri, text);
    const p = await s.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const ignore = (await actionsFor(uri, p.diagnostics[0])).find((a) => a.command?.command === IGNORE_COMMAND)!;
    const shown = s.messages.length;
    const r = (await timed(s.conn.sendRequest(ExecuteCommandRequest.type, { command: IGNORE_COMMAND, arguments: ignore.command!.arguments }), 'ignore')) as IgnoreCommandResult;
    expect(r.ok).toBe(false);
    expect(r.error).toContain('配置文件有错误');
    expect(readFileSync(cfg, 'utf8')).toBe(broken);
    await withTimeout(new Promise<void>((resolve) => { const t = setInterval(() => s.messages.length > shown && (clearInterval(t), resolve()), 20); }), 5000, () => 'showMessage');
    expect(s.messages[s.messages.length - 1].message).toBe(r.error);
    // a path that is no config file is never written through the unignore command
    const other = path.join(s.dir, 'notes.json');
    writeFileSync(other, '{ "ignores": [] }');
    const bad = (await timed(s.conn.sendRequest(ExecuteCommandRequest.type, { command: UNIGNORE_COMMAND, arguments: [{ source: other, entry: { rule: 'duplicate-word', sentence: 'x' } }] }), 'unignore')) as IgnoreCommandResult;
    expect(bad.ok).toBe(false);
    expect(existsSync(other) && readFileSync(other, 'utf8')).toBe('{ "ignores": [] }');
    s.close(uri);
  });
});
