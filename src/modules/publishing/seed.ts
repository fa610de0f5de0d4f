// First start: the demo records of 楚雄市 — the city's 2017 pilot plan (楚市政通〔2017〕47号) with its
// interpretation, and about fifty records across units, catalog items and the general columns, all
// published with their 索引号. The full demo adds a few thousand generated records over the last three
// years (./demo/generated.ts, loaded set-based by ./demo/bulk-load.ts). Idempotent: nothing is loaded
// once the plan exists in the city.
import { and, eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { Tx } from '../../core/db/index.ts';
import { units } from '../../core/db/schema.ts';
import { systemActor, writeAudit, type Actor } from '../../core/audit/index.ts';
import { escapeHtml } from '../../core/html/sanitize.ts';
import type { RecordInput } from './domain/types.ts';
import { WITHDRAW_REASON_LABELS } from './domain/vocab.ts';
import { pubRecords } from './data/schema.ts';
import { findRecordById, insertLink, updateRecord, type RecordRow } from './data/repository.ts';
import { findUnitCatalogItemByName } from './data/catalog-items.ts';
import { refreshSearchDocument } from './data/search-index.ts';
import { addRecordVersion, loadPublishedRecord } from './service.ts';
import { listUnitCatalogItemsForPicker, type TimeLimitRule } from '../catalog/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { PLAN_2017_47 } from './demo/plan-2017-47.ts';
import { generateDemoRecords, type GenItem, type GenUnit } from './demo/generated.ts';
import { bulkLoadRecords, type BulkUnit } from './demo/bulk-load.ts';
import { DEMO_RECORDS, type DemoRecord } from './demo/records.ts';

const DEMO_ACTOR: Actor = { ...systemActor, name: '系统（演示数据）' };
const ROOT_SLUG = 'city-government';

/** Demo body text to HTML: one paragraph per line, "## " lines as headings. */
export function demoBodyHtml(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (l.startsWith('## ') ? `<h2>${escapeHtml(l.slice(3))}</h2>` : `<p>${escapeHtml(l)}</p>`))
    .join('\n');
}

/** The plan itself, as a demo record. */
export const PLAN_RECORD: DemoRecord = {
  key: 'plan-47',
  unit: ROOT_SLUG,
  column: 'policy',
  title: PLAN_2017_47.title,
  docNo: PLAN_2017_47.docNo,
  writtenOn: PLAN_2017_47.writtenOn,
  publishedOn: '2017-06-30',
  subject: '综合政务',
  genre: '通知',
  docType: 'normative',
  keywords: ['政务公开', '标准化规范化', '试点', '五公开', '政策解读'],
  summary: '部署楚雄市开展全国基层政务公开标准化规范化试点工作的总体要求、实施范围、重点任务、实施步骤和工作措施。',
  body: '',
};

export function allDemoRecords(): DemoRecord[] {
  return [PLAN_RECORD, ...DEMO_RECORDS];
}

function inputOf(d: DemoRecord, publisherName: string, itemId: number | null): RecordInput {
  return {
    kind: d.interpretationOf ? 'interpretation' : 'record',
    interpretationForm: d.interpretationForm ?? null,
    catalogItemId: itemId,
    // Filed under the item when the unit's catalog has it, else in the column.
    generalColumn: itemId === null ? (d.column ?? 'notice') : null,
    title: d.title,
    publisherName,
    docNo: d.docNo ?? '',
    writtenOn: d.writtenOn,
    formedOn: d.formedOn ?? d.writtenOn,
    subject: d.subject,
    genre: d.genre,
    docType: d.docType ?? 'other',
    needsInterpretation: d.needsInterpretation ?? false,
    keywords: d.keywords,
    summary: d.summary,
    bodyHtml: d.key === PLAN_RECORD.key ? PLAN_2017_47.bodyHtml : demoBodyHtml(d.body),
    disclosure: d.withheld ? 'withheld' : 'proactive',
    disclosureGrounds: d.withheld?.grounds ?? [],
    disclosureNote: d.withheld?.note ?? '',
    reevaluateOn: d.withheld?.reevaluateOn ?? null,
  };
}

export async function seedPublishing(core: Core, volume: 'full' | 'lean' = 'lean'): Promise<void> {
  const [root] = await core.db.select({ id: units.id }).from(units).where(eq(units.slug, ROOT_SLUG));
  if (!root) return;
  const existing = await core.db
    .select({ id: pubRecords.id })
    .from(pubRecords)
    .where(and(eq(pubRecords.rootUnitId, root.id), eq(pubRecords.docNo, PLAN_2017_47.docNo)))
    .limit(1);
  if (existing.length) return;
  const calendar = await core.calendar.calendar();
  await core.db.transaction(async (tx) => {
    const loaded = await loadDemoRecords(tx, core, root.id, calendar);
    const generated = volume === 'full' ? await loadGeneratedRecords(tx, core, root.id, calendar) : 0;
    await writeAudit(tx, DEMO_ACTOR, { action: 'seed.publishing', targetType: 'pub_record', targetId: 'demo', unitId: root.id, summary: { records: loaded, generated } }, core.clock.now());
  });
}

