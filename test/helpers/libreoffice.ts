/**
 * LibreOffice as a real word processor for the .docx tests: it makes .docx files from ODT/HTML fixtures, and its own
 * text export is the independent oracle for what the reader renders. Conversions are cached by content hash in
 * .cache/docx-oracle/, so LibreOffice runs once per new input, not once per test run. LibreOffice missing is a
 * failure with the command that installs it (scripts/docx-oracle-setup.sh, which .ci/run calls), never a skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, '.cache', 'docx-oracle');

export function soffice(): string {
  const r = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  const bin = r.stdout.trim();
  if (!bin) throw new Error('LibreOffice (soffice) is not installed: run `bash scripts/docx-oracle-setup.sh` (Debian libreoffice-writer-nogui). The .docx oracle tests need it.');
  return bin;
}

export type Target = 'docx' | 'txt' | 'pdf';
const FILTER: Record<Target, string> = { docx: 'docx:MS Word 2007 XML', txt: 'txt:Text (encoded):UTF8', pdf: 'pdf:writer_pdf_Export' };

/** Convert each input (name with its extension → bytes) to the target; one LibreOffice run for all that are not cached. */
export function convert(inputs: Record<string, Uint8Array | string>, target: Target): Record<string, Uint8Array> {
  mkdirSync(CACHE, { recursive: true });
  const out: Record<string, Uint8Array> = {};
  const todo: { name: string; bytes: Uint8Array; cached: string }[] = [];
  for (const [name, data] of Object.entries(inputs)) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const hash = createHash('sha256').update(target).update(path.extname(name)).update(bytes).digest('hex').slice(0, 32);
    const cached = path.join(CACHE, `${hash}.${target}`);
    if (existsSync(cached)) out[name] = readFileSync(cached);
    else todo.push({ name, bytes, cached });
  }
  if (todo.length === 0) return out;
  const bin = soffice();
  const work = mkdtempSync(path.join(tmpdir(), 'fz-lo-'));
  try {
    const files = todo.map((t, i) => {
      const file = path.join(work, `in${i}${path.extname(t.name)}`);
      writeFileSync(file, t.bytes);
      return file;
    });
    // a profile of its own: parallel test workers must not share LibreOffice's user installation lock
    execFileSync(bin, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', '--convert-to', FILTER[target], '--outdir', path.join(work, 'out'), ...files], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    todo.forEach((t, i) => {
      const produced = path.join(work, 'out', `in${i}.${target}`);
      if (!existsSync(produced)) throw new Error(`LibreOffice did not convert ${t.name} to ${target}`);
      const bytes = readFileSync(produced);
      const tmp = `${t.cached}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, t.cached);
      out[t.name] = bytes;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** LibreOffice's text export as lines: BOM dropped, the indentation it gives list levels and all spacing removed. */
export function oracleLines(txt: Uint8Array): string[] {
  const text = Buffer.from(txt).toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(squeeze);
}

/** Compare texts without any white space: LibreOffice puts a space after every list label, Word's suffix may be none. */
export const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');
