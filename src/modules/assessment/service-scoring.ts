// 考核: the indicator table of a year, the facts gathered from the other modules (through their index.ts),
// the scores stored per site and period, hand-entered points, objections and their decisions.
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { addCalendarDays, addWorkingDays } from '../../core/calendar/working-days.ts';
import { fileStorage } from '../../core/files/storage.ts';
import { assessmentRecordFacts, recordCountsByCatalogItem } from '../publishing/index.ts';
import { proactiveItemsOfUnits } from '../catalog/index.ts';
import { assessmentRequestFacts } from '../requests/index.ts';
import { assessmentMessageFacts } from '../messages/index.ts';
import { annualReportStatus, decidedRemedyCases } from '../annual-report/index.ts';
import { listUnitsOfRoot } from '../units/index.ts';
import { assessmentBulletins, assessmentIndicators, assessmentManualScores, assessmentMonitorRuns, assessmentObjections, assessmentResults, assessmentSettings } from './data/schema.ts';
import { draftBulletin } from './domain/bulletin.ts';
import { DEFAULT_INDICATORS, parsePeriod, rankUnits, scoreUnit, validateIndicators, type Evidence, type Indicator, type IndicatorSource, type Period, type UnitFacts, type UnitScore } from './domain/scoring.ts';

export type ObjectionRow = typeof assessmentObjections.$inferSelect;
export type ManualScoreRow = typeof assessmentManualScores.$inferSelect;
export type ResultRow = typeof assessmentResults.$inferSelect;

export async function indicatorsFor(db: DbOrTx, rootUnitId: number, year: number): Promise<Indicator[]> {
  const rows = await db.select().from(assessmentIndicators).where(and(eq(assessmentIndicators.rootUnitId, rootUnitId), eq(assessmentIndicators.year, year))).orderBy(asc(assessmentIndicators.sortOrder));
  if (rows.length) return rows.map((r) => ({ code: r.code, name: r.name, weight: r.weight, method: r.method, deduct: r.deduct, source: r.source, rule: r.rule }));
  return DEFAULT_INDICATORS.map((i) => ({ ...i }));
}

export async function saveIndicators(core: Core, actor: Actor, rootUnitId: number, year: number, list: Indicator[]): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const errors = validateIndicators(list);
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = core.clock.now();
  const before = await indicatorsFor(core.db, rootUnitId, year);
  await core.db.transaction(async (tx) => {
    await tx.delete(assessmentIndicators).where(and(eq(assessmentIndicators.rootUnitId, rootUnitId), eq(assessmentIndicators.year, year)));
    await tx.insert(assessmentIndicators).values(list.map((i, n) => ({ rootUnitId, year, sortOrder: n, ...i })));
    await writeAudit(tx, actor, { action: 'assessment.indicators', targetType: 'assessment_indicators', targetId: `${rootUnitId}/${year}`, unitId: rootUnitId, summary: { before, after: list } }, now);
  });
  return { ok: true };
}

export async function objectionDays(db: DbOrTx, rootUnitId: number): Promise<number> {
  const [r] = await db.select().from(assessmentSettings).where(eq(assessmentSettings.rootUnitId, rootUnitId));
  return r?.objectionDays ?? 5;
}

export async function saveObjectionDays(core: Core, actor: Actor, rootUnitId: number, days: number): Promise<void> {
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    await tx.insert(assessmentSettings).values({ rootUnitId, objectionDays: days }).onConflictDoUpdate({ target: assessmentSettings.rootUnitId, set: { objectionDays: days } });
    await writeAudit(tx, actor, { action: 'assessment.objection-days', targetType: 'assessment_settings', targetId: rootUnitId, unitId: rootUnitId, summary: { after: { objectionDays: days } } }, now);
  });
}

const staffRecord = (code: string) => `/staff/records/${encodeURIComponent(code)}`;

