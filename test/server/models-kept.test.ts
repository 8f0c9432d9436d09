/**
 * Issue 17: the server keeps the whole model of the last MODELS_KEPT documents it checked or was asked about;
 * every other open document keeps findings, checklist, text and lines, and makes the rest again from the same text
 * when asked. Whatever the server let go, what the user sees is the same: diagnostics, code actions, the outline,
 * the checklist and last year's plans equal those of a server that checked the document alone.
 */
import { describe, expect, it } from 'vitest';
import { DocumentChecker, MODELS_KEPT } from '../../server/documents.js';
import { codeActions } from '../../server/features/codeActions.js';
import { diagnosticsOf } from '../../server/features/diagnostics.js';
import { documentSymbols } from '../../server/features/symbols.js';
import { checklistResponse } from '../../server/features/checklist.js';
import { allRules, defaultConfig, previousPlans, type PreviousText } from '../../rules/index.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';
import { FOLLOWED, PREVIOUS, thisYear } from '../helpers/pairs.js';

const config = defaultConfig(allRules);
const uriOf = (name: string) => `file:///open/${name}`;
// a draft with last year's report beside it: its plans are matched against this year's report
const PAIRED = 'paired-2023.md';
const LAST_YEAR: PreviousText = { text: PREVIOUS, filePath: '/open/paired-2022.md' };

function checker() {
  return new DocumentChecker({
    configFor: () => ({ config, language: 'zh-CN' }),
    previousFor: (uri) => (uri === uriOf(PAIRED) ? LAST_YEAR : null),
  });
}

const docs: [string, string][] = [[PAIRED, thisYear(FOLLOWED)], ...corpusFiles.slice(0, MODELS_KEPT + 2).map((f): [string, string] => [f, readCorpus(f)])];

/** What the user sees of a document: every feature that reads its result. */
function seen(c: DocumentChecker, uri: string) {
  const checked = c.current(uri)!;
  const diagnostics = diagnosticsOf(checked);
  return {
    diagnostics,
    actions: diagnostics.map((d) => codeActions(checked, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }).map((a) => [a.title, a.edit])),
    symbols: documentSymbols(checked.result.report),
    checklist: checklistResponse(checked),
    previous: previousPlans(checked.result.report, config),
  };
}

describe('models kept for the documents in use', () => {
  it('keeps the whole model of the last MODELS_KEPT documents checked, and of a document asked about again', () => {
    const c = checker();
    for (const [name, text] of docs) {
      c.open(uriOf(name), 'markdown', 1, text);
      c.current(uriOf(name));
    }
    expect(c.modelsKept()).toEqual(docs.slice(-MODELS_KEPT).map(([n]) => uriOf(n)));
    // the outline of the first document: its model is made again, and it is the latest in use
    documentSymbols(c.current(uriOf(PAIRED))!.result.report);
    expect(c.modelsKept()).toEqual([...docs.slice(-MODELS_KEPT + 1).map(([n]) => uriOf(n)), uriOf(PAIRED)]);
    c.close(uriOf(PAIRED));
    expect(c.modelsKept()).toEqual(docs.slice(-MODELS_KEPT + 1).map(([n]) => uriOf(n)));
  });

  it('shows every document as a server that checked it alone shows it, its model let go or not', () => {
    const c = checker();
    for (const [name, text] of docs) {
      c.open(uriOf(name), 'markdown', 1, text);
      c.current(uriOf(name));
    }
    const letGo = docs.slice(0, docs.length - MODELS_KEPT).map(([n]) => uriOf(n));
    for (const uri of letGo) expect(c.modelsKept()).not.toContain(uri);
    for (const [name, text] of docs) {
      const alone = checker();
      alone.open(uriOf(name), 'markdown', 1, text);
      expect(seen(c, uriOf(name)), name).toEqual(seen(alone, uriOf(name)));
    }
    // last year's plans were matched on the model made again
    expect(seen(c, uriOf(PAIRED)).previous?.plans.length).toBeGreaterThan(0);
  });

  it('checks an edited document anew, whatever its model was', () => {
    const c = checker();
    for (const [name, text] of docs) {
      c.open(uriOf(name), 'markdown', 1, text);
      c.current(uriOf(name));
    }
    const [name, text] = docs[1];
    const edited = text.replace(/\n/, '\n某某单位\n');
    c.change(uriOf(name), 2, [{ text: edited }]);
    const alone = checker();
    alone.open(uriOf(name), 'markdown', 2, edited);
    expect(seen(c, uriOf(name))).toEqual(seen(alone, uriOf(name)));
    expect(c.modelsKept().at(-1)).toBe(uriOf(name));
  });
});
