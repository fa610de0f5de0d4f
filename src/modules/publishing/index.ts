import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ModuleManifest } from '../../core/services.ts';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { registerPublishingStaffRoutes } from './http/staff-routes.tsx';
import { registerPublishingPublicRoutes } from './http/public-routes.tsx';
import { registerPublishingApiRoutes } from './http/api-routes.tsx';
import { pubAttachments, pubRecords } from './data/schema.ts';
import { textForCheck } from './content-check.ts';
import { LISTED_RECORD } from './data/repository.ts';
import { createDraft, emptyRecordInput, type PubResult, type StaffActor } from './service.ts';
import type { RecordRow } from './data/repository.ts';
import { startScheduler, type Scheduler } from './jobs.ts';
import { seedPublishing } from './seed.ts';
import { publishingWorkQueue } from './work-queue.ts';

export type { StaffActor, PubResult } from './service.ts';
/** The home page's sections (政务动态, 通知公告, 政策文件 with 解读, latest per domain), for the portal. */
export { loadHomeSections, type HomeSections, type HomeSection, type HomeLink } from './home.ts';
export { staffActorOf } from './service.ts';
export { runSearchRebuild } from './search-cli.ts';
/** Other modules' pages in the platform search: register a provider; call publicPagesChanged() when its index changes. */
export { addSearchProvider, type ExtraSearchHit, type ExtraSearchSection } from './http/search-extras.ts';
export { publicRecordsChanged as publicPagesChanged } from './public-cache.ts';
/** Other modules name where a record is also carried (e.g. the 政府公报 issues that reprint it), on its public page. */
export { addRecordMentionProvider, type RecordMentionSection } from './http/record-mentions.ts';

/** Proactive publishing (主动公开): records, review, interpretation, validity, search and public pages. */
export const publishingModule: ModuleManifest = {
  name: 'publishing',
  publicNav: [
    { href: '/policy-library', label: '政策文件' },
    { href: '/search', label: '政府信息查询' },
  ],
  sitemap: [
    {
      title: '主动公开信息',
      links: [
        { href: '/columns/news', label: '政务动态' },
        { href: '/columns/notices', label: '通知公告' },
        { href: '/columns/policies', label: '政策文件' },
        { href: '/policy-library', label: '政策文件库（规章、行政规范性文件）' },
        { href: '/records', label: '全部主动公开信息' },
        { href: '/search', label: '政府信息查询' },
        { href: '/api/docs', label: '开放接口说明' },
      ],
    },
  ],
  staffNav: [{ href: '/staff/records', label: '信息发布', visible: (u) => hasRole(u, 'editor', 'reviewer', 'unit_admin', 'openness_office', 'system_admin') }],
  workQueue: (core, user) => publishingWorkQueue(core, user),
  register(app, core) {
    registerPublishingPublicRoutes(app, core);
    registerPublishingApiRoutes(app, core);
    registerPublishingStaffRoutes(app, core);
    // Scheduled publication: started when the server is ready, stopped (waiting for a run) on close.
    let scheduler: Scheduler | null = null;
    app.addHook('onReady', async () => {
      scheduler = startScheduler(core, { onError: (err) => app.log.error({ err }, 'scheduled publication failed') });
    });
    app.addHook('onClose', async () => {
      await scheduler?.stop();
    });
  },
  seed: async (core, opts) => seedPublishing(core, opts.volume),
};

export interface PublishedItemRecord {
  indexNo: string;
  title: string;
  formedOn: string;
  publishedOn: string;
  /** 条例 第二十六条 / the item's 公开时限: null when it could not be computed. */
  late: boolean | null;
}

