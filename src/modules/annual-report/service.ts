// State-changing verbs of the annual report and the case register. Each validates, runs the domain
// rules, changes data in one transaction and writes the audit row. Refusals come back as reasons.
import crypto from 'node:crypto';
import type { Core } from '../../core/services.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { isUniqueViolation } from '../../core/db/index.ts';
import { listUnitsOfRoot, type UnitRow } from '../units/index.ts';
import { ALL_ENTERED, assembleTables, emptyEntered, prefillDecisions, type Computed, type Entered, type Origins } from './domain/assemble.ts';
import { checkReport, failing, type CheckResult } from './domain/checks.ts';
import { computeRecordCounts } from './domain/section2.ts';
import { computeRequestTable, feesPaidInYear, type DataIssue } from './domain/section3.ts';
import { computeRemedyTable } from './domain/section4.ts';
import { prefillTexts } from './domain/prefill.ts';
import { publicationTooEarly } from './domain/due-dates.ts';
import type { ReportTables } from './domain/tables.ts';
import type { TextSection } from './domain/template.ts';
import { validateCase, type CaseInput } from './domain/case-form.ts';
import { caseFactOf, findCaseByCode, findReport, insertCase, insertReport, listCases, updateCase, updateReport, type CaseRow, type ReportRow } from './data/repository.ts';
import type { ReportScope } from './data/schema.ts';
import { sourcesOf } from './data/sources.ts';

export type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string>; reasons: string[] };

const refuse = (...reasons: string[]) => ({ ok: false as const, errors: {}, reasons });
const invalid = (errors: Record<string, string>) => ({ ok: false as const, errors, reasons: [] });

const STALE = '该年报已被他人修改，请刷新页面后重新操作。';
const PUBLISHED = '已发布的年报不能修改；如需更正，请先撤回发布。';
/** The first year of the current format (国办公开办函〔2021〕30号 applies to reports on 2021 onwards). */
export const FIRST_FORMAT_YEAR = 2021;
/** Data issues kept with a generation (the rest are counted). */
const MAX_ISSUES = 200;

export function isRootUnit(unit: Pick<UnitRow, 'id' | 'rootId'>): boolean {
  return (unit.rootId ?? unit.id) === unit.id;
}

/** The report's tables as they stand. */
export function tablesOf(r: ReportRow): ReportTables {
  return assembleTables(r.origins, r.computed, r.entered);
}

export function textsOf(r: Pick<ReportRow, 'overview' | 'problems' | 'other'>): Record<TextSection, string> {
  return { overview: r.overview, problems: r.problems, other: r.other };
}

/** Every check of a report, with last year's report of the same unit. */
export async function checksFor(core: Core, r: ReportRow): Promise<CheckResult[]> {
  const prev = await findReport(core.db, r.unitId, r.year - 1);
  return checkReport({
    year: r.year,
    tables: tablesOf(r),
    previous: prev ? { year: prev.year, tables: tablesOf(prev) } : null,
    texts: textsOf(r),
  });
}

/** The ids of the units a report covers: the unit, or the whole city for a consolidated city report. */
export async function coveredUnits(core: Core, unit: UnitRow, scope: ReportScope): Promise<UnitRow[]> {
  if (scope === 'own' || !isRootUnit(unit)) return [unit];
  // Archived units count too: their requests of that year are still the city's.
  return listUnitsOfRoot(core.db, unit.id, true);
}

export interface Generation {
  origins: Origins;
  computed: Computed;
  /** Why a part could not be computed (shown on the page). */
  unavailable: string[];
}

