/**
 * The offline checking page: the writer's text, its marks and messages, the findings by family, the statutory
 * checklist, fixes, rule pages. The checking runs in a Web Worker (worker.ts, inlined as a blob worker); this
 * side only holds the text and draws. Nothing is ever requested from a network: the page's
 * Content-Security-Policy (page.html) forbids it, and the test proves it.
 */
import { BASIS, ruleText, ui } from '../rules/messages/index.js';
import { pageText, type PageText } from '../rules/messages/page.js';
import { applyEdits } from '../rules/engine/fix.js';
import type { ChecklistItem, Finding, Language } from '../rules/index.js';
import type { CheckReply, Replies, RuleInfo, WorkerReply, WorkerRequest } from './protocol.js';

/** a pause in typing this long re-checks */
const DEBOUNCE_MS = 250;
const FAMILIES = ['checklist', 'form', 'figures', 'residue', 'input'] as const;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---- the worker ----------------------------------------------------------------------------------------------

const workerSource = $('worker-source').textContent ?? '';
const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
let nextId = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
worker.onmessage = (e: MessageEvent<WorkerReply>) => {
  const w = waiting.get(e.data.id);
  if (!w) return;
  waiting.delete(e.data.id);
  if (e.data.ok) w.resolve(e.data.value);
  else w.reject(new Error(e.data.error));
};

function call<K extends WorkerRequest['type']>(request: Extract<WorkerRequest, { type: K }>, transfer: Transferable[] = []): Promise<Replies[K]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker.postMessage({ id, request }, transfer);
  });
}

// ---- state ---------------------------------------------------------------------------------------------------

let lang: Language = 'zh-CN';
let t: PageText = pageText(lang);
let text = '';
/** the opened file's name without its extension (downloads are named after it) */
let baseName = '';
/** the text came from a Word document with pending tracked changes (the CLI's info finding is added) */
let pendingChanges = false;
let rules = new Map<string, RuleInfo>();
let result: (CheckReply & { text: string }) | null = null;
const history: string[] = [];
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let mode: 'view' | 'edit' = 'edit';

const editor = $<HTMLTextAreaElement>('editor');
const view = $('view');
const tip = $('tip');
const status = $('status');

// ---- checking ------------------------------------------------------------------------------------------------

export interface Timing {
  checkMs: number;
  renderMs: number;
  totalMs: number;
}

function scheduleCheck(delay = DEBOUNCE_MS): void {
  clearTimeout(timer);
  document.body.dataset.state = 'pending';
  timer = setTimeout(() => void runCheck(), delay);
}

async function runCheck(): Promise<Timing | null> {
  clearTimeout(timer);
  const my = ++seq;
  const checked = text;
  const t0 = performance.now();
  document.body.dataset.state = 'checking';
  const reply = await call({ type: 'check', text: checked, lang, pendingChanges });
  if (my !== seq) return null; // a newer text is being checked
  result = { ...reply, text: checked };
  const t1 = performance.now();
  render();
  // reading the layout makes the browser lay the new text out now: the time is what the writer waits for
  void view.offsetHeight;
  const t2 = performance.now();
  const timing = { checkMs: reply.ms, renderMs: t2 - t1, totalMs: t2 - t0 };
  showSummary(timing);
  document.body.dataset.state = 'ready';
  document.body.dataset.seq = String(my);
  return timing;
}

function setText(next: string, opts: { name?: string; pendingChanges?: boolean; keepHistory?: boolean } = {}): void {
  if (!opts.keepHistory) history.length = 0;
  text = next;
  if (opts.name !== undefined) baseName = opts.name;
  if (opts.pendingChanges !== undefined) pendingChanges = opts.pendingChanges;
  if (editor.value !== text) editor.value = text;
  setMode(text ? 'view' : 'edit');
}

function changeText(next: string): void {
  history.push(text);
  setText(next, { keepHistory: true });
  void runCheck();
}

// ---- drawing -------------------------------------------------------------------------------------------------

const severityClass = (f: Finding) => `sev-${f.severity}`;

function titleOf(f: Finding): string {
  if (f.ruleId === 'tracked-changes') return t.trackedChangesTitle;
  return ruleText(lang, f.ruleId)?.title ?? f.ruleId;
}

function familyOf(f: Finding): (typeof FAMILIES)[number] {
  return rules.get(f.ruleId)?.family ?? 'input';
}

function fixButtons(k: number, f: Finding): string {
  return f.fixes
    .map((fix, j) => `<button class="fix${fix.safe ? '' : ' unsafe'}" data-fix="${k}:${j}" title="${esc(fix.safe ? fix.title : `${fix.title} · ${t.suggestion}`)}">${esc(fix.title)}</button>`)
    .join('');
}