/** Published 主动公开 records filed under a catalog item, newest first (for the item's next-due date). */
export async function listPublishedRecordsForItem(db: DbOrTx, itemId: number, limit = 100): Promise<PublishedItemRecord[]> {
  const rows = await db
    .select({ indexNo: pubRecords.indexNo, title: pubRecords.title, formedOn: pubRecords.formedOn, publishedOn: pubRecords.publishedOn, late: pubRecords.publishedLate })
    .from(pubRecords)
    .where(and(eq(pubRecords.catalogItemId, itemId), LISTED_RECORD))
    .orderBy(desc(pubRecords.publishedOn), desc(pubRecords.id))
    .limit(limit);
  return rows.map((r) => ({ indexNo: r.indexNo!, title: r.title, formedOn: r.formedOn, publishedOn: r.publishedOn!, late: r.late }));
}

export interface AnnualDocumentCounts {
  /** 本年制发件数: 成文日期 in the year. */
  issued: number;
  /** 本年废止件数: marked 废止 with a date in the year. */
  repealed: number;
  /** 现行有效件数: at the end of the year, not 失效 or 废止 by then. */
  inForce: number;
}

/**
 * Table 二 (第（一）项) of the annual report (国办公开办函〔2021〕30号), as SQL conditions shared by the
 * counts and the list behind them so that both always agree. Every 公开属性 counts; a record counts
 * once published (or registered); withdrawn ones are never in force.
 *   issued   本年制发件数: 成文日期 within the year;
 *   repealed 本年废止件数: 废止 within the year (失效 is not 废止);
 *   inForce  现行有效件数: published, written by 31 December, not 失效 or 废止 by then.
 */
function annualColumnConditions(year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return {
    issued: sql`${pubRecords.writtenOn} BETWEEN ${start} AND ${end}`,
    repealed: sql`${pubRecords.validity} = 'repealed' AND ${pubRecords.validityChangedOn} BETWEEN ${start} AND ${end}`,
    inForce: sql`${pubRecords.state} = 'published' AND ${pubRecords.writtenOn} <= ${end} AND (${pubRecords.validity} = 'in_force' OR ${pubRecords.validityChangedOn} > ${end})`,
  };
}

function annualDocuments(unitIds: number[]) {
  return and(inArray(pubRecords.unitId, unitIds), eq(pubRecords.kind, 'record'), inArray(pubRecords.docType, ['regulation', 'normative']), inArray(pubRecords.state, ['published', 'withdrawn']));
}

/** The 规章 / 行政规范性文件 rows of the annual report's table 二 for one unit. */
export async function countRecordsForAnnualReport(db: DbOrTx, unitId: number, year: number): Promise<{ regulation: AnnualDocumentCounts; normative: AnnualDocumentCounts }> {
  const c = annualColumnConditions(year);
  const rows = await db
    .select({
      docType: pubRecords.docType,
      issued: sql<number>`count(*) FILTER (WHERE ${c.issued})::int`,
      repealed: sql<number>`count(*) FILTER (WHERE ${c.repealed})::int`,
      inForce: sql<number>`count(*) FILTER (WHERE ${c.inForce})::int`,
    })
    .from(pubRecords)
    .where(annualDocuments([unitId]))
    .groupBy(pubRecords.docType);
  const zero: AnnualDocumentCounts = { issued: 0, repealed: 0, inForce: 0 };
  const of = (t: string) => {
    const r = rows.find((x) => x.docType === t);
    return r ? { issued: r.issued, repealed: r.repealed, inForce: r.inForce } : { ...zero };
  };
  return { regulation: of('regulation'), normative: of('normative') };
}

/** A record behind a number of table 二. */
export interface AnnualReportRecord {
  indexNo: string;
  title: string;
  docNo: string;
  docType: 'regulation' | 'normative';
  writtenOn: string;
  /** 废止 / 失效 with the day it took effect; null while in force. */
  repealedOn: string | null;
  expiredOn: string | null;
  withdrawn: boolean;
}

