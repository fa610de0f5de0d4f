// The audit log: one row per state change, written in the same transaction as the change, each row
// carrying the hash of the row before it, so an edited or deleted row breaks the chain. Rows are hashed
// with HMAC-SHA256 under a key kept outside the database (anchor.ts), so a rewritten row cannot be
// given a valid hash by someone who holds only the database. Rows written before the key existed
// carry plain SHA-256 and are verified so, up to the first keyed row; after it every row must be keyed.
import crypto from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/index.ts';
import { auditLog } from '../db/schema.ts';

export interface Actor {
  id: number | null;
  name: string;
  unitId: number | null;
  ip: string;
  requestId: string;
}

export const systemActor: Actor = { id: null, name: '系统', unitId: null, ip: '', requestId: '' };

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | number;
  unitId?: number | null;
  summary: { before?: unknown; after?: unknown; note?: string; [k: string]: unknown };
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export interface HashedFields {
  at: Date;
  actorId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  ip: string;
  requestId: string;
}

/** The key rows are signed with (set at start-up by useAuditKey); null: plain SHA-256 as before. */
let auditKey: Buffer | null = null;

export function useAuditKey(key: Buffer | null): void {
  auditKey = key;
}

export function currentAuditKey(): Buffer | null {
  return auditKey;
}

/** HMAC-SHA256 under `key`, or plain SHA-256 (rows written before the key) when key is null. */
export function auditHash(prevHash: string, f: HashedFields, key: Buffer | null = null): string {
  const payload = canonicalJson({
    prev: prevHash,
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorName: f.actorName,
    unitId: f.unitId,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    summary: f.summary,
    ip: f.ip,
    requestId: f.requestId,
  });
  return (key ? crypto.createHmac('sha256', key) : crypto.createHash('sha256')).update(payload).digest('hex');
}

function toId(v: number | string | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Appends one audit row. Call it inside the transaction that makes the change. */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  // Serialise writers so ids and the chain agree; the lock ends with the transaction.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at: new Date(Math.floor(at.getTime())),
    actorName: actor.name,
    // Ids may arrive as strings (pg returns bigint as text); the column gives back numbers.
    unitId: toId(entry.unitId ?? actor.unitId),
    actorId: toId(actor.id),
    action: entry.action,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    summary: JSON.parse(canonicalJson(entry.summary)) as Record<string, unknown>,
    ip: actor.ip,
    requestId: actor.requestId,
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: auditHash(prevHash, fields, auditKey) });
}

/** What an export of a list holding personal data wrote out, for its audit row. */
export interface ExportRecord {
  /** Which list, e.g. 'requests' or 'audit_log'. */
  list: string;
  /** The list's readable name. */
  title: string;
  format: 'csv' | 'xlsx';
  /** The filters the list was exported with. */
  filters: Record<string, unknown>;
  rows: number;
}

/** Records that `actor` exported a list holding personal data (names, phones, IPs): who, what, how much. */
export async function auditExport(db: Db, actor: Actor, e: ExportRecord, at: Date): Promise<void> {
  await db.transaction((tx) =>
    writeAudit(
      tx,
      actor,
      { action: 'data.exported', targetType: 'export', targetId: e.list, unitId: actor.unitId, summary: { note: `导出${e.title}（${e.format.toUpperCase()}，${e.rows} 行）`, format: e.format, filters: e.filters, rows: e.rows } },
      at,
    ),
  );
}

export type ChainResult =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenId: number; reason: string };

/**
 * Re-computes the whole chain in id order and names the first row that does not fit. Rows before the
 * first keyed row may carry plain SHA-256; from the first keyed row on, every row must be keyed.
 */
export async function verifyAuditChain(db: DbOrTx, batch = 5000, key: Buffer | null = auditKey): Promise<ChainResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  let keyed = false;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batch);
    if (!rows.length) return { ok: true, count };
    for (const r of rows) {
      count++;
      if (r.prevHash !== prev) {
        return { ok: false, count, brokenId: r.id, reason: `第 ${r.id} 条记录的前序哈希与上一条不符（其前有记录被删除或改动）` };
      }
      const fields: HashedFields = {
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        unitId: r.unitId,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        summary: r.summary,
        ip: r.ip,
        requestId: r.requestId,
      };
      let fits = key !== null && auditHash(prev, fields, key) === r.hash;
      if (fits) keyed = true;
      else if (!keyed) fits = auditHash(prev, fields, null) === r.hash;
      if (!fits) {
        return { ok: false, count, brokenId: r.id, reason: `第 ${r.id} 条记录的内容与其哈希不符（该记录被改动）` };
      }
      prev = r.hash;
      lastId = r.id;
    }
  }
}
