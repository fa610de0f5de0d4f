// The letter templates of a site: the current text (saved, or the default written from the law) and
// saving a new version. Every save adds a row to req_letter_template_versions (never changed) and sets
// the current text in req_letter_templates, with the audit row, in one transaction.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Core } from '../../../core/services.ts';
import type { DbOrTx } from '../../../core/db/index.ts';
import { writeAudit, type Actor } from '../../../core/audit/index.ts';
import { formatInstant } from '../../../core/clock.ts';
import { reqLetterTemplates, reqLetterTemplateVersions } from '../data/schema.ts';
import { defaultTemplate, DEFAULT_TEMPLATES, type DefaultTemplate, type LetterKind } from './defaults.ts';
import { TEMPLATE_LIMITS, validateTemplate } from './template-text.ts';

export interface CurrentTemplate {
  kind: LetterKind;
  label: string;
  title: string;
  body: string;
  /** 0: the built-in default (never saved). */
  version: number;
  changedByName: string | null;
  changedAt: Date | null;
  reason: string;
  isDefault: boolean;
  def: DefaultTemplate;
}

export type TemplateVersionRow = typeof reqLetterTemplateVersions.$inferSelect;

async function latestVersion(db: DbOrTx, rootUnitId: number, kind: string): Promise<TemplateVersionRow | undefined> {
  const rows = await db
    .select()
    .from(reqLetterTemplateVersions)
    .where(and(eq(reqLetterTemplateVersions.rootUnitId, rootUnitId), eq(reqLetterTemplateVersions.key, kind)))
    .orderBy(desc(reqLetterTemplateVersions.version))
    .limit(1);
  return rows[0];
}

/** The current template of one kind for a site; undefined for an unknown kind. */
export async function currentTemplate(db: DbOrTx, rootUnitId: number, kind: string): Promise<CurrentTemplate | undefined> {
  const def = defaultTemplate(kind);
  if (!def) return undefined;
  // Sequential: saveTemplate calls this with its transaction (one connection).
  const saved = await db
    .select()
    .from(reqLetterTemplates)
    .where(and(eq(reqLetterTemplates.rootUnitId, rootUnitId), eq(reqLetterTemplates.key, kind)))
    .limit(1);
  const version = await latestVersion(db, rootUnitId, kind);
  const row = saved[0];
  if (!row) return { kind: def.kind, label: def.label, title: def.title, body: def.body, version: 0, changedByName: null, changedAt: null, reason: '', isDefault: true, def };
  return {
    kind: def.kind,
    label: def.label,
    title: row.title,
    body: row.body,
    version: version?.version ?? 1,
    changedByName: version?.changedByName ?? null,
    changedAt: version?.changedAt ?? row.updatedAt,
    reason: version?.reason ?? '',
    isDefault: false,
    def,
  };
}

/** Every kind with its current version number (0 = default), for the list of templates. */
export async function templateOverview(db: DbOrTx, rootUnitId: number): Promise<{ def: DefaultTemplate; version: number; changedAt: Date | null; changedByName: string | null }[]> {
  const rows = await db
    .select({
      key: reqLetterTemplateVersions.key,
      version: sql<number>`max(${reqLetterTemplateVersions.version})::int`,
      changedAt: sql<Date>`max(${reqLetterTemplateVersions.changedAt})`,
      changedByName: sql<string>`(array_agg(${reqLetterTemplateVersions.changedByName} order by ${reqLetterTemplateVersions.version} desc))[1]`,
    })
    .from(reqLetterTemplateVersions)
    .where(eq(reqLetterTemplateVersions.rootUnitId, rootUnitId))
    .groupBy(reqLetterTemplateVersions.key);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return DEFAULT_TEMPLATES.map((def) => {
    const r = byKey.get(def.kind);
    return { def, version: r?.version ?? 0, changedAt: r ? new Date(r.changedAt) : null, changedByName: r?.changedByName ?? null };
  });
}

export async function templateVersions(db: DbOrTx, rootUnitId: number, kind: string): Promise<TemplateVersionRow[]> {
  return db
    .select()
    .from(reqLetterTemplateVersions)
    .where(and(eq(reqLetterTemplateVersions.rootUnitId, rootUnitId), eq(reqLetterTemplateVersions.key, kind)))
    .orderBy(desc(reqLetterTemplateVersions.version));
}

export interface TemplateEdit {
  title: string;
  body: string;
  reason: string;
  /** The version the form was based on (0: the default); a save over a newer version is refused. */
  baseVersion?: number;
}

export type SaveTemplateResult = { ok: true; version: number } | { ok: false; errors: Record<string, string> };

/** Saves a new version of a site's template of one kind (the openness office; checked by the route). */
export async function saveTemplate(core: Core, actor: Actor & { id: number | null }, rootUnitId: number, kind: string, edit: TemplateEdit): Promise<SaveTemplateResult> {
  const def = defaultTemplate(kind);
  if (!def) return { ok: false, errors: { kind: '没有这种文书' } };
  const errors = validateTemplate(edit.title, edit.body, def.required);
  if (!edit.reason.trim()) errors.reason = '请填写修改说明';
  else if ([...edit.reason].length > TEMPLATE_LIMITS.reason) errors.reason = `修改说明不能超过${TEMPLATE_LIMITS.reason}个字`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return core.db.transaction(async (tx) => {
    // One saver per site and kind at a time, so version numbers never collide.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727150, hashtext(${`${rootUnitId}:${kind}`}))`);
    const current = await currentTemplate(tx, rootUnitId, kind);
    const currentVersion = current?.version ?? 0;
    if (edit.baseVersion !== undefined && edit.baseVersion !== currentVersion) {
      return {
        ok: false as const,
        errors: {
          body: `在您编辑期间，${current?.changedByName ?? '他人'}${current?.changedAt ? `于${formatInstant(current.changedAt)}` : ''}保存了第${currentVersion}版。您的修改尚未保存；请重新打开本页，在第${currentVersion}版的基础上修改。`,
        },
      };
    }
    if (current && current.title === edit.title && current.body === edit.body) {
      return { ok: false as const, errors: { body: current.isDefault ? '内容与默认文本相同，无需保存。' : `内容与当前第${currentVersion}版相同，无需保存。` } };
    }
    const now = core.clock.now();
    const version = currentVersion + 1;
    await tx.insert(reqLetterTemplateVersions).values({
      rootUnitId,
      key: kind,
      version,
      title: edit.title,
      body: edit.body,
      reason: edit.reason,
      changedBy: actor.id,
      changedByName: actor.name,
      changedAt: now,
    });
    await tx
      .insert(reqLetterTemplates)
      .values({ rootUnitId, key: kind, title: edit.title, body: edit.body, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: [reqLetterTemplates.rootUnitId, reqLetterTemplates.key], set: { title: edit.title, body: edit.body, updatedBy: actor.id, updatedAt: now } });
    await writeAudit(
      tx,
      actor,
      {
        action: 'requests.letter-template-saved',
        targetType: 'req_letter_template',
        targetId: kind,
        unitId: rootUnitId,
        summary: { before: { version: currentVersion }, after: { version, title: edit.title }, note: edit.reason },
      },
      now,
    );
    return { ok: true as const, version };
  });
}