/** Reads the sources and computes the tables; no writes. */
export async function computeReport(core: Core, unitIds: number[], year: number): Promise<Generation> {
  const sources = sourcesOf(core);
  const q = { unitIds, year };
  const [requests, fees, records, decisions] = await Promise.all([
    sources.requests(core.db, q),
    sources.fees(core.db, q),
    sources.records(core.db, q),
    sources.decisions ? sources.decisions(core.db, q) : Promise.resolve(null),
  ]);
  const caseRows = await listCases(core.db, unitIds);
  const unavailable: string[] = [];
  let s3 = null;
  let issues: DataIssue[] = [];
  if (requests.available) {
    const r = computeRequestTable(requests.facts, year);
    s3 = r.table;
    issues = r.issues;
  } else unavailable.push(requests.reason);
  let recordCounts = null;
  if (records.available) recordCounts = records.facts ? computeRecordCounts(records.facts, year) : records.counts;
  else unavailable.push(records.reason);
  const computed: Computed = {
    records: recordCounts,
    s3,
    s4: computeRemedyTable(caseRows.map(caseFactOf), year),
    issues: issues.slice(0, MAX_ISSUES),
    feesFen: fees.available ? feesPaidInYear(fees.facts, year) : null,
    counts: {
      requests: requests.available ? requests.facts.reduce((n, f) => n + (f.count ?? 1), 0) : 0,
      records: !records.available ? 0 : records.facts ? records.facts.length : sumCounts(records.counts),
      cases: caseRows.length,
    },
    decisions,
  };
  if (issues.length > MAX_ISSUES) computed.issues.push({ requestNo: '', message: `另有${issues.length - MAX_ISSUES}条数据问题未列出` });
  const origins: Origins = { records: records.available ? 'source' : 'entered', requests: requests.available ? 'source' : 'entered', cases: 'source' };
  return { origins, computed, unavailable: [...new Set(unavailable)] };
}

function sumCounts(c: NonNullable<Computed['records']>): number {
  return (c.regulation.issued ?? 0) + (c.normativeDocument.issued ?? 0);
}

function checkYear(year: number, today: string): string | undefined {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_FORMAT_YEAR || year > current) return `年度应在${FIRST_FORMAT_YEAR}年至${current}年之间`;
  return undefined;
}

export interface GenerateInput {
  unit: UnitRow;
  year: number;
  /** Only the city's own report may include its departments and townships. */
  scope?: ReportScope;
  /** The version the user saw (regeneration of an existing report). */
  expectedVersion?: number;
}

/** 生成 / 重新生成: computes the tables from the data; pre-fills empty text sections. */
export async function generateReport(core: Core, actor: Actor, input: GenerateInput): Promise<Result<{ report: ReportRow; unavailable: string[] }>> {
  const today = shanghaiToday(core.clock.now());
  const yearError = checkYear(input.year, today);
  if (yearError) return invalid({ year: yearError });
  const existing = await findReport(core.db, input.unit.id, input.year);
  if (existing?.state === 'published') return refuse(PUBLISHED);
  if (existing?.source === 'manual') return refuse(`${input.year}年度年报是手工补录的，不能由系统生成。`);
  if (existing && input.expectedVersion !== undefined && existing.version !== input.expectedVersion) return refuse(STALE);
  const scope: ReportScope = isRootUnit(input.unit) ? (input.scope ?? existing?.scope ?? 'own') : 'own';
  if (input.scope === 'with_subunits' && !isRootUnit(input.unit)) return invalid({ scope: '只有本级政府的年报可以包括所属部门和乡镇' });
  const covered = await coveredUnits(core, input.unit, scope);
  const gen = await computeReport(
    core,
    covered.map((u) => u.id),
    input.year,
  );
  const now = core.clock.now();
  const entered: Entered = existing?.entered ?? emptyEntered();
  // Parts that could not be computed keep what the unit entered; a part now computed drops it.
  if (gen.origins.requests === 'source') entered.s3 = null;
  // Table 二's 行政许可、处罚、强制 figures: pre-filled from the 行政执法公示 register, corrections kept.
  entered.s2.decisions = prefillDecisions(entered.s2.decisions, existing?.computed?.decisions, gen.computed.decisions);
  const tables = assembleTables(gen.origins, gen.computed, entered);
  const prefill = prefillTexts({
    year: input.year,
    unitName: input.unit.name,
    isGovernment: input.unit.type === 'government',
    tables,
    recordsFromSource: gen.origins.records === 'source',
    feesFen: gen.computed.feesFen,
  });
  const texts = {
    overview: existing?.overview || prefill.overview,
    problems: existing?.problems || prefill.problems,
    other: existing?.other || prefill.other,
  };
  try {
    return await core.db.transaction(async (tx) => {
      const values = {
        scope,
        origins: gen.origins,
        computed: gen.computed,
        entered,
        coveredUnitIds: covered.map((u) => u.id),
        ...texts,
        generatedAt: now,
        updatedAt: now,
      };
      let report: ReportRow | undefined;
      if (existing) {
        report = await updateReport(tx, existing.id, existing.version, values);
        if (!report) return refuse(STALE);
      } else {
        report = await insertReport(tx, { unitId: input.unit.id, year: input.year, source: 'generated', ...values });
      }
      await writeAudit(
        tx,
        actor,
        {
          action: existing ? 'annual-report.regenerated' : 'annual-report.generated',
          targetType: 'annual_report',
          targetId: `${input.unit.slug}/${input.year}`,
          unitId: input.unit.id,
          summary: { after: { year: input.year, scope, origins: gen.origins, counts: gen.computed.counts, issues: gen.computed.issues.length } },
        },
        now,
      );
      return { ok: true as const, report, unavailable: gen.unavailable };
    });
  } catch (err) {
    // Two people generating the same new report at once: the second one sees the first's.
    if (isUniqueViolation(err, 'ar_reports_unit_year_key')) return refuse(STALE);
    throw err;
  }
}

