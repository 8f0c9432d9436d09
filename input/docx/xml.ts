/**
 * The XML layer of the .docx reader: saxes (a streaming, non-validating parser that never expands DTD entities,
 * so an entity bomb in a crafted part cannot blow up) with namespaces resolved, so `w:` is matched by its URI
 * and not by whatever prefix a producer chose.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** WordprocessingML, transitional (Word, WPS, LibreOffice) and strict (Word's "Strict Open XML"). */
export const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface Tag {
  /** local name when the element is in the WordprocessingML namespace, else `{uri}local` */
  name: string;
  /** attribute values by local name (WordprocessingML attributes) and by qualified name (others) */
  attrs: Record<string, string>;
}

export interface XmlHandlers {
  open(tag: Tag): void;
  close(name: string): void;
  text(text: string): void;
}

function tagOf(t: SaxesTagNS): Tag {
  const name = t.uri && W_NS.has(t.uri) ? t.local : `{${t.uri ?? ''}}${t.local}`;
  const attrs: Record<string, string> = {};
  for (const a of Object.values(t.attributes)) {
    if (a.uri && W_NS.has(a.uri)) attrs[a.local] = a.value;
    else attrs[a.name] = a.value;
  }
  return { name, attrs };
}

/** Stream an XML part through handlers. Throws on malformed XML (the caller turns that into a typed error). */
export function streamXml(xml: string, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (t) => h.open(tagOf(t as SaxesTagNS)));
  parser.on('closetag', (t) => {
    const tag = t as SaxesTagNS;
    h.close(tag.uri && W_NS.has(tag.uri) ? tag.local : `{${tag.uri ?? ''}}${tag.local}`);
  });
  parser.on('text', (s) => h.text(s));
  parser.on('cdata', (s) => h.text(s));
  parser.write(xml).close();
  if (failure) throw failure;
}

export interface XmlElement extends Tag {
  children: XmlElement[];
}

/**
 * A small part (numbering.xml, styles.xml) as a tree of elements (text dropped). Markup-compatibility
 * wrappers are flattened: both `mc:Choice` and `mc:Fallback` children appear in place, and the reader picks.
 */
export function parseTree(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  streamXml(xml, {
    open(tag) {
      const el: XmlElement = { ...tag, children: [] };
      stack[stack.length - 1].children.push(el);
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    text() {},
  });
  return root;
}

const MC_WRAPPERS = new Set([`{${MC_NS}}AlternateContent`, `{${MC_NS}}Choice`, `{${MC_NS}}Fallback`]);

/** Children of an element with markup-compatibility wrappers looked through. */
export function kids(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (MC_WRAPPERS.has(c.name)) visit(c);
      else if (name === undefined || c.name === name) out.push(c);
    }
  };
  visit(el);
  return out;
}

export function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? kids(el, name)[0] : undefined;
}

/** Every element of the given name in a subtree, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}

/** OOXML on/off values: absent val means on. */
export function isOn(el: XmlElement | Tag | undefined): boolean {
  if (!el) return false;
  const v = el.attrs.val;
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

/** XML bytes → string: UTF-8 unless a BOM says UTF-16 (the only encodings OOXML allows). */
export function xmlText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
}
