// Back-office pages of the annual report: dashboard, a unit's reports, generation, hand entry,
// text, checks and publication, the drill-down behind every number, exports, and the case register.
import { dashboardRows } from '../dashboard.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { formatInstant, shanghaiToday } from '../../../core/clock.ts';
import { findUnitById, listUnitsOfRoot, UNIT_TYPE_LABELS } from '../../units/index.ts';
import { canSeeDashboard } from '../domain/access.ts';
import { cellFromSource, enteredFields, enteredFormValues, readEntry } from '../domain/assemble.ts';
import { cellName, cellValue, parseCellId } from '../domain/cells.ts';
import { DEADLINE_STATES, deadlineState, defaultReportYear } from '../domain/due-dates.ts';
import { prefillTexts } from '../domain/prefill.ts';
import { requestInCell, type RequestFact } from '../domain/section3.ts';
import { recordInCell, type RecordFact } from '../domain/section2.ts';
import { caseInCell, placeCase } from '../domain/section4.ts';
import { S3_COLUMN_LABELS, s3RowName, SECTION_HEADINGS, TEXT_SECTIONS, type TextSection } from '../domain/template.ts';
import { CASE_KIND_LABELS, emptyCaseInput, LAWSUIT_PATH_LABELS, RESULT_LABELS, validateCase, type CaseInput } from '../domain/case-form.ts';
import { caseFactOf, findCaseByCode, findReport, lastCaseChange, listCases, listReportsForYear, listReportsOfUnit, type CaseRow, type ReportRow } from '../data/repository.ts';
import { sourcesOf } from '../data/sources.ts';
import {
  checksFor,
  createCase,
  createManualReport,
  FIRST_FORMAT_YEAR,
  generateReport,
  publishReport,
  saveEntry,
  saveTexts,
  TEXT_LIMIT,
  updateCaseRecord,
  voidCase,
  withdrawReport,
} from '../service.ts';
import type { ReportScope } from '../data/schema.ts';
import { renderReportDocx } from '../export/docx.ts';
import { renderReportXlsx } from '../export/xlsx.ts';
import { CellPage, DashboardPage, EntryPage, ReportPage, TextPage, UnitReportsPage, type CellListRow, type CellPageProps, type DashboardRow, type ReportPageProps } from '../views/staff-reports.tsx';
import { CaseFormPage, CasesPage, type CaseFormValues } from '../views/staff-cases.tsx';
import {
  casePath,
  casesPath,
  cellPath,
  coverageOf,
  coveredUnitsOf,
  DOCX,
  documentOf,
  dueDateOf,
  editableUnit,
  exportNames,
  parseYear,
  positiveInt,
  reportOf,
  sendPage,
  staffBase,
  staffReportPath,
  viewableUnit,
  XLSX,
  type ReportUnitContext,
} from './common.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const PAGE_SIZE = 100;
const SCOPES: readonly ReportScope[] = ['own', 'with_subunits'];

function versionOf(body: unknown): number | undefined {
  return positiveInt(new FormReader(body).raw('version'));
}

function reportYears(today: string): number[] {
  const current = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = current; y >= FIRST_FORMAT_YEAR; y--) years.push(y);
  return years;
}