/** 补录: a report for a year before the platform, every table entered by hand. */
export async function createManualReport(core: Core, actor: Actor, unit: UnitRow, year: number): Promise<Result<{ report: ReportRow }>> {
  const today = shanghaiToday(core.clock.now());
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_FORMAT_YEAR || year >= current) return invalid({ year: `补录的年度应在${FIRST_FORMAT_YEAR}年至${current - 1}年之间` });
  const existing = await findReport(core.db, unit.id, year);
  if (existing) return refuse(`${year}年度年报已存在，请直接打开修改。`);
  const now = core.clock.now();
  try {
    return await core.db.transaction(async (tx) => {
      const report = await insertReport(tx, {
        unitId: unit.id,
        year,
        source: 'manual',
        origins: ALL_ENTERED,
        computed: null,
        entered: emptyEntered(),
        coveredUnitIds: [unit.id],
        updatedAt: now,
      });
      await writeAudit(tx, actor, { action: 'annual-report.manual-created', targetType: 'annual_report', targetId: `${unit.slug}/${year}`, unitId: unit.id, summary: { after: { year } } }, now);
      return { ok: true as const, report };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'ar_reports_unit_year_key')) return refuse(`${year}年度年报已存在，请直接打开修改。`);
    throw err;
  }
}

async function changeDraft(
  core: Core,
  actor: Actor,
  report: ReportRow,
  unit: UnitRow,
  expectedVersion: number,
  set: Partial<ReportRow>,
  audit: { action: string; summary: Record<string, unknown> },
): Promise<Result<{ report: ReportRow }>> {
  if (report.state === 'published') return refuse(PUBLISHED);
  if (report.version !== expectedVersion) return refuse(STALE);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const updated = await updateReport(tx, report.id, expectedVersion, { ...set, updatedAt: now });
    if (!updated) return refuse(STALE);
    await writeAudit(tx, actor, { action: audit.action, targetType: 'annual_report', targetId: `${unit.slug}/${report.year}`, unitId: unit.id, summary: audit.summary }, now);
    return { ok: true as const, report: updated };
  });
}

/** Saves the figures the unit enters (and, for parts not computed, its tables). */
export async function saveEntry(core: Core, actor: Actor, report: ReportRow, unit: UnitRow, expectedVersion: number, entered: Entered): Promise<Result<{ report: ReportRow }>> {
  return changeDraft(core, actor, report, unit, expectedVersion, { entered }, { action: 'annual-report.figures-saved', summary: { before: report.entered.s2, after: entered.s2 } });
}

export const TEXT_LIMIT = 20_000;

export async function saveTexts(core: Core, actor: Actor, report: ReportRow, unit: UnitRow, expectedVersion: number, texts: Record<TextSection, string>): Promise<Result<{ report: ReportRow }>> {
  const changed = (['overview', 'problems', 'other'] as const).filter((k) => report[k] !== texts[k]);
  return changeDraft(core, actor, report, unit, expectedVersion, texts, { action: 'annual-report.text-saved', summary: { note: `修改正文：${changed.join('、') || '无变化'}` } });
}

/** 发布: only a report whose every check passes. */
export async function publishReport(core: Core, actor: Actor, report: ReportRow, unit: UnitRow, expectedVersion: number): Promise<Result<{ report: ReportRow }>> {
  if (report.state === 'published') return refuse('该年报已经发布。');
  if (report.version !== expectedVersion) return refuse(STALE);
  if (report.source === 'generated' && !report.generatedAt) return refuse('请先生成年报。');
  const early = publicationTooEarly(report.year, shanghaiToday(core.clock.now()));
  if (early) return refuse(early);
  const bad = failing(await checksFor(core, report));
  if (bad.length) return refuse(...bad.map((c) => c.message));
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const updated = await updateReport(tx, report.id, expectedVersion, {
      state: 'published',
      publishedAt: now,
      publishedOn: shanghaiToday(now),
      publishedByName: actor.name,
      updatedAt: now,
    });
    if (!updated) return refuse(STALE);
    await writeAudit(tx, actor, { action: 'annual-report.published', targetType: 'annual_report', targetId: `${unit.slug}/${report.year}`, unitId: unit.id, summary: { after: { year: report.year, tables: tablesOf(updated) } } }, now);
    return { ok: true as const, report: updated };
  });
}

