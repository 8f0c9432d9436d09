/** The year a report covers: from its title, else the first sentence of its body, else front matter `year:`. */
import type { Block } from './parse.js';
import type { Frame } from './frame.js';
import { yearIn } from './year-text.js';
import { firstSentence } from './sentence.js';

export { yearIn };

export interface ReportYear {
  year: number;
  from: 'title' | 'body' | 'frontmatter';
  block: Block | null;
}

export function findYear(blocks: readonly Block[], frame: Frame, frontmatter: string | null): ReportYear | null {
  if (frame.title) {
    for (const copy of [...frame.titleCopies].reverse()) {
      const y = yearIn(copy);
      if (y) return { year: y, from: 'title', block: frame.title };
    }
  }
  for (let i = frame.bodyStart; i < frame.bodyEnd; i++) {
    if (frame.chrome.has(i)) continue;
    const text = blocks[i].norm.text;
    const y = yearIn(firstSentence(text));
    if (y) return { year: y, from: 'body', block: blocks[i] };
    break;
  }
  if (frontmatter) {
    const m = /^year\s*:\s*['"]?(\d{4})/m.exec(frontmatter);
    if (m) return { year: Number(m[1]), from: 'frontmatter', block: null };
  }
  return null;
}
