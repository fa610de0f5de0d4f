// The Content-Disposition header for downloads with Chinese file names (RFC 6266 §4.3 with RFC 5987
// encoding): browsers save the UTF-8 name, and old clients still get a usable ASCII one.

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * which attr-char does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''中文名`. Without an ASCII fallback the name itself is
 * used with its non-ASCII characters replaced.
 */
export function contentDisposition(filename: string, opts: { ascii?: string; inline?: boolean } = {}): string {
  const ascii = (opts.ascii ?? filename).replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'download';
  return `${opts.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}
