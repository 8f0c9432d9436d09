/**
 * `--format csv`: the summary table for a spreadsheet. UTF-8 with a byte-order mark so Excel and WPS read the Chinese
 * correctly, CRLF row ends, RFC 4180 quoting, and always the same columns as the HTML summary (one definition).
 */
import type { Language } from '../../rules/index.js';
import { summaryColumns } from './html.js';
import type { ReviewedReport } from './model.js';

export const BOM = '\uFEFF';

function field(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReviewCsv(reports: readonly ReviewedReport[], lang: Language): string {
  const cols = summaryColumns(lang);
  const rows = [cols.map((c) => field(c.header)).join(',')];
  reports.forEach((r, i) => rows.push(cols.map((c) => field(c.cell(r, i).text)).join(',')));
  return BOM + rows.join('\r\n') + '\r\n';
}
