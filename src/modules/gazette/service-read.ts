// Reading the 政府公报: what the public sees (released issues only) and the staff lists.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../core/db/index.ts';
import { parseQuery } from '../../core/search/bigram.ts';
import { snippet, type Segment } from '../../core/search/snippet.ts';
import { htmlToText } from '../../core/search/text.ts';
import { gazetteArticles, gazetteIssues } from './data/schema.ts';
import { contentsOf, type ArticleRow } from './service.ts';
import type { IssueState } from './domain/workflow.ts';

/** An issue without its PDF bytes. */
export interface IssueSummary {
  id: number;
  year: number;
  number: number;
  overall: number;
  state: IssueState;
  issuedOn: string | null;
  releasedAt: Date | null;
  articleCount: number;
}

const summaryColumns = {
  id: gazetteIssues.id,
  year: gazetteIssues.year,
  number: gazetteIssues.number,
  overall: gazetteIssues.overall,
  state: gazetteIssues.state,
  issuedOn: gazetteIssues.issuedOn,
  releasedAt: gazetteIssues.releasedAt,
  articleCount: sql<number>`(SELECT count(*)::int FROM gazette_articles a WHERE a.issue_id = ${gazetteIssues.id})`,
};

/** Every issue of the city, newest first (staff). */
export async function listIssues(db: DbOrTx, rootUnitId: number): Promise<IssueSummary[]> {
  return db.select(summaryColumns).from(gazetteIssues).where(eq(gazetteIssues.rootUnitId, rootUnitId)).orderBy(desc(gazetteIssues.overall));
}

const RELEASED = (rootUnitId: number) => and(eq(gazetteIssues.rootUnitId, rootUnitId), eq(gazetteIssues.state, 'released'));

/** Released issues, newest first; of one year when given. */
export async function releasedIssues(db: DbOrTx, rootUnitId: number, year?: number, limit = 200): Promise<IssueSummary[]> {
  const cond = year ? and(RELEASED(rootUnitId), eq(gazetteIssues.year, year)) : RELEASED(rootUnitId);
  return db.select(summaryColumns).from(gazetteIssues).where(cond).orderBy(desc(gazetteIssues.year), desc(gazetteIssues.number)).limit(limit);
}

/** Years with released issues and how many, newest first. */
export async function releasedYears(db: DbOrTx, rootUnitId: number): Promise<{ year: number; count: number }[]> {
  return db
    .select({ year: gazetteIssues.year, count: sql<number>`count(*)::int` })
    .from(gazetteIssues)
    .where(RELEASED(rootUnitId))
    .groupBy(gazetteIssues.year)
    .orderBy(desc(gazetteIssues.year));
}

export async function releasedIssue(db: DbOrTx, rootUnitId: number, year: number, number: number) {
  const [issue] = await db
    .select(summaryColumns)
    .from(gazetteIssues)
    .where(and(RELEASED(rootUnitId), eq(gazetteIssues.year, year), eq(gazetteIssues.number, number)));
  if (!issue) return undefined;
  return { issue, contents: await contentsOf(db, issue.id) };
}

/** Where an article is published: /gazette/2025/3/2. */
export interface ArticleRef {
  year: number;
  number: number;
  overall: number;
  seq: number;
  title: string;
}