export function registerAnnualReportStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff() };
  const today = () => shanghaiToday(core.clock.now());

  // ------------------------------------------------------------------------------------------
  // Dashboard (the openness office) and a unit's reports

  app.get('/staff/annual-reports', guard, async (req, reply) => {
    const user = req.user!;
    const own = await findUnitById(core.db, user.unitId);
    if (!canSeeDashboard(user)) return reply.redirect(staffBase(own!.slug), 303);
    const t = today();
    const years = reportYears(t);
    const q = req.query as Record<string, unknown>;
    const year = q.year === undefined ? defaultReportYear(t) : parseYear(q.year);
    if (year === undefined || !years.includes(year)) throw new NotFoundError('年度不正确。');
    const rows = await dashboardRows(core, user.rootUnitId, year, t);
    const pending = q.pending === '1';
    const deadline = DEADLINE_STATES.find((s) => s === q.deadline);
    return sendPage(reply, <DashboardPage ctx={pageContext(req, reply)} year={year} years={years} rows={rows} pending={pending} deadline={deadline} ownSlug={own!.slug} />);
  });

  async function renderUnitPage(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext, values: Record<string, string> = {}, errors: FieldErrors = {}, status = 200) {
    const t = today();
    const reports = await listReportsOfUnit(core.db, c.unit.id);
    const have = new Set(reports.map((r) => r.year));
    const years = reportYears(t);
    return sendPage(
      reply,
      <UnitReportsPage
        ctx={pageContext(req, reply)}
        unitName={c.unit.name}
        unitSlug={c.unit.slug}
        isRoot={c.isRoot}
        canEdit={c.access.edit}
        reports={reports.map((r) => {
          const due = dueDateOf(c.unit, r.year);
          return { year: r.year, state: r.state, source: r.source, dueOn: due.dueOn, publishedOn: r.publishedOn, deadline: deadlineState(due.dueOn, t, r.publishedOn) };
        })}
        generateYears={years}
        manualYears={years.filter((y) => y < Number(t.slice(0, 4)) && !have.has(y))}
        defaultYear={defaultReportYear(t)}
        values={values}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/staff/annual-reports/:unitSlug', guard, async (req, reply) => renderUnitPage(req, reply, await viewableUnit(core, req)));

  app.post('/staff/annual-reports/:unitSlug/generate', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const form = new FormReader(req.body);
    const yearText = form.text('year', { label: '年度', required: true, max: 4 });
    const scope = c.isRoot ? form.choice('scope', '统计范围', SCOPES, false) : undefined;
    const year = parseYear(yearText);
    if (yearText && year === undefined) form.fail('year', '请从列表中选择年度');
    if (!form.ok || year === undefined) return renderUnitPage(req, reply, c, form.values, form.errors, 400);
    const result = await generateReport(core, actorOf(req), { unit: c.unit, year, scope });
    if (!result.ok) {
      if (Object.keys(result.errors).length) return renderUnitPage(req, reply, c, form.values, result.errors, 400);
      return renderUnitPage(req, reply, c, form.values, { year: result.reasons.join('；') }, 409);
    }
    setFlash(reply, `已生成${year}年度年报。`);
    return reply.redirect(staffReportPath(c.unit.slug, year), 303);
  });

  app.post('/staff/annual-reports/:unitSlug/manual', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const form = new FormReader(req.body);
    const yearText = form.text('manualYear', { label: '补录年度', required: true, max: 4 });
    const year = parseYear(yearText);
    if (yearText && year === undefined) form.fail('manualYear', '请从列表中选择补录年度');
    if (!form.ok || year === undefined) return renderUnitPage(req, reply, c, form.values, form.errors, 400);
    const result = await createManualReport(core, actorOf(req), c.unit, year);
    if (!result.ok) {
      const msg = result.errors.year ?? result.reasons.join('；');
      return renderUnitPage(req, reply, c, form.values, { manualYear: msg }, Object.keys(result.errors).length ? 400 : 409);
    }
    setFlash(reply, `已开始补录${year}年度年报，请录入表格。`);
    return reply.redirect(`${staffReportPath(c.unit.slug, year)}/entry`, 303);
  });

  // ------------------------------------------------------------------------------------------
  // One report

  async function renderReport(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext, report: ReportRow, extra: Partial<ReportPageProps> = {}, status = 200) {
    const covered = await coveredUnitsOf(core, c.unit, report);
    const checks = await checksFor(core, report);
    const due = dueDateOf(c.unit, report.year);
    const stale: string[] = [];
    if (report.generatedAt && report.origins.cases === 'source') {
      const changed = await lastCaseChange(core.db, report.coveredUnitIds.map(Number));
      if (changed && changed > report.generatedAt) stale.push('案件登记在本年报生成后有变化，表四可能已过时，请重新生成。');
    }
    const unavailable: string[] = [];
    if (report.source === 'generated' && report.origins.requests === 'entered') unavailable.push('依申请公开的办理记录暂不能自动统计，表三由单位填报。');
    if (report.source === 'generated' && report.origins.records === 'entered') unavailable.push('主动公开的规章、行政规范性文件暂不能自动统计，表二第二十条第（一）项由单位填报。');
    const props: ReportPageProps = {
      ctx: pageContext(req, reply),
      unitName: c.unit.name,
      unitSlug: c.unit.slug,
      isRoot: c.isRoot,
      year: report.year,
      version: report.version,
      state: report.state,
      source: report.source,
      scope: report.scope,
      coverage: coverageOf(c.unit, report, covered),
      coveredNames: covered.map((u) => u.name),
      due: { ...due, ...deadlineState(due.dueOn, today(), report.publishedOn) },
      generatedAt: report.generatedAt ? formatInstant(report.generatedAt) : null,
      publishedAt: report.publishedAt ? formatInstant(report.publishedAt) : null,
      publishedByName: report.publishedByName,
      origins: report.origins,
      unavailable,
      issues: report.computed?.issues ?? [],
      stale,
      checks,
      doc: documentOf(c.unit, report, covered),
      canEdit: c.access.edit,
      canPublish: c.access.publish,
      cellHref: (id) => (cellFromSource(report.origins, id) ? cellPath(c.unit.slug, report.year, id) : undefined),
      ...extra,
    };
    return sendPage(reply, <ReportPage {...props} />, status);
  }

  app.get('/staff/annual-reports/:unitSlug/:year', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    return renderReport(req, reply, c, await reportOf(core, req, c.unit));
  });

  async function refused(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext, reasons: string[], extra: Partial<ReportPageProps> = {}) {
    const fresh = (await findReport(core.db, c.unit.id, parseYear((req.params as { year: string }).year)!))!;
    return renderReport(req, reply, c, fresh, { refusal: reasons, ...extra }, 409);
  }

  app.post('/staff/annual-reports/:unitSlug/:year/regenerate', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const report = await reportOf(core, req, c.unit);
    const form = new FormReader(req.body);
    const scope = c.isRoot ? form.choice('scope', '统计范围', SCOPES, false) : undefined;
    const version = versionOf(req.body);
    if (!form.ok || version === undefined) return refused(req, reply, c, [form.errors.scope ?? '提交的内容不完整，请刷新页面后重试。']);
    const result = await generateReport(core, actorOf(req), { unit: c.unit, year: report.year, scope, expectedVersion: version });
    if (!result.ok) return refused(req, reply, c, [...Object.values(result.errors), ...result.reasons]);
    setFlash(reply, `已按当前数据重新生成${report.year}年度年报。`);
    return reply.redirect(staffReportPath(c.unit.slug, report.year), 303);
  });

  app.post('/staff/annual-reports/:unitSlug/:year/publish', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    if (!c.access.publish) throw new ForbiddenError(c.isRoot ? '本级政府的年度报告由政务公开办发布。' : '只有本单位的审核人和单位管理员可以发布年度报告。');
    const report = await reportOf(core, req, c.unit);
    const version = versionOf(req.body);
    if (version === undefined) return refused(req, reply, c, ['提交的内容不完整，请刷新页面后重试。']);
    const result = await publishReport(core, actorOf(req), report, c.unit, version);
    if (!result.ok) return refused(req, reply, c, result.reasons);
    setFlash(reply, `已发布${report.year}年度年报。`);
    return reply.redirect(staffReportPath(c.unit.slug, report.year), 303);
  });

  app.post('/staff/annual-reports/:unitSlug/:year/withdraw', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    if (!c.access.publish) throw new ForbiddenError('只有可以发布年度报告的人员才能撤回发布。');
    const report = await reportOf(core, req, c.unit);
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '撤回原因', required: true, max: 500 });
    const version = versionOf(req.body);
    if (!form.ok) return renderReport(req, reply, c, report, { withdraw: { reason, error: form.errors.reason } }, 400);
    if (version === undefined) return refused(req, reply, c, ['提交的内容不完整，请刷新页面后重试。']);
    const result = await withdrawReport(core, actorOf(req), report, c.unit, version, reason);
    if (!result.ok) {
      if (result.errors.reason) return renderReport(req, reply, c, report, { withdraw: { reason, error: result.errors.reason } }, 400);
      return refused(req, reply, c, result.reasons);
    }
    setFlash(reply, `已撤回${report.year}年度年报的发布，年报回到草稿状态。`);
    return reply.redirect(staffReportPath(c.unit.slug, report.year), 303);
  });

  // ------------------------------------------------------------------------------------------
  // Entry and text

  async function renderEntry(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext, report: ReportRow, values: Record<string, string>, errors: FieldErrors, status = 200) {
    const covered = await coveredUnitsOf(core, c.unit, report);
    return sendPage(
      reply,
      <EntryPage
        ctx={pageContext(req, reply)}
        unitName={c.unit.name}
        unitSlug={c.unit.slug}
        year={report.year}
        version={report.version}
        manual={report.source === 'manual'}
        origins={report.origins}
        doc={documentOf(c.unit, report, covered)}
        fields={enteredFields(report.origins)}
        values={values}
        errors={errors}
        register={report.computed?.decisions ?? null}
      />,
      status,
    );
  }

  async function draftOf(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext): Promise<ReportRow | undefined> {
    const report = await reportOf(core, req, c.unit);
    if (report.state === 'published') {
      setFlash(reply, '已发布的年报不能修改；如需更正，请先撤回发布。');
      await reply.redirect(staffReportPath(c.unit.slug, report.year), 303);
      return undefined;
    }
    return report;
  }

  app.get('/staff/annual-reports/:unitSlug/:year/entry', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const report = await draftOf(req, reply, c);
    if (!report) return reply;
    return renderEntry(req, reply, c, report, enteredFormValues(report.origins, report.entered), {});
  });

  app.post('/staff/annual-reports/:unitSlug/:year/entry', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const report = await draftOf(req, reply, c);
    if (!report) return reply;
    const form = new FormReader(req.body);
    const { entered, errors, values } = readEntry((f) => form.raw(f), report.origins, report.entered);
    const version = versionOf(req.body);
    if (Object.keys(errors).length) return renderEntry(req, reply, c, report, values, errors, 400);
    if (version === undefined) return renderEntry(req, reply, c, report, values, { version: '提交的内容不完整，请刷新页面后重试。' }, 400);
    const result = await saveEntry(core, actorOf(req), report, c.unit, version, entered);
    if (!result.ok) return renderEntry(req, reply, c, report, values, { version: result.reasons.join('；') }, 409);
    setFlash(reply, '已保存填报的数据。');
    return reply.redirect(staffReportPath(c.unit.slug, report.year), 303);
  });

  function renderText(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext, report: ReportRow, values: Record<TextSection, string>, errors: FieldErrors, status = 200, prefilled = false) {
    return sendPage(
      reply,
      <TextPage ctx={pageContext(req, reply)} unitName={c.unit.name} unitSlug={c.unit.slug} year={report.year} version={report.version} values={values} errors={errors} prefilled={prefilled} />,
      status,
    );
  }

  app.get('/staff/annual-reports/:unitSlug/:year/text', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const report = await draftOf(req, reply, c);
    if (!report) return reply;
    return renderText(req, reply, c, report, { overview: report.overview, problems: report.problems, other: report.other }, {});
  });

  app.post('/staff/annual-reports/:unitSlug/:year/text', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const report = await draftOf(req, reply, c);
    if (!report) return reply;
    const form = new FormReader(req.body);
    const values = Object.fromEntries(TEXT_SECTIONS.map((s) => [s, form.text(s, { label: `正文「${SECTION_HEADINGS[s]}」`, max: TEXT_LIMIT })])) as Record<TextSection, string>;
    if (form.raw('action') === 'prefill') {
      const doc = documentOf(c.unit, report, await coveredUnitsOf(core, c.unit, report));
      const prefill = prefillTexts({
        year: report.year,
        unitName: c.unit.name,
        isGovernment: c.unit.type === 'government',
        tables: doc.tables,
        recordsFromSource: report.origins.records === 'source',
        feesFen: report.computed?.feesFen ?? null,
      });
      return renderText(req, reply, c, report, prefill, {}, 200, true);
    }
    const version = versionOf(req.body);
    if (!form.ok) return renderText(req, reply, c, report, values, form.errors, 400);
    if (version === undefined) return renderText(req, reply, c, report, values, { overview: '提交的内容不完整，请刷新页面后重试。' }, 400);
    const result = await saveTexts(core, actorOf(req), report, c.unit, version, values);
    if (!result.ok) return renderText(req, reply, c, report, values, { overview: result.reasons.join('；') }, 409);
    setFlash(reply, '已保存年报正文。');
    return reply.redirect(staffReportPath(c.unit.slug, report.year), 303);
  });

  // ------------------------------------------------------------------------------------------
  // The cases behind a number

  app.get('/staff/annual-reports/:unitSlug/:year/cells/:cellId', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    const report = await reportOf(core, req, c.unit);
    const { cellId } = req.params as { cellId: string };
    const cell = parseCellId(cellId);
    if (!cell) throw new NotFoundError('年报中没有这一格。');
    const q = req.query as Record<string, unknown>;
    const page = q.page === undefined ? 1 : positiveInt(q.page);
    if (page === undefined || page > 100_000) throw new NotFoundError('该页不存在。');
    const value = cellValue(documentOf(c.unit, report, []).tables, cell);
    const base: Omit<CellPageProps, 'list' | 'entered' | 'pageCount'> = {
      ctx: pageContext(req, reply),
      unitName: c.unit.name,
      unitSlug: c.unit.slug,
      year: report.year,
      cellName: cellName(cell),
      reportValue: value === null ? '未填报' : String(value),
      page,
      hrefFor: (p) => `${cellPath(c.unit.slug, report.year, cellId)}?page=${p}`,
    };
    if (!cellFromSource(report.origins, cellId)) return sendPage(reply, <CellPage {...base} list={null} entered pageCount={1} />);
    const unitIds = report.coveredUnitIds.map(Number);
    const cityUnits = new Map((await listUnitsOfRoot(core.db, c.unit.rootId ?? c.unit.id, true)).map((u) => [u.id, u]));
    const names = new Map([...cityUnits].map(([id, u]) => [id, u.name]));
    const several = unitIds.length > 1;
    let columns: string[] = [];
    let rows: CellListRow[] = [];
    let unavailable: string | undefined;
    // Set when the source gave one page already; otherwise rows holds every row and is paged below.
    let total: number | null = null;
    if (cell.section === 's3') {
      const sources = sourcesOf(core);
      const q = { unitIds, year: report.year };
      let listed: { total: number; facts: RequestFact[] } | null = null;
      // A counting source lists one page in SQL; otherwise every request is read and filtered here.
      if (sources.requestCell) listed = await sources.requestCell(core.db, q, cell, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
      else {
        const src = await sources.requests(core.db, q);
        if (!src.available) unavailable = src.reason;
        else {
          const matching = src.facts.filter((f) => requestInCell(f, report.year, cell.row, cell.column)).sort((a, b) => cmp(a.receivedOn, b.receivedOn) || cmp(a.requestNo, b.requestNo));
          listed = { total: matching.length, facts: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
        }
      }
      if (listed) {
        columns = ['受理编号', '申请人类型', '收到申请日期', '办结日期', '办理结果', ...(several ? ['单位'] : [])];
        total = listed.total;
        rows = listed.facts.map((f) => ({
          key: f.requestNo,
          cells: [f.requestNo, S3_COLUMN_LABELS[f.applicantType], f.receivedOn, f.closedOn ?? '办理中', f.outcome ? s3RowName(f.outcome) : '—', ...(several ? [names.get(f.unitId) ?? ''] : [])],
        }));
      }
    } else if (cell.section === 's2' && 'kind' in cell) {
      const sources = sourcesOf(core);
      const q = { unitIds, year: report.year };
      let facts: RecordFact[] | null = null;
      if (sources.recordCell) facts = await sources.recordCell(core.db, q, { kind: cell.kind, column: cell.column });
      else {
        const src = await sources.records(core.db, q);
        if (!src.available) unavailable = src.reason;
        else if (!src.facts) unavailable = '主动公开（发布）模块只提供了件数，暂不能列出对应的文件清单。';
        else facts = src.facts.filter((r) => r.kind === cell.kind && recordInCell(r, report.year, cell.column)).sort((a, b) => cmp(a.issuedOn, b.issuedOn));
      }
      if (facts) {
        columns = ['索引号', '标题', '文号', '成文日期', '废止日期', '失效日期'];
        rows = facts.map((r) => ({ key: r.ref, cells: [r.ref, r.title, r.docNo || '—', r.issuedOn, r.repealedOn ?? '—', r.expiredOn ?? '—'] }));
      }
    } else if (cell.section === 's4') {
      const cases = (await listCases(core.db, unitIds)).filter((x) => caseInCell(caseFactOf(x), report.year, cell.group, cell.column));
      columns = ['案号', '类型', '受理机关', '立案（申请）日期', '结案日期', `${report.year}年度计为`, '关联申请', ...(several ? ['单位'] : [])];
      rows = cases.map((x) => ({
        key: x.code,
        cells: [
          { text: x.caseNo, href: `${casesPath(cityUnits.get(x.unitId)?.slug ?? c.unit.slug)}#case-${x.code}` },
          caseKindText(x),
          x.body,
          x.filedOn,
          x.decidedOn ?? '—',
          RESULT_LABELS[placeCase(caseFactOf(x), report.year)!.column],
          x.requestNo ?? '—',
          ...(several ? [names.get(x.unitId) ?? ''] : []),
        ],
      }));
    }
    const paged = total !== null;
    const count = total ?? rows.length;
    const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE));
    if (page > pageCount) throw new NotFoundError('该页不存在。');
    const mismatch =
      unavailable ?? (typeof value === 'number' && value !== count ? `本年报生成后数据有变化：当前数据中为${count}条，年报中为${value}。${report.state === 'draft' ? '请重新生成年报。' : ''}` : undefined);
    const shown = paged ? rows : rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    return sendPage(
      reply,
      <CellPage {...base} list={{ columns, rows: shown, total: count }} entered={false} pageCount={pageCount} mismatch={mismatch} />,
    );
  });

  // ------------------------------------------------------------------------------------------
  // Exports

  for (const ext of ['docx', 'xlsx'] as const) {
    app.get(`/staff/annual-reports/:unitSlug/:year/export.${ext}`, guard, async (req, reply) => {
      const c = await viewableUnit(core, req);
      const report = await reportOf(core, req, c.unit);
      const doc = documentOf(c.unit, report, await coveredUnitsOf(core, c.unit, report));
      const names = exportNames(c.unit, report.year, ext);
      reply.header('content-disposition', contentDisposition(names.name, { ascii: names.ascii }));
      reply.header('cache-control', 'no-store');
      return reply.type(ext === 'docx' ? DOCX : XLSX).send(ext === 'docx' ? await renderReportDocx(doc) : await renderReportXlsx(doc));
    });
  }

  // ------------------------------------------------------------------------------------------
  // Case register

  app.get('/staff/annual-reports/:unitSlug/cases', guard, async (req, reply) => {
    const c = await viewableUnit(core, req);
    const currentYear = Number(today().slice(0, 4));
    const cases = await listCases(core.db, [c.unit.id], { includeVoided: true });
    const rows = cases.map((x) => {
      const fact = caseFactOf(x);
      const counted: string[] = [];
      for (let y = Number(x.filedOn.slice(0, 4)); y <= currentYear; y++) {
        const p = placeCase(fact, y);
        if (p) counted.push(`${y}年度：${RESULT_LABELS[p.column]}`);
      }
      return {
        code: x.code,
        kind: caseKindText(x),
        caseNo: x.caseNo,
        body: x.body,
        subject: x.subject,
        filedOn: x.filedOn,
        decidedOn: x.decidedOn,
        result: RESULT_LABELS[x.result],
        requestNo: x.requestNo,
        countedIn: counted.join('；'),
        voided: x.voidedAt ? `${formatInstant(x.voidedAt)}，${x.voidReason ?? ''}` : null,
      };
    });
    return sendPage(reply, <CasesPage ctx={pageContext(req, reply)} unitName={c.unit.name} unitSlug={c.unit.slug} canEdit={c.access.edit} rows={rows} />);
  });

  /** The case form: FormReader's messages first, then the register's rules (domain/case-form.ts). */
  function readCaseForm(body: unknown, todayIso: string): { input: CaseInput; values: CaseFormValues; errors: FieldErrors } {
    const form = new FormReader(body);
    const kind = form.choice('kind', '案件类型', ['review', 'lawsuit'] as const);
    const lawsuitPath = form.choice('lawsuitPath', '起诉方式', ['direct', 'after_review'] as const, false);
    const input: CaseInput = {
      kind,
      lawsuitPath: kind === 'lawsuit' ? lawsuitPath : undefined,
      caseNo: form.text('caseNo', { label: '案号', max: 100 }),
      body: form.text('body', { label: '受理机关', max: 100 }),
      subject: form.text('subject', { label: '案由', max: 200 }),
      filedOn: form.date('filedOn', '立案（申请）日期', false),
      result: form.choice('result', '审理结果', ['upheld', 'corrected', 'other', 'pending'] as const, false),
      decidedOn: form.date('decidedOn', '结案日期', false),
      requestNo: form.text('requestNo', { label: '受理编号', max: 40 }),
      note: form.text('note', { label: '备注', max: 1000 }),
    };
    const values: CaseFormValues = {
      kind: form.values.kind ?? '',
      lawsuitPath: form.values.lawsuitPath ?? '',
      caseNo: input.caseNo,
      body: input.body,
      subject: input.subject,
      filedOn: form.values.filedOn ?? '',
      decidedOn: form.values.decidedOn ?? '',
      result: form.values.result ?? '',
      requestNo: input.requestNo,
      note: input.note,
    };
    return { input, values, errors: { ...validateCase(input, todayIso), ...form.errors } };
  }

  const emptyValues = (): CaseFormValues => {
    const e = emptyCaseInput();
    return { kind: '', lawsuitPath: '', caseNo: e.caseNo, body: e.body, subject: e.subject, filedOn: '', decidedOn: '', result: '', requestNo: '', note: '' };
  };

  app.get('/staff/annual-reports/:unitSlug/cases/new', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    return sendPage(reply, <CaseFormPage ctx={pageContext(req, reply)} unitName={c.unit.name} unitSlug={c.unit.slug} mode="new" action={casesPath(c.unit.slug)} values={emptyValues()} errors={{}} />);
  });

  app.post('/staff/annual-reports/:unitSlug/cases', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const { input, values, errors } = readCaseForm(req.body, today());
    const render = (e: FieldErrors) =>
      sendPage(reply, <CaseFormPage ctx={pageContext(req, reply)} unitName={c.unit.name} unitSlug={c.unit.slug} mode="new" action={casesPath(c.unit.slug)} values={values} errors={e} />, 400);
    if (Object.keys(errors).length) return render(errors);
    const result = await createCase(core, actorOf(req), c.unit, input);
    if (!result.ok) return render(result.errors);
    setFlash(reply, `已登记案件${result.case.caseNo}。`);
    return reply.redirect(`${casesPath(c.unit.slug)}#case-${result.case.code}`, 303);
  });

  async function caseOf(req: FastifyRequest, c: ReportUnitContext): Promise<CaseRow> {
    const { code } = req.params as { code: string };
    const row = /^[a-z0-9]{1,20}$/.test(code) ? await findCaseByCode(core.db, code) : undefined;
    if (!row || row.unitId !== c.unit.id) throw new NotFoundError('该案件不存在。');
    return row;
  }

  const valuesOf = (x: CaseRow): CaseFormValues => ({
    kind: x.kind,
    lawsuitPath: x.lawsuitPath ?? '',
    caseNo: x.caseNo,
    body: x.body,
    subject: x.subject,
    filedOn: x.filedOn,
    decidedOn: x.decidedOn ?? '',
    result: x.result,
    requestNo: x.requestNo ?? '',
    note: x.note,
  });

  function renderCaseEdit(req: FastifyRequest, reply: FastifyReply, c: ReportUnitContext, row: CaseRow, values: CaseFormValues, errors: FieldErrors, voidForm: { reason: string; error?: string }, status = 200) {
    const path = casePath(c.unit.slug, row.code);
    return sendPage(
      reply,
      <CaseFormPage
        ctx={pageContext(req, reply)}
        unitName={c.unit.name}
        unitSlug={c.unit.slug}
        mode="edit"
        action={path}
        values={values}
        errors={errors}
        voidForm={{ action: `${path}/void`, ...voidForm }}
      />,
      status,
    );
  }

  app.get('/staff/annual-reports/:unitSlug/cases/:code/edit', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const row = await caseOf(req, c);
    if (row.voidedAt) throw new NotFoundError('该案件已作废。');
    return renderCaseEdit(req, reply, c, row, valuesOf(row), {}, { reason: '' });
  });

  app.post('/staff/annual-reports/:unitSlug/cases/:code', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const row = await caseOf(req, c);
    const { input, values, errors } = readCaseForm(req.body, today());
    if (Object.keys(errors).length) return renderCaseEdit(req, reply, c, row, values, errors, { reason: '' }, 400);
    const result = await updateCaseRecord(core, actorOf(req), row, input);
    if (!result.ok) return renderCaseEdit(req, reply, c, row, values, Object.keys(result.errors).length ? result.errors : { caseNo: result.reasons.join('；') }, { reason: '' }, 400);
    setFlash(reply, `已修改案件${result.case.caseNo}。`);
    return reply.redirect(`${casesPath(c.unit.slug)}#case-${row.code}`, 303);
  });

  app.post('/staff/annual-reports/:unitSlug/cases/:code/void', guard, async (req, reply) => {
    const c = await editableUnit(core, req);
    const row = await caseOf(req, c);
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '作废原因', required: true, max: 500 });
    if (!form.ok) return renderCaseEdit(req, reply, c, row, valuesOf(row), {}, { reason, error: form.errors.reason }, 400);
    const result = await voidCase(core, actorOf(req), row, reason);
    if (!result.ok) return renderCaseEdit(req, reply, c, row, valuesOf(row), {}, { reason, error: result.errors.reason ?? result.reasons.join('；') }, 400);
    setFlash(reply, `已作废案件${row.caseNo}。`);
    return reply.redirect(casesPath(c.unit.slug), 303);
  });

}

/** Code-point order: dates and 受理编号 are ASCII, and this is fast on 100,000 rows. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function caseKindText(x: CaseRow): string {
  return x.kind === 'lawsuit' && x.lawsuitPath ? `${CASE_KIND_LABELS.lawsuit}（${LAWSUIT_PATH_LABELS[x.lawsuitPath]}）` : CASE_KIND_LABELS[x.kind];
}
