// Public routes of the annual-report module: the unit column's 政府信息公开年报 part
// (/openness/<unitSlug>/annual-reports) and each published report with its downloads.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { NotFoundError } from '../../../core/http/errors.ts';
import { findUnitBySlug, type UnitRow } from '../../units/index.ts';
import { reportTitle } from '../domain/coverage.ts';
import { findReport, listPublishedReports, type ReportRow } from '../data/repository.ts';
import { renderReportDocx } from '../export/docx.ts';
import { renderReportXlsx } from '../export/xlsx.ts';
import { PublicReportListPage, PublicReportPage } from '../views/public.tsx';
import { coveredUnitsOf, DOCX, documentOf, dueDateOf, exportNames, parseYear, sendPage, XLSX } from './common.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const UNIT_NOT_FOUND = '该单位不存在或已撤销。';

export function registerAnnualReportPublicRoutes(app: FastifyInstance, core: Core): void {
  /** A unit of this site (404 for another city's unit, an archived or unknown one). */
  async function publicUnit(req: FastifyRequest): Promise<UnitRow> {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = await findUnitBySlug(core.db, unitSlug);
    if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== req.site.rootUnitId) throw new NotFoundError(UNIT_NOT_FOUND);
    return unit;
  }

  async function publishedReport(req: FastifyRequest, unit: UnitRow): Promise<ReportRow> {
    const year = parseYear((req.params as { year: string }).year);
    const report = year === undefined ? undefined : await findReport(core.db, unit.id, year);
    if (!report || report.state !== 'published') throw new NotFoundError('该年度报告不存在或尚未发布。');
    return report;
  }

  app.get('/openness/:unitSlug/annual-reports', async (req, reply) => {
    const unit = await publicUnit(req);
    const reports = await listPublishedReports(core.db, unit.id);
    const dueRule = `${dueDateOf(unit, reports[0]?.year ?? 2025).basis}。`;
    return sendPage(
      reply,
      <PublicReportListPage
        ctx={pageContext(req, reply)}
        unitName={unit.name}
        unitSlug={unit.slug}
        reports={reports.map((r) => ({ year: r.year, title: reportTitle(unit.name, r.year), publishedOn: r.publishedOn! }))}
        dueRule={dueRule}
      />,
    );
  });

  app.get('/openness/:unitSlug/annual-reports/:year', async (req, reply) => {
    const unit = await publicUnit(req);
    const report = await publishedReport(req, unit);
    const doc = documentOf(unit, report, await coveredUnitsOf(core, unit, report));
    return sendPage(reply, <PublicReportPage ctx={pageContext(req, reply)} unitSlug={unit.slug} doc={doc} />);
  });

  for (const ext of ['docx', 'xlsx'] as const) {
    app.get(`/openness/:unitSlug/annual-reports/:year/export.${ext}`, async (req, reply) => {
      const unit = await publicUnit(req);
      const report = await publishedReport(req, unit);
      const doc = documentOf(unit, report, await coveredUnitsOf(core, unit, report));
      const names = exportNames(unit, report.year, ext);
      reply.header('content-disposition', contentDisposition(names.name, { ascii: names.ascii }));
      return reply.type(ext === 'docx' ? DOCX : XLSX).send(ext === 'docx' ? await renderReportDocx(doc) : await renderReportXlsx(doc));
    });
  }
}
