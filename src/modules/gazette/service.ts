// State-changing verbs of the 政府公报: validate → domain rule → one transaction with its audit row.
// A refusal comes back as reasons a person can read ({ ok: false, reasons }), never as a thrown error.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { hasRole } from '../../core/auth/roles.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { buildTsvectors } from '../../core/search/bigram.ts';
import { htmlToText } from '../../core/search/text.ts';
import { escapeHtml } from '../../core/search/snippet.ts';
import { listPublishedRecordCopies, publicPagesChanged } from '../publishing/index.ts';
import { gazetteIssues, gazetteScans, gazetteSections, gazetteArticles, type ArticleKind } from './data/schema.ts';
import { gazetteRefusals } from './domain/eligibility.ts';
import { nextIssueNumber, numberingProblems, type IssueNumber } from './domain/numbering.ts';
import { DEFAULT_SECTIONS, editRefusal, transition, type IssueAction, type IssueState } from './domain/workflow.ts';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; reasons: string[]; fields?: Record<string, string> };

export interface GazetteActor {
  user: CurrentUser;
  audit: Actor;
}

/** Roles that edit the gazette: the 政务公开办 (in the 政府办公室) and system admins, for the city government. */
export const EDIT_ROLES = ['openness_office', 'openness_head', 'system_admin'] as const;

const refuse = (...reasons: string[]): { ok: false; reasons: string[] } => ({ ok: false, reasons });
/** A refusal shown at one field of the form. */
const refuseAt = (field: string, reason: string, message = reason): { ok: false; reasons: string[]; fields: Record<string, string> } => ({ ok: false, reasons: [reason], fields: { [field]: message } });

/**
 * The government that publishes the gazette for this user, or why none: editors of the 政务公开办 act
 * for their city's 人民政府 (which must be a government that may publish one); anyone else acts for
 * their own unit, which a department or township cannot (国办发〔2018〕22号).
 */
export async function publisherFor(db: DbOrTx, user: CurrentUser): Promise<Result<{ unit: { id: number; name: string } }>> {
  const unitId = hasRole(user, ...EDIT_ROLES) ? user.rootUnitId : user.unitId;
  const [u] = await db.select({ id: units.id, name: units.name, type: units.type, parentId: units.parentId }).from(units).where(eq(units.id, unitId));
  if (!u) return refuse('没有找到您所在的单位。');
  const reasons = gazetteRefusals(u);
  if (reasons.length) return refuse(...reasons);
  if (!hasRole(user, ...EDIT_ROLES)) return refuse('只有政务公开办可以编辑政府公报。');
  return { ok: true, unit: { id: u.id, name: u.name } };
}

export async function governmentName(db: DbOrTx, rootUnitId: number): Promise<string> {
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, rootUnitId));
  return u?.name ?? '';
}

export async function existingNumbers(db: DbOrTx, rootUnitId: number, exceptId?: number): Promise<IssueNumber[]> {
  const rows = await db.select({ id: gazetteIssues.id, year: gazetteIssues.year, number: gazetteIssues.number, overall: gazetteIssues.overall }).from(gazetteIssues).where(eq(gazetteIssues.rootUnitId, rootUnitId));
  // Scanned past issues share the numbering.
  const scans = await db.select({ year: gazetteScans.year, number: gazetteScans.number, overall: gazetteScans.overall }).from(gazetteScans).where(and(eq(gazetteScans.rootUnitId, rootUnitId), isNull(gazetteScans.withdrawnAt)));
  return [...rows.filter((r) => r.id !== exceptId).map(({ year, number, overall }) => ({ year, number, overall })), ...scans];
}

export async function proposedNumber(db: DbOrTx, rootUnitId: number, year: number): Promise<IssueNumber> {
  return nextIssueNumber(await existingNumbers(db, rootUnitId), year);
}

export type IssueRow = typeof gazetteIssues.$inferSelect;
export type SectionRow = typeof gazetteSections.$inferSelect;
export type ArticleRow = typeof gazetteArticles.$inferSelect;

