/**
 * The checking page's Web Worker: the core, the .docx reader and writer and the rule pages run here, so typing in
 * the page never waits for a check. Bundled by scripts/build.mjs and inlined into the page as a blob worker.
 */
import { allRules, check, clearCaches, createReport, defaultConfig, fixAll, ruleById, type Language } from '../rules/index.js';
import { checkDraft, draftRules, NOT_REPORT_NOTE } from '../input/draft.js';
import { containerOf, docxErrorMessage, readDocx } from '../input/docx/index.js';
import { pendingChangesFinding } from '../input/docx/pending.js';
import { decodeText } from '../input/text.js';
import { exportDocx } from '../output/docx/export.js';
import { ui } from '../rules/messages/index.js';
import { markdownToHtml } from './markdown.js';
import type { OpenReply, Replies, RuleInfo, WorkerReply, WorkerRequest } from './protocol.js';

/** docs/rules/<id>.md by rule id, inlined by the build */
declare const __FAZHI_RULE_PAGES__: Record<string, string>;

interface WorkerScope {
  onmessage: ((e: { data: { id: number; request: WorkerRequest } }) => void) | null;
  postMessage(message: WorkerReply, transfer?: ArrayBuffer[]): void;
}
const scope = self as unknown as WorkerScope;

const pages = new Map<string, string>();

function open(name: string, bytes: Uint8Array, lang: Language): OpenReply {
  // by content, as the CLI reads it (a Word document saved under another name is still one)
  if (containerOf(bytes) !== 'other' || /\.docx$/i.test(name)) {
    const r = readDocx(bytes);
    if (!r.ok) {
      const m = docxErrorMessage(r.error, name);
      return { ok: false, message: ui(lang, m.key, m.data) };
    }
    return { ok: true, text: r.view.text, encoding: 'docx', docx: true, pendingChanges: r.view.pendingChanges };
  }
  const t = decodeText(bytes);
  if (!t.ok) return { ok: false, message: ui(lang, t.reason === 'binary' ? 'binaryFile' : 'undecodable', { file: name }) };
  return { ok: true, text: t.text, encoding: t.encoding, docx: false, pendingChanges: false };
}

async function handle(request: WorkerRequest): Promise<Replies[keyof Replies]> {
  switch (request.type) {
    case 'meta':
      return allRules.map((r): RuleInfo => ({ id: r.meta.id, family: r.meta.family, basis: [...r.meta.basis], fixable: !!r.meta.fixable }));
    case 'check': {
      const t0 = performance.now();
      // as the CLI checks a file named for checking: a document that declares another kind gets the not-a-report note
      // and no report's sections, title or signature (an empty page is no file: nothing to note)
      const result = request.text.trim() ? checkDraft(request.text, { config: defaultConfig(allRules), language: request.lang }, false).result : check(request.text, { language: request.lang });
      const findings = request.pendingChanges ? [pendingChangesFinding(request.lang), ...result.findings] : result.findings;
      const notReport = result.findings.some((f) => f.ruleId === NOT_REPORT_NOTE) ? ui(request.lang, 'checklistNotReport') : null;
      return { findings, checklist: result.checklist, notReport, degraded: result.degraded, ms: performance.now() - t0 };
    }
    case 'fixAll': {
      // the rules the check ran, as the CLI's --fix: none that reads a document of another kind as a report
      const r = fixAll(request.text, { language: request.lang, rules: draftRules(createReport(request.text)) });
      return { output: r.output, fixed: r.fixed };
    }
    case 'open':
      return open(request.name, new Uint8Array(request.bytes), request.lang);
    case 'export':
      return { bytes: await exportDocx(request.text, { filePath: request.name }) };
    case 'rulePage': {
      const md = ruleById(request.ruleId) ? __FAZHI_RULE_PAGES__[request.ruleId] : undefined;
      if (md === undefined) return null;
      let html = pages.get(request.ruleId);
      if (html === undefined) pages.set(request.ruleId, (html = markdownToHtml(md)));
      return { html };
    }
  }
}

/**
 * The first check in a fresh worker runs cold (the engine has compiled nothing yet) and takes twice as long: the
 * worker checks the rule pages' own examples once at start, while the writer is still finding the text to paste.
 * The caches it filled are emptied afterwards (they hold the examples, not the writer's text).
 */
function warmUp(): void {
  const examples = Object.values(__FAZHI_RULE_PAGES__)
    .flatMap((md) => [...md.matchAll(/```(?:markdown|text)?\n([\s\S]*?)```/g)].map((m) => m[1]))
    .join('\n');
  check(examples);
  clearCaches();
}
setTimeout(warmUp, 0);

scope.onmessage = (e) => {
  const { id, request } = e.data;
  handle(request).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (err: unknown) => scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
