// The scanned archive: past issues that exist only on paper. Staff upload a scan (PDF, PNG or JPEG) with
// the year, 期 and 总期; the file is kept whatever happens to OCR, and a background job reads its
// text (ocr/engine.ts) page by page into the archive search. Staff may correct the text of any page.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { systemActor, writeAudit } from '../../core/audit/index.ts';
import { checkUpload } from '../../core/files/sniff.ts';
import { fileStorage } from '../../core/files/storage.ts';
import { buildTsvectors, parseQuery } from '../../core/search/bigram.ts';
import { snippet, type Segment } from '../../core/search/snippet.ts';
import { publicPagesChanged } from '../publishing/index.ts';
import { gazetteScanPages, gazetteScans } from './data/schema.ts';
import { numberingProblems } from './domain/numbering.ts';
import { readable, scanOutcome, type OcrState } from './domain/ocr.ts';
import { ocrUnavailable, pdfPageImages, recognise } from './ocr/engine.ts';
import { existingNumbers, publisherFor, type GazetteActor, type Result } from './service.ts';

export type ScanRow = typeof gazetteScans.$inferSelect;
export type ScanPageRow = typeof gazetteScanPages.$inferSelect;
type ScanType = 'pdf' | 'png' | 'jpeg';

export const SCAN_TYPES_TEXT = 'PDF、PNG、JPEG';

/** Page text as read, with the line breaks of the print layout inside Chinese text taken out (so 实施办|法 is found as 实施办法). */
export function runOn(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}，。、；：])[ \t]*\n[ \t]*(?=[\p{Script=Han}，。、；：《》（）])/gu, '');
}

const vectorOf = (text: string) => buildTsvectors([{ text: runOn(text), weight: 'C' }])[0] ?? '';

/** Keeps the scan of a past issue and queues it for OCR (or says at once that OCR cannot run here). */
export async function createScan(
  core: Core,
  actor: GazetteActor,
  input: { year: number; number: number; overall: number; issuedOn: string | null; file?: { filename: string; bytes: Buffer } },
): Promise<Result<{ scan: ScanRow }>> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  if (!input.file) return { ok: false, reasons: ['请选择扫描件文件。'], fields: { file: '请选择扫描件文件' } };
  const checked = checkUpload(input.file.filename, input.file.bytes, core.config.uploadLimitBytes);
  if (!checked.ok) return { ok: false, reasons: [checked.message], fields: { file: checked.message } };
  if (!['pdf', 'png', 'jpeg'].includes(checked.type)) {
    const m = `扫描件只能是 ${SCAN_TYPES_TEXT} 文件`;
    return { ok: false, reasons: [m], fields: { file: m } };
  }
  const unavailable = await ocrUnavailable(checked.type as ScanType);
  const stored = await fileStorage(core.config).put(input.file.bytes);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    // The same lock as for new issues: a scan and an issue share the numbering.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727150, ${pub.unit.id}::int)`);
    const problems = numberingProblems(await existingNumbers(tx, pub.unit.id), input);
    if (problems.length) return { ok: false as const, reasons: problems, fields: { number: problems[0]! } };
    const [scan] = await tx
      .insert(gazetteScans)
      .values({
        rootUnitId: pub.unit.id,
        year: input.year,
        number: input.number,
        overall: input.overall,
        issuedOn: input.issuedOn,
        fileKey: stored.key,
        fileName: input.file!.filename.slice(0, 200),
        mediaType: checked.mediaType,
        sizeBytes: stored.size,
        ocrState: unavailable ? 'no_engine' : 'queued',
        ocrMessage: unavailable ?? '',
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor.audit, { action: 'gazette.scan_uploaded', targetType: 'gazette_scan', targetId: scan!.id, summary: { year: input.year, number: input.number, overall: input.overall, file: input.file!.filename, sha256: stored.key, ocr: scan!.ocrState } }, now);
    return { ok: true as const, scan: scan! };
  });
}

/** Puts a scan back in the OCR queue (after installing the engine, or to read it again). */
export async function requeueScan(core: Core, actor: GazetteActor, id: number): Promise<Result> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  const [scan] = await core.db.select().from(gazetteScans).where(and(eq(gazetteScans.id, id), eq(gazetteScans.rootUnitId, pub.unit.id)));
  if (!scan) return { ok: false, reasons: ['没有这份扫描件。'] };
  if (scan.ocrState === 'queued' || scan.ocrState === 'running') return { ok: false, reasons: ['这份扫描件已在识别队列中。'] };
  const unavailable = await ocrUnavailable(scan.mediaType === 'application/pdf' ? 'pdf' : 'png');
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(gazetteScans).set({ ocrState: unavailable ? 'no_engine' : 'queued', ocrMessage: unavailable ?? '', ocrStartedAt: null, ocrFinishedAt: null }).where(eq(gazetteScans.id, id));
    await writeAudit(tx, actor.audit, { action: 'gazette.scan_requeued', targetType: 'gazette_scan', targetId: id, summary: { from: scan.ocrState } }, now);
  });
  return unavailable ? { ok: false, reasons: [unavailable] } : { ok: true };
}

