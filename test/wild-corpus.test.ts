/**
 * The wild set (test/fixtures/wild/): real published reports as users paste them, page furniture included, with a
 * reviewer's expectations in test/fixtures/wild/expected.json (the corpus format of ../shared/corpus/expected.json).
 *
 * What it measures, per rule and per family, and prints (and writes to test-output/wild-report.json for diffing):
 *   true        findings that match a `must` entry
 *   false       findings that match a `mustNot` entry (and no `must`)
 *   unexpected  findings that match no entry at all (neither must, mustNot nor may)
 *   may         findings that match only a `may` entry (left out of precision)
 *   missed      `must` entries that no finding matches
 * precision = true / (true + false + unexpected) in findings; recall = met must entries / all must entries.
 *
 * What fails:
 *   - any finding matching a `mustNot` that is not in known-false-alarms.json (file, rule, line), and any entry of that
 *     list that no longer fires — the list can only shrink (it is the rule fixers' work list);
 *   - a malformed expected.json (unsorted keys, unknown rule ids, missing source/body, a fixture without an entry).
 * What is counted but does not fail: misses, unexpected findings, and `sections` / `year` that differ from the
 * reviewer's reading (they are shown in the table as the rows "(sections)" and "(year)").
 *
 * Partial files (`"partial": true`: only a report's opening was published or stored) say nothing about the rest of the
 * report, so findings of WHOLE_DOCUMENT_RULES are ignored on them (neither counted nor failing), must/mustNot entries
 * of those rules are not allowed there, and `sections` is checked only for the items the opening shows (a line, not
 * null).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules, check, type Finding } from '../rules/index.js';
import { CORPUS_DIR, linesOf, readExpectations, rulesOf, type CorpusEntry, type Expectation } from './helpers/corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WILD_DIR = path.join(ROOT, 'test/fixtures/wild');
const REPORT_FILE = path.join(ROOT, 'test-output/wild-report.json');

/** Rules whose finding depends on the whole report (its end, its later sections, its signature): unknowable from an opening. */
const WHOLE_DOCUMENT_RULES = new Set([
  'section-missing',
  'section-empty',
  'section-order',
  'first-responsible-separate',
  'first-responsible-substance',
  'problem-cause-missing',
  'problem-plan-unmatched',
  'plan-year',
  'signature-date',
  'disclosure-deadline',
  'plan-followup',
  'text-recycled',
]);

/** zone: a development zone's or park's 管委会; institution: a 事业单位 (事务中心, 服务中心) that reports like a department. */
const BODY_TYPES = new Set(['ministry', 'province', 'city', 'county', 'joint', 'department', 'zone', 'institution', 'street', 'township', 'draft']);
/** Drafts of our own (draft-*.md): whole texts, source DRAFT_SOURCE, body `draft-<body type>`. */
const DRAFT_SOURCE = 'written for fazhi-lint';

/** Rule ids of the catalogue (../shared/rules.md): entries may name a rule that is not implemented yet. */
const catalogueIds = new Set(
  [...readFileSync(path.join(CORPUS_DIR, '../rules.md'), 'utf8').matchAll(/^\| ([a-z]+(?:-[a-z]+)*) \|/gm)].map((m) => m[1]),
);
const familyOf = new Map<string, string>(allRules.map((r) => [r.meta.id, r.meta.family]));
const FAMILY_FALLBACK: Record<string, string> = { 'figure-missing': 'figures', 'plan-followup': 'lastyear', 'text-recycled': 'lastyear' };
const family = (rule: string) => familyOf.get(rule) ?? FAMILY_FALLBACK[rule] ?? 'other';

interface KnownFalseAlarm {
  file: string;
  rule: string;
  line: number;
  why: string;
}

const rawExpected = JSON.parse(readFileSync(path.join(WILD_DIR, 'expected.json'), 'utf8')) as Record<string, unknown>;
const expected: Record<string, CorpusEntry> = readExpectations(WILD_DIR);
const files = Object.keys(expected);
const known: KnownFalseAlarm[] = JSON.parse(readFileSync(path.join(WILD_DIR, 'known-false-alarms.json'), 'utf8')).entries;

const matches = (f: Finding, m: Expectation) => {
  const lines = linesOf(m);
  return rulesOf(m).includes(f.ruleId) && (!lines || lines.includes(f.line));
};

interface FileResult {
  file: string;
  findings: Finding[];
  /** findings counted (whole-document rules dropped on partial files) */
  counted: Finding[];
  kindOf: Map<Finding, 'true' | 'false' | 'may' | 'unexpected'>;
  metMust: Expectation[];
  missedMust: Expectation[];
  mustNotHits: { finding: Finding; entry: Expectation }[];
  sectionsDiff: { item: string; expected: number | null; got: number | null }[];
  year: { expected: number; got: number | null };
}

