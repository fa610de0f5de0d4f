// HTML pasted from Word or WPS, made plain before sanitising. Word writes a list as paragraphs
// (<p class=MsoListParagraph style="mso-list:l0 level1 lfo1">) with the number typed in a hidden
// run, and wraps its markup in Office namespaces and conditional comments. Here those paragraphs
// become real <ol>/<ul> lists and the Office-only pieces go; styles, fonts and classes are then
// dropped by the sanitiser's allow-list. Other HTML is returned unchanged.

/** Whether the fragment looks like Word / WPS output. */
export function isWordHtml(html: string): boolean {
  return /mso-|urn:schemas-microsoft-com|class="?Mso|<o:p|<w:|<!\[if/i.test(html);
}

const LIST_ITEM = /mso-list:\s*l\d+\s+level(\d+)/i;
/** A typed number: 1.  1)  (1)  一、 （一） a.  — ordered; anything else (·, §, ▪) — bulleted. */
const ORDERED_MARKER = /^[(（]?([0-9０-９]+|[一二三四五六七八九十]+|[a-zA-Z]|[ivxIVX]+)[.．、)）]?$/;

function textOfMarker(marker: string): string {
  return marker
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|\u00a0/g, '')
    .replace(/&[a-z]+;/gi, '')
    .trim();
}

export function cleanWordHtml(html: string): string {
  if (!isWordHtml(html)) return html;
  let s = html
    // Conditional comments (<!--[if gte mso 9]>…<![endif]-->) hold only Office settings.
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<\/?o:p>/gi, '')
    .replace(/<\/?(w|m|v|o):[^>]*>/gi, '');
  const out: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (!list) return;
    const tag = list.ordered ? 'ol' : 'ul';
    out.push(`<${tag}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${tag}>`);
    list = null;
  };
  let last = 0;
  for (const m of s.matchAll(/<p\b([^>]*)>([\s\S]*?)<\/p>/gi)) {
    const between = s.slice(last, m.index);
    const attrs = m[1] ?? '';
    let body = m[2] ?? '';
    if (!LIST_ITEM.test(attrs)) continue;
    // The typed number sits in <![if !supportLists]>…<![endif]>.
    const marker = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i.exec(body);
    const ordered = marker ? ORDERED_MARKER.test(textOfMarker(marker[1] ?? '')) : false;
    body = body.replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi, '');
    if (list && between.trim() === '' && list.ordered === ordered) {
      list.items.push(body);
    } else {
      flush();
      out.push(between);
      list = { ordered, items: [body] };
    }
    last = m.index + m[0].length;
  }
  flush();
  out.push(s.slice(last));
  s = out.join('');
  // Any other downlevel-revealed block (<![if …]> … <![endif]>): keep its content, lose the markers.
  return s.replace(/<!\[(if [^\]]*|endif)\]>/gi, '');
}
