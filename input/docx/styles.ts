/**
 * Paragraph styles, as far as the text view needs them: numbering that comes from a style (Word's 标题 1 linked
 * to a multi-level list) and the outline level a style gives its paragraphs (for headings in a Markdown draft).
 */
import { kid, kids, type XmlElement } from './xml.js';

export interface StyleInfo {
  id: string;
  name: string;
  numId?: string;
  ilvl?: number;
  /** 0-based outline level (w:outlineLvl; 9 = body text) */
  outlineLevel?: number;
}

export type Styles = Map<string, StyleInfo>;

export interface StyleTable {
  styles: Styles;
  /** the default paragraph style's id */
  defaultId?: string;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;

export function readStyles(root: XmlElement | undefined): StyleTable {
  const raw = new Map<string, { info: StyleInfo; basedOn?: string }>();
  let defaultId: string | undefined;
  const stylesEl = root ? kid(root, 'styles') : undefined;
  for (const s of stylesEl ? kids(stylesEl, 'style') : []) {
    const type = s.attrs.type ?? 'paragraph';
    if (type !== 'paragraph' && type !== 'numbering') continue;
    const id = s.attrs.styleId ?? '';
    const pPr = kid(s, 'pPr');
    const numPr = kid(pPr, 'numPr');
    const ilvl = kid(numPr, 'ilvl')?.attrs.val;
    const outline = kid(pPr, 'outlineLvl')?.attrs.val;
    const name = kid(s, 'name')?.attrs.val ?? id;
    const heading = HEADING_NAME.exec(name);
    const info: StyleInfo = {
      id,
      name,
      numId: kid(numPr, 'numId')?.attrs.val,
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      outlineLevel: outline !== undefined ? Number(outline) : heading ? Number(heading[1]) - 1 : undefined,
    };
    if (type === 'paragraph' && s.attrs.default && s.attrs.default !== '0' && s.attrs.default !== 'false') defaultId = id;
    raw.set(id, { info, basedOn: kid(s, 'basedOn')?.attrs.val });
  }
  // inherit through basedOn (numbering and outline level), guarding against cycles
  const styles: Styles = new Map();
  const resolve = (id: string, seen: Set<string>): StyleInfo | undefined => {
    const done = styles.get(id);
    if (done) return done;
    const r = raw.get(id);
    if (!r) return undefined;
    let info = r.info;
    if (r.basedOn && !seen.has(r.basedOn)) {
      seen.add(r.basedOn);
      const base = resolve(r.basedOn, seen);
      if (base) {
        info = {
          ...info,
          numId: info.numId ?? base.numId,
          ilvl: info.numId !== undefined ? info.ilvl : info.ilvl ?? base.ilvl,
          outlineLevel: info.outlineLevel ?? base.outlineLevel,
        };
      }
    }
    styles.set(id, info);
    return info;
  };
  for (const id of raw.keys()) resolve(id, new Set([id]));
  return { styles, defaultId };
}