/** Staff type in or correct the text of one page; OCR run again keeps it. */
export async function correctPageText(core: Core, actor: GazetteActor, id: number, page: number, text: string): Promise<Result> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: gazetteScanPages.id, text: gazetteScanPages.text })
      .from(gazetteScanPages)
      .innerJoin(gazetteScans, eq(gazetteScans.id, gazetteScanPages.scanId))
      .where(and(eq(gazetteScans.id, id), eq(gazetteScans.rootUnitId, pub.unit.id), eq(gazetteScanPages.page, page)))
      .for('update');
    if (!row) return { ok: false as const, reasons: ['没有这一页。'] };
    const clean = text.replace(/\r\n?/g, '\n').trim();
    await tx.update(gazetteScanPages).set({ text: clean, correctedAt: now, readable: clean.length > 0, search: sql`${vectorOf(clean)}::tsvector` }).where(eq(gazetteScanPages.id, row.id));
    await writeAudit(tx, actor.audit, { action: 'gazette.scan_text_corrected', targetType: 'gazette_scan', targetId: id, summary: { page, before: row.text.length, after: clean.length } }, now);
    publicPagesChanged();
    return { ok: true as const };
  });
}

/** A run that stopped with the process (state still `running` long after it began) is queued again. */
const STALE_RUN = '30 minutes';

/** Claims the next queued scan (each is read once, whichever instance gets it). */
async function claim(db: DbOrTx, now: Date): Promise<ScanRow | undefined> {
  const r = await db.execute(sql`
    UPDATE gazette_scans SET ocr_state = 'running', ocr_started_at = ${now.toISOString()}::timestamptz, ocr_message = ''
    WHERE id = (
      SELECT id FROM gazette_scans
      WHERE ocr_state = 'queued' OR (ocr_state = 'running' AND ocr_started_at < ${now.toISOString()}::timestamptz - ${STALE_RUN}::interval)
      ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id`);
  const id = (r.rows[0] as { id: string | number } | undefined)?.id;
  if (id === undefined) return undefined;
  const [scan] = await db.select().from(gazetteScans).where(eq(gazetteScans.id, Number(id)));
  return scan;
}

/** Reads one scan: every page to an image, each image to text; pages staff corrected are kept as they are. */
async function readScan(core: Core, scan: ScanRow): Promise<OcrState> {
  const storage = fileStorage(core.config);
  const bytes = await storage.get(scan.fileKey);
  const isPdf = scan.mediaType === 'application/pdf';
  const unavailable = await ocrUnavailable(isPdf ? 'pdf' : 'png');
  if (unavailable) {
    await core.db.update(gazetteScans).set({ ocrState: 'no_engine', ocrMessage: unavailable, ocrFinishedAt: core.clock.now() }).where(eq(gazetteScans.id, scan.id));
    return 'no_engine';
  }
  const images = isPdf ? await pdfPageImages(bytes) : [bytes];
  const imageType = isPdf ? 'image/png' : scan.mediaType;
  const corrected = new Map((await core.db.select().from(gazetteScanPages).where(eq(gazetteScanPages.scanId, scan.id))).filter((p) => p.correctedAt).map((p) => [p.page, p]));
  const outcome: { readable: boolean }[] = [];
  for (let i = 0; i < images.length; i++) {
    const page = i + 1;
    const image = await storage.put(images[i]!);
    const kept = corrected.get(page);
    const read = kept ? null : await recognise(images[i]!);
    const ok = kept ? kept.readable : readable(read!);
    outcome.push({ readable: ok });
    const values = kept
      ? { imageKey: image.key, imageType }
      : { imageKey: image.key, imageType, text: read!.text, confidence: read!.confidence, readable: ok, search: sql`${vectorOf(read!.text)}::tsvector` };
    await core.db
      .insert(gazetteScanPages)
      .values({ scanId: scan.id, page, text: '', ...values })
      .onConflictDoUpdate({ target: [gazetteScanPages.scanId, gazetteScanPages.page], set: values });
  }
  await core.db.delete(gazetteScanPages).where(and(eq(gazetteScanPages.scanId, scan.id), sql`${gazetteScanPages.page} > ${images.length}`));
  const state = scanOutcome(outcome);
  const bad = outcome.map((o, i) => (o.readable ? 0 : i + 1)).filter(Boolean);
  const message = state === 'unreadable' ? (images.length ? `第${bad.join('、')}页文字无法识别，请人工录入或核对。` : '扫描件中没有页面。') : '';
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.update(gazetteScans).set({ ocrState: state, ocrMessage: message, ocrFinishedAt: now }).where(eq(gazetteScans.id, scan.id));
    await writeAudit(tx, systemActor, { action: 'gazette.scan_read', targetType: 'gazette_scan', targetId: scan.id, summary: { pages: images.length, state, unreadable: bad } }, now);
  });
  publicPagesChanged(); // the platform search finds scanned pages
  return state;
}

