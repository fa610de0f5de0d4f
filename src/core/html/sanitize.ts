// Allow-list HTML sanitiser for record bodies (政府信息正文) and its plain-text companion.
//
// sanitizeRichText keeps a small set of structural elements (h2–h4, p, br, lists, tables, links,
// emphasis, blockquote) and a few attributes (th scope, td/th colspan/rowspan, a href with an
// http(s)/mailto/relative URL). Script-like elements (script, style, iframe, object, svg, …) are
// dropped with their content; comments, doctypes and processing instructions are dropped; any other
// tag is escaped and shown as text, so nothing typed is lost and nothing runs. The output is
// well-formed: every opened element is closed, in order. The function is idempotent:
// sanitizeRichText(sanitizeRichText(x)) === sanitizeRichText(x).
//
// Pure code: no dependencies, no I/O.

/** Elements kept in the output. */
const ALLOWED = new Set([
  'h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  'strong', 'em', 'b', 'i', 'u', 'a', 'blockquote',
]);

const VOID = new Set(['br']);

/** Elements dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'noscript', 'noembed',
  'noframes', 'template', 'svg', 'math', 'xmp', 'textarea', 'title', 'head', 'select', 'audio', 'video',
  'canvas', 'plaintext',
]);

/** Elements whose content the HTML parser reads as raw text (no tags inside). */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'noscript', 'noembed', 'noframes', 'xmp', 'textarea', 'title', 'plaintext']);

/** Void elements that are dropped (tag only: they have no content). */
const DROP_VOID = new Set(['link', 'meta', 'base', 'embed', 'frame', 'param', 'source', 'track']);

/** Block elements: opening one closes an open <p> (as HTML parsers do). */
const BLOCK = new Set(['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'table', 'blockquote']);

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

// ---------------------------------------------------------------------------------------------
// Tokenizer (a forgiving subset of the HTML tokenizer: enough to never mis-read markup as text or
// text as markup in a way that could run code, because every text token is escaped on output).

type Token =
  | { type: 'text'; text: string }
  | { type: 'start'; name: string; attrs: Map<string, string>; raw: string; selfClosing: boolean }
  | { type: 'end'; name: string; raw: string };

function* tokenize(html: string): Generator<Token> {
  const n = html.length;
  let i = 0;
  let textStart = 0;
  const flushText = function* (upTo: number): Generator<Token> {
    if (upTo > textStart) yield { type: 'text', text: decodeEntities(html.slice(textStart, upTo)) };
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      yield* flushText(lt);
      let end: number;
      if (html.startsWith('<!--', lt)) {
        const close = html.indexOf('-->', lt + 4);
        end = close < 0 ? n : close + 3;
      } else {
        const close = html.indexOf('>', lt + 2);
        end = close < 0 ? n : close + 1;
      }
      i = textStart = end;
      continue;
    }
    const isEnd = next === 47; /* / */
    if (isEnd ? !isAlpha(html.charCodeAt(lt + 2)) : !isAlpha(next)) {
      if (isEnd && html.charCodeAt(lt + 2) === 62 /* </> is ignored */) {
        yield* flushText(lt);
        i = textStart = lt + 3;
        continue;
      }
      i = lt + 1; // a literal "<" in text
      continue;
    }
    const parsed = parseTag(html, lt, isEnd);
    if (!parsed) {
      // An unterminated tag: the rest is text (escaped on output).
      i = n;
      break;
    }
    yield* flushText(lt);
    const { token, end } = parsed;
    i = textStart = end;
    if (token.type === 'start' && RAW_TEXT.has(token.name)) {
      // Raw-text content runs to the matching end tag; it is dropped with the element.
      const re = new RegExp(`</${token.name}[\\s/>]`, 'ig');
      re.lastIndex = end;
      const m = re.exec(html);
      yield token;
      if (!m) {
        i = textStart = n;
        yield { type: 'end', name: token.name, raw: '' };
        break;
      }
      const closeEnd = html.indexOf('>', m.index);
      i = textStart = closeEnd < 0 ? n : closeEnd + 1;
      yield { type: 'end', name: token.name, raw: html.slice(m.index, i) };
      continue;
    }
    yield token;
  }
  if (n > textStart) yield { type: 'text', text: decodeEntities(html.slice(textStart)) };
}

function parseTag(html: string, lt: number, isEnd: boolean): { token: Token; end: number } | null {
  const n = html.length;
  let i = lt + (isEnd ? 2 : 1);
  const nameStart = i;
  while (i < n && !/[\s/>]/.test(html[i]!)) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attrs = new Map<string, string>();
  let selfClosing = false;
  while (i < n) {
    const c = html[i]!;
    if (c === '>') {
      const end = i + 1;
      const raw = html.slice(lt, end);
      return isEnd
        ? { token: { type: 'end', name, raw }, end }
        : { token: { type: 'start', name, attrs, raw, selfClosing }, end };
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/') {
      selfClosing = html[i + 1] === '>';
      i++;
      continue;
    }
    selfClosing = false;
    const attrStart = i;
    i++; // the first character may be "=" per the HTML tokenizer
    while (i < n && !/[\s/>=]/.test(html[i]!)) i++;
    const attrName = html.slice(attrStart, i).toLowerCase();
    let j = i;
    while (j < n && /\s/.test(html[j]!)) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (j < n && /\s/.test(html[j]!)) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close < 0) return null;
        value = html.slice(j + 1, close);
        j = close + 1;
      } else {
        const vs = j;
        while (j < n && !/[\s>]/.test(html[j]!)) j++;
        value = html.slice(vs, j);
      }
      i = j;
    }
    if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** Returns the href to keep, or null when the URL is not http(s), mailto or relative. */
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