export async function findIssue(db: DbOrTx, rootUnitId: number, year: number, number: number, forUpdate = false): Promise<IssueRow | undefined> {
  const q = db
    .select()
    .from(gazetteIssues)
    .where(and(eq(gazetteIssues.rootUnitId, rootUnitId), eq(gazetteIssues.year, year), eq(gazetteIssues.number, number)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function createIssue(core: Core, actor: GazetteActor, input: { year: number; number: number; overall: number; issuedOn: string | null }): Promise<Result<{ issue: IssueRow }>> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727150, ${pub.unit.id}::int)`);
    const problems = numberingProblems(await existingNumbers(tx, pub.unit.id), input);
    if (problems.length) return { ok: false as const, reasons: problems, fields: { number: problems[0]! } };
    const [issue] = await tx.insert(gazetteIssues).values({ rootUnitId: pub.unit.id, year: input.year, number: input.number, overall: input.overall, issuedOn: input.issuedOn, createdAt: now, updatedAt: now }).returning();
    await tx.insert(gazetteSections).values(DEFAULT_SECTIONS.map((name, i) => ({ issueId: issue!.id, name, sortOrder: (i + 1) * 10 })));
    await writeAudit(tx, actor.audit, { action: 'gazette.issue_created', targetType: 'gazette_issue', targetId: issue!.id, summary: { ...input } }, now);
    return { ok: true as const, issue: issue! };
  });
}

/** Runs `change` on an issue being edited (locked), with the audit row; refused once proofread or released. */
async function editIssue<T extends object>(
  core: Core,
  actor: GazetteActor,
  key: { year: number; number: number },
  action: string,
  change: (tx: Tx, issue: IssueRow) => Promise<Result<T> & { summary?: Record<string, unknown> }>,
): Promise<Result<T>> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const issue = await findIssue(tx, pub.unit.id, key.year, key.number, true);
    if (!issue) return refuse('没有这一期公报。');
    const no = editRefusal(issue.state);
    if (no) return refuse(no);
    const r = await change(tx, issue);
    if (!r.ok) return r;
    await tx.update(gazetteIssues).set({ updatedAt: now, lockVersion: sql`${gazetteIssues.lockVersion} + 1`, pdf: null, pdfPages: null }).where(eq(gazetteIssues.id, issue.id));
    await writeAudit(tx, actor.audit, { action: `gazette.${action}`, targetType: 'gazette_issue', targetId: issue.id, summary: r.summary ?? {} }, now);
    const { summary: _s, ...rest } = r as Result<T> & { summary?: unknown };
    return rest as Result<T>;
  });
}

async function sectionOf(tx: Tx, issue: IssueRow, sectionId: number): Promise<SectionRow | undefined> {
  const [s] = await tx.select().from(gazetteSections).where(and(eq(gazetteSections.id, sectionId), eq(gazetteSections.issueId, issue.id)));
  return s;
}

async function nextSort(tx: Tx, sectionId: number): Promise<number> {
  const [r] = await tx.select({ m: sql<number>`coalesce(max(${gazetteArticles.sortOrder}), 0)::int` }).from(gazetteArticles).where(eq(gazetteArticles.sectionId, sectionId));
  return (r?.m ?? 0) + 10;
}

/** Copies published 主动公开 records into a section, in the order given; a record already in the issue is skipped. */
export function addRecords(core: Core, actor: GazetteActor, key: { year: number; number: number }, sectionId: number, recordIds: number[]) {
  return editIssue<{ added: number }>(core, actor, key, 'records_added', async (tx, issue) => {
    const section = await sectionOf(tx, issue, sectionId);
    if (!section) return refuseAt('sectionId', '请选择栏目。', '请选择栏目');
    if (!recordIds.length) return refuseAt('recordIds', '请至少选择一篇已公开的文件。', '请至少选择一篇已公开的文件');
    const found = await listPublishedRecordCopies(tx, issue.rootUnitId, { ids: recordIds, limit: recordIds.length });
    const present = new Set(
      (await tx.select({ r: gazetteArticles.recordId }).from(gazetteArticles).where(and(eq(gazetteArticles.issueId, issue.id), inArray(gazetteArticles.recordId, recordIds)))).map((r) => r.r),
    );
    let sort = await nextSort(tx, section.id);
    let added = 0;
    for (const id of recordIds) {
      const rec = found.find((f) => f.id === id);
      if (!rec || present.has(id)) continue;
      await tx.insert(gazetteArticles).values({
        issueId: issue.id,
        sectionId: section.id,
        sortOrder: sort,
        kind: 'record',
        recordId: rec.id,
        recordIndexNo: rec.indexNo,
        title: rec.title,
        docNo: rec.docNo,
        issuer: rec.publisherName,
        writtenOn: rec.writtenOn,
        bodyHtml: rec.bodyHtml,
      });
      sort += 10;
      added++;
      present.add(id);
    }
    if (!added && found.length < recordIds.length) return { ok: false, reasons: ['所选文件不是已公开的主动公开信息。'] };
    return { ok: true, added, summary: { section: section.name, recordIds, added } };
  });
}

/** Plain text (one paragraph a line) as the HTML the gazette stores. */
export function textToHtml(text: string): string {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
}

export interface TextArticleInput {
  sectionId: number;
  title: string;
  issuer: string;
  docNo: string;
  writtenOn: string | null;
  body: string;
  /** For a 勘误: the article (id) of an earlier released issue it corrects. */
  correctsArticleId?: number | null;
}

/** A text entered only for the gazette (人事任免 and the like), or a 勘误 of an earlier released article. */
export function addText(core: Core, actor: GazetteActor, key: { year: number; number: number }, input: TextArticleInput, kind: Exclude<ArticleKind, 'record'> = 'text') {
  return editIssue<{ articleId: number }>(core, actor, key, kind === 'erratum' ? 'erratum_added' : 'text_added', async (tx, issue) => {
    const section = await sectionOf(tx, issue, input.sectionId);
    if (!section) return refuseAt('sectionId', '请选择栏目。', '请选择栏目');
    let corrects: number | null = null;
    if (kind === 'erratum') {
      const [target] = input.correctsArticleId
        ? await tx
            .select({ id: gazetteArticles.id, state: gazetteIssues.state, rootUnitId: gazetteIssues.rootUnitId })
            .from(gazetteArticles)
            .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteArticles.issueId))
            .where(eq(gazetteArticles.id, input.correctsArticleId))
        : [];
      if (!target || target.state !== 'released' || target.rootUnitId !== issue.rootUnitId) return refuseAt('correctsArticleId', '勘误只能更正已发行的往期文章，请从列表中选择。', '请选择所更正的往期文章');
      corrects = target.id;
    }
    const bodyHtml = textToHtml(input.body);
    const [dup] = await tx
      .select({ id: gazetteArticles.id })
      .from(gazetteArticles)
      .where(and(eq(gazetteArticles.issueId, issue.id), eq(gazetteArticles.title, input.title), eq(gazetteArticles.bodyHtml, bodyHtml)));
    // The same text posted twice (a double click, a reload) is added once.
    if (dup) return { ok: true, articleId: dup.id, summary: { duplicate: true } };
    const [a] = await tx
      .insert(gazetteArticles)
      .values({ issueId: issue.id, sectionId: section.id, sortOrder: await nextSort(tx, section.id), kind, title: input.title, issuer: input.issuer, docNo: input.docNo, writtenOn: input.writtenOn, bodyHtml, correctsArticleId: corrects })
      .returning({ id: gazetteArticles.id });
    return { ok: true, articleId: a!.id, summary: { section: section.name, title: input.title, corrects } };
  });
}

/** Moves an article up or down within its section, to another section, or removes it from the issue. */
export function changeArticle(core: Core, actor: GazetteActor, key: { year: number; number: number }, articleId: number, change: { move?: 'up' | 'down'; sectionId?: number; remove?: boolean }) {
  return editIssue<object>(core, actor, key, 'article_changed', async (tx, issue) => {
    const [a] = await tx.select().from(gazetteArticles).where(and(eq(gazetteArticles.id, articleId), eq(gazetteArticles.issueId, issue.id)));
    if (!a) return refuse('本期没有这篇文章。');
    if (change.remove) {
      await tx.delete(gazetteArticles).where(eq(gazetteArticles.id, a.id));
      return { ok: true, summary: { removed: a.title } };
    }
    if (change.sectionId !== undefined) {
      const s = await sectionOf(tx, issue, change.sectionId);
      if (!s) return refuse('请选择栏目。');
      await tx.update(gazetteArticles).set({ sectionId: s.id, sortOrder: await nextSort(tx, s.id) }).where(eq(gazetteArticles.id, a.id));
      return { ok: true, summary: { moved: a.title, section: s.name } };
    }
    const siblings = await tx.select({ id: gazetteArticles.id, sortOrder: gazetteArticles.sortOrder }).from(gazetteArticles).where(eq(gazetteArticles.sectionId, a.sectionId)).orderBy(asc(gazetteArticles.sortOrder), asc(gazetteArticles.id));
    const i = siblings.findIndex((s) => s.id === a.id);
    const j = change.move === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return { ok: true, summary: {} };
    const order = siblings.map((s) => s.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [k, id] of order.entries()) await tx.update(gazetteArticles).set({ sortOrder: (k + 1) * 10 }).where(eq(gazetteArticles.id, id));
    return { ok: true, summary: { moved: a.title, direction: change.move } };
  });
}

/** Adds a section, renames or reorders one, or deletes an empty one. */
export function changeSection(core: Core, actor: GazetteActor, key: { year: number; number: number }, change: { sectionId?: number; name?: string; sortOrder?: number; remove?: boolean }) {
  return editIssue<object>(core, actor, key, 'section_changed', async (tx, issue) => {
    if (change.sectionId === undefined) {
      if (!change.name) return refuseAt('name', '请填写栏目名称。', '请填写栏目名称');
      const [r] = await tx.select({ m: sql<number>`coalesce(max(${gazetteSections.sortOrder}), 0)::int` }).from(gazetteSections).where(eq(gazetteSections.issueId, issue.id));
      await tx.insert(gazetteSections).values({ issueId: issue.id, name: change.name, sortOrder: change.sortOrder ?? (r?.m ?? 0) + 10 });
      return { ok: true, summary: { added: change.name } };
    }
    const s = await sectionOf(tx, issue, change.sectionId);
    if (!s) return refuse('本期没有这个栏目。');
    if (change.remove) {
      const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(gazetteArticles).where(eq(gazetteArticles.sectionId, s.id));
      if (n!.n > 0) return refuse(`栏目“${s.name}”中还有文章，请先移走或删除。`);
      await tx.delete(gazetteSections).where(eq(gazetteSections.id, s.id));
      return { ok: true, summary: { removed: s.name } };
    }
    if (!change.name) return refuseAt('name', '请填写栏目名称。', '请填写栏目名称');
    await tx.update(gazetteSections).set({ name: change.name, sortOrder: change.sortOrder ?? s.sortOrder }).where(eq(gazetteSections.id, s.id));
    return { ok: true, summary: { section: s.name, name: change.name, sortOrder: change.sortOrder } };
  });
}

/** Sections in order, each with its articles in order. */
export async function contentsOf(db: DbOrTx, issueId: number): Promise<{ section: SectionRow; articles: ArticleRow[] }[]> {
  const [sections, articles] = await Promise.all([
    db.select().from(gazetteSections).where(eq(gazetteSections.issueId, issueId)).orderBy(asc(gazetteSections.sortOrder), asc(gazetteSections.id)),
    db.select().from(gazetteArticles).where(eq(gazetteArticles.issueId, issueId)).orderBy(asc(gazetteArticles.sortOrder), asc(gazetteArticles.id)),
  ]);
  return sections.map((section) => ({ section, articles: articles.filter((a) => a.sectionId === section.id) }));
}

/** 校对 / 审定 / 发行 / 退回修改. Release fixes the contents: numbers every article and indexes it for search. */
export async function actOnIssue(core: Core, actor: GazetteActor, key: { year: number; number: number }, action: IssueAction): Promise<Result<{ state: IssueState }>> {
  const pub = await publisherFor(core.db, actor.user);
  if (!pub.ok) return pub;
  const now = core.clock.now();
  const r = await core.db.transaction(async (tx) => {
    const issue = await findIssue(tx, pub.unit.id, key.year, key.number, true);
    if (!issue) return refuse('没有这一期公报。');
    const contents = await contentsOf(tx, issue.id);
    const all = contents.flatMap((c) => c.articles);
    const t = transition(
      { state: issue.state, articleCount: all.length, emptyArticles: all.filter((a) => !htmlToText(a.bodyHtml).trim()).map((a) => a.title), unlinkedErrata: all.filter((a) => a.kind === 'erratum' && !a.correctsArticleId).length },
      action,
    );
    if (t.reasons.length) return refuse(...t.reasons);
    const set: Partial<IssueRow> = { state: t.to, updatedAt: now, pdf: null, pdfPages: null };
    if (t.to === 'released') {
      set.releasedAt = now;
      set.issuedOn = issue.issuedOn ?? shanghaiToday(now);
      for (const [i, a] of all.entries()) {
        const [vector] = buildTsvectors([
          { text: a.title, weight: 'A' },
          { text: a.docNo, weight: 'A' },
          { text: a.issuer, weight: 'B' },
          { text: htmlToText(a.bodyHtml), weight: 'C' },
        ]);
        await tx.update(gazetteArticles).set({ seq: i + 1, search: sql`${vector ?? ''}::tsvector` }).where(eq(gazetteArticles.id, a.id));
      }
    }
    await tx.update(gazetteIssues).set(set).where(eq(gazetteIssues.id, issue.id));
    await writeAudit(tx, actor.audit, { action: `gazette.${action}`, targetType: 'gazette_issue', targetId: issue.id, summary: { from: issue.state, to: t.to } }, now);
    return { ok: true as const, state: t.to };
  });
  // Records' pages name the issues that reprint them, and the platform search finds gazette articles.
  if (r.ok && r.state === 'released') publicPagesChanged();
  return r;
}
