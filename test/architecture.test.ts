/**
 * The house's layer boundaries (issue 12), checked on the sources' import graph (test/helpers/imports.ts, the
 * reader the rules/ no-cycle test uses too): rules/ is the core (no node/, cli/, server/, client/, protocol/,
 * no Node built-ins); the server reaches the file system only through node/, never cli/; the client speaks to
 * the server through protocol/ only, and protocol/ depends on nothing of the project.
 */
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from './helpers/imports.js';

const ROOMS = ['rules', 'input', 'output', 'node', 'protocol', 'cli', 'server', 'client', 'web'];
const edges = ROOMS.flatMap((room) => sourceFiles(room).flatMap((from) => importsOf(from).map((to) => ({ from, to }))));
const under = (p: string, dir: string) => p === dir || p.startsWith(dir + '/');

/** imports from files under `fromDir` of files under any of `forbidden`, as "from → to" */
function crossings(fromDir: string, forbidden: string[]): string[] {
  return edges.filter((e) => under(e.from, fromDir) && forbidden.some((d) => under(e.to, d))).map((e) => `${e.from} → ${e.to}`);
}

describe('layer boundaries', () => {
  it('the graph is read at all, and a crossing is seen when there is one', () => {
    expect(edges.some((e) => e.from === 'server/server.ts' && e.to === 'rules/index.ts')).toBe(true);
    expect(crossings('cli', ['node']).length).toBeGreaterThan(0);
  });

  it('rules/ imports nothing from node/, cli/, server/, client/ or protocol/', () => {
    expect(crossings('rules', ['node', 'cli', 'server', 'client', 'protocol'])).toEqual([]);
  });

  it('rules/ uses no Node built-in (it runs in a browser too)', () => {
    expect(edges.filter((e) => under(e.from, 'rules') && (e.to.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(e.to))).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('server/ imports nothing from cli/', () => {
    expect(crossings('server', ['cli'])).toEqual([]);
  });

  it('the browser server (server/browser.ts and all it imports) reaches no node/ module, and of Node only url and path', () => {
    const seen = new Set<string>();
    const walk = (f: string) => {
      if (seen.has(f) || !f.endsWith('.ts')) return;
      seen.add(f);
      for (const to of importsOf(f)) walk(to);
    };
    walk('server/browser.ts');
    expect(seen.has('server/serve.ts') && seen.has('server/documents.ts')).toBe(true);
    const reached = [...seen].flatMap((f) => importsOf(f).map((to) => ({ from: f, to })));
    expect(reached.filter((e) => under(e.to, 'node') || under(e.to, 'cli')).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
    // scripts/build.mjs stubs these two (they serve only last year's report's file path, which the browser never has)
    const builtins = reached.filter((e) => e.to.startsWith('node:') || ['fs', 'path', 'os', 'url', 'child_process'].includes(e.to));
    expect(builtins.filter((e) => e.to !== 'node:url' && e.to !== 'node:path').map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('client/ imports nothing from server/ or rules/model/', () => {
    expect(crossings('client', ['server', 'rules/model'])).toEqual([]);
  });

  it('web/ (the offline page) imports nothing from node/, cli/, server/ or client/, and no Node built-in', () => {
    expect(crossings('web', ['node', 'cli', 'server', 'client'])).toEqual([]);
    expect(edges.filter((e) => under(e.from, 'web') && e.to.startsWith('node:')).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('input/ and output/ (read in the offline page too) import nothing from node/, cli/, server/ or client/, and no Node built-in', () => {
    expect([...crossings('input', ['node', 'cli', 'server', 'client']), ...crossings('output', ['node', 'cli', 'server', 'client'])]).toEqual([]);
  });

  it('protocol/ imports nothing of the project (server and client share it)', () => {
    expect(crossings('protocol', ROOMS.filter((r) => r !== 'protocol'))).toEqual([]);
  });
});