function keptAttributes(name: string, attrs: Map<string, string>): string | null {
  let out = '';
  if (name === 'a') {
    const href = safeHref(attrs.get('href') ?? '');
    if (href === null) return null; // a link without a safe target is kept as its text
    return ` href="${escapeHtml(href)}" rel="noopener noreferrer"`;
  }
  if (name === 'th') {
    const scope = (attrs.get('scope') ?? '').trim().toLowerCase();
    if (['row', 'col', 'rowgroup', 'colgroup'].includes(scope)) out += ` scope="${scope}"`;
  }
  if (name === 'td' || name === 'th') {
    for (const span of ['colspan', 'rowspan']) {
      const v = (attrs.get(span) ?? '').trim();
      if (/^[0-9]{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100) out += ` ${span}="${Number(v)}"`;
    }
  }
  return out;
}

interface Open {
  name: string;
  /** false for an <a> kept only as its text (no tags emitted). */
  emitted: boolean;
}

/**
 * Sanitises rich text for a record body. Allowed tags are kept (with only their allowed attributes),
 * dangerous elements are dropped with their content, other tags are shown as escaped text.
 */
export function sanitizeRichText(html: string): string {
  const out: string[] = [];
  const stack: Open[] = [];
  let dropDepth = 0;
  let dropName = '';

  const closeTop = () => {
    const top = stack.pop()!;
    if (top.emitted) out.push(`</${top.name}>`);
  };
  /** Closes open elements down to and including the nearest `name`, unless a boundary comes first. */
  const closeUpTo = (names: string[], boundaries: string[]): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const nm = stack[k]!.name;
      if (names.includes(nm)) {
        while (stack.length > k) closeTop();
        return true;
      }
      if (boundaries.includes(nm)) return false;
    }
    return false;
  };

  for (const tok of tokenize(html)) {
    if (dropDepth > 0) {
      if (tok.type === 'start' && tok.name === dropName && !tok.selfClosing) dropDepth++;
      else if (tok.type === 'end' && tok.name === dropName) dropDepth--;
      continue;
    }
    if (tok.type === 'text') {
      out.push(escapeHtml(tok.text));
      continue;
    }
    const name = tok.name;
    if (tok.type === 'start') {
      if (DROP_WITH_CONTENT.has(name)) {
        if (!tok.selfClosing || RAW_TEXT.has(name)) {
          dropDepth = 1;
          dropName = name;
        }
        continue;
      }
      if (DROP_VOID.has(name)) continue;
      if (!ALLOWED.has(name)) {
        out.push(escapeHtml(tok.raw));
        continue;
      }
      // Implied end tags, as an HTML parser would infer them.
      if (BLOCK.has(name)) closeUpTo(['p'], ['li', 'td', 'th', 'blockquote', 'caption']);
      if (name === 'li') closeUpTo(['li'], ['ul', 'ol']);
      if (name === 'td' || name === 'th') closeUpTo(['td', 'th'], ['tr', 'table']);
      if (name === 'tr') closeUpTo(['tr'], ['thead', 'tbody', 'table']);
      if (name === 'thead' || name === 'tbody') closeUpTo(['thead', 'tbody'], ['table']);
      if (name === 'a') closeUpTo(['a'], []);
      if (/^h[2-4]$/.test(name)) closeUpTo(['h2', 'h3', 'h4'], ['li', 'td', 'th', 'blockquote']);
      const attrs = keptAttributes(name, tok.attrs);
      if (VOID.has(name)) {
        out.push(`<${name}>`);
        continue;
      }
      if (attrs === null) {
        stack.push({ name, emitted: false });
        continue;
      }
      out.push(`<${name}${attrs}>`);
      stack.push({ name, emitted: true });
      continue;
    }
    // End tag.
    if (DROP_WITH_CONTENT.has(name) || DROP_VOID.has(name)) continue;
    if (!ALLOWED.has(name)) {
      out.push(escapeHtml(tok.raw));
      continue;
    }
    if (VOID.has(name)) {
      out.push('<br>'); // "</br>" is read as <br> by browsers
      continue;
    }
    closeUpTo([name], name === 'a' || name === 'strong' || name === 'em' || name === 'b' || name === 'i' || name === 'u' ? [] : ['table']);
  }
  while (stack.length) closeTop();
  return out.join('');
}

const PLAIN_BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'thead', 'tbody', 'ul', 'ol',
  'blockquote', 'caption', 'section', 'article', 'header', 'footer', 'pre', 'hr', 'dt', 'dd',
]);

/**
 * The text of an HTML fragment, for search indexes and summaries: tags removed (script-like elements
 * with their content), entities decoded, one line per block, table cells separated by a space,
 * runs of spaces collapsed.
 */
export function htmlToPlainText(html: string): string {
  const parts: string[] = [];
  let dropDepth = 0;
  let dropName = '';
  for (const tok of tokenize(html)) {
    if (dropDepth > 0) {
      if (tok.type === 'start' && tok.name === dropName && !tok.selfClosing) dropDepth++;
      else if (tok.type === 'end' && tok.name === dropName) dropDepth--;
      continue;
    }
    if (tok.type === 'text') {
      parts.push(tok.text.replace(/\s+/g, ' '));
      continue;
    }
    if (tok.type === 'start' && DROP_WITH_CONTENT.has(tok.name)) {
      if (!tok.selfClosing || RAW_TEXT.has(tok.name)) {
        dropDepth = 1;
        dropName = tok.name;
      }
      continue;
    }
    if (PLAIN_BLOCK.has(tok.name)) parts.push('\n');
    else if (tok.name === 'td' || tok.name === 'th') parts.push(' ');
  }
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
