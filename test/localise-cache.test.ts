/**
 * Issue 17, incremental re-check: the engine keeps formatted messages and fix titles across checks (rules/engine/
 * run.ts). A warm check — the same text again, an edited copy, the other language in between — gives the messages a
 * fresh check gives (every finding, related place and fix title), and each message is its own data formatted; and the per-line caches keep their entries when
 * full (the oldest goes) and grow with the document.
 */
import { describe, expect, it } from 'vitest';
import { allRules, check, clearCaches, defaultConfig, type Finding, type Language } from '../rules/index.js';
import { ruleMessage } from '../rules/messages/index.js';
import { sizeCachesFor, textCache } from '../rules/model/cache.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';

const config = defaultConfig(allRules);
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

/** every text of a finding, formatted now from its rule, message id and data */
function formattedNow(lang: Language, findings: readonly Finding[]): void {
  for (const f of findings) {
    if (f.messageId === 'ruleError') continue;
    expect(f.message).toBe(ruleMessage(lang, f.ruleId, f.messageId, f.data));
  }
}

describe('formatted messages kept across checks', () => {
  const files = corpusFiles.slice(0, 4);
  it.each(files)('%s: warm checks in both languages and of an edited copy equal fresh ones', (file) => {
    const text = readCorpus(file);
    // the same place's figure changed: data differ, message ids and rules do not
    const edited = text.replace(/\d+/, (n) => String(Number(n) + 7));
    clearCaches();
    const fresh: Record<string, unknown> = {};
    for (const lang of ['zh-CN', 'en'] as const) for (const [k, t] of [['a', text], ['b', edited]] as const) {
      clearCaches();
      fresh[lang + k] = plain(check(t, { config, language: lang }).findings);
    }
    clearCaches();
    let n = 0;
    for (const round of [0, 1])
      for (const lang of ['zh-CN', 'en'] as const)
        for (const [k, t] of [['a', text], ['b', edited]] as const) {
          const warm = check(t, { config, language: lang }).findings;
          formattedNow(lang, warm);
          expect({ round, lang, k, findings: plain(warm) }).toEqual({ round, lang, k, findings: fresh[lang + k] });
          n += warm.length;
        }
    expect(n).toBeGreaterThan(0);
  });
});

describe('per-line caches', () => {
  it('drop their oldest entry when full, not every entry', () => {
    const c = textCache<number>(3);
    for (const k of ['a', 'b', 'c', 'd']) c.set(k, k.charCodeAt(0));
    expect(c.size).toBe(3);
    expect(c.get('a')).toBeUndefined();
    expect([c.get('b'), c.get('c'), c.get('d')]).toEqual([98, 99, 100]);
    // setting a key it holds replaces the value and drops nothing
    c.set('d', 1);
    expect([c.size, c.get('b'), c.get('d')]).toEqual([3, 98, 1]);
  });

  it('grow with the document checked', () => {
    const c = textCache<number>(2, true);
    sizeCachesFor(5);
    for (let i = 0; i < 10; i++) c.set(String(i), i);
    expect(c.size).toBe(10);
    c.clear();
    // a cache not kept per line keeps its own size
    const d = textCache<number>(2);
    sizeCachesFor(5);
    for (let i = 0; i < 10; i++) d.set(String(i), i);
    expect(d.size).toBe(2);
  });
});