/** Everything the indicators count for every unit of a city in a period, by unit. */
export async function gatherFacts(core: Core, rootUnitId: number, period: Period): Promise<UnitFacts[]> {
  const db = core.db;
  const [units, records, itemCounts, items, requests, messages, cases, reports, runs, manual, accepted] = await Promise.all([
    listUnitsOfRoot(db, rootUnitId),
    assessmentRecordFacts(db, rootUnitId, period.from, period.to),
    recordCountsByCatalogItem(db, rootUnitId, period.to),
    proactiveItemsOfUnits(db, rootUnitId),
    assessmentRequestFacts(db, rootUnitId, period.from, period.to),
    assessmentMessageFacts(db, rootUnitId, period.from, period.to),
    decidedRemedyCases(db, rootUnitId, period.from, period.to),
    // The report on the year before is due by 31 January (条例 第五十条): counted in the first quarter and the year.
    period.quarter === null || period.quarter === 1 ? annualReportStatus(db, rootUnitId, period.year - 1) : Promise.resolve(null),
    db
      .select()
      .from(assessmentMonitorRuns)
      .where(and(eq(assessmentMonitorRuns.rootUnitId, rootUnitId), lte(assessmentMonitorRuns.startedAt, new Date(`${period.to}T23:59:59+08:00`))))
      .orderBy(desc(assessmentMonitorRuns.startedAt))
      .limit(1),
    db.select().from(assessmentManualScores).where(and(eq(assessmentManualScores.rootUnitId, rootUnitId), eq(assessmentManualScores.period, period.key))),
    db.select().from(assessmentObjections).where(and(eq(assessmentObjections.rootUnitId, rootUnitId), eq(assessmentObjections.period, period.key), eq(assessmentObjections.state, 'accepted'))),
  ]);
  const run = runs[0] && runs[0].startedAt >= new Date(`${period.from}T00:00:00+08:00`) ? runs[0] : null;
  const covered = new Set(itemCounts.map((c) => `${c.unitId}:${c.catalogItemId}`));
  const today = shanghaiToday(core.clock.now());
  return units.map((u) => {
    const ev: Record<IndicatorSource, Evidence[]> = {
      timeliness: [],
      coverage: [],
      interpretation: [],
      requests_on_time: [],
      requests_remedy: [],
      messages_on_time: [],
      messages_satisfaction: [],
      annual_report: [],
      monitor: [],
      manual: [],
    };
    for (const r of records.filter((x) => x.unitId === u.id)) {
      if (r.dueOn) ev.timeliness.push({ key: r.code, label: r.title, href: staffRecord(r.code), ok: !r.late, note: r.late ? `应于${r.dueOn}前公开，${r.publishedOn}发布，超期` : `${r.publishedOn}发布，在${r.dueOn}前` });
      if (r.needsInterpretation) ev.interpretation.push({ key: r.code, label: r.title, href: staffRecord(r.code), ok: r.interpreted, note: r.interpreted ? '已发布解读' : '未发布解读' });
    }
    for (const i of items.filter((x) => x.unitId === u.id)) {
      const ok = covered.has(`${u.id}:${i.itemId}`);
      ev.coverage.push({ key: i.code, label: i.name, href: `/staff/catalog/items/${encodeURIComponent(i.code)}/edit`, ok, note: ok ? `截至${period.to}有公开内容` : `截至${period.to}无公开内容` });
    }
    for (const r of requests.filter((x) => x.unitId === u.id)) {
      const ok = r.repliedOn !== null && (r.dueOn === null || r.repliedOn <= r.dueOn);
      const note = r.repliedOn ? `${r.repliedOn}答复，期限${r.dueOn ?? '—'}${ok ? '' : '，超期'}` : `期限${r.dueOn}，截至期末未答复`;
      ev.requests_on_time.push({ key: r.requestNo, label: `申请 ${r.requestNo}`, href: `/staff/requests/${encodeURIComponent(r.requestNo)}`, ok, note });
    }
    for (const c of cases.filter((x) => x.unitId === u.id && x.result !== 'pending')) {
      const kind = c.kind === 'review' ? '行政复议' : '行政诉讼';
      ev.requests_remedy.push({ key: c.code, label: `${kind} ${c.caseNo}`, ok: c.result !== 'corrected', note: c.result === 'corrected' ? `${c.decidedOn}结果纠正` : `${c.decidedOn}审结，未纠错` });
    }
    for (const m of messages.filter((x) => x.unitId === u.id)) {
      const ok = m.repliedOn !== null && m.repliedOn <= m.dueOn;
      ev.messages_on_time.push({ key: m.itemNo, label: `留言 ${m.itemNo}`, href: `/staff/messages/${encodeURIComponent(m.itemNo)}`, ok, note: m.repliedOn ? `${m.repliedOn}答复，期限${m.dueOn}${ok ? '' : '，超期'}` : `期限${m.dueOn}，截至期末未答复` });
      if (m.satisfaction) {
        const good = m.satisfaction !== 'unsatisfied';
        ev.messages_satisfaction.push({ key: m.itemNo, label: `留言 ${m.itemNo}`, href: `/staff/messages/${encodeURIComponent(m.itemNo)}`, ok: good, note: { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' }[m.satisfaction] ?? m.satisfaction });
      }
    }
    if (reports) {
      const rep = reports.find((x) => x.unitId === u.id);
      const due = `${period.year}-01-31`;
      const published = rep?.state === 'published' && rep.publishedOn;
      // Only counted once the day has passed (or the report is out).
      if (published || today > due) {
        const href = `/staff/annual-reports/${encodeURIComponent(u.slug)}/${period.year - 1}`;
        ev.annual_report.push({ key: `${period.year - 1}-on-time`, label: `${period.year - 1}年度报告按时公布`, href, ok: Boolean(published && rep!.publishedOn! <= due), note: published ? `${rep!.publishedOn}公布（期限${due}）` : `截至期末未公布（期限${due}）` });
        ev.annual_report.push({ key: `${period.year - 1}-checks`, label: `${period.year - 1}年度报告数据一致`, href, ok: Boolean(published), note: published ? '公布时全部核对通过' : '未公布，未通过核对' });
      }
    }
    if (run) {
      for (const f of run.findings.filter((x) => !x.info && (x.unitId ?? rootUnitId) === u.id)) {
        ev.monitor.push({ key: `${f.rule}:${f.url}`, label: f.evidence, href: f.url, ok: false, note: f.citation, veto: f.veto });
      }
    }
    const mine = manual.filter((m) => m.unitId === u.id);
    return {
      unitId: u.id,
      unitName: u.name,
      evidence: ev,
      manual: Object.fromEntries(mine.map((m) => [m.indicatorCode, { points: m.points, note: m.note, evidenceHref: m.fileKey ? `/staff/assessment/${period.key}/manual/${u.id}/${encodeURIComponent(m.indicatorCode)}/file` : undefined }])),
      waived: new Set(accepted.filter((o) => o.unitId === u.id).map((o) => `${o.indicatorCode}:${o.itemKey}`)),
    };
  });
}

/** Scores every unit of a city for a period and stores them; `progress` hears each unit scored. */
export async function computeScores(core: Core, rootUnitId: number, periodKey: string, progress?: (done: number, total: number) => void): Promise<UnitScore[]> {
  const period = parsePeriod(periodKey);
  if (!period) throw new RangeError(`考核期间无效：${periodKey}`);
  const [indicators, facts] = await Promise.all([indicatorsFor(core.db, rootUnitId, period.year), gatherFacts(core, rootUnitId, period)]);
  const scored = facts.map((f, i) => {
    const s = scoreUnit(indicators, f);
    progress?.(i + 1, facts.length);
    return s;
  });
  const scores = rankUnits(scored);
  const now = core.clock.now();
  await core.db
    .insert(assessmentResults)
    .values({ rootUnitId, period: period.key, computedAt: now, releasedOn: shanghaiToday(now), scores })
    .onConflictDoUpdate({ target: [assessmentResults.rootUnitId, assessmentResults.period], set: { computedAt: now, scores } });
  return scores;
}

export async function resultFor(db: DbOrTx, rootUnitId: number, period: string): Promise<ResultRow | null> {
  const [r] = await db.select().from(assessmentResults).where(and(eq(assessmentResults.rootUnitId, rootUnitId), eq(assessmentResults.period, period)));
  return r ?? null;
}

export async function computedPeriods(db: DbOrTx, rootUnitId: number): Promise<string[]> {
  const rows = await db.select({ period: assessmentResults.period }).from(assessmentResults).where(eq(assessmentResults.rootUnitId, rootUnitId)).orderBy(asc(assessmentResults.period));
  return rows.map((r) => r.period);
}

export async function resultsOfYear(db: DbOrTx, rootUnitId: number, year: number): Promise<ResultRow[]> {
  const rows = await db.select().from(assessmentResults).where(eq(assessmentResults.rootUnitId, rootUnitId)).orderBy(asc(assessmentResults.period));
  return rows.filter((r) => r.period.startsWith(`${year}-Q`));
}

/** The last day a unit may object: the set number of working days after the scores were released. */
export async function objectionDeadline(core: Core, rootUnitId: number, releasedOn: string): Promise<string> {
  const days = await objectionDays(core.db, rootUnitId);
  try {
    return addWorkingDays(releasedOn, days, await core.calendar.calendar());
  } catch {
    // A year the calendar does not hold yet: count five working days to seven calendar days.
    return addCalendarDays(releasedOn, Math.ceil((days * 7) / 5));
  }
}

export interface UploadInput {
  filename: string;
  bytes: Buffer;
}

export async function saveManualScore(core: Core, actor: Actor, rootUnitId: number, periodKey: string, unitId: number, indicatorCode: string, points: number, note: string, file?: UploadInput): Promise<void> {
  const stored = file ? await fileStorage(core.config).put(file.bytes) : null;
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const values = { rootUnitId, period: periodKey, unitId, indicatorCode, points, note, updatedAt: now, ...(stored ? { fileName: file!.filename.slice(0, 200), fileKey: stored.key } : {}) };
    await tx
      .insert(assessmentManualScores)
      .values(values)
      .onConflictDoUpdate({ target: [assessmentManualScores.rootUnitId, assessmentManualScores.period, assessmentManualScores.unitId, assessmentManualScores.indicatorCode], set: values });
    await writeAudit(tx, actor, { action: 'assessment.manual-score', targetType: 'assessment_manual_scores', targetId: `${periodKey}/${unitId}/${indicatorCode}`, unitId, summary: { after: { points, note, file: file?.filename } } }, now);
  });
}

export async function manualScore(db: DbOrTx, rootUnitId: number, periodKey: string, unitId: number, indicatorCode: string): Promise<ManualScoreRow | null> {
  const [r] = await db
    .select()
    .from(assessmentManualScores)
    .where(and(eq(assessmentManualScores.rootUnitId, rootUnitId), eq(assessmentManualScores.period, periodKey), eq(assessmentManualScores.unitId, unitId), eq(assessmentManualScores.indicatorCode, indicatorCode)));
  return r ?? null;
}

export async function listObjections(db: DbOrTx, rootUnitId: number, periodKey: string, unitId?: number): Promise<ObjectionRow[]> {
  const rows = await db.select().from(assessmentObjections).where(and(eq(assessmentObjections.rootUnitId, rootUnitId), eq(assessmentObjections.period, periodKey))).orderBy(asc(assessmentObjections.filedAt), asc(assessmentObjections.id));
  return unitId === undefined ? rows : rows.filter((r) => r.unitId === unitId);
}

export async function findObjection(db: DbOrTx, rootUnitId: number, id: number): Promise<ObjectionRow | null> {
  const [r] = await db.select().from(assessmentObjections).where(and(eq(assessmentObjections.rootUnitId, rootUnitId), eq(assessmentObjections.id, id)));
  return r ?? null;
}

export type ObjectionResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

/** A unit objects to one failed item of its score sheet, within the deadline, with evidence. Filing the same item again changes nothing. */
export async function fileObjection(core: Core, actor: Actor, rootUnitId: number, periodKey: string, unitId: number, input: { indicatorCode: string; itemKey: string; reason: string; file?: UploadInput }): Promise<ObjectionResult> {
  const result = await resultFor(core.db, rootUnitId, periodKey);
  const errors: Record<string, string> = {};
  const score = result?.scores.find((s) => s.unitId === unitId);
  const item = score?.indicators.find((i) => i.code === input.indicatorCode)?.items.find((x) => x.key === input.itemKey && !x.ok);
  if (!result || !score || !item) errors.item = '请选择本单位成绩单上被扣分的事项';
  const reason = input.reason.trim();
  if (!reason) errors.reason = '请说明异议理由';
  else if (reason.length > 1000) errors.reason = '异议理由不超过1000字';
  if (result) {
    const deadline = await objectionDeadline(core, rootUnitId, result.releasedOn);
    if (shanghaiToday(core.clock.now()) > deadline) errors.item = `异议期已于${deadline}届满，不能再提出异议`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const existing = (await listObjections(core.db, rootUnitId, periodKey, unitId)).find((o) => o.indicatorCode === input.indicatorCode && o.itemKey === input.itemKey);
  if (existing) return { ok: true, id: existing.id };
  const stored = input.file ? await fileStorage(core.config).put(input.file.bytes) : null;
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessmentObjections)
      .values({ rootUnitId, period: periodKey, unitId, indicatorCode: input.indicatorCode, itemKey: input.itemKey, itemLabel: item!.label.slice(0, 300), reason, fileName: stored ? input.file!.filename.slice(0, 200) : null, fileKey: stored?.key ?? null, filedByName: actor.name, filedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const again = (await listObjections(tx, rootUnitId, periodKey, unitId)).find((o) => o.indicatorCode === input.indicatorCode && o.itemKey === input.itemKey)!;
      return { ok: true as const, id: again.id };
    }
    await writeAudit(tx, actor, { action: 'assessment.objection', targetType: 'assessment_objections', targetId: row.id, unitId, summary: { after: { period: periodKey, indicator: input.indicatorCode, item: input.itemKey, reason } } }, now);
    return { ok: true as const, id: row.id };
  });
}

