/** `--checklist`: each file's statutory checklist, one item a line. */
import { profileLabel, ui } from '../../rules/index.js';
import type { FileResult, FormatContext } from '../result.js';

const MARK = { section: '✔', merged: '◐', inside: '◐', missing: '✖' } as const;
const OPTIONAL_MISSING = '○';

export function formatChecklist(r: FileResult, ctx: FormatContext): string {
  const lines = [`  ${ui(ctx.lang, 'checklistTitle')}:`];
  if (r.profile) lines.push(`    ${ui(ctx.lang, 'profileTitle')}${ctx.lang === 'en' ? ': ' : '：'}${profileLabel(ctx.lang, r.profile)}`);
  for (const c of r.checklist) {
    const where = c.line ? `（${ctx.lang === 'en' ? 'line' : '第'}${c.line}${ctx.lang === 'en' ? '' : '行'}${c.heading ? `：${c.heading}` : ''}）` : '';
    lines.push(`    ${c.item === 'other' && c.status === 'missing' ? OPTIONAL_MISSING : MARK[c.status]} ${ui(ctx.lang, `item_${c.item}`)} — ${ui(ctx.lang, `status_${c.status}`)}${where}`);
  }
  return lines.join('\n');
}