function evaluate(file: string): FileResult {
  const entry = expected[file];
  const { findings, checklist, report } = check(readFileSync(path.join(WILD_DIR, file), 'utf8'), { filePath: file });
  const counted = findings.filter((f) => !(entry.partial && WHOLE_DOCUMENT_RULES.has(f.ruleId)));
  const kindOf = new Map<Finding, 'true' | 'false' | 'may' | 'unexpected'>();
  const mustNotHits: FileResult['mustNotHits'] = [];
  for (const f of counted) {
    const notEntry = entry.mustNot.find((m) => matches(f, m));
    if (notEntry) mustNotHits.push({ finding: f, entry: notEntry });
    if (entry.must.some((m) => matches(f, m))) kindOf.set(f, 'true');
    else if (notEntry) kindOf.set(f, 'false');
    else if (entry.may.some((m) => matches(f, m))) kindOf.set(f, 'may');
    else kindOf.set(f, 'unexpected');
  }
  const metMust: Expectation[] = [];
  const missedMust: Expectation[] = [];
  for (const m of entry.must) (counted.some((f) => matches(f, m)) ? metMust : missedMust).push(m);
  const sectionsDiff: FileResult['sectionsDiff'] = [];
  for (const [item, line] of Object.entries(entry.sections)) {
    if (entry.partial && line === null) continue;
    const c = checklist.find((x) => x.item === item);
    const got = c && (c.status === 'section' || c.status === 'merged') ? c.line : null;
    if (got !== line) sectionsDiff.push({ item, expected: line, got });
  }
  return { file, findings, counted, kindOf, metMust, missedMust, mustNotHits, sectionsDiff, year: { expected: entry.year, got: report.year?.year ?? null } };
}

interface Row {
  true: number;
  false: number;
  unexpected: number;
  may: number;
  missed: number;
  mustMet: number;
  mustTotal: number;
  errorFalse: number;
  errorUnexpected: number;
}
const emptyRow = (): Row => ({ true: 0, false: 0, unexpected: 0, may: 0, missed: 0, mustMet: 0, mustTotal: 0, errorFalse: 0, errorUnexpected: 0 });
const precision = (r: Row) => (r.true + r.false + r.unexpected ? r.true / (r.true + r.false + r.unexpected) : null);
const recall = (r: Row) => (r.mustTotal ? r.mustMet / r.mustTotal : null);
const pct = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1) + '%');

function table(results: FileResult[]) {
  const byRule = new Map<string, Row>();
  const row = (rule: string) => byRule.get(rule) ?? byRule.set(rule, emptyRow()).get(rule)!;
  for (const r of results) {
    for (const f of r.counted) {
      const k = r.kindOf.get(f)!;
      const x = row(f.ruleId);
      x[k]++;
      if (f.severity === 'error' && k === 'false') x.errorFalse++;
      if (f.severity === 'error' && k === 'unexpected') x.errorUnexpected++;
    }
    for (const m of r.metMust) for (const rule of rulesOf(m).slice(0, 1)) (row(rule).mustMet++, row(rule).mustTotal++);
    for (const m of r.missedMust) for (const rule of rulesOf(m).slice(0, 1)) (row(rule).missed++, row(rule).mustTotal++);
  }
  const add = (into: Row, r: Row) => (Object.keys(into) as (keyof Row)[]).forEach((k) => (into[k] += r[k]));
  const byFamily = new Map<string, Row>();
  const total = emptyRow();
  for (const [rule, r] of byRule) {
    add(byFamily.get(family(rule)) ?? byFamily.set(family(rule), emptyRow()).get(family(rule))!, r);
    add(total, r);
  }
  return { byRule, byFamily, total };
}

