/** rules/ is a tree of modules: no import cycle, type-only imports included (what madge --circular reports). */
import { describe, expect, test } from 'vitest';
import { cyclesOf, importGraph } from './helpers/imports.js';

describe('the import graph of rules/', () => {
  const graph = importGraph('rules');

  test('is read: the core modules and their imports are seen', () => {
    expect(graph.size).toBeGreaterThan(60);
    expect(graph.get('rules/model/report.ts')).toContain('rules/model/checklist.ts');
    expect(graph.get('rules/model/content.ts')).toContain('rules/model/report.ts'); // a type-only import, counted
  });

  test('has no cycle', () => {
    expect(cyclesOf(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  test('the cycle finder finds a cycle', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
