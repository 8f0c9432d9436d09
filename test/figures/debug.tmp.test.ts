import { test } from 'vitest';
import { createReport } from '../../rules/model/report.js';
import { figuresOf } from '../../rules/model/figures/index.js';
import { readCorpus, corpusFiles } from '../helpers/corpus.js';
test('dump', () => {
  const only = process.env.FILE;
  for (const f of corpusFiles) {
    if (only && !f.startsWith(only)) continue;
    const r = createReport(readCorpus(f), f);
    const t0 = performance.now();
    const fig = figuresOf(r);
    const t1 = performance.now();
    console.log(f, 'ms', (t1 - t0).toFixed(2));
    for (const s of fig.sentences) {
      for (const m of s.markers) console.log(`  L${s.block.line} [${m.kind}] ${m.text} ${m.key}`);
      for (const q of s.quantities) console.log(`  L${s.block.line} ${q.text} =${q.value}${q.high ? '-' + q.high : ''} ${q.family} ${q.role}${q.chain ? '/' + q.chain : ''} «${q.measure}» ${q.period.key}${q.approx ? ' ~' + q.approx : ''}`);
    }
  }
});
