/** Source positions. Offsets are UTF-16 code units into the original text, as editors count them. */

export interface Range {
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based column in UTF-16 code units */
  character: number;
}

/** Line starts of a text; CRLF, LF and lone CR all end a line. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing the offset. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    const end = this.lineEnd(Math.max(0, pos.line));
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** Offset just before the line terminator of a 0-based line. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

/** Is offset i strictly inside a surrogate pair of s (between its high and its low half)? */
export function splitsPair(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const hi = s.charCodeAt(i - 1);
  const lo = s.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** The offset itself, or one unit before it when it would cut a surrogate pair (𠮷 and other Extension B characters). */
export function codePointFloor(s: string, i: number): number {
  return splitsPair(s, i) ? i - 1 : i;
}

/**
 * s without lone surrogate halves and U+FFFD: what a fix may copy of a damaged draft into the text it writes
 * (a quotation of a clause must not write one more broken character into the file).
 */
export function withoutBrokenCharacters(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/g, '');
}

/**
 * How many units withoutBrokenCharacters would take out of s.slice(from, to), counted in place: the engine asks it of
 * every edit of every fix (a whole-report fix has hundreds), and the replace built two strings for each.
 */
export function brokenCount(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd) n++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < to ? s.charCodeAt(i + 1) : -1;
      if (next < 0xdc00 || next > 0xdfff) n++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      const prev = i > from ? s.charCodeAt(i - 1) : -1;
      if (prev < 0xd800 || prev > 0xdbff) n++;
    }
  }
  return n;
}

/** At most `max` UTF-16 units of s from its start, never cutting a surrogate pair, with `…` when cut. */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  return s.length > max ? s.slice(0, codePointFloor(s, max)) + ellipsis : s;
}

/** At most `max` UTF-16 units of s from its end, never cutting a surrogate pair, with `…` before when cut. */
export function truncateStart(s: string, max: number, ellipsis = '…'): string {
  if (s.length <= max) return s;
  const from = s.length - max;
  return ellipsis + s.slice(splitsPair(s, from) ? from + 1 : from);
}

/**
 * Bytes of s in UTF-8, as the file on disk holds it (a Han character is 3, a surrogate pair 4, a lone surrogate
 * the 3 of the U+FFFD it is written as). Size limits are in bytes: a UTF-16 count puts a 5 MB Chinese file at 1.7.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A size in bytes as the messages show it: 2.1 MB. */
export function sizeText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Is s over `limit` bytes in UTF-8? Counts only when its length leaves it in doubt (1 to 3 bytes a unit). */
export function utf8Exceeds(s: string, limit: number): boolean {
  if (s.length > limit) return true;
  if (s.length * 3 <= limit) return false;
  return utf8Length(s) > limit;
}

/** The CJK character class, the one definition (basic block, extension A, compatibility ideographs). */
export const CJK_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export const CJK = new RegExp(`[${CJK_CLASS}]`);
export const CJK_G = new RegExp(`[${CJK_CLASS}]`, 'g');

/** Is the UTF-16 unit one of CJK_CLASS? For loops over char codes, where a regex a unit would be slow. */
export function isCjkCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** UTF-16 units of CJK_CLASS in s (what `s.match(CJK_G).length` counts), by char code: no array of one-character strings. */
export function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isCjkCode(s.charCodeAt(i))) n++;
  return n;
}

/** A value computed once, on first use. */
export function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