/** 撤回发布: back to draft, with a reason (for a correction). */
export async function withdrawReport(core: Core, actor: Actor, report: ReportRow, unit: UnitRow, expectedVersion: number, reason: string): Promise<Result<{ report: ReportRow }>> {
  if (!reason.trim()) return invalid({ reason: '请填写撤回原因' });
  if (report.state !== 'published') return refuse('该年报尚未发布。');
  if (report.version !== expectedVersion) return refuse(STALE);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const updated = await updateReport(tx, report.id, expectedVersion, { state: 'draft', publishedAt: null, publishedOn: null, publishedByName: null, updatedAt: now });
    if (!updated) return refuse(STALE);
    await writeAudit(tx, actor, { action: 'annual-report.withdrawn', targetType: 'annual_report', targetId: `${unit.slug}/${report.year}`, unitId: unit.id, summary: { note: reason, before: { publishedOn: report.publishedOn } } }, now);
    return { ok: true as const, report: updated };
  });
}

// ---------------------------------------------------------------------------------------------
// Case register

function newCode(): string {
  return crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
}

export async function createCase(core: Core, actor: Actor, unit: UnitRow, input: CaseInput): Promise<Result<{ case: CaseRow }>> {
  const today = shanghaiToday(core.clock.now());
  const errors = validateCase(input, today);
  if (Object.keys(errors).length) return invalid(errors);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const row = await insertCase(tx, { code: newCode(), unitId: unit.id, ...caseColumns(input), createdByName: actor.name, updatedAt: now });
    await writeAudit(tx, actor, { action: 'annual-report.case-created', targetType: 'annual_report_case', targetId: row.code, unitId: unit.id, summary: { after: caseSummary(row) } }, now);
    return { ok: true as const, case: row };
  });
}

export async function updateCaseRecord(core: Core, actor: Actor, row: CaseRow, input: CaseInput): Promise<Result<{ case: CaseRow }>> {
  if (row.voidedAt) return refuse('该案件已作废，不能修改。');
  const errors = validateCase(input, shanghaiToday(core.clock.now()));
  if (Object.keys(errors).length) return invalid(errors);
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const updated = await updateCase(tx, row.id, { ...caseColumns(input), updatedAt: now });
    await writeAudit(tx, actor, { action: 'annual-report.case-updated', targetType: 'annual_report_case', targetId: row.code, unitId: row.unitId, summary: { before: caseSummary(row), after: caseSummary(updated) } }, now);
    return { ok: true as const, case: updated };
  });
}

export async function voidCase(core: Core, actor: Actor, row: CaseRow, reason: string): Promise<Result<{ case: CaseRow }>> {
  if (row.voidedAt) return refuse('该案件已作废。');
  const text = reason.trim();
  if (!text) return invalid({ reason: '请填写作废原因' });
  if ([...text].length > 500) return invalid({ reason: '作废原因不能超过500个字' });
  const now = core.clock.now();
  return core.db.transaction(async (tx) => {
    const updated = await updateCase(tx, row.id, { voidedAt: now, voidReason: text, updatedAt: now });
    await writeAudit(tx, actor, { action: 'annual-report.case-voided', targetType: 'annual_report_case', targetId: row.code, unitId: row.unitId, summary: { note: text, before: caseSummary(row) } }, now);
    return { ok: true as const, case: updated };
  });
}

function caseColumns(input: CaseInput) {
  return {
    kind: input.kind!,
    lawsuitPath: input.kind === 'lawsuit' ? input.lawsuitPath! : null,
    caseNo: input.caseNo,
    body: input.body,
    subject: input.subject,
    filedOn: input.filedOn!,
    decidedOn: input.result === 'pending' ? null : input.decidedOn!,
    result: input.result!,
    requestNo: input.requestNo || null,
    note: input.note,
  };
}

function caseSummary(r: CaseRow) {
  return { kind: r.kind, lawsuitPath: r.lawsuitPath, caseNo: r.caseNo, body: r.body, filedOn: r.filedOn, decidedOn: r.decidedOn, result: r.result, requestNo: r.requestNo };
}
