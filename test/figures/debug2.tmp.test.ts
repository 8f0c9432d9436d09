import { test } from 'vitest';
import { check } from '../../rules/index.js';
import { readCorpus, corpusFiles } from '../helpers/corpus.js';
test('dump', () => {
  for (const f of corpusFiles) {
    const r = check(readCorpus(f), { filePath: f });
    for (const x of r.findings) if (/^(figure|period)/.test(x.ruleId)) console.log(f.slice(0, 10), x.ruleId, 'L' + x.line, x.message, x.related.map((r) => `L${r.line}:${r.message}`).join(' | '));
  }
});