export function articlePath(r: { year: number; number: number; seq: number }): string {
  return `/gazette/${r.year}/${r.number}/${r.seq}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const refColumns = (a: { seq: any; title: any }, i: { year: any; number: any; overall: any }) => ({ year: sql<number>`${i.year}`, number: sql<number>`${i.number}`, overall: sql<number>`${i.overall}`, seq: sql<number>`${a.seq}`, title: sql<string>`${a.title}` });

/** A released article with its section, its issue and the 勘误 links both ways. */
export async function releasedArticle(db: DbOrTx, rootUnitId: number, year: number, number: number, seq: number) {
  const found = await releasedIssue(db, rootUnitId, year, number);
  if (!found) return undefined;
  const entry = found.contents.find((c) => c.articles.some((a) => a.seq === seq));
  const article = entry?.articles.find((a) => a.seq === seq);
  if (!entry || !article) return undefined;
  const ordered = found.contents.flatMap((c) => c.articles);
  const i = ordered.findIndex((a) => a.id === article.id);
  const target = alias(gazetteArticles, 'target');
  const targetIssue = alias(gazetteIssues, 'target_issue');
  const corrects = article.correctsArticleId
    ? (
        await db
          .select(refColumns(target, targetIssue))
          .from(target)
          .innerJoin(targetIssue, eq(targetIssue.id, target.issueId))
          .where(and(eq(target.id, article.correctsArticleId), eq(targetIssue.state, 'released')))
      )[0]
    : undefined;
  const correctedBy = await db
    .select(refColumns(gazetteArticles, gazetteIssues))
    .from(gazetteArticles)
    .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId))
    .where(and(eq(gazetteArticles.correctsArticleId, article.id), eq(gazetteIssues.state, 'released')))
    .orderBy(asc(gazetteIssues.overall));
  return { issue: found.issue, section: entry.section, article, corrects, correctedBy, prev: ordered[i - 1], next: ordered[i + 1] };
}

/** Released articles a 勘误 may correct (newest issues first), for the staff form. */
export async function correctableArticles(db: DbOrTx, rootUnitId: number, limit = 300): Promise<(ArticleRef & { id: number })[]> {
  return db
    .select({ id: gazetteArticles.id, ...refColumns(gazetteArticles, gazetteIssues) })
    .from(gazetteArticles)
    .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId))
    .where(and(RELEASED(rootUnitId), isNotNull(gazetteArticles.seq)))
    .orderBy(desc(gazetteIssues.overall), asc(gazetteArticles.seq))
    .limit(limit);
}

/** The released article an article (a 勘误 being drafted) corrects. */
export async function refsOf(db: DbOrTx, ids: number[]): Promise<Map<number, ArticleRef>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: gazetteArticles.id, ...refColumns(gazetteArticles, gazetteIssues) })
    .from(gazetteArticles)
    .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId))
    .where(inArray(gazetteArticles.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface SearchHit extends ArticleRef {
  docNo: string;
  issuer: string;
  titleSegments: Segment[];
  snippet: Segment[];
}

export const SEARCH_PAGE_SIZE = 20;
/** Up to this many matches are ranked by relevance; more are listed newest first. */
export const RANKED_MATCHES = 300;

/**
 * Released articles whose title, 文号, 署名 or text contain every term (CJK bigram phrases, the shared
 * search of ARCHITECTURE §1), best first (title and 文号 weigh most), then newest; a word found in more than
 * RANKED_MATCHES articles lists them newest first.
 */
export async function searchArticles(db: DbOrTx, rootUnitId: number, input: { q: string; year?: number; page: number }): Promise<{ total: number; hits: SearchHit[]; terms: string[] }> {
  const parsed = parseQuery(input.q);
  if (!parsed.tsquery) return { total: 0, hits: [], terms: [] };
  const cond = and(
    RELEASED(rootUnitId),
    input.year ? eq(gazetteIssues.year, input.year) : undefined,
    sql`${gazetteArticles.search} @@ ${parsed.tsquery}::tsquery`,
  );
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(gazetteArticles).innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId)).where(cond);
  const rows = await db
    .select({ ...refColumns(gazetteArticles, gazetteIssues), docNo: gazetteArticles.docNo, issuer: gazetteArticles.issuer, bodyHtml: gazetteArticles.bodyHtml })
    .from(gazetteArticles)
    .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId))
    .where(cond)
    // Ranking reads every match's vector: for a common word (hundreds of matches) newest first is as useful and cheap.
    .orderBy(...((count?.n ?? 0) <= RANKED_MATCHES ? [sql`ts_rank(${gazetteArticles.search}, ${parsed.tsquery}::tsquery, 1) DESC`] : []), desc(gazetteIssues.overall), asc(gazetteArticles.seq))
    .limit(SEARCH_PAGE_SIZE)
    .offset((input.page - 1) * SEARCH_PAGE_SIZE);
  return {
    total: count?.n ?? 0,
    terms: parsed.terms,
    hits: rows.map(({ bodyHtml, ...r }) => ({ ...r, titleSegments: snippet(r.title, parsed.terms, 200), snippet: snippet(htmlToText(bodyHtml), parsed.terms, 120) })),
  };
}

export type { ArticleRow };

/** Released articles that reprint a record (a 主动公开 record's page links to them), oldest issue first. */
export async function articlesOfRecord(db: DbOrTx, rootUnitId: number, recordId: number): Promise<ArticleRef[]> {
  return db
    .select(refColumns(gazetteArticles, gazetteIssues))
    .from(gazetteArticles)
    .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId))
    .where(and(RELEASED(rootUnitId), eq(gazetteArticles.recordId, recordId), isNotNull(gazetteArticles.seq)))
    .orderBy(asc(gazetteIssues.overall), asc(gazetteArticles.seq));
}