/** The office accepts or rejects an objection with a reason; an accepted one counts the item as passed and the period is recomputed. */
export async function decideObjection(core: Core, actor: Actor, rootUnitId: number, id: number, accept: boolean, reason: string): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const o = await findObjection(core.db, rootUnitId, id);
  const r = reason.trim();
  const errors: Record<string, string> = {};
  if (!o) errors.decision = '异议不存在';
  else if (o.state !== 'pending') errors.decision = '该异议已处理';
  if (!r) errors.decisionReason = '请填写处理理由';
  else if (r.length > 1000) errors.decisionReason = '处理理由不超过1000字';
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = core.clock.now();
  const updated = await core.db.transaction(async (tx) => {
    const rows = await tx
      .update(assessmentObjections)
      .set({ state: accept ? 'accepted' : 'rejected', decisionReason: r, decidedByName: actor.name, decidedAt: now })
      .where(and(eq(assessmentObjections.id, id), eq(assessmentObjections.state, 'pending')))
      .returning();
    if (rows.length) await writeAudit(tx, actor, { action: accept ? 'assessment.objection-accepted' : 'assessment.objection-rejected', targetType: 'assessment_objections', targetId: id, unitId: o!.unitId, summary: { note: r } }, now);
    return rows.length > 0;
  });
  if (!updated) return { ok: false, errors: { decision: '该异议已处理' } };
  if (accept) await computeScores(core, rootUnitId, o!.period);
  return { ok: true };
}