/** The text with each finding's characters in a <mark> and each line's messages beside it. */
function renderDocument(findings: Finding[]): string {
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  const points = new Map<number, number[]>();
  const cutSet = new Set<number>();
  const add = (m: Map<number, number[]>, p: number, k: number) => {
    const a = m.get(p);
    if (a) a.push(k);
    else m.set(p, [k]);
    cutSet.add(p);
  };
  findings.forEach((f, k) => {
    if (f.end > f.start) {
      add(opens, f.start, k);
      add(closes, f.end, k);
    } else add(points, f.start, k);
  });
  const cuts = [...cutSet].sort((a, b) => a - b);
  const notes = new Map<number, number[]>();
  findings.forEach((f, k) => {
    const a = notes.get(f.line);
    if (a) a.push(k);
    else notes.set(f.line, [k]);
  });

  const active = new Set<number>();
  let ci = 0;
  const lines = text.split('\n');
  const rows: string[] = [];
  let ls = 0;
  const worst = (ks: Iterable<number>) => {
    let rank = 3;
    for (const k of ks) rank = Math.min(rank, findings[k].severity === 'error' ? 0 : findings[k].severity === 'warning' ? 1 : 2);
    return ['sev-error', 'sev-warning', 'sev-info', ''][rank];
  };
  const passCut = (p: number): string => {
    for (const k of closes.get(p) ?? []) active.delete(k);
    for (const k of opens.get(p) ?? []) active.add(k);
    const here = points.get(p);
    return here ? `<mark class="point ${worst(here)}" data-f="${here.join(' ')}"></mark>` : '';
  };
  for (let i = 0; i < lines.length; i++) {
    const le = ls + lines[i].length;
    let out = '';
    let pos = ls;
    for (;;) {
      while (ci < cuts.length && cuts[ci] <= pos) out += passCut(cuts[ci++]);
      const next = Math.min(ci < cuts.length ? cuts[ci] : Infinity, le);
      if (next > pos) {
        const seg = esc(text.slice(pos, next));
        out += active.size ? `<mark class="${worst(active)}" data-f="${[...active].join(' ')}">${seg}</mark>` : seg;
      }
      pos = next;
      if (pos >= le) break;
    }
    while (ci < cuts.length && cuts[ci] <= le) out += passCut(cuts[ci++]);
    const n = i + 1;
    const lineNotes = (notes.get(n) ?? [])
      .map((k) => {
        const f = findings[k];
        return `<div class="note ${severityClass(f)}" data-f="${k}"><span class="rule" data-rule="${esc(f.ruleId)}">${esc(f.ruleId)}</span> ${esc(f.message)}${fixButtons(k, f)}</div>`;
      })
      .join('');
    rows.push(`<div class="ln" id="L${n}"><span class="no">${n}</span><div class="tx">${out || '\u200b'}</div><div class="notes">${lineNotes}</div></div>`);
    ls = le + 1;
  }
  return rows.join('');
}

function renderFindings(findings: Finding[]): string {
  if (!findings.length) return `<h2>${esc(t.findingsTitle)}</h2><p class="none">${esc(ui(lang, 'noProblems'))}</p>`;
  const parts = [`<h2>${esc(t.findingsTitle)} <span class="count">${findings.length}</span></h2>`];
  for (const family of FAMILIES) {
    const ks = findings.map((f, k) => k).filter((k) => familyOf(findings[k]) === family);
    if (!ks.length) continue;
    const label = family === 'input' ? t.familyInput : ui(lang, `family_${family}`);
    parts.push(`<section class="family" data-family="${family}"><h3>${esc(label)} <span class="count">${ks.length}</span></h3><ul>`);
    for (const k of ks) {
      const f = findings[k];
      parts.push(
        `<li class="finding ${severityClass(f)}" data-f="${k}" data-rule-id="${esc(f.ruleId)}" data-line="${f.line}" tabindex="0">` +
          `<span class="where">${esc(t.lineLabel.replace('{line}', String(f.line)))}</span> <span class="sev">${esc(ui(lang, `severity_${f.severity}`))}</span> ` +
          `<code class="rule">${esc(f.ruleId)}</code><div class="msg">${esc(f.message)}</div>${fixButtons(k, f)}</li>`,
      );
    }
    parts.push('</ul></section>');
  }
  return parts.join('');
}