/** The records counted in one cell of table 二 (the report's drill-down), in order of 成文日期. */
export async function listRecordsForAnnualReport(
  db: DbOrTx,
  input: { unitIds: number[]; year: number; docType: 'regulation' | 'normative'; column: 'issued' | 'repealed' | 'inForce' },
): Promise<AnnualReportRecord[]> {
  if (!input.unitIds.length) return [];
  const rows = await db
    .select({
      indexNo: pubRecords.indexNo,
      title: pubRecords.title,
      docNo: pubRecords.docNo,
      writtenOn: sql<string>`${pubRecords.writtenOn}`,
      validity: pubRecords.validity,
      validityChangedOn: pubRecords.validityChangedOn,
      state: pubRecords.state,
    })
    .from(pubRecords)
    .where(and(annualDocuments(input.unitIds), eq(pubRecords.docType, input.docType), annualColumnConditions(input.year)[input.column]))
    .orderBy(pubRecords.writtenOn, pubRecords.indexNo);
  return rows.map((r) => ({
    indexNo: r.indexNo ?? '',
    title: r.title,
    docNo: r.docNo,
    docType: input.docType,
    writtenOn: r.writtenOn,
    repealedOn: r.validity === 'repealed' ? r.validityChangedOn : null,
    expiredOn: r.validity === 'expired' ? r.validityChangedOn : null,
    withdrawn: r.state === 'withdrawn',
  }));
}

export interface RequestReplyRelease {
  /** 受理编号 of the application. */
  requestNo: string;
  title: string;
  /** The released information (rich text; sanitised on save). */
  bodyHtml: string;
  /** 成文日期 of the information; default today. */
  writtenOn?: string;
  unitId?: number;
  publisherName?: string;
}

/**
 * 依申请公开 "release to all" (条例 第四十四条: 多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息
 * 属于可以公开的 … 可以纳入主动公开的范围): the reply's information becomes a draft 主动公开 record of the unit,
 * in 通知公告, for an editor to complete and submit.
 */
export async function createRecordFromRequestReply(core: Core, actor: StaffActor, input: RequestReplyRelease): Promise<PubResult<{ record: RecordRow }>> {
  const today = shanghaiToday(core.clock.now());
  const base = emptyRecordInput(input.publisherName ?? '', today);
  const r = await createDraft(
    core,
    actor,
    {
      ...base,
      generalColumn: 'notice',
      title: input.title,
      publisherName: input.publisherName ?? base.publisherName,
      writtenOn: input.writtenOn ?? today,
      formedOn: today,
      subject: '综合政务',
      genre: '其他',
      keywords: ['依申请公开转主动公开'],
      summary: `依申请公开（受理编号 ${input.requestNo}）的答复信息，转为主动公开。`,
      bodyHtml: input.bodyHtml,
    },
    { unitId: input.unitId, sourceRequestNo: input.requestNo },
  );
  return r.ok ? { ok: true, record: r.record } : r;
}

/** A published 主动公开 record as another module (the 政府公报) copies it. */
export interface PublishedRecordCopy {
  id: number;
  indexNo: string;
  title: string;
  docNo: string;
  publisherName: string;
  docType: 'regulation' | 'normative' | 'other';
  writtenOn: string;
  publishedOn: string;
  bodyHtml: string;
}

/**
 * Published 主动公开 records of a city (kind 'record', not 解读), newest first: those whose title or 文号
 * contains `q` (all when empty), or exactly those of `ids`; published within the dates when given.
 */