export async function storedFile(core: Core, key: string): Promise<Buffer> {
  return fileStorage(core.config).get(key);
}

export type BulletinRow = typeof assessmentBulletins.$inferSelect;

export async function bulletinFor(db: DbOrTx, rootUnitId: number, period: string): Promise<BulletinRow | null> {
  const [r] = await db.select().from(assessmentBulletins).where(and(eq(assessmentBulletins.rootUnitId, rootUnitId), eq(assessmentBulletins.period, period)));
  return r ?? null;
}

/** Drafts the 通报 from the stored scores; an existing draft or issued 通报 is kept as it is. */
export async function draftBulletinFor(core: Core, actor: Actor, rootUnitId: number, periodKey: string, cityName: string): Promise<BulletinRow | null> {
  const period = parsePeriod(periodKey)!;
  const result = await resultFor(core.db, rootUnitId, periodKey);
  if (!result) return null;
  const d = draftBulletin(cityName, period, result.scores);
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const rows = await tx.insert(assessmentBulletins).values({ rootUnitId, period: periodKey, ...d, updatedAt: now }).onConflictDoNothing().returning();
    if (rows.length) await writeAudit(tx, actor, { action: 'assessment.bulletin-drafted', targetType: 'assessment_bulletins', targetId: `${rootUnitId}/${periodKey}`, unitId: rootUnitId, summary: { after: { title: d.title } } }, now);
  });
  return bulletinFor(core.db, rootUnitId, periodKey);
}

