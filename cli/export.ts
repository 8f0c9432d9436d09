/**
 * fazhi-lint export DRAFT.md [-o DRAFT.docx]: a draft as a Word document in the official-document form of
 * GB/T 9704-2012 (output/docx). The draft is read as the checker reads it (any encoding it accepts, or a .docx's
 * text view); the output never replaces the input, and is written atomically.
 */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { say, ui, type Language } from '../rules/index.js';
import { problemText, readView } from '../node/index.js';
import { exportDocx } from '../output/docx/export.js';
import { writeAtomic } from './write.js';
import type { Io } from './main.js';


export async function runExport(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.stderr(`fazhi-lint: ${(err as Error).message}\n${say('zh-CN', 'cli_exportUsage')}\n`);
    return 2;
  }
  const lang: Language = parsed.values.lang === 'en' ? 'en' : 'zh-CN';
  const usage = say(lang, 'cli_exportUsage');
  if (parsed.values.help) {
    io.stdout(usage + '\n');
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`fazhi-lint: ${ui(lang, 'export_oneDraft')}\n${usage}\n`);
    return 2;
  }
  const input = path.resolve(io.cwd, parsed.positionals[0]);
  const shown = path.relative(io.cwd, input) || parsed.positionals[0];
  const output = path.resolve(io.cwd, parsed.values.output ?? input.replace(/\.(md|markdown|txt|docx)$/i, '') + '.docx');
  if (output === input) {
    io.stderr(`fazhi-lint: ${ui(lang, 'export_sameFile', { file: shown })}\n`);
    return 2;
  }
  const read = readView(input, { roots: [io.cwd, path.dirname(input)] });
  if (!read.ok) {
    io.stderr(`fazhi-lint: ${problemText(lang, shown, read.problem)}\n`);
    return 2;
  }
  const bytes = await exportDocx(read.view.text, { filePath: input });
  try {
    writeAtomic(output, bytes);
  } catch (err) {
    io.stderr(`fazhi-lint: ${ui(lang, 'unwritable', { file: path.relative(io.cwd, output), reason: (err as NodeJS.ErrnoException).code ?? String(err) })}\n`);
    return 2;
  }
  io.stdout(ui(lang, 'export_done', { file: path.relative(io.cwd, output) }) + '\n');
  return 0;
}
