// The 政府信息公开指南 of a unit: the current text (saved, or generated from the unit's data) and
// saving a new version (never overwriting one), audited in the same transaction.
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { formatInstant, shanghaiToday } from '../../core/clock.ts';
import { findUnitById, unitRemedies, type UnitRow } from '../units/index.ts';
import {
  GUIDE_SECTION_KEYS,
  GUIDE_SECTION_TITLES,
  changedSectionKeys,
  defaultGuideSections,
  orderedSections,
  validateGuideEdit,
  type GuideSectionKey,
  type GuideSectionText,
  type GuideSupervisors,
} from './domain/guide.ts';
import { guideElementErrors } from './domain/guide-elements.ts';
import { currentGuide, findGuideVersion, insertGuideVersion, lockGuide, type GuideRow } from './data/guide-queries.ts';

/**
 * Where complaints about this unit go: its parent, and the city government's office (条例 第三条、第五十一条);
 * the 行政复议机关 and 人民法院 the unit's letters name too (units module: its setting, else its kind's default).
 */
export async function guideSupervisors(db: DbOrTx, unit: UnitRow): Promise<GuideSupervisors> {
  const [parent, root, remedies] = await Promise.all([
    unit.parentId ? findUnitById(db, unit.parentId) : undefined,
    unit.rootId && unit.rootId !== unit.id ? findUnitById(db, unit.rootId) : undefined,
    unitRemedies(db, unit),
  ]);
  return { superiorName: parent?.name, competentOfficeName: root ? `${root.name}办公室` : undefined, reviewBody: remedies.reviewBody, court: remedies.court };
}

/** The 指南 generated from the unit's current data, dated today (Asia/Shanghai). */
export async function generatedGuide(core: Core, unit: UnitRow): Promise<GuideSectionText[]> {
  return defaultGuideSections(unit, shanghaiToday(core.clock.now()), await guideSupervisors(core.db, unit));
}

export interface GuideDocument {
  sections: GuideSectionText[];
  /** null: nothing saved yet, the text is generated from the unit's data. */
  version: number | null;
  /** YYYY-MM-DD in Asia/Shanghai: when this version was saved, or today for a generated one. */
  date: string;
  changedAt: Date | null;
  reason: string;
}

function documentOf(row: GuideRow, fallback: GuideSectionText[]): GuideDocument {
  return { sections: orderedSections(row.sections, fallback), version: row.version, date: shanghaiToday(row.changedAt), changedAt: row.changedAt, reason: row.reason };
}

/** The current 指南: the newest saved version, or the generated default when none was saved. */
export async function currentGuideDocument(core: Core, unit: UnitRow): Promise<GuideDocument> {
  const [row, generated] = await Promise.all([currentGuide(core.db, unit.id), generatedGuide(core, unit)]);
  if (row) return documentOf(row, generated);
  return { sections: generated, version: null, date: shanghaiToday(core.clock.now()), changedAt: null, reason: '' };
}

export async function guideVersionDocument(core: Core, unit: UnitRow, version: number): Promise<GuideDocument | undefined> {
  const row = await findGuideVersion(core.db, unit.id, version);
  return row ? documentOf(row, []) : undefined;
}

export interface GuideEdit {
  sections: Record<GuideSectionKey, string>;
  reason: string;
  /** The version the form was based on (0: none); a save over a newer version is refused. Omit to skip the check. */
  baseVersion?: number;
}

export type SaveGuideResult = { ok: true; version: number } | { ok: false; errors: Record<string, string> };

/** Saves a new version of the unit's 指南 (条例 第十二条: 及时更新); refuses stale and unchanged saves. */
export async function saveGuide(core: Core, actor: Actor, unit: UnitRow, edit: GuideEdit): Promise<SaveGuideResult> {
  // A section that is empty or too long says so first; then the elements 第十二条 requires.
  const errors = { ...guideElementErrors(edit.sections), ...validateGuideEdit(edit.sections, edit.reason) };
  if (Object.keys(errors).length) return { ok: false, errors };
  const sections = GUIDE_SECTION_KEYS.map((key) => ({ key, title: GUIDE_SECTION_TITLES[key], body: edit.sections[key] }));
  return core.db.transaction(async (tx) => {
    await lockGuide(tx, unit.id);
    const current = await currentGuide(tx, unit.id);
    if (edit.baseVersion !== undefined && (current?.version ?? 0) !== edit.baseVersion && current) {
      return {
        ok: false as const,
        errors: {
          version: `在您编辑期间，${current.changedByName}于${formatInstant(current.changedAt)}保存了第${current.version}版。您的修改尚未保存；请先查看第${current.version}版，确认无误后再次提交将保存为新版本。`,
        },
      };
    }
    const changed = current ? changedSectionKeys(current.sections, sections) : sections.map((s) => s.key);
    if (current && !changed.length) return { ok: false as const, errors: { version: `内容与当前第${current.version}版相同，无需保存新版本。` } };
    const now = core.clock.now();
    const row = await insertGuideVersion(tx, { unitId: unit.id, sections, reason: edit.reason, changedByName: actor.name, changedAt: now });
    await writeAudit(
      tx,
      actor,
      {
        action: 'catalog.guide-saved',
        targetType: 'catalog_guide',
        targetId: unit.slug,
        unitId: unit.id,
        summary: { before: { version: current?.version ?? null }, after: { version: row.version }, changedSections: changed, note: edit.reason },
      },
      now,
    );
    return { ok: true as const, version: row.version };
  });
}