async function loadDemoRecords(tx: Tx, core: Core, rootId: number, calendar: Awaited<ReturnType<Core['calendar']['calendar']>>): Promise<number> {
  const unitRows = await tx.select({ id: units.id, slug: units.slug, name: units.name, rootId: units.rootId }).from(units);
  const bySlug = new Map(unitRows.filter((u) => (u.rootId ?? u.id) === rootId).map((u) => [u.slug, u]));
  // Sequence numbers follow publication order within each unit and year.
  const demo = allDemoRecords()
    .filter((d) => bySlug.has(d.unit))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.publishedOn === b.d.publishedOn ? a.i - b.i : a.d.publishedOn < b.d.publishedOn ? -1 : 1))
    .map((x) => x.d);
  const byKey = new Map<string, RecordRow>();
  for (const d of demo) {
    const unit = bySlug.get(d.unit)!;
    const item = d.item ? await findUnitCatalogItemByName(tx, unit.id, d.item) : undefined;
    const record = await loadPublishedRecord(tx, core, DEMO_ACTOR, calendar, { unitId: unit.id, input: inputOf(d, unit.name, item?.id ?? null), publishedOn: d.publishedOn }, { refreshSearch: false });
    byKey.set(d.key, record);
  }
  for (const d of demo) {
    const record = byKey.get(d.key)!;
    const at = new Date(`${d.publishedOn}T01:30:00Z`);
    if (d.interpretationOf) {
      const policy = byKey.get(d.interpretationOf);
      if (policy) await insertLink(tx, policy.id, record.id, at);
    }
    if (d.validity) {
      const replacedBy = d.validity.replacedBy ? byKey.get(d.validity.replacedBy) : undefined;
      const current = (await findRecordById(tx, record.id))!;
      const updated = await updateRecord(tx, record.id, { validity: d.validity.validity, validityChangedOn: d.validity.changedOn, replacedById: replacedBy?.id ?? null, lockVersion: current.lockVersion + 1 });
      const note = `于 ${d.validity.changedOn} ${d.validity.validity === 'repealed' ? '废止' : '失效'}${replacedBy ? `，由 ${replacedBy.indexNo} 替代` : ''}`;
      await addRecordVersion(tx, updated, 'validity', true, note, DEMO_ACTOR, new Date(`${d.validity.changedOn}T02:00:00Z`));
    }
    if (d.withdrawn) {
      const current = (await findRecordById(tx, record.id))!;
      const when = new Date(`${d.withdrawn.on}T02:00:00Z`);
      const updated = await updateRecord(tx, record.id, { state: 'withdrawn', withdrawReason: d.withdrawn.reason, withdrawNote: d.withdrawn.note, withdrawnAt: when, lockVersion: current.lockVersion + 1 });
      await addRecordVersion(tx, updated, 'withdrawn', true, `撤回（${WITHDRAW_REASON_LABELS[d.withdrawn.reason]}）：${d.withdrawn.note}`, DEMO_ACTOR, when);
    }
  }
  for (const r of byKey.values()) await refreshSearchDocument(tx, r.id);
  return byKey.size;
}

/** Full demo: the generated records of this year and the two before, up to yesterday. */
async function loadGeneratedRecords(tx: Tx, core: Core, rootId: number, calendar: Awaited<ReturnType<Core['calendar']['calendar']>>): Promise<number> {
  const today = shanghaiToday(core.clock.now());
  const year = Number(today.slice(0, 4));
  const unitRows = await tx
    .select({ id: units.id, slug: units.slug, name: units.name, shortName: units.shortName, type: units.type, uscc: units.uscc, rootId: units.rootId, archivedAt: units.archivedAt })
    .from(units);
  const cityUnits = unitRows.filter((u) => (u.rootId ?? u.id) === rootId && !u.archivedAt).sort((a, b) => a.id - b.id);
  const itemsByUnit = new Map<number, GenItem[]>();
  const rules = new Map<number, TimeLimitRule>();
  for (const u of cityUnits) {
    const items = await listUnitCatalogItemsForPicker(tx, u.id);
    itemsByUnit.set(u.id, items.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, domainName: i.domainName })));
    for (const i of items) rules.set(i.id, i.timeLimitRule);
  }
  const taken = new Set((await tx.select({ docNo: pubRecords.docNo }).from(pubRecords).where(eq(pubRecords.rootUnitId, rootId))).map((r) => r.docNo));
  const gen: GenUnit[] = cityUnits.map((u) => ({ id: u.id, slug: u.slug, name: u.name, shortName: u.shortName, type: u.type }));
  const records = generateDemoRecords(gen, itemsByUnit, [year - 2, year - 1, year], today, { takenDocNos: taken });
  const byId = new Map<number, BulkUnit>(cityUnits.map((u) => [u.id, { id: u.id, uscc: u.uscc }]));
  return bulkLoadRecords(tx, rootId, records, byId, rules, calendar, DEMO_ACTOR.name);
}