/** Reads every queued scan, one after another; returns how many were read. */
export async function runOcrQueue(core: Core): Promise<number> {
  let n = 0;
  for (;;) {
    const scan = await claim(core.db, core.clock.now());
    if (!scan) return n;
    try {
      await readScan(core, scan);
    } catch (err) {
      const message = `识别出错：${err instanceof Error ? err.message.slice(0, 300) : String(err)}`;
      await core.db.update(gazetteScans).set({ ocrState: 'failed', ocrMessage: message, ocrFinishedAt: core.clock.now() }).where(eq(gazetteScans.id, scan.id));
    }
    n++;
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading

export type ScanSummary = Omit<ScanRow, 'fileKey'> & { pageCount: number };

const scanColumns = {
  id: gazetteScans.id,
  rootUnitId: gazetteScans.rootUnitId,
  year: gazetteScans.year,
  number: gazetteScans.number,
  overall: gazetteScans.overall,
  issuedOn: gazetteScans.issuedOn,
  fileName: gazetteScans.fileName,
  mediaType: gazetteScans.mediaType,
  sizeBytes: gazetteScans.sizeBytes,
  ocrState: gazetteScans.ocrState,
  ocrMessage: gazetteScans.ocrMessage,
  ocrStartedAt: gazetteScans.ocrStartedAt,
  ocrFinishedAt: gazetteScans.ocrFinishedAt,
  createdAt: gazetteScans.createdAt,
  withdrawnAt: gazetteScans.withdrawnAt,
  withdrawnReason: gazetteScans.withdrawnReason,
  // Qualified by hand: drizzle writes ${gazetteScans.id} as a bare "id", which inside the subquery is the page's own id.
  pageCount: sql<number>`(SELECT count(*)::int FROM gazette_scan_pages p WHERE p.scan_id = gazette_scans.id)`,
};

/** Scans of the city, newest issue first; of one year when given. Scans are public once uploaded: the issues were published long ago. */
export async function listScans(db: DbOrTx, rootUnitId: number, year?: number, opts: { withdrawn?: boolean } = {}): Promise<ScanSummary[]> {
  return db
    .select(scanColumns)
    .from(gazetteScans)
    .where(and(eq(gazetteScans.rootUnitId, rootUnitId), year ? eq(gazetteScans.year, year) : undefined, opts.withdrawn ? undefined : isNull(gazetteScans.withdrawnAt)))
    .orderBy(desc(gazetteScans.year), desc(gazetteScans.number));
}

export async function scanYears(db: DbOrTx, rootUnitId: number): Promise<{ year: number; count: number }[]> {
  return db.select({ year: gazetteScans.year, count: sql<number>`count(*)::int` }).from(gazetteScans).where(and(eq(gazetteScans.rootUnitId, rootUnitId), isNull(gazetteScans.withdrawnAt))).groupBy(gazetteScans.year).orderBy(desc(gazetteScans.year));
}

export async function findScan(db: DbOrTx, rootUnitId: number, by: { id: number } | { year: number; number: number }) {
  const [scan] = await db
    .select({ ...scanColumns, fileKey: gazetteScans.fileKey })
    .from(gazetteScans)
    // By id (staff) a withdrawn scan too; by its number (public) only the one in force.
    .where(and(eq(gazetteScans.rootUnitId, rootUnitId), 'id' in by ? eq(gazetteScans.id, by.id) : and(eq(gazetteScans.year, by.year), eq(gazetteScans.number, by.number), isNull(gazetteScans.withdrawnAt))));
  if (!scan) return undefined;
  const pages = await db
    .select({ page: gazetteScanPages.page, imageKey: gazetteScanPages.imageKey, imageType: gazetteScanPages.imageType, text: gazetteScanPages.text, confidence: gazetteScanPages.confidence, readable: gazetteScanPages.readable, correctedAt: gazetteScanPages.correctedAt })
    .from(gazetteScanPages)
    .where(eq(gazetteScanPages.scanId, scan.id))
    .orderBy(asc(gazetteScanPages.page));
  return { scan, pages };
}

export interface ScanHit {
  year: number;
  number: number;
  overall: number;
  page: number;
  snippet: Segment[];
}

/** Pages of scanned issues whose text contains every term, best first, with the page of each hit. */
export async function searchScanPages(db: DbOrTx, rootUnitId: number, input: { q: string; year?: number; limit?: number }): Promise<{ total: number; hits: ScanHit[] }> {
  const parsed = parseQuery(input.q);
  if (!parsed.tsquery) return { total: 0, hits: [] };
  const cond = and(eq(gazetteScans.rootUnitId, rootUnitId), isNull(gazetteScans.withdrawnAt), input.year ? eq(gazetteScans.year, input.year) : undefined, sql`${gazetteScanPages.search} @@ ${parsed.tsquery}::tsquery`);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(gazetteScanPages).innerJoin(gazetteScans, eq(gazetteScans.id, gazetteScanPages.scanId)).where(cond);
  const rows = await db
    .select({ year: gazetteScans.year, number: gazetteScans.number, overall: gazetteScans.overall, page: gazetteScanPages.page, text: gazetteScanPages.text })
    .from(gazetteScanPages)
    .innerJoin(gazetteScans, eq(gazetteScans.id, gazetteScanPages.scanId))
    .where(cond)
    .orderBy(sql`ts_rank(${gazetteScanPages.search}, ${parsed.tsquery}::tsquery, 1) DESC`, desc(gazetteScans.overall), asc(gazetteScanPages.page))
    .limit(input.limit ?? 20);
  return { total: count?.n ?? 0, hits: rows.map(({ text, ...r }) => ({ ...r, snippet: snippet(runOn(text).replace(/\s+/g, ' '), parsed.terms, 120) })) };
}

/** The latest withdrawn scan of an issue that has none in force: the public page says it was taken down, and why. */
export async function withdrawnScan(db: DbOrTx, rootUnitId: number, year: number, number: number) {
  const [row] = await db
    .select(scanColumns)
    .from(gazetteScans)
    .where(and(eq(gazetteScans.rootUnitId, rootUnitId), eq(gazetteScans.year, year), eq(gazetteScans.number, number), sql`${gazetteScans.withdrawnAt} is not null`))
    .orderBy(desc(gazetteScans.withdrawnAt))
    .limit(1);
  return row;
}

export const WITHDRAW_REASON_MAX = 500;

/**
 * 撤回 a wrongly uploaded scan: it leaves the public pages and searches, its 年/期/总期 are free for the
 * right scan; the file stays stored and the withdrawal is audited with its reason.
 */
export async function withdrawScan(core: Core, actor: GazetteActor, id: number, reason: string): Promise<Result> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  const why = reason.trim();
  if (!why) return { ok: false, reasons: ['请填写撤回原因。'], fields: { reason: '请填写撤回原因' } };
  if (why.length > WITHDRAW_REASON_MAX) return { ok: false, reasons: [`撤回原因不能超过${WITHDRAW_REASON_MAX}字。`], fields: { reason: `不能超过${WITHDRAW_REASON_MAX}字` } };
  const now = core.clock.now();
  const done = await core.db.transaction(async (tx) => {
    const [scan] = await tx.select().from(gazetteScans).where(and(eq(gazetteScans.id, id), eq(gazetteScans.rootUnitId, pub.unit.id))).for('update');
    if (!scan) return { ok: false as const, reasons: ['没有这份扫描件。'] };
    // Sent twice (a double click): already withdrawn is success, the first reason stands.
    if (scan.withdrawnAt) return { ok: true as const, changed: false };
    await tx.update(gazetteScans).set({ withdrawnAt: now, withdrawnReason: why }).where(eq(gazetteScans.id, id));
    await writeAudit(tx, actor.audit, { action: 'gazette.scan_withdrawn', targetType: 'gazette_scan', targetId: id, summary: { year: scan.year, number: scan.number, overall: scan.overall, file: scan.fileName, sha256: scan.fileKey, reason: why } }, now);
    return { ok: true as const, changed: true };
  });
  if (!done.ok) return done;
  if (done.changed) publicPagesChanged();
  return { ok: true };
}

export function scanPath(s: { year: number; number: number }): string {
  return `/gazette/${s.year}/${s.number}`;
}
