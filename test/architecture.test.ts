/**
 * The house's layer boundaries (issue 12), checked on the sources' import graph (test/helpers/deps.ts):
 * rules/ is the core (no node/, cli/, server/, client/, no Node built-ins); the server reaches the file system
 * only through node/, never cli/; the client speaks to the server through protocol/ only; rules/ has no
 * import cycle at run time.
 */
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossings, cycles, moduleGraph, type Edge } from './helpers/deps.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const graph = moduleGraph(ROOT, ['rules', 'input', 'output', 'node', 'protocol', 'cli', 'server', 'client']);
const show = (edges: Edge[]) => edges.map((e) => `${e.from}:${e.line} → ${e.to}`);

describe('layer boundaries', () => {
  it('the graph is read at all (a broken reader would pass every check below)', () => {
    expect(graph.files.filter((f) => f.startsWith('rules/')).length).toBeGreaterThan(30);
    expect(graph.edges.some((e) => e.from === 'server/server.ts' && e.to === 'rules/index.ts')).toBe(true);
    expect(graph.edges.some((e) => e.from === 'cli/main.ts' && e.to === 'node/index.ts')).toBe(true);
    // the checker catches a crossing when there is one
    expect(crossings(graph, 'cli', ['node']).length).toBeGreaterThan(0);
  });

  it('rules/ imports nothing from node/, cli/, server/ or client/', () => {
    expect(show(crossings(graph, 'rules', ['node', 'cli', 'server', 'client', 'protocol']))).toEqual([]);
  });

  it('rules/ uses no Node built-in (it runs in a browser too)', () => {
    expect(show(graph.edges.filter((e) => e.from.startsWith('rules/') && (e.to.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(e.to))))).toEqual([]);
  });

  it('server/ imports nothing from cli/', () => {
    expect(show(crossings(graph, 'server', ['cli']))).toEqual([]);
  });

  it('client/ imports nothing from server/ or rules/model/', () => {
    expect(show(crossings(graph, 'client', ['server', 'rules/model']))).toEqual([]);
  });

  it('protocol/ depends on nothing of the project (server and client share it)', () => {
    expect(show(graph.edges.filter((e) => e.from.startsWith('protocol/') && !e.typeOnly && !e.to.startsWith('protocol/')))).toEqual([]);
    expect(show(crossings(graph, 'protocol', ['rules', 'node', 'cli', 'server', 'client']))).toEqual([]);
  });

  it('rules/ has no import cycle at run time', () => {
    expect(cycles(graph, 'rules')).toEqual([]);
  });

  it('the cycle finder finds a cycle when there is one', () => {
    const g = { root: '', files: [], edges: [
      { from: 'x/a.ts', to: 'x/b.ts', typeOnly: false, line: 1 },
      { from: 'x/b.ts', to: 'x/c.ts', typeOnly: false, line: 1 },
      { from: 'x/c.ts', to: 'x/a.ts', typeOnly: false, line: 1 },
      { from: 'x/c.ts', to: 'x/d.ts', typeOnly: true, line: 1 },
      { from: 'x/d.ts', to: 'x/c.ts', typeOnly: false, line: 1 },
    ] };
    expect(cycles(g, 'x')).toEqual([['x/a.ts', 'x/b.ts', 'x/c.ts']]);
    expect(cycles(g, 'x', true)).toEqual([['x/a.ts', 'x/b.ts', 'x/c.ts', 'x/d.ts']]);
  });
});