export interface BulletinInput {
  title: string;
  docNo: string;
  overview: string;
  problems: string;
  requirements: string;
}

/** Saves the office's edits; `issue` also fixes it (文号 required), after which it is no longer edited. */
export async function saveBulletin(core: Core, actor: Actor, rootUnitId: number, periodKey: string, input: BulletinInput, issue: boolean): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const limits: [keyof BulletinInput, string, number][] = [
    ['title', '标题', 100],
    ['docNo', '发文字号', 40],
    ['overview', '总体情况', 5000],
    ['problems', '存在的主要问题', 10000],
    ['requirements', '下一步工作要求', 5000],
  ];
  for (const [k, label, max] of limits) {
    if (input[k].length > max) errors[k] = `${label}不超过${max}字`;
    else if (!input[k].trim() && (k !== 'docNo' || issue)) errors[k] = `请填写${label}`;
  }
  const existing = await bulletinFor(core.db, rootUnitId, periodKey);
  if (!existing) errors.title = '请先生成通报草稿';
  else if (existing.state === 'issued') errors.title = '通报已印发，不能修改';
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const rows = await tx
      .update(assessmentBulletins)
      .set({ ...input, updatedAt: now, ...(issue ? { state: 'issued' as const, issuedOn: shanghaiToday(now) } : {}) })
      .where(and(eq(assessmentBulletins.rootUnitId, rootUnitId), eq(assessmentBulletins.period, periodKey), eq(assessmentBulletins.state, 'draft')))
      .returning();
    if (rows.length) await writeAudit(tx, actor, { action: issue ? 'assessment.bulletin-issued' : 'assessment.bulletin-saved', targetType: 'assessment_bulletins', targetId: `${rootUnitId}/${periodKey}`, unitId: rootUnitId, summary: { before: { ...existing, updatedAt: undefined }, after: input } }, now);
  });
  return { ok: true };
}
