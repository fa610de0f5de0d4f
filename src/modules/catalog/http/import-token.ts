// Carries parsed import items from the preview to the confirm step in a hidden field: compressed JSON,
// signed with an HMAC so the confirmed items are exactly the previewed ones (no server-side table).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { CatalogItemData } from '../domain/types.ts';

export interface ImportPayload {
  /** Format version. */
  v: 1;
  unitId: number;
  userId: number;
  reason: string;
  fileName: string;
  /** Epoch milliseconds (injected clock). */
  issuedAt: number;
  items: CatalogItemData[];
  /**
   * Sheets without 公开层级 columns, in preview order: their items (indexes into `items`) got the
   * default level, which the person importing may change on confirming.
   */
  levelSheets?: { name: string; items: number[] }[];
}

export interface Sealed {
  data: string;
  sig: string;
}

/** A preview may be confirmed within this time. */
export const IMPORT_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;
/** Inflating never produces more than this (a bound, even though only signed data is inflated). */
const MAX_JSON_BYTES = 128 * 1024 * 1024;

function mac(key: string, data: string): Buffer {
  return crypto.createHmac('sha256', key).update('catalog-import\n').update(data).digest();
}

export function sealImport(payload: ImportPayload, key: string): Sealed {
  const data = zlib.deflateRawSync(Buffer.from(JSON.stringify(payload), 'utf8'), { level: 6 }).toString('base64url');
  return { data, sig: mac(key, data).toString('base64url') };
}

export type OpenResult = { ok: true; payload: ImportPayload } | { ok: false; reason: 'tampered' | 'expired' };

/** Checks the signature first; only then inflates and parses. */
export function openImport(data: string, sig: string, key: string, nowMs: number): OpenResult {
  if (!data || !sig || !/^[A-Za-z0-9_-]+$/.test(data) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: 'tampered' };
  const expected = mac(key, data);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
  let payload: ImportPayload;
  try {
    payload = JSON.parse(zlib.inflateRawSync(Buffer.from(data, 'base64url'), { maxOutputLength: MAX_JSON_BYTES }).toString('utf8')) as ImportPayload;
  } catch {
    return { ok: false, reason: 'tampered' };
  }
  if (payload.v !== 1 || !Array.isArray(payload.items)) return { ok: false, reason: 'tampered' };
  if (nowMs - payload.issuedAt > IMPORT_TOKEN_TTL_MS || payload.issuedAt - nowMs > 60_000) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
