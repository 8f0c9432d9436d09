import { parseMarkdown, parseDocument } from '../rules/model/parse.js';
import { check, createReport } from '../rules/index.js';
const t = (n: string, f: () => unknown) => { const s = performance.now(); f(); console.log(n, (performance.now() - s).toFixed(1)); };
const x = '\n琮w\n'.repeat(6000);
const y = '荰焨《繑\\\n\ud8c2'.repeat(9000);
for (let i = 0; i < 3; i++) for (const [n, s] of [['x', x], ['y', y]] as const) {
  t(n + ' parseMarkdown', () => parseMarkdown(s));
  t(n + ' parseDocument', () => parseDocument(s));
  t(n + ' report+model', () => { const r = createReport(s); r.blocks.forEach((b) => b.norm); r.checklist; r.year; });
  t(n + ' check', () => check(s));
}