function renderChecklist(items: ChecklistItem[], notReport: string | null): string {
  // a document of another kind: the sentence that says it was not checked as a report, not ✖ on every item
  if (notReport) return `<h2>${esc(ui(lang, 'checklistTitle'))}</h2><p class="not-report">${esc(notReport)}</p>`;
  const rows = items
    .map((c) => {
      const where = c.line === null ? '—' : `<a href="#L${c.line}" data-line="${c.line}">${esc(t.lineLabel.replace('{line}', String(c.line)))}</a>`;
      return `<tr data-item="${c.item}" data-status="${c.status}"><td>${esc(ui(lang, `item_${c.item}`))}</td><td class="status st-${c.status}">${esc(ui(lang, `status_${c.status}`))}</td><td class="line">${where}</td></tr>`;
    })
    .join('');
  return `<h2>${esc(ui(lang, 'checklistTitle'))}</h2><table>${rows}</table>`;
}

function render(): void {
  if (!result) return;
  hideTip(true);
  view.innerHTML = text ? renderDocument(result.findings) : `<p class="hint">${esc(t.dropHint)}</p>`;
  $('findings').innerHTML = text ? renderFindings(result.findings) : '';
  $('checklist').innerHTML = text ? renderChecklist(result.checklist, result.notReport) : '';
  ($('fixAll') as HTMLButtonElement).disabled = !result.findings.some((f) => f.fixes.some((x) => x.safe));
  ($('undo') as HTMLButtonElement).disabled = history.length === 0;
}

function showSummary(timing: Timing): void {
  if (!result) return;
  const count = (s: string) => result!.findings.filter((f) => f.severity === s).length;
  const parts = [
    ui(lang, 'summary', { total: result.findings.length, errors: count('error'), warnings: count('warning'), infos: count('info') }),
    t.timing.replace('{check}', timing.checkMs.toFixed(0)).replace('{render}', timing.renderMs.toFixed(0)),
  ];
  if (result.degraded) parts.unshift(ui(lang, 'largeDocument', { size: `${(text.length / 1048576).toFixed(1)} MB` }));
  say(parts.join(' · '));
}

function say(message: string, alert = false): void {
  status.textContent = message;
  status.classList.toggle('alert', alert);
}

function setMode(next: 'view' | 'edit'): void {
  mode = next;
  document.body.dataset.mode = mode;
  $('tabView').setAttribute('aria-selected', String(mode === 'view'));
  $('tabEdit').setAttribute('aria-selected', String(mode === 'edit'));
  if (mode === 'edit') editor.focus();
}

function applyLabels(): void {
  t = pageText(lang);
  document.documentElement.lang = lang;
  document.title = t.documentTitle;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t[el.dataset.t as keyof PageText];
  editor.placeholder = t.dropHint;
  editor.setAttribute('aria-label', t.textLabel);
}

// ---- the tip: a mark's rule, reason, basis and fixes -----------------------------------------------------------

let pinned = false;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

function tipHtml(ks: number[]): string {
  if (!result) return '';
  const quoted = new Set<string>();
  return ks
    .map((k) => {
      const f = result!.findings[k];
      const parts = [`<div class="tip-item ${severityClass(f)}"><div class="tip-title"><strong>${esc(titleOf(f))}</strong> <code>${esc(f.ruleId)}</code> <span class="sev">${esc(ui(lang, `severity_${f.severity}`))}</span></div>`];
      parts.push(`<p>${esc(f.message)}</p>`);
      const why = f.ruleId === 'tracked-changes' ? t.trackedChangesWhy : ruleText(lang, f.ruleId)?.why;
      if (why) parts.push(`<p class="why">${esc(why)}</p>`);
      for (const key of rules.get(f.ruleId)?.basis ?? []) {
        const b = BASIS[key];
        if (!b) continue;
        parts.push(`<p class="basis">${esc(ui(lang, 'basis'))}：${esc(b.name)}</p>`);
        if (b.quote && !quoted.has(key)) parts.push(`<blockquote>${esc(b.quote)}</blockquote>`);
        quoted.add(key);
      }
      if (f.related.length) {
        parts.push(`<p class="related">${esc(t.related)}：${f.related.map((r) => `<a href="#L${r.line}" data-line="${r.line}">${esc(t.lineLabel.replace('{line}', String(r.line)))}</a> ${esc(r.message)}`).join('；')}</p>`);
      }
      parts.push(`<div class="tip-actions">${fixButtons(k, f)}${rules.has(f.ruleId) ? `<a href="#" data-rule="${esc(f.ruleId)}">${esc(ui(lang, 'docsLink'))}</a>` : ''}</div></div>`);
      return parts.join('');
    })
    .join('');
}

