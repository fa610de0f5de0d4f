// Shared by the annual-report routes: paths, the unit of the URL with what the user may do there,
// and loading a report with everything its pages show.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Core } from '../../../core/services.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { findUnitBySlug, listUnitsOfRoot, type UnitRow } from '../../units/index.ts';
import { reportAccess, type ReportAccess } from '../domain/access.ts';
import { coverageStatement, reportIntro, reportTitle, type CoveredUnit } from '../domain/coverage.ts';
import { reportDueDate, type DueDate } from '../domain/due-dates.ts';
import type { ReportDocumentData } from '../domain/report-view.ts';
import { findReport, type ReportRow } from '../data/repository.ts';
import { isRootUnit, tablesOf, textsOf } from '../service.ts';

export const HTML = 'text/html; charset=utf-8';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export { staffBase, staffReportPath, cellPath, casesPath, casePath, publicListPath, publicReportPath } from '../domain/paths.ts';

export function sendPage(reply: FastifyReply, page: VNode, status = 200) {
  return reply.code(status).type(HTML).send(renderDocument(page));
}

/** A report year from a URL or form: four digits within the range the table allows. */
export function parseYear(raw: unknown): number | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (typeof v !== 'string' || !/^\d{4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 2008 && n <= 2100 ? n : undefined;
}

export interface ReportUnitContext {
  unit: UnitRow;
  isRoot: boolean;
  access: ReportAccess;
}

/** The unit of :unitSlug the user may see (404 unknown or archived, 403 outside their scope). */
export async function viewableUnit(core: Core, req: FastifyRequest): Promise<ReportUnitContext> {
  const { unitSlug } = req.params as { unitSlug: string };
  const unit = await findUnitBySlug(core.db, unitSlug);
  if (!unit || unit.archivedAt) throw new NotFoundError('该单位不存在或已撤销。');
  const access = reportAccess(req.user!, unit);
  if (!access.view) throw new ForbiddenError('您只能查看本单位的年度报告。');
  return { unit, isRoot: isRootUnit(unit), access };
}

export async function editableUnit(core: Core, req: FastifyRequest): Promise<ReportUnitContext> {
  const c = await viewableUnit(core, req);
  if (!c.access.edit) throw new ForbiddenError(c.isRoot ? '本级政府的年度报告由政务公开办编制。' : '只有本单位的信息员和单位管理员可以编制年度报告。');
  return c;
}

/** The report of :year (404 when there is none or the year is malformed). */
export async function reportOf(core: Core, req: FastifyRequest, unit: UnitRow): Promise<ReportRow> {
  const year = parseYear((req.params as { year?: string }).year);
  if (year === undefined) throw new NotFoundError('年度不正确。');
  const report = await findReport(core.db, unit.id, year);
  if (!report) throw new NotFoundError(`${unit.name}还没有${year}年度的年度报告。`);
  return report;
}

export function dueDateOf(unit: UnitRow, year: number): DueDate {
  return reportDueDate({ type: unit.type, isRoot: isRootUnit(unit) }, year);
}

/** The units a report covers, as recorded when it was generated. */
export async function coveredUnitsOf(core: Core, unit: UnitRow, report: ReportRow): Promise<CoveredUnit[]> {
  if (report.scope === 'own' || report.coveredUnitIds.length <= 1) return [{ id: unit.id, name: unit.name, type: unit.type }];
  const all = await listUnitsOfRoot(core.db, unit.rootId ?? unit.id, true);
  const ids = new Set(report.coveredUnitIds.map(Number));
  return all.filter((u) => ids.has(u.id)).map((u) => ({ id: u.id, name: u.name, type: u.type }));
}

export function coverageOf(unit: UnitRow, report: ReportRow, covered: CoveredUnit[]): string {
  return coverageStatement({ id: unit.id, name: unit.name, isRoot: isRootUnit(unit) }, report.year, report.scope, covered);
}

export function documentOf(unit: UnitRow, report: ReportRow, covered: CoveredUnit[]): ReportDocumentData {
  return {
    title: reportTitle(unit.name, report.year),
    intro: reportIntro(unit, report.year, coverageOf(unit, report, covered)),
    unitName: unit.name,
    year: report.year,
    tables: tablesOf(report),
    texts: textsOf(report),
    publishedOn: report.publishedOn,
  };
}

/** Integer query parameters: undefined unless a plain positive integer. */
export function positiveInt(value: unknown): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** "楚雄市财政局2025年度年报.docx" with an ASCII twin for old clients. */
export function exportNames(unit: UnitRow, year: number, ext: 'docx' | 'xlsx'): { name: string; ascii: string } {
  const safe = unit.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return { name: `${safe}${year}年政府信息公开工作年度报告.${ext}`, ascii: `annual-report-${unit.slug}-${year}.${ext}` };
}

