// Files of a multipart form field (the core's uploadedFile reads only the first).
import type { Upload } from '../service.ts';

/** Every file chosen in a multipart field (an empty file input sends none). */
export function uploadedFiles(body: unknown, field: string): Upload[] {
  if (!body || typeof body !== 'object') return [];
  const v = (body as Record<string, unknown>)[field];
  const parts = (Array.isArray(v) ? v : v === undefined ? [] : [v]) as { type?: string; filename?: string; _buf?: Buffer }[];
  return parts.filter((p) => p && p.type === 'file' && p._buf && p._buf.length > 0 && p.filename).map((p) => ({ fileName: p.filename!, bytes: p._buf! }));
}