function showTip(anchor: HTMLElement, ks: number[], pin: boolean): void {
  clearTimeout(hideTimer);
  tip.innerHTML = tipHtml(ks);
  tip.hidden = false;
  pinned = pin;
  const r = anchor.getBoundingClientRect();
  const w = Math.min(440, window.innerWidth - 16);
  tip.style.width = `${w}px`;
  tip.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - w - 8))}px`;
  const below = r.bottom + 6;
  const h = tip.offsetHeight;
  tip.style.top = `${below + h > window.innerHeight && r.top - h - 6 > 0 ? r.top - h - 6 : below}px`;
}

function hideTip(force = false): void {
  if (pinned && !force) return;
  pinned = false;
  tip.hidden = true;
}

const findingsOf = (el: Element | null): number[] | null => {
  const holder = el?.closest<HTMLElement>('mark[data-f], .note[data-f]');
  return holder ? holder.dataset.f!.split(' ').map(Number) : null;
};

view.addEventListener('mouseover', (e) => {
  if (pinned) return;
  const ks = findingsOf(e.target as Element);
  if (ks) showTip((e.target as Element).closest<HTMLElement>('[data-f]')!, ks, false);
});
view.addEventListener('mouseout', (e) => {
  if (pinned || !findingsOf(e.target as Element)) return;
  hideTimer = setTimeout(() => hideTip(), 300);
});
tip.addEventListener('mouseover', () => clearTimeout(hideTimer));
tip.addEventListener('mouseleave', () => {
  if (!pinned) hideTimer = setTimeout(() => hideTip(), 300);
});

// ---- actions -------------------------------------------------------------------------------------------------

function jumpTo(line: number, k?: number): void {
  setMode('view');
  const row = document.getElementById(`L${line}`);
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  for (const el of document.querySelectorAll('.flash')) el.classList.remove('flash');
  const mark = k === undefined ? null : [...row.querySelectorAll<HTMLElement>('mark[data-f]')].find((m) => m.dataset.f!.split(' ').includes(String(k)));
  (mark ?? row).classList.add('flash');
  if (mark && k !== undefined) showTip(mark, [k], true);
}

function applyFix(k: number, j: number): void {
  if (!result || result.text !== text) return; // the text changed since: its findings are being recomputed
  const fix = result.findings[k]?.fixes[j];
  if (!fix) return;
  changeText(applyEdits(text, fix.edits));
}

async function fixAllSafe(): Promise<void> {
  const before = text;
  const r = await call({ type: 'fixAll', text: before, lang });
  if (text !== before) return;
  if (!r.fixed || r.output === before) return say(t.nothingToFix);
  changeText(r.output);
  say(ui(lang, 'fixed', { n: r.fixed }));
}

async function openFile(file: File): Promise<void> {
  const bytes = await file.arrayBuffer();
  const r = await call({ type: 'open', name: file.name, bytes, lang }, [bytes]);
  if (!r.ok) return say(r.message, true);
  setText(r.text, { name: file.name.replace(/\.[^.]+$/, ''), pendingChanges: r.pendingChanges });
  document.body.dataset.source = file.name;
  await runCheck();
  say((r.docx ? t.openedDocx : t.opened).replace('{file}', file.name).replace('{encoding}', r.encoding) + ' · ' + status.textContent);
}

function download(bytes: BlobPart, ext: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = (baseName || t.defaultName) + ext;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyText(): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    say(t.copied);
  } catch {
    // file:// pages may have no clipboard API: the selection and the old command still copy
    setMode('edit');
    editor.select();
    say(document.execCommand('copy') ? t.copied : t.copyFailed, true);
  }
}

async function openRulePage(ruleId: string): Promise<void> {
  const page = await call({ type: 'rulePage', ruleId });
  if (!page) return;
  hideTip(true);
  const body = $('pageBody');
  body.innerHTML = page.html;
  body.dataset.rule = ruleId;
  const dialog = $<HTMLDialogElement>('page');
  if (!dialog.open) dialog.showModal();
  body.scrollTop = 0;
  if (lang === 'en') [...body.querySelectorAll('h3')].find((h) => /English/.test(h.textContent ?? ''))?.scrollIntoView();
}

function showRulesIndex(): void {
  const parts: string[] = [`<h2>${esc(t.rulesIndex)}</h2>`];
  for (const family of FAMILIES) {
    const ids = [...rules.values()].filter((r) => r.family === family).map((r) => r.id);
    if (!ids.length) continue;
    parts.push(`<h3>${esc(ui(lang, `family_${family}` as 'family_checklist'))}</h3><ul>`);
    for (const id of ids) parts.push(`<li><a href="#" data-rule="${esc(id)}">${esc(ruleText(lang, id)?.title ?? id)}</a> <code>${esc(id)}</code></li>`);
    parts.push('</ul>');
  }
  $('pageBody').innerHTML = parts.join('');
  $('pageBody').dataset.rule = '';
  const dialog = $<HTMLDialogElement>('page');
  if (!dialog.open) dialog.showModal();
}

// one listener for every button and link the page draws
document.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const fixButton = target.closest<HTMLElement>('[data-fix]');
  if (fixButton) {
    e.preventDefault();
    const [k, j] = fixButton.dataset.fix!.split(':').map(Number);
    return applyFix(k, j);
  }
  const ruleLink = target.closest<HTMLElement>('[data-rule]');
  if (ruleLink) {
    e.preventDefault();
    return void openRulePage(ruleLink.dataset.rule!);
  }
  const item = target.closest<HTMLElement>('li.finding');
  if (item) return jumpTo(Number(item.dataset.line), Number(item.dataset.f));
  const lineLink = target.closest<HTMLElement>('a[data-line]');
  if (lineLink) {
    e.preventDefault();
    return jumpTo(Number(lineLink.dataset.line));
  }
  // a tap on a mark or a message pins its tip (touch screens have no hover)
  const ks = findingsOf(target);
  if (ks && view.contains(target)) return showTip(target.closest<HTMLElement>('[data-f]')!, ks, true);
  if (!tip.contains(target)) hideTip(true);
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideTip(true);
  if (e.key === 'Enter' && (e.target as HTMLElement).matches('li.finding')) (e.target as HTMLElement).click();
});

$('tabView').addEventListener('click', () => setMode('view'));
$('tabEdit').addEventListener('click', () => setMode('edit'));
$('fixAll').addEventListener('click', () => void fixAllSafe());
$('undo').addEventListener('click', () => {
  const previous = history.pop();
  if (previous === undefined) return;
  setText(previous, { keepHistory: true });
  void runCheck();
});
$('copy').addEventListener('click', () => void copyText());
$('dlMd').addEventListener('click', () => download(text, '.md', 'text/markdown;charset=utf-8'));
$('dlTxt').addEventListener('click', () => download(text, '.txt', 'text/plain;charset=utf-8'));
$('dlDocx').addEventListener('click', async () => {
  try {
    const r = await call({ type: 'export', text, name: baseName || t.defaultName });
    download(r.bytes as Uint8Array<ArrayBuffer>, '.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  } catch (err) {
    say(t.exportFailed.replace('{error}', err instanceof Error ? err.message : String(err)), true);
  }
});
$('rules').addEventListener('click', showRulesIndex);
$('closePage').addEventListener('click', () => $<HTMLDialogElement>('page').close());
$('lang').addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  applyLabels();
  void runCheck();
});
$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (file) void openFile(file);
});

/** The text no longer comes from the opened file: downloads get the default name, no tracked-changes finding. */
function forgetSource(): void {
  baseName = '';
  pendingChanges = false;
  delete document.body.dataset.source;
  history.length = 0;
}

editor.addEventListener('paste', () => {
  // pasting over the whole text (or into an empty page) starts a new document, shown with its marks
  if (editor.selectionStart === 0 && editor.selectionEnd === editor.value.length) {
    forgetSource();
    setTimeout(() => void runCheck().then(() => text && setMode('view')), 0);
  }
});
editor.addEventListener('input', () => {
  text = editor.value;
  if (!text) forgetSource();
  scheduleCheck();
});

// files dropped anywhere on the page; dropped text is pasted
let dragDepth = 0;
window.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth++;
  $('dropzone').hidden = false;
});
window.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) ((dragDepth = 0), ($('dropzone').hidden = true));
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  $('dropzone').hidden = true;
  const file = e.dataTransfer?.files[0];
  if (file) return void openFile(file);
  const dropped = e.dataTransfer?.getData('text/plain');
  if (dropped) {
    setText(dropped, { name: '', pendingChanges: false });
    void runCheck();
  }
});

/** For the bench and scripts driving the page: set the text as a paste would and wait for its marks. */
(window as unknown as { fazhiPage: unknown }).fazhiPage = {
  async check(next: string): Promise<Timing | null> {
    setText(next, { name: '', pendingChanges: false });
    return runCheck();
  },
  /** the text whose check is on screen, or null while a check runs: a test waits for its own text, not for "a check" */
  shownText(): string | null {
    return document.body.dataset.state === 'ready' && result ? result.text : null;
  },
};

applyLabels();
setMode('edit');
void call({ type: 'meta' }).then((meta) => {
  rules = new Map(meta.map((r) => [r.id, r]));
  document.body.dataset.state = 'idle';
});
