// Allow-list HTML sanitiser for record bodies (政府信息正文) and its plain-text companion.
//
// sanitizeRichText keeps a small set of structural elements (h2–h4, p, br, lists, tables, links,
// emphasis, blockquote) and a few attributes (th scope, td/th colspan/rowspan, a href with an
// http(s)/mailto/relative URL). Script-like elements (script, style, iframe, object, svg, …) are
// dropped with their content; comments, doctypes and processing instructions are dropped; any other
// tag is unwrapped: its text stays, the tag goes (a <span style="font-family:仿宋"> pasted from Word
// leaves only its words). Headings h1 / h5 / h6 become h2 / h4, so a pasted 标题 1 stays a heading.
// The output is well-formed and the function is idempotent.
//
// Parsing and serialising are done by sanitize-html (htmlparser2), a kept and widely used sanitiser
// (docs/adr/0012-rich-text-editor-and-sanitiser.md); this file only holds the policy.
import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';
import { cleanWordHtml } from './word-paste.ts';

/** Elements kept in the output. */
const ALLOWED = [
  'h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  'strong', 'em', 'b', 'i', 'u', 'a', 'blockquote',
];

/** Elements dropped together with everything inside them. */
const DROP_WITH_CONTENT = [
  'script', 'style', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'noscript', 'noembed',
  'noframes', 'template', 'svg', 'math', 'xmp', 'textarea', 'title', 'head', 'select', 'audio', 'video',
  'canvas', 'plaintext', 'option',
];

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', middot: '·', bull: '•', times: '×', divide: '÷', plusmn: '±', deg: '°',
  copy: '©', reg: '®', trade: '™', yen: '¥', cent: '¢', pound: '£', euro: '€', sect: '§', para: '¶',
  permil: '‰', le: '≤', ge: '≥', ne: '≠', larr: '←', rarr: '→', uarr: '↑', darr: '↓', colon: ':',
  tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/', num: '#', percnt: '%', excl: '!',
};

/** Decodes character references (named ones from a common list, and numeric ones). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    // Named references need their semicolon (the legacy forms without it are not decoded: they stay
    // as typed, which is what a reader expects of "AT&T" or "?a=1&lt=2").
    const named = NAMED_ENTITIES[ref];
    return named !== undefined && whole.endsWith(';') ? named : whole;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function safeHref(value: string): string | null {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  if (!cleaned) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (scheme) {
    const s = scheme[1]!.toLowerCase();
    return s === 'http' || s === 'https' || s === 'mailto' ? value.trim() : null;
  }
  // No scheme: a relative URL. A colon before the first / ? # would be read as a scheme by some
  // parsers; refuse it.
  const firstDelim = cleaned.search(/[/?#]/);
  const colon = cleaned.indexOf(':');
  if (colon >= 0 && (firstDelim < 0 || colon < firstDelim)) return null;
  if (cleaned.startsWith('\\') || cleaned.startsWith('/\\')) return null;
  return value.trim();
}

const span = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return /^[0-9]{1,3}$/.test(t) && Number(t) >= 1 && Number(t) <= 100 ? String(Number(t)) : undefined;
};

/** td / th keep a sane colspan / rowspan and (th) a valid scope; nothing else. */
function cell(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const out: sanitizeHtml.Attributes = {};
  const scope = (attribs.scope ?? '').trim().toLowerCase();
  if (tagName === 'th' && ['row', 'col', 'rowgroup', 'colgroup'].includes(scope)) out.scope = scope;
  const cs = span(attribs.colspan);
  const rs = span(attribs.rowspan);
  if (cs) out.colspan = cs;
  if (rs) out.rowspan = rs;
  return { tagName, attribs: out };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED,
  allowedAttributes: { a: ['href', 'rel'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  // The href was checked by safeHref in transformTags; the library checks the scheme once more.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  selfClosing: ['br'],
  // Word separates paragraphs with empty ones (<p><o:p>&nbsp;</o:p></p>): spacing is the stylesheet's job.
  exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim() && !/<br/.test(frame.text),
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // A link without a safe target is kept as its text (an unknown tag is unwrapped).
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeHref(attribs.href ?? '');
      return href === null ? { tagName: 'x-unsafe-link', attribs: {} } : { tagName: 'a', attribs: { href, rel: 'noopener noreferrer' } };
    },
    td: (t, a) => cell(t, a),
    th: (t, a) => cell(t, a),
  },
  // Text is escaped by the library (& < >); quotes too, so text never needs context to be safe.
  textFilter: (text) => text.replace(/"/g, '&quot;'),
  parser: { lowerCaseTags: true, decodeEntities: true },
};

/**
 * Sanitises rich text for a record body. Allowed tags are kept (with only their allowed attributes),
 * dangerous elements are dropped with their content, other tags are unwrapped. HTML pasted from Word
 * or WPS is cleaned first (cleanWordHtml: its list paragraphs become lists, its comments and Office
 * namespaces go).
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(cleanWordHtml(html), OPTIONS).replace(/<br \/>/g, '<br>');
}

const PLAIN_BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'thead', 'tbody', 'ul', 'ol',
  'blockquote', 'caption', 'section', 'article', 'header', 'footer', 'pre', 'hr', 'dt', 'dd',
]);
const PLAIN_DROP = new Set(DROP_WITH_CONTENT);

/**
 * The text of an HTML fragment, for search indexes and summaries: tags removed (script-like elements
 * with their content), entities decoded, one line per block, table cells separated by a space,
 * runs of spaces collapsed.
 */
export function htmlToPlainText(html: string): string {
  const parts: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (dropDepth > 0 || PLAIN_DROP.has(name)) {
          if (PLAIN_DROP.has(name) || dropDepth > 0) dropDepth++;
          return;
        }
        if (PLAIN_BLOCK.has(name)) parts.push('\n');
        else if (name === 'td' || name === 'th') parts.push(' ');
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          dropDepth--;
          return;
        }
        if (PLAIN_BLOCK.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (dropDepth === 0) parts.push(text.replace(/\s+/g, ' '));
      },
    },
    { lowerCaseTags: true, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * Turns text typed without markup into paragraphs: a blank line separates paragraphs, a single
 * newline becomes <br>. Text that already contains allowed block markup is returned unchanged.
 * The result still goes through sanitizeRichText.
 */
export function plainTextToHtml(text: string): string {
  if (/<\s*(p|h[2-4]|ul|ol|table|blockquote|br)[\s>/]/i.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para.length > 0)
    .map((para) => `<p>${para.split('\n').join('<br>')}</p>`)
    .join('\n');
}
