/**
 * The project's module graph, read from the sources: every static `import … from`, `export … from`, bare
 * `import '…'` and dynamic `import('…')` of the .ts files under the given directories, relative specifiers
 * resolved to files (`./x.js` → `x.ts`, a directory → its `index.ts`). `import type` and `export type` are kept
 * apart: they vanish at run time, but a layer boundary holds for types too.
 * Used by the architecture test (layer boundaries) and by anyone who needs "is there a cycle in rules/".
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import * as path from 'node:path';

export interface Edge {
  from: string;
  /** a repository-relative file for a relative import, else the bare specifier ('node:fs', 'unified') */
  to: string;
  typeOnly: boolean;
  line: number;
}

export interface Graph {
  root: string;
  files: string[];
  edges: Edge[];
}

function tsFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) tsFiles(full, out);
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(full);
  }
}

function resolveRelative(fromFile: string, spec: string): string {
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base + '.ts', path.join(base, 'index.ts'), base];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

const IMPORT = /(?:^|[\s;}])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function moduleGraph(root: string, dirs: string[]): Graph {
  const files: string[] = [];
  for (const d of dirs) tsFiles(path.join(root, d), files);
  const edges: Edge[] = [];
  for (const file of files) {
    // comments could hold an example import: drop them first (strings keep their length, so lines stay right)
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      if (!spec) continue;
      const line = src.slice(0, m.index).split('\n').length;
      const to = spec.startsWith('.') ? path.relative(root, resolveRelative(file, spec)).split(path.sep).join('/') : spec;
      edges.push({ from: path.relative(root, file).split(path.sep).join('/'), to, typeOnly: !!m[2], line });
    }
  }
  return { root, files: files.map((f) => path.relative(root, f).split(path.sep).join('/')), edges };
}

/** Edges from files under `fromDir` to files under any of `forbidden` (directories, repository-relative). */
export function crossings(g: Graph, fromDir: string, forbidden: string[]): Edge[] {
  const under = (p: string, d: string) => p === d || p.startsWith(d.endsWith('/') ? d : d + '/');
  return g.edges.filter((e) => under(e.from, fromDir) && forbidden.some((d) => under(e.to, d)));
}

/** Every elementary cycle's smallest witness: for each strongly connected component with a cycle, one cycle. */
export function cycles(g: Graph, within: string, includeTypeOnly = false): string[][] {
  const inside = (p: string) => p.startsWith(within.endsWith('/') ? within : within + '/');
  const adj = new Map<string, string[]>();
  for (const e of g.edges) {
    if (!inside(e.from) || !inside(e.to) || (e.typeOnly && !includeTypeOnly)) continue;
    (adj.get(e.from) ?? adj.set(e.from, []).get(e.from)!).push(e.to);
  }
  // Tarjan, iteratively (no recursion depth limit)
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const start of adj.keys()) {
    if (idx.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const next = adj.get(v) ?? [];
      if (i < next.length) {
        top[1]++;
        const w = next[i];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        const selfLoop = (adj.get(v) ?? []).includes(v);
        if (comp.length > 1 || selfLoop) out.push(comp.sort());
      }
    }
  }
  return out;
}
