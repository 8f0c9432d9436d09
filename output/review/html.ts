/**
 * `--format html`: one self-contained page a reviewer can read, print, sign and send back. Styles are inlined and
 * nothing is loaded from anywhere (it opens from file:// on a machine with no network); the only script sorts the
 * summary table, and everything reads and prints without it. Print: A4, each report from a new page with its name
 * as the running header (CSS named pages), long lines wrapped rather than cut at the margin.
 */
import type { Language } from '../../rules/index.js';
import { ruleText, ui, format } from '../../rules/messages/index.js';
import { reviewText, SHORT_ITEM, SHORT_STATUS } from '../../rules/messages/review.js';
import { dateText as writtenDate } from '../../rules/messages/draft.js';
import {
  basisOf,
  countsOf,
  displayName,
  FAMILIES,
  opinionOf,
  SEVERITIES,
  type ReviewedReport,
  type ReviewFinding,
} from './model.js';

export interface HtmlOptions {
  lang: Language;
  /** shown under the title: when the review was made (left out when absent, so output is reproducible) */
  generatedAt?: string;
}

const ITEMS = ['measures', 'problems', 'first-responsible', 'plans', 'other'] as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal: the running header is generated content, so quotes, backslashes and line breaks are escaped. */
function cssString(s: string): string {
  return '"' + s.replace(/[\\"]/g, (c) => '\\' + c).replace(/[\r\n\u2028\u2029]/g, ' ') + '"';
}

function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function dateText(d: { year: number; month: number; day: number } | null, lang: Language): string {
  if (!d) return reviewText(lang).unknown;
  return lang === 'en' ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : writtenDate(d);
}

function onTimeText(r: ReviewedReport, lang: Language): string {
  const t = reviewText(lang);
  return r.onTime === null ? t.unknown : r.onTime ? t.onTimeYes : t.onTimeNo;
}

function previousText(r: ReviewedReport, lang: Language): string {
  const t = reviewText(lang);
  return r.previous ? format(t.previousFollowed, r.previous as unknown as Record<string, number>) : t.noPrevious;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 10.5pt; line-height: 1.55;
  color: #111; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 .3rem; }
h2 { font-size: 14pt; margin: 0 0 .6rem; border-bottom: 2px solid #222; padding-bottom: .2rem; }
h3 { font-size: 11.5pt; margin: 1rem 0 .4rem; }
.sub { text-align: center; color: #555; font-size: 9pt; margin: 0 0 1rem; }
.note { color: #444; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }
th, td { border: 1px solid #888; padding: .15rem .3rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eee; font-weight: bold; }
table.summary { font-size: 8pt; }
table.summary th { cursor: pointer; }
table.summary td.num, table.summary th.num { text-align: right; white-space: nowrap; }
table.checklist td:nth-child(2), table.checklist td:nth-child(3) { white-space: nowrap; }
td.st-missing { background: #fde2e2; font-weight: bold; }
td.st-inside, td.st-merged { background: #fff4d6; }
td.late { background: #fde2e2; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0 0 .6rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
ol.findings { list-style: none; padding: 0; margin: 0; }
ol.findings li { border-left: 4px solid #999; padding: .2rem .5rem; margin: 0 0 .5rem; break-inside: avoid; }
ol.findings li.error { border-color: #c62828; }
ol.findings li.warning { border-color: #ef8f00; }
ol.findings li.info { border-color: #1e6fb8; }
.where { font-weight: bold; }
.sev { display: inline-block; font-size: 8pt; padding: 0 .3rem; border-radius: 3px; color: #fff; background: #777; margin-right: .3rem; }
.sev.error { background: #c62828; } .sev.warning { background: #b86e00; } .sev.info { background: #1e6fb8; }
.excerpt { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #f6f6f6; padding: .15rem .35rem; margin: .2rem 0;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; }
mark { background: #ffe066; color: inherit; text-decoration: underline wavy #c62828; }
.rule { font-family: monospace; font-size: 8.5pt; color: #333; }
.basis { font-size: 8.5pt; color: #333; margin: .1rem 0 0; }
.basis q { quotes: "“" "”"; }
.opinion { border: 1.5px solid #222; padding: .6rem .8rem; margin-top: 1rem; break-inside: avoid; }
.opinion p { margin: .2rem 0; text-indent: 2em; }
.sign { display: flex; justify-content: flex-end; gap: 4rem; margin-top: 1.2rem; }
section.report { margin-top: 2rem; }
@page { size: A4; margin: 16mm 15mm 16mm 15mm; @bottom-center { content: counter(page); font-size: 9pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section.report { break-before: page; margin-top: 0; }
  section.report:first-child { break-before: auto; }
  table.summary th { cursor: auto; }
  .noprint { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

const SORT_SCRIPT = `
document.querySelectorAll('table.summary').forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
      table.querySelectorAll('th').forEach(function (h) { delete h.dataset.dir; });
      th.dataset.dir = dir;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort || a.cells[col].textContent, y = b.cells[col].dataset.sort || b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh-CN');
        return dir === 'asc' ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

export function renderReviewHtml(reports: readonly ReviewedReport[], opts: HtmlOptions): string {
  const { lang } = opts;
  const t = reviewText(lang);
  const pageRules: string[] = [];
  const summaryName = t.summaryTitle;
  pageRules.push(`@page summary { size: A4 landscape; @top-center { content: ${cssString(t.documentTitle + ' · ' + summaryName)}; font-size: 8.5pt; color: #555; } }`);
  const sections = reports.map((r, i) => {
    pageRules.push(`@page r${i + 1} { @top-center { content: ${cssString(displayName(r, lang))}; font-size: 8.5pt; color: #555; } }`);
    return renderReport(r, i, lang);
  });
  const withSummary = reports.length > 1;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  // nothing from the network, ever: not even a favicon request
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`);
  out.push('<link rel="icon" href="data:,">');
  out.push(`<title>${escapeHtml(withSummary ? t.documentTitle : t.documentTitle + ' · ' + displayName(reports[0] ?? emptyReport(), lang))}</title>`);
  out.push(`<style>${STYLE}\n${pageRules.join('\n')}\nsection.summary { page: summary; }\n${reports.map((_, i) => `section#r${i + 1} { page: r${i + 1}; }`).join('\n')}</style>`);
  out.push('</head><body>');
  // the document's title opens the first section, so it prints on that section's (named) page, not on one of its own
  const title = `<h1>${escapeHtml(t.documentTitle)}</h1>\n<p class="sub">${escapeHtml(t.generatedBy)}${opts.generatedAt ? ' · ' + escapeHtml(opts.generatedAt) : ''}</p>`;
  if (withSummary) out.push(renderSummary(reports, lang, title), ...sections);
  else out.push(...sections.map((s, i) => (i === 0 ? s.replace('>', '>\n' + title) : s)));
  if (withSummary) out.push(`<script>${SORT_SCRIPT}</script>`);
  out.push('</body></html>');
  return out.join('\n') + '\n';
}

function emptyReport(): ReviewedReport {
  return { filePath: '', organ: null, year: null, date: null, deadline: null, onTime: null, checklist: [], findings: [], previous: null };
}

/** The columns of the summary table, shared by the HTML page and the CSV file so both always agree. */
export interface SummaryColumn {
  header: string;
  numeric: boolean;
  cell(r: ReviewedReport, index: number): { text: string; sort?: string; className?: string };
}

export function summaryColumns(lang: Language): SummaryColumn[] {
  const t = reviewText(lang);
  const short = SHORT_STATUS[lang];
  const cols: SummaryColumn[] = [
    { header: t.colIndex, numeric: true, cell: (_r, i) => ({ text: String(i + 1) }) },
    { header: t.colOrgan, numeric: false, cell: (r) => ({ text: r.organ ?? t.unknown }) },
    { header: t.colYear, numeric: true, cell: (r) => ({ text: r.year === null ? t.unknown : String(r.year), sort: String(r.year ?? -1) }) },
    { header: t.colFile, numeric: false, cell: (r) => ({ text: fileName(r.filePath) }) },
  ];
  for (const item of ITEMS) {
    cols.push({
      header: SHORT_ITEM[lang][item],
      numeric: false,
      cell: (r) => {
        const c = r.checklist.find((x) => x.item === item);
        const status = c?.status ?? 'missing';
        // the fifth item is optional: missing is not a defect there
        const className = item === 'other' && status === 'missing' ? '' : `st-${status}`;
        return { text: short[status], className };
      },
    });
  }
  for (const fam of FAMILIES) cols.push({ header: ui(lang, `family_${fam}`), numeric: true, cell: (r) => ({ text: String(countsOf(r).byFamily[fam]) }) });
  const sevHeader = { error: t.colErrors, warning: t.colWarnings, info: t.colInfos };
  for (const sev of SEVERITIES) cols.push({ header: sevHeader[sev], numeric: true, cell: (r) => ({ text: String(countsOf(r).bySeverity[sev]) }) });
  cols.push({
    header: t.colDate,
    numeric: false,
    cell: (r) => ({ text: dateText(r.date, lang), sort: r.date ? String(r.date.year * 10000 + r.date.month * 100 + r.date.day) : '0' }),
  });
  cols.push({ header: t.colOnTime, numeric: false, cell: (r) => ({ text: onTimeText(r, lang), className: r.onTime === false ? 'late' : '' }) });
  cols.push({ header: t.colPrevious, numeric: false, cell: (r) => ({ text: previousText(r, lang) }) });
  return cols;
}

function renderSummary(reports: readonly ReviewedReport[], lang: Language, title: string): string {
  const t = reviewText(lang);
  const cols = summaryColumns(lang);
  const head = cols.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`).join('');
  const rows = reports.map((r, i) => {
    const cells = cols.map((c) => {
      const v = c.cell(r, i);
      const cls = [c.numeric ? 'num' : '', v.className ?? ''].filter(Boolean).join(' ');
      const text = c === cols[3] ? `<a href="#r${i + 1}">${escapeHtml(v.text)}</a>` : escapeHtml(v.text);
      return `<td${cls ? ` class="${cls}"` : ''}${v.sort !== undefined ? ` data-sort="${escapeHtml(v.sort)}"` : ''}>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<section class="summary" id="summary">',
    title,
    `<h2>${escapeHtml(t.summaryTitle)} <span class="note noprint">（${escapeHtml(t.sortHint)}）</span></h2>`,
    `<table class="summary"><thead><tr>${head}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table>',
    `<p class="note">${escapeHtml(t.summaryNote)}</p>`,
    '</section>',
  ].join('\n');
}

function renderReport(r: ReviewedReport, i: number, lang: Language): string {
  const t = reviewText(lang);
  const out: string[] = [];
  out.push(`<section class="report" id="r${i + 1}">`);
  out.push(`<h2>${escapeHtml(displayName(r, lang))}</h2>`);
  out.push('<dl class="meta">');
  out.push(`<dt>${escapeHtml(t.metaOrgan)}</dt><dd>${escapeHtml(r.organ ?? t.unknown)}</dd>`);
  out.push(`<dt>${escapeHtml(t.metaYear)}</dt><dd>${escapeHtml(r.year === null ? t.unknown : String(r.year))}</dd>`);
  out.push(`<dt>${escapeHtml(t.metaFile)}</dt><dd>${escapeHtml(r.filePath)}</dd>`);
  out.push(`<dt>${escapeHtml(t.metaDate)}</dt><dd>${escapeHtml(r.date ? r.date.raw : t.unknown)}</dd>`);
  if (r.deadline) {
    const late = r.onTime === false ? ` <strong>${escapeHtml(t.colOnTime)}：${escapeHtml(t.onTimeNo)}</strong>` : '';
    out.push(`<dt>${escapeHtml(t.metaDeadline)}</dt><dd>${escapeHtml(format(t.deadlineText, { date: dateText(r.deadline, lang) }))}${late}</dd>`);
  }
  out.push(`<dt>${escapeHtml(t.colPrevious)}</dt><dd>${escapeHtml(previousText(r, lang))}</dd>`);
  out.push('</dl>');

  out.push(`<h3>${escapeHtml(t.checklistTitle)}</h3>`);
  out.push(`<table class="checklist"><thead><tr><th>${escapeHtml(t.colItem)}</th><th>${escapeHtml(t.colStatus)}</th><th>${escapeHtml(t.colLine)}</th><th>${escapeHtml(t.colHeading)}</th></tr></thead><tbody>`);
  for (const c of r.checklist) {
    const cls = c.item === 'other' && c.status === 'missing' ? '' : ` class="st-${c.status}"`;
    out.push(
      `<tr><td>${escapeHtml(ui(lang, `item_${c.item}`))}</td><td${cls}>${escapeHtml(ui(lang, `status_${c.status}`))}</td><td>${c.line ?? '—'}</td><td>${escapeHtml(shorten(c.heading ?? '', 80))}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  out.push(`<h3>${escapeHtml(t.findingsTitle)}（${r.findings.length}）</h3>`);
  if (!r.findings.length) out.push(`<p>${escapeHtml(t.noFindings)}</p>`);
  for (const fam of [...FAMILIES, 'other' as const]) {
    const fs = r.findings.filter((f) => f.family === fam);
    if (!fs.length) continue;
    out.push(`<h3>${escapeHtml(fam === 'other' ? t.ruleLabel : ui(lang, `family_${fam}`))}（${fs.length}）</h3>`);
    out.push('<ol class="findings">');
    for (const f of fs) out.push(renderFinding(f, lang));
    out.push('</ol>');
  }

  const opinion = opinionOf(r, lang);
  out.push('<div class="opinion">');
  out.push(`<h3>${escapeHtml(t.opinionTitle)}</h3>`);
  out.push(`<p>${escapeHtml(opinion.intro)}</p>`);
  for (const line of opinion.numbered) out.push(`<p>${escapeHtml(line)}</p>`);
  out.push(`<p class="note">${escapeHtml(opinion.close)}</p>`);
  out.push(`<div class="sign"><span>${escapeHtml(t.reviewer)}</span><span>${escapeHtml(t.reviewDate)}</span></div>`);
  out.push('</div>');
  out.push('</section>');
  return out.join('\n');
}

function renderFinding(f: ReviewFinding, lang: Language): string {
  const t = reviewText(lang);
  const sev = ui(lang, `severity_${f.severity}`);
  const e = f.excerpt;
  const excerpt =
    (e.cutBefore ? '…' : '') + escapeHtml(e.before) + `<mark>${escapeHtml(e.marked) || '&#8203;'}</mark>` + escapeHtml(e.after) + (e.cutAfter ? '…' : '');
  const basis = basisOf(f.ruleId)
    .map((b) =>
      b.quote
        ? `<p class="basis">${escapeHtml(t.basisLabel)}：${escapeHtml(b.name)} <q>${escapeHtml(b.quote)}</q></p>`
        : `<p class="basis">${escapeHtml(t.basisLabel)}：${escapeHtml(b.name)} ${escapeHtml(t.paraphrased)}</p>`,
    )
    .join('');
  const title = ruleText(lang, f.ruleId)?.title ?? f.ruleId;
  return [
    `<li class="${f.severity}">`,
    `<div><span class="sev ${f.severity}">${escapeHtml(sev)}</span><span class="where">${escapeHtml(format(t.lineLabel, { line: f.line }))}</span> ${escapeHtml(f.message)}</div>`,
    `<div class="excerpt">${excerpt}</div>`,
    `<div class="rule">${escapeHtml(t.ruleLabel)}：<a href="${escapeHtml(f.docsUrl)}">${escapeHtml(f.ruleId)}</a> · ${escapeHtml(title)}</div>`,
    basis,
    '</li>',
  ].join('');
}

function shorten(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.length <= n ? s : cps.slice(0, n).join('') + '…';
}
