// Plain text of stored (already sanitised) rich text, for indexing, snippets and feeds. Pure.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Block elements end a line; tags are dropped; entities decoded; runs of spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|h[1-6]|li|tr|table|ul|ol|section|blockquote)\s*>/gi, '\n')
    .replace(/<\/?\s*(td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (all, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16), all);
      if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10), all);
      return ENTITIES[lower] ?? all;
    })
    .replace(/[ \t\r\f\v\u00a0\u3000]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

function safeChar(code: number, fallback: string): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return fallback;
  return String.fromCodePoint(code);
}

/** The first n characters (code points) of a text, with "…" when cut. */
export function truncate(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : chars.slice(0, n).join('') + '…';
}