function render(results: FileResult[], t: ReturnType<typeof table>): string {
  const head = ['', 'true', 'false', 'unexp', 'may', 'missed', 'precision', 'recall', 'err-false', 'err-unexp'];
  const line = (name: string, r: Row) => [name, r.true, r.false, r.unexpected, r.may, r.missed, pct(precision(r)), pct(recall(r)), r.errorFalse, r.errorUnexpected];
  const rows: (string | number)[][] = [head];
  for (const rule of [...t.byRule.keys()].sort((a, b) => family(a).localeCompare(family(b)) || a.localeCompare(b))) rows.push(line(rule, t.byRule.get(rule)!));
  rows.push(['']);
  for (const fam of [...t.byFamily.keys()].sort()) rows.push(line(`[${fam}]`, t.byFamily.get(fam)!));
  rows.push(line('TOTAL', t.total));
  const sectionsMissed = results.reduce((n, r) => n + r.sectionsDiff.length, 0);
  const sectionsTotal = results.reduce((n, r) => n + Object.values(expected[r.file].sections).filter((v) => !(expected[r.file].partial && v === null)).length, 0);
  const yearMissed = results.filter((r) => r.year.got !== r.year.expected).length;
  rows.push([`(sections) ${sectionsTotal - sectionsMissed}/${sectionsTotal} right`], [`(year) ${results.length - yearMissed}/${results.length} right`]);
  const widths = head.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => String(c ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

const describeFinding = (f: Finding) => `${f.ruleId}@${f.line}: ${f.message}`;

describe('wild set: expected.json is well formed', () => {
  test('keys are sorted (merges stay easy) and every fixture has an entry', () => {
    const keys = Object.keys(rawExpected).filter((k) => /\.(md|txt)$/.test(k));
    expect(keys).toEqual([...keys].sort());
    const onDisk = readdirSync(WILD_DIR).filter((f) => /\.(md|txt)$/.test(f)).sort();
    expect(onDisk).toEqual(keys);
  });

  for (const file of files) {
    test(`${file}: source, body, known rule ids, no whole-document entries if partial`, () => {
      const e = expected[file];
      if (file.startsWith('draft-')) {
        expect(e.source, 'a draft of our own').toBe(DRAFT_SOURCE);
        expect(e.body ?? '', 'draft body').toMatch(/^draft-/);
        expect(BODY_TYPES.has((e.body ?? '').slice('draft-'.length)), `body "${e.body}"`).toBe(true);
        expect(e.partial, 'a draft is a whole text').toBeFalsy();
      } else {
        expect(e.source, 'source URL').toMatch(/^https?:\/\//);
        expect(BODY_TYPES.has(e.body ?? ''), `body "${e.body}"`).toBe(true);
      }
      expect(typeof e.year).toBe('number');
      const entries = [...e.must, ...e.mustNot, ...e.may];
      for (const m of entries) {
        expect(rulesOf(m).length, JSON.stringify(m)).toBeGreaterThan(0);
        for (const r of rulesOf(m)) expect(catalogueIds.has(r), `rule "${r}" is not in rules.md`).toBe(true);
        expect(m.why, JSON.stringify(m)).toBeTruthy();
      }
      if (e.partial) {
        for (const m of [...e.must, ...e.mustNot]) {
          expect(rulesOf(m).some((r) => WHOLE_DOCUMENT_RULES.has(r)), `partial file: ${JSON.stringify(m)} is about the whole report`).toBe(false);
        }
      }
    });
  }

  test('every known false alarm names a fixture and a mustNot entry that covers it', () => {
    for (const k of known) {
      expect(files, k.file).toContain(k.file);
      expect(k.why).toBeTruthy();
      const covering = expected[k.file].mustNot.some((m) => rulesOf(m).includes(k.rule) && (!linesOf(m) || linesOf(m)!.includes(k.line)));
      expect(covering, `${k.file} ${k.rule}@${k.line} has no mustNot entry`).toBe(true);
    }
  });
});

describe('wild set: measured against the reviewer', () => {
  const results = files.map(evaluate);
  const t = table(results);

  test('table (printed, and written to test-output/wild-report.json)', () => {
    const text = render(results, t);
    console.log(`wild set: ${files.length} files (${files.filter((f) => expected[f].partial).length} partial)\n${text}`);
    const rowJson = (r: Row) => ({ ...r, precision: precision(r), recall: recall(r) });
    const json = {
      files: files.length,
      partial: files.filter((f) => expected[f].partial).length,
      byRule: Object.fromEntries([...t.byRule].sort(([a], [b]) => a.localeCompare(b)).map(([k, r]) => [k, { family: family(k), ...rowJson(r) }])),
      byFamily: Object.fromEntries([...t.byFamily].sort(([a], [b]) => a.localeCompare(b)).map(([k, r]) => [k, rowJson(r)])),
      total: rowJson(t.total),
      perFile: Object.fromEntries(
        results.map((r) => [
          r.file,
          {
            missed: r.missedMust.map((m) => `${rulesOf(m).join('|')}${linesOf(m) ? '@' + linesOf(m)!.join('/') : ''}`),
            falseAlarms: r.counted.filter((f) => r.kindOf.get(f) === 'false').map(describeFinding),
            unexpected: r.counted.filter((f) => r.kindOf.get(f) === 'unexpected').map(describeFinding),
            sections: r.sectionsDiff,
            year: r.year,
          },
        ]),
      ),
    };
    if (!existsSync(path.dirname(REPORT_FILE))) mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    writeFileSync(REPORT_FILE, JSON.stringify(json, null, 2) + '\n');
    expect(t.total.true + t.total.missed).toBeGreaterThan(0);
  });

  const key = (file: string, rule: string, line: number) => `${file}\u0000${rule}\u0000${line}`;
  const knownKeys = new Set(known.map((k) => key(k.file, k.rule, k.line)));
  for (const r of results) {
    test(`${r.file}: no false alarm beyond known-false-alarms.json`, () => {
      const fresh = r.mustNotHits.filter((h) => !knownKeys.has(key(r.file, h.finding.ruleId, h.finding.line)));
      expect(fresh.map((h) => `${describeFinding(h.finding)} — mustNot: ${h.entry.why}`)).toEqual([]);
    });
  }

  test('known-false-alarms.json only shrinks: every listed false alarm still fires (remove the fixed ones)', () => {
    const firing = new Set(results.flatMap((r) => r.mustNotHits.map((h) => key(r.file, h.finding.ruleId, h.finding.line))));
    expect(known.filter((k) => !firing.has(key(k.file, k.rule, k.line))).map((k) => `${k.file} ${k.rule}@${k.line}: ${k.why}`)).toEqual([]);
  });
});