export async function listPublishedRecordCopies(db: DbOrTx, rootUnitId: number, opts: { q?: string; ids?: number[]; limit?: number; publishedFrom?: string; publishedTo?: string }): Promise<PublishedRecordCopy[]> {
  const conds = [eq(pubRecords.rootUnitId, rootUnitId), eq(pubRecords.kind, 'record'), LISTED_RECORD];
  if (opts.ids) {
    if (!opts.ids.length) return [];
    conds.push(inArray(pubRecords.id, opts.ids));
  }
  if (opts.publishedFrom) conds.push(sql`${pubRecords.publishedOn} >= ${opts.publishedFrom}`);
  if (opts.publishedTo) conds.push(sql`${pubRecords.publishedOn} <= ${opts.publishedTo}`);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(${pubRecords.title} ILIKE ${like} OR ${pubRecords.docNo} ILIKE ${like})`);
  }
  const rows = await db
    .select({
      id: pubRecords.id,
      indexNo: pubRecords.indexNo,
      title: pubRecords.title,
      docNo: pubRecords.docNo,
      publisherName: pubRecords.publisherName,
      docType: pubRecords.docType,
      writtenOn: pubRecords.writtenOn,
      publishedOn: pubRecords.publishedOn,
      bodyHtml: pubRecords.bodyHtml,
    })
    .from(pubRecords)
    .where(and(...conds))
    .orderBy(desc(pubRecords.publishedOn), desc(pubRecords.id))
    .limit(opts.limit ?? 50);
  return rows.map((r) => ({ ...r, indexNo: r.indexNo ?? '', publishedOn: r.publishedOn ?? '' }));
}
export { recordPath } from './views/public-shared.tsx';
/** The content check before publication: set by the module that knows the rules. */
export { ContentFindingsTable, FindingCells } from './views/content-findings.tsx';
export { setContentCheck, textForCheck, type ContentCheck, type ContentCheckInput, type ContentFinding } from './content-check.ts';

/** A public record's text as the content check reads it. */
export interface PublicRecordText {
  id: number;
  code: string;
  indexNo: string;
  title: string;
  publisherName: string;
  texts: { where: string; text: string }[];
}

/** Public 主动公开 records of a city in id order after `afterId` (the content sweep pages through all of them). */
export async function listPublicRecordTexts(db: DbOrTx, rootUnitId: number, afterId: number, limit: number): Promise<PublicRecordText[]> {
  const rows = await db
    .select({ id: pubRecords.id, code: pubRecords.code, indexNo: pubRecords.indexNo, title: pubRecords.title, summary: pubRecords.summary, bodyHtml: pubRecords.bodyHtml, publisherName: pubRecords.publisherName })
    .from(pubRecords)
    .where(and(eq(pubRecords.rootUnitId, rootUnitId), LISTED_RECORD, sql`${pubRecords.id} > ${afterId}`))
    .orderBy(pubRecords.id)
    .limit(limit);
  if (!rows.length) return [];
  const files = await db
    .select({ recordId: pubAttachments.recordId, name: pubAttachments.originalName, text: pubAttachments.extractedText })
    .from(pubAttachments)
    .where(and(inArray(pubAttachments.recordId, rows.map((r) => r.id)), sql`${pubAttachments.removedAt} IS NULL`, sql`${pubAttachments.extractedText} <> ''`));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    indexNo: r.indexNo ?? '',
    title: r.title,
    publisherName: r.publisherName,
    texts: [
      { where: '标题', text: r.title },
      { where: '内容概述', text: r.summary },
      { where: '正文', text: textForCheck(r.bodyHtml) },
      ...files.filter((f) => f.recordId === r.id).map((f) => ({ where: `附件“${f.name}”`, text: f.text })),
    ],
  }));
}
/** The feed writers (Atom, RSS 2.0), for other modules' feeds. */
export { atom, rss, type FeedEntry, type FeedInfo } from './http/feeds-xml.ts';

/** A general column's activity for the website monitor: how many public records it lists and the newest 发布日期. */
export interface ColumnActivity {
  column: 'news' | 'notice' | 'policy';
  label: string;
  href: string;
  items: number;
  latest: string | null;
}

const COLUMN_PAGES = { news: ['政务动态', '/columns/news'], notice: ['通知公告', '/columns/notices'], policy: ['政策文件', '/columns/policies'] } as const;

export async function columnActivity(db: DbOrTx, rootUnitId: number): Promise<ColumnActivity[]> {
  const rows = await db
    .select({ column: pubRecords.generalColumn, items: sql<number>`count(*)::int`, latest: sql<string | null>`max(${pubRecords.publishedOn})::text` })
    .from(pubRecords)
    .where(and(eq(pubRecords.rootUnitId, rootUnitId), LISTED_RECORD))
    .groupBy(pubRecords.generalColumn);
  return (Object.keys(COLUMN_PAGES) as (keyof typeof COLUMN_PAGES)[]).map((c) => {
    const r = rows.find((x) => x.column === c);
    return { column: c, label: COLUMN_PAGES[c][0], href: COLUMN_PAGES[c][1], items: r?.items ?? 0, latest: r?.latest ?? null };
  });
}

/** The newest 发布日期 of any public record of a city (what its home page lists first). */
export async function latestPublication(db: DbOrTx, rootUnitId: number): Promise<string | null> {
  const [r] = await db.select({ latest: sql<string | null>`max(${pubRecords.publishedOn})::text` }).from(pubRecords).where(and(eq(pubRecords.rootUnitId, rootUnitId), LISTED_RECORD));
  return r?.latest ?? null;
}


/** 考核: a record published in a period, with its 公开时限 outcome and, for a policy document, whether a 政策解读 is published with it. */
export interface AssessmentRecordFact {
  unitId: number;
  code: string;
  title: string;
  publishedOn: string;
  dueOn: string | null;
  late: boolean | null;
  needsInterpretation: boolean;
  interpreted: boolean;
}

export async function assessmentRecordFacts(db: DbOrTx, rootUnitId: number, from: string, to: string): Promise<AssessmentRecordFact[]> {
  const r = await db.execute(sql`SELECT r.unit_id, r.code, r.title, r.published_on::text AS published_on, r.due_on::text AS due_on, r.published_late,
      (r.kind = 'record' AND r.interpretation_waiver = '' AND (r.doc_type IN ('regulation', 'normative') OR r.needs_interpretation)) AS needs,
      EXISTS (SELECT 1 FROM pub_interpretation_links l JOIN pub_records i ON i.id = l.interpretation_id WHERE l.policy_id = r.id AND i.state = 'published') AS interpreted
    FROM pub_records r
    WHERE r.root_unit_id = ${rootUnitId} AND r.state IN ('published', 'withdrawn') AND r.published_on BETWEEN ${from} AND ${to}
    ORDER BY r.unit_id, r.published_on, r.id`);
  return (r.rows as { unit_id: string; code: string; title: string; published_on: string; due_on: string | null; published_late: boolean | null; needs: boolean; interpreted: boolean }[]).map((x) => ({
    unitId: Number(x.unit_id),
    code: x.code,
    title: x.title,
    publishedOn: x.published_on,
    dueOn: x.due_on,
    late: x.published_late,
    needsInterpretation: x.needs,
    interpreted: x.interpreted,
  }));
}

/** 考核 (目录覆盖): how many public records each unit has under each catalog item, published on or before a day. */
export async function recordCountsByCatalogItem(db: DbOrTx, rootUnitId: number, to: string): Promise<{ unitId: number; catalogItemId: number; n: number }[]> {
  const r = await db.execute(sql`SELECT unit_id, catalog_item_id, count(*)::int AS n FROM pub_records
    WHERE root_unit_id = ${rootUnitId} AND catalog_item_id IS NOT NULL AND state = 'published' AND disclosure = 'proactive' AND published_on <= ${to}
    GROUP BY unit_id, catalog_item_id`);
  return (r.rows as { unit_id: string; catalog_item_id: string; n: number }[]).map((x) => ({ unitId: Number(x.unit_id), catalogItemId: Number(x.catalog_item_id), n: x.n }));
}

/** Vocabularies and column addresses for other modules' browsing pages (the query terminals' start page). */
export { SUBJECTS, GENERAL_COLUMNS, GENERAL_COLUMN_LABELS } from './domain/vocab.ts';
export { columnListPath } from './views/public-shared.tsx';
