/**
 * A rule page (docs/rules/<id>.md) as HTML for the offline page, read with the same remark parser the core uses
 * (already in the worker, so the pages cost nothing more). Everything is escaped; raw HTML in a page is shown as
 * text. A link to another rule page becomes an in-page link (data-rule); other links keep their address.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Parents } from 'mdast';

const processor = unified().use(remarkParse);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const RULE_LINK = /^(?:\.\/)?([a-z][a-z-]*)\.md(?:#.*)?$/;

function children(node: Parents): string {
  return node.children.map((c) => render(c as Nodes)).join('');
}

function render(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return children(node);
    case 'heading':
      return `<h${node.depth + 1}>${children(node)}</h${node.depth + 1}>`;
    case 'paragraph':
      return `<p>${children(node)}</p>`;
    case 'text':
      return escapeHtml(node.value);
    case 'emphasis':
      return `<em>${children(node)}</em>`;
    case 'strong':
      return `<strong>${children(node)}</strong>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start != null && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>${children(node)}</${tag}>`;
    }
    case 'listItem':
      // tight list items hold one paragraph: without its <p> the list stays compact
      return `<li>${node.children.map((c) => (node.spread || c.type !== 'paragraph' ? render(c) : children(c))).join('')}</li>`;
    case 'blockquote':
      return `<blockquote>${children(node)}</blockquote>`;
    case 'thematicBreak':
      return '<hr>';
    case 'break':
      return '<br>';
    case 'html':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'link': {
      const rule = RULE_LINK.exec(node.url);
      if (rule) return `<a href="#" data-rule="${escapeHtml(rule[1])}">${children(node)}</a>`;
      return `<a href="${escapeHtml(node.url)}" target="_blank" rel="noopener noreferrer">${children(node)}</a>`;
    }
    default:
      return 'children' in node ? children(node as Parents) : 'value' in node ? escapeHtml(String(node.value)) : '';
  }
}

export function markdownToHtml(markdown: string): string {
  return render(processor.parse(markdown));
}
