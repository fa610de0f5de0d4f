// Back-office pages of 主动公开: the unit's records (filters, export, review queue, review owed), the
// timeliness dashboard, the record form (new, edit draft, revise) with its conflict page, the record
// page with versions, diffs, review log and every workflow action, attachments and interpretation links.
import { makePrintable } from '../../../core/xlsx/print.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import type { Core } from '../../../core/services.ts';
import { FormReader, uploadedFile, type FieldErrors } from '../../../core/http/form.ts';
import { pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { formatInstant, formatInstantWords, shanghaiToday } from '../../../core/clock.ts';
import { hasRole, isCityWide } from '../../../core/auth/roles.ts';
import { sanitizeRichText } from '../../../core/html/sanitize.ts';
import { formatBytes } from '../../../core/files/sniff.ts';
import { fileStorage, FileNotFoundError } from '../../../core/files/storage.ts';
import { listUnitsOfRoot, findUnitById, type UnitRow } from '../../units/index.ts';
import { nextDueDate, isOverdue, type CatalogItemRef } from '../../catalog/index.ts';
import { allowedActions, canEditRecord, ACTION_LABELS, type WorkflowAction } from '../domain/workflow.ts';
import { requiresInterpretation } from '../domain/interpretation.ts';
import { findPersonalData } from '../domain/personal-data.ts';
import { contentFingerprint, hasContentCheck } from '../content-check.ts';
import { plainText } from '../domain/metadata.ts';
import { validateRecordInput } from '../domain/metadata.ts';
import type { RecordInput } from '../domain/types.ts';
import {
  ATTACHMENT_ROLE_LABELS,
  ATTACHMENT_ROLES,
  DISCLOSURE_LABELS,
  DOC_TYPE_LABELS,
  DOC_TYPES,
  GENERAL_COLUMNS,
  groundLabel,
  INTERPRETATION_FORM_LABELS,
  RECORD_STATES,
  STATE_LABELS,
  VALIDITIES,
  VALIDITY_LABELS,
  WITHDRAW_REASON_LABELS,
  WITHDRAW_REASONS,
  type AttachmentRole,
  type DocType,
  type GeneralColumn,
  type InterpretationForm,
  type RecordState,
  type Validity,
  type WithdrawReason,
} from '../domain/vocab.ts';
import {
  findAttachmentByCode,
  findRecordByCode,
  findRecordById,
  findRecordByIndexNo,
  listAttachments,
  listAwaitingReview,
  listLinkedInterpretations,
  listLinkedPolicies,
  listRecordVersions,
  listReviewLog,
  listReviewOwed,
  timelinessByUnit,
  timelinessSummary,
  type RecordRow,
} from '../data/repository.ts';
import { cityPublishedYears, lastPublishedByItem, latePublicationsOfYear, listStaffRecords, recordYears, staffNames, workflowRecordOf } from '../data/staff-queries.ts';
import {
  addAttachment,
  approveRecord,
  contentFindingsOf,
  timelinessIfPublishedToday,
  cancelSchedule,
  createDraft,
  createInterpretationDraft,
  forcePublish,
  linkInterpretation,
  publishRecord,
  removeAttachment,
  redactAttachment,
  scanAttachment,
  reviewForced,
  reviseRecord,
  saveDraft,
  sendBackRecord,
  setValidity,
  submitRecord,
  unlinkInterpretation,
  withdrawRecord,
  type PubFailure,
  type SaveConflict,
} from '../service.ts';
import { RecordsPage, TimelinessCityPage, TimelinessPage, type DueItemRow, type RecordFilters } from '../views/staff-records.tsx';
import { ConflictPage, RecordFormPage, type ItemPickerGroup, type RecordFormProps } from '../views/staff-record-form.tsx';
import { RecordDetailPage, VersionDiffPage, type ActionForms, type RecordDetailProps } from '../views/staff-record-detail.tsx';
import { emptyFormValues, formValuesOf, orderErrors, readRecordForm, type RecordFormValues } from './staff-form.ts';
import { diffLines, pairFields } from './staff-diff.ts';
import {
  canViewRecord,
  HTML,
  itemLabels,
  listRowOf,
  positiveInt,
  queryText,
  RECORD_ROLES,
  reviewUnitIds,
  staffActor,
  unitInScope,
  unitItems,
  visibleRecord,
  workflowUser,
} from './staff-common.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';
import { findPersonalData as findBodyPersonalData } from '../../../core/validation/personal-data.ts';
import { siteMasks } from '../../../core/redaction/masks.ts';
import { tickedHits } from '../../../core/redaction/office.ts';
import { RedactionReviewPage } from '../../../core/ui/redaction.tsx';

const PAGE_SIZE = 30;
const EXPORT_LIMIT = 5000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EVENT_LABELS: Record<string, string> = {
  created: '新建',
  saved: '保存草稿',
  submitted: '提交审核',
  approved: '审核通过',
  sent_back: '退回修改',
  scheduled: '定时发布',
  schedule_cancelled: '取消定时发布',
  schedule_failed: '定时发布未成功',
  published: '发布',
  revised: '修订',
  withdrawn: '撤回',
  validity: '变更有效性',
  reviewed: '补充审核',
  attachment_added: '上传附件',
  attachment_removed: '删除附件',
};

const LOG_LABELS: Record<string, string> = {
  ...EVENT_LABELS,
  force_published: '紧急发布',
};

/** Field names of the service's errors → the detail page's form fields. */
const ACTION_FIELD: Record<string, Record<string, string>> = {
  approve: { note: 'approveNote' },
  'review-forced': { note: 'reviewNote' },
  publish: { scheduledAt: 'scheduleAt' },
};

function groupItems(items: CatalogItemRef[]): ItemPickerGroup[] {
  const groups: ItemPickerGroup[] = [];
  for (const i of items) {
    let g = groups.find((x) => x.domain === i.domainName && x.level1 === i.level1);
    if (!g) {
      g = { domain: i.domainName, level1: i.level1, items: [] };
      groups.push(g);
    }
    g.items.push({ id: i.id, level2: i.level2 });
  }
  return groups;
}

/** A Shanghai wall-clock time typed in a datetime-local field, as an instant. */
function parseShanghaiDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+08:00`);
  if (Number.isNaN(d.getTime())) return null;
  // Reject impossible dates that Date would roll over (2026-02-30).
  return shanghaiToday(d) === `${m[1]}-${m[2]}-${m[3]}` ? d : null;
}

export function registerPublishingStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...RECORD_ROLES) };
  const send = (reply: FastifyReply, html: string, status = 200) => reply.code(status).type(HTML).send(html);
  const today = () => shanghaiToday(core.clock.now());
  const maxUploadMb = Math.round(core.config.uploadLimitBytes / (1024 * 1024));

  async function unitNames(rootUnitId: number): Promise<Map<number, string>> {
    return new Map((await listUnitsOfRoot(core.db, rootUnitId, true)).map((u) => [u.id, u.name]));
  }

  // ------------------------------------------------------------------------------------------
  // Lists

  function readFilters(q: unknown, items: CatalogItemRef[]): { filters: RecordFilters; state?: RecordState; itemId?: number; column?: GeneralColumn; docType?: DocType; year?: number; page: number } {
    const state = queryText(q, 'state');
    const home = queryText(q, 'home');
    const type = queryText(q, 'type');
    const year = queryText(q, 'year');
    const filters: RecordFilters = { unit: queryText(q, 'unit'), state: '', home: '', type: '', year: '' };
    const out: ReturnType<typeof readFilters> = { filters, page: positiveInt(queryText(q, 'page')) ?? 1 };
    if ((RECORD_STATES as readonly string[]).includes(state)) {
      out.state = state as RecordState;
      filters.state = state;
    }
    const item = /^item:(\d{1,15})$/.exec(home);
    if (item && items.some((i) => i.id === Number(item[1]))) {
      out.itemId = Number(item[1]);
      filters.home = home;
    }
    const column = /^column:(\w+)$/.exec(home);
    if (column && (GENERAL_COLUMNS as readonly string[]).includes(column[1]!)) {
      out.column = column[1] as GeneralColumn;
      filters.home = home;
    }
    if ((DOC_TYPES as readonly string[]).includes(type)) {
      out.docType = type as DocType;
      filters.type = type;
    }
    if (/^\d{4}$/.test(year)) {
      out.year = Number(year);
      filters.year = year;
    }
    return out;
  }

  function queryStringOf(filters: RecordFilters, unitShown: boolean, page: number) {
    return (overrides: Record<string, string>) => {
      const params = new URLSearchParams();
      const all: Record<string, string> = { unit: unitShown ? filters.unit : '', state: filters.state, home: filters.home, type: filters.type, year: filters.year, page: page > 1 ? String(page) : '', ...overrides };
      for (const [k, v] of Object.entries(all)) if (v) params.set(k, v);
      const s = params.toString();
      return s ? `?${s}` : '';
    };
  }

  app.get('/staff/records', guard, async (req, reply) => {
    const user = req.user!;
    const scope = await unitInScope(core, req, queryText(req.query, 'unit'));
    const unit = scope.unit;
    const items = await unitItems(core, unit.id);
    const f = readFilters(req.query, items);
    const { rows, total } = await listStaffRecords(core.db, { unitId: unit.id, state: f.state, itemId: f.itemId, column: f.column, docType: f.docType, year: f.year, limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE });
    const allUnits = await listUnitsOfRoot(core.db, user.rootUnitId, true);
    const names = new Map(allUnits.map((u) => [u.id, u.name]));
    const reviewIds = reviewUnitIds(user, allUnits.filter((u) => !u.archivedAt));
    const awaiting = reviewIds.length ? (await listAwaitingReview(core.db, reviewIds)).filter((r) => r.submittedById !== user.id) : null;
    const owed = (await listReviewOwed(core.db, user.rootUnitId)).filter((r) => canViewRecord(user, r));
    const extra = [...(awaiting ?? []), ...owed];
    const labels = await itemLabels(core, [...rows, ...extra].map((r) => r.catalogItemId), items);
    const staff = await staffNames(core.db, (awaiting ?? []).map((r) => r.submittedById));
    const ctx = { items: labels, unitNames: names, staff };
    const homeGroups = new Map<string, { value: string; label: string }[]>();
    for (const i of items) {
      const g = `${i.domainName} › ${i.level1}`;
      if (!homeGroups.has(g)) homeGroups.set(g, []);
      homeGroups.get(g)!.push({ value: `item:${i.id}`, label: i.level2 });
    }
    const years = await recordYears(core.db, unit.id);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return send(
      reply,
      renderDocument(
        <RecordsPage
          ctx={pageContext(req, reply)}
          unit={{ slug: unit.slug, name: unit.name }}
          units={scope.choices.map((u) => ({ slug: u.slug, name: u.name }))}
          filters={{ ...f.filters, unit: scope.choices.length ? unit.slug : '' }}
          homeOptions={[...homeGroups].map(([group, options]) => ({ group, options }))}
          years={years}
          rows={rows.map((r) => listRowOf(r, ctx))}
          total={total}
          page={Math.min(f.page, pageCount)}
          pageCount={pageCount}
          awaiting={awaiting ? awaiting.map((r) => listRowOf(r, ctx)) : null}
          owed={owed.map((r) => listRowOf(r, ctx))}
          canCreate={hasRole(user, 'editor', 'reviewer', 'unit_admin', 'openness_office')}
          queryString={queryStringOf({ ...f.filters, unit: unit.slug }, scope.choices.length > 0, f.page)}
        />,
      ),
    );
  });

  app.get('/staff/records/export.xlsx', guard, async (req, reply) => {
    const scope = await unitInScope(core, req, queryText(req.query, 'unit'));
    const unit = scope.unit;
    const items = await unitItems(core, unit.id);
    const f = readFilters(req.query, items);
    const { rows } = await listStaffRecords(core.db, { unitId: unit.id, state: f.state, itemId: f.itemId, column: f.column, docType: f.docType, year: f.year, limit: EXPORT_LIMIT, offset: 0 });
    const labels = await itemLabels(core, rows.map((r) => r.catalogItemId), items);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Gongkai';
    const ws = wb.addWorksheet('信息列表');
    ws.columns = [
      { header: '索引号', key: 'indexNo', width: 30 },
      { header: '标题', key: 'title', width: 50 },
      { header: '文号', key: 'docNo', width: 22 },
      { header: '发布机构', key: 'publisher', width: 20 },
      { header: '成文日期', key: 'writtenOn', width: 12 },
      { header: '信息形成（变更）日期', key: 'formedOn', width: 14 },
      { header: '发布日期', key: 'publishedOn', width: 12 },
      { header: '状态', key: 'state', width: 10 },
      { header: '公开属性', key: 'disclosure', width: 12 },
      { header: '文件类型', key: 'docType', width: 14 },
      { header: '有效性', key: 'validity', width: 8 },
      { header: '所属事项或栏目', key: 'home', width: 36 },
      { header: '主题分类', key: 'subject', width: 20 },
      { header: '体裁', key: 'genre', width: 8 },
      { header: '超期公开', key: 'late', width: 8 },
      { header: '应公开日期', key: 'dueOn', width: 12 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow({
        indexNo: r.indexNo ?? '',
        title: r.title,
        docNo: r.docNo,
        publisher: r.publisherName,
        writtenOn: r.writtenOn,
        formedOn: r.formedOn,
        publishedOn: r.publishedOn ?? '',
        state: STATE_LABELS[r.state],
        disclosure: DISCLOSURE_LABELS[r.disclosure],
        docType: DOC_TYPE_LABELS[r.docType],
        validity: VALIDITY_LABELS[r.validity],
        home: [r.catalogItemId !== null ? (labels.get(r.catalogItemId) ?? '') : '', r.generalColumn ? { news: '政务动态', notice: '通知公告', policy: '政策文件' }[r.generalColumn] : ''].filter(Boolean).join('；'),
        subject: r.subject,
        genre: r.genre,
        late: r.publishedLate === true ? '是' : r.publishedLate === false ? '否' : '',
        dueOn: r.dueOn ?? '',
      });
    }
    makePrintable(ws, { headerRow: 1 });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const name = `${unit.name}信息列表-${today()}.xlsx`;
    return reply.type(XLSX).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store').send(buf);
  });

  // ------------------------------------------------------------------------------------------
  // Timeliness dashboard (《政府信息公开条例》第二十六条)

  // The city at a glance: each unit's publications of the year, on time or late (the office's view).
  app.get('/staff/records/timeliness/city', guard, async (req, reply) => {
    const user = req.user!;
    if (!isCityWide(user)) throw new ForbiddenError('全市公开时效只对政务公开办开放；请查看本单位的公开时效。');
    const now = today();
    const thisYear = Number(now.slice(0, 4));
    const [units, published] = await Promise.all([listUnitsOfRoot(core.db, user.rootUnitId), cityPublishedYears(core.db, user.rootUnitId)]);
    const years = [...new Set([thisYear, ...published])].sort((a, b) => b - a);
    const asked = Number(queryText(req.query, 'year'));
    const year = years.includes(asked) ? asked : thisYear;
    const byUnit = new Map((await timelinessByUnit(core.db, user.rootUnitId, year)).map((r) => [r.unitId, r]));
    const rows = units.map((u) => {
      const s = byUnit.get(u.id) ?? { published: 0, late: 0, unknown: 0 };
      return { slug: u.slug, name: u.name, published: s.published, late: s.late, unknown: s.unknown };
    });
    // Late first, then the busiest: the units the office should call come first.
    rows.sort((a, b) => b.late - a.late || b.published - a.published || a.name.localeCompare(b.name, 'zh'));
    return send(reply, renderDocument(<TimelinessCityPage ctx={pageContext(req, reply)} year={year} years={years} rows={rows} />));
  });

  app.get('/staff/records/timeliness', guard, async (req, reply) => {
    const scope = await unitInScope(core, req, queryText(req.query, 'unit'));
    const unit = scope.unit;
    const now = today();
    const thisYear = Number(now.slice(0, 4));
    const years = [...new Set([thisYear, ...(await recordYears(core.db, unit.id))])].sort((a, b) => b - a);
    const asked = Number(queryText(req.query, 'year'));
    const year = years.includes(asked) ? asked : thisYear;
    const [summary, late, items, lastByItem] = await Promise.all([
      timelinessSummary(core.db, unit.id, year),
      latePublicationsOfYear(core.db, unit.id, year),
      unitItems(core, unit.id),
      lastPublishedByItem(core.db, unit.id),
    ]);
    const calendar = await core.calendar.calendar();
    const dueItems: DueItemRow[] = [];
    for (const item of items) {
      const rule = item.timeLimitRule;
      if (rule.kind !== 'yearly_by' && rule.kind !== 'periodic') continue;
      const last = lastByItem.get(item.id);
      const due = nextDueDate(rule, { today: now, lastPublishedOn: last }, calendar);
      dueItems.push({
        domain: item.domainName,
        level1: item.level1,
        level2: item.level2,
        timeLimitText: item.timeLimitText,
        lastPublishedOn: last ?? null,
        due: due.due,
        explanation: due.explanation,
        overdue: isOverdue(due.due, now),
      });
    }
    dueItems.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    return send(
      reply,
      renderDocument(
        <TimelinessPage
          ctx={pageContext(req, reply)}
          unit={{ slug: unit.slug, name: unit.name }}
          units={scope.choices.map((u) => ({ slug: u.slug, name: u.name }))}
          year={year}
          years={years}
          today={now}
          summary={summary}
          late={late.map((r) => ({ code: r.code, title: r.title, formedOn: r.formedOn, dueOn: r.dueOn, publishedOn: r.publishedOn, note: r.timelinessNote }))}
          dueItems={dueItems}
        />,
      ),
    );
  });

  // ------------------------------------------------------------------------------------------
  // New record

  interface NewContext {
    unit: UnitRow;
    interprets?: RecordRow;
  }

  /** The unit a new record is drafted for, and the policy it interprets (if any). */
  async function newContext(req: FastifyRequest, unitSlug: string, interpretsCode: string): Promise<NewContext> {
    const user = req.user!;
    if (!hasRole(user, 'editor', 'reviewer', 'unit_admin', 'openness_office')) throw new ForbiddenError('您的角色不能起草信息。');
    if (interpretsCode) {
      const policy = /^[A-Za-z0-9_-]{1,64}$/.test(interpretsCode) ? await findRecordByCode(core.db, interpretsCode) : undefined;
      if (!policy || policy.rootUnitId !== user.rootUnitId) throw new NotFoundError('要解读的政策文件不存在。');
      if (!canViewRecord(user, policy)) throw new ForbiddenError('您只能为本单位的政策文件起草解读。');
      const unit = await findUnitById(core.db, policy.unitId);
      if (!unit) throw new NotFoundError('该单位不存在。');
      return { unit, interprets: policy };
    }
    const scope = await unitInScope(core, req, unitSlug);
    if (scope.unit.id !== user.unitId && !hasRole(user, 'openness_office')) throw new ForbiddenError('您只能为本单位起草信息。');
    return { unit: scope.unit };
  }

  async function renderForm(req: FastifyRequest, reply: FastifyReply, props: Omit<RecordFormProps, 'ctx' | 'itemGroups'> & { unitId: number }, status = 200) {
    const items = groupItems(await unitItems(core, props.unitId));
    const { unitId: _unitId, ...rest } = props;
    void _unitId;
    return send(reply, renderDocument(<RecordFormPage ctx={pageContext(req, reply)} itemGroups={items} {...rest} errors={orderErrors(rest.errors)} />), status);
  }

  app.get('/staff/records/new', guard, async (req, reply) => {
    const c = await newContext(req, queryText(req.query, 'unit'), queryText(req.query, 'interprets'));
    const values = emptyFormValues({ publisherName: c.unit.name, kind: c.interprets ? 'interpretation' : 'record', today: today() });
    if (c.interprets) {
      values.title = `《${c.interprets.title}》政策解读`;
      values.subject = c.interprets.subject;
      values.catalogItemId = c.interprets.catalogItemId === null ? '' : String(c.interprets.catalogItemId);
    }
    return renderForm(req, reply, {
      mode: 'new',
      action: `/staff/records/new${c.interprets ? `?interprets=${encodeURIComponent(c.interprets.code)}` : isCityWide(req.user!) && c.unit.id !== req.user!.unitId ? `?unit=${encodeURIComponent(c.unit.slug)}` : ''}`,
      unitName: c.unit.name,
      unitId: c.unit.id,
      values,
      errors: {},
      interprets: c.interprets ? { code: c.interprets.code, title: c.interprets.title } : undefined,
    });
  });

  /** Reads the form and merges the form's and the metadata rules' messages (nothing saved). */
  async function readForm(req: FastifyRequest, unitId: number, publishedOn: string | null): Promise<{ values: RecordFormValues; errors: FieldErrors; input: RecordInput }> {
    const items = await unitItems(core, unitId);
    const read = readRecordForm(req.body, new Set(items.map((i) => i.id)));
    if (!Object.keys(read.errors).length) return read;
    // Show every problem at once: the metadata rules on top of the form's own findings.
    const rules = validateRecordInput({ ...read.input, bodyHtml: sanitizeRichText(read.input.bodyHtml) }, { today: today(), publishedOn });
    return { ...read, errors: { ...rules.errors, ...read.errors } };
  }

  app.post('/staff/records/new', guard, async (req, reply) => {
    const c = await newContext(req, queryText(req.query, 'unit'), queryText(req.query, 'interprets'));
    const { values, errors, input } = await readForm(req, c.unit.id, null);
    const base = {
      mode: 'new' as const,
      action: req.url,
      unitName: c.unit.name,
      unitId: c.unit.id,
      values,
      interprets: c.interprets ? { code: c.interprets.code, title: c.interprets.title } : undefined,
    };
    if (Object.keys(errors).length) return renderForm(req, reply, { ...base, errors }, 400);
    const actor = staffActor(req);
    const r = c.interprets
      ? await createInterpretationDraft(core, actor, c.interprets.code, input)
      : await createDraft(core, actor, input, { unitId: c.unit.id });
    if (!r.ok) {
      if (r.kind === 'invalid') return renderForm(req, reply, { ...base, errors: r.errors }, 400);
      if (r.kind === 'refused') return renderForm(req, reply, { ...base, errors: {}, refusal: r.reasons }, 409);
      throw new NotFoundError();
    }
    setFlash(reply, ['已保存草稿。', ...r.notes].join(''));
    return reply.redirect(`/staff/records/${r.record.code}`, 303);
  });

  // ------------------------------------------------------------------------------------------
  // Record page

  async function itemLabel(ids: (number | null)[]): Promise<(id: number) => string> {
    const labels = await itemLabels(core, ids);
    return (id: number) => labels.get(id) ?? `事项 ${id}`;
  }

  async function renderDetail(req: FastifyRequest, reply: FastifyReply, row: RecordRow, extra: { refusal?: { action: string; reasons: string[] }; forms?: ActionForms } = {}, status = 200) {
    const user = req.user!;
    const wf = await workflowRecordOf(core.db, row);
    const allowed = allowedActions(wf, workflowUser(user));
    const [attachments, versions, log, interpretations, policies, unit] = await Promise.all([
      listAttachments(core.db, row.id),
      listRecordVersions(core.db, row.id),
      listReviewLog(core.db, row.id),
      row.kind === 'record' ? listLinkedInterpretations(core.db, row.id) : Promise.resolve([]),
      row.kind === 'interpretation' ? listLinkedPolicies(core.db, row.id) : Promise.resolve([]),
      findUnitById(core.db, row.unitId),
    ]);
    const label = await itemLabel([row.catalogItemId]);
    const replacedBy = row.replacedById ? await findRecordById(core.db, row.replacedById) : undefined;
    const mayEdit = canEditRecord(workflowUser(user), wf);
    const metadata: RecordDetailProps['metadata'] = [
      { label: '索引号', value: row.indexNo ?? '发布时生成' },
      { label: '信息类别', value: row.kind === 'interpretation' ? `政策解读（${row.interpretationForm ? INTERPRETATION_FORM_LABELS[row.interpretationForm] : ''}）` : '政府信息' },
      { label: '所属公开事项', value: row.catalogItemId !== null ? label(row.catalogItemId) : '' },
      { label: '栏目', value: row.generalColumn ? { news: '政务动态', notice: '通知公告', policy: '政策文件' }[row.generalColumn] : '' },
      { label: '发布机构', value: row.publisherName },
      { label: '文号', value: row.docNo },
      { label: '成文日期', value: row.writtenOn },
      { label: '信息形成（变更）日期', value: row.formedOn },
      { label: '发布日期', value: row.publishedOn ?? '' },
      { label: '主题分类', value: row.subject },
      { label: '体裁', value: row.genre },
      { label: '文件类型', value: DOC_TYPE_LABELS[row.docType] + (row.needsInterpretation ? '（需解读）' : '') },
      {
        label: '有效性',
        value: `${VALIDITY_LABELS[row.validity]}${row.validityChangedOn ? `（${row.validityChangedOn}）` : ''}${replacedBy ? `，被替代为：${replacedBy.title}（${replacedBy.indexNo ?? ''}）` : ''}`,
      },
      { label: '关键词', value: row.keywords.join('、') },
      { label: '内容概述', value: row.summary },
      { label: '公开属性', value: DISCLOSURE_LABELS[row.disclosure] },
      ...(row.disclosure !== 'proactive'
        ? [
            { label: '依据', value: row.disclosureGrounds.map(groundLabel).join('；') },
            { label: '复查日期', value: row.reevaluateOn ?? '' },
          ]
        : []),
      ...(row.disclosureNote ? [{ label: '公开属性说明', value: row.disclosureNote }] : []),
      { label: '起草人', value: row.createdByName },
      ...(row.approvedByName ? [{ label: '审核人', value: `${row.approvedByName}${row.approvedAt ? `（${formatInstant(row.approvedAt)}）` : ''}` }] : []),
    ];
    // Warn before approving a back-dated record, not after publishing it.
    const prospective = !row.timelinessNote && (row.state === 'submitted' || row.state === 'approved') ? await timelinessIfPublishedToday(core, row) : null;
    const props: RecordDetailProps = {
      ctx: pageContext(req, reply),
      record: {
        code: row.code,
        title: row.title,
        state: row.state,
        kind: row.kind,
        indexNo: row.indexNo,
        unitName: unit?.name ?? '',
        revision: row.revision,
        lockVersion: row.lockVersion,
        reviewOwed: row.reviewOwed,
        scheduledAt: row.scheduledAt ? formatInstantWords(row.scheduledAt) : null,
        sendBackReasons: row.sendBackReasons,
        withdrawal: row.state === 'withdrawn' && row.withdrawReason ? { reason: WITHDRAW_REASON_LABELS[row.withdrawReason], note: row.withdrawNote, at: row.withdrawnAt ? formatInstant(row.withdrawnAt) : '' } : null,
        timeliness: row.timelinessNote
          ? { note: row.timelinessNote, late: row.publishedLate }
          : prospective?.late
            ? { note: `今天（${prospective.today}）审核通过并发布将是超期公开。${prospective.note}`, late: true }
            : null,
        requiresInterpretation: requiresInterpretation(row),
        publicHref: row.indexNo && row.disclosure === 'proactive' && (row.state === 'published' || row.state === 'withdrawn') ? publicRecordHref(row.indexNo) : null,
      },
      metadata,
      contentCheck: hasContentCheck()
        ? await (async () => {
            const findings = await contentFindingsOf(core.db, row, today());
            return { findings, fingerprint: contentFingerprint(findings) };
          })()
        : null,
      // Without a content check: tell whoever reviews that the record seems to carry personal data.
      personalData: findPersonalData(
        [
          { where: '标题', text: row.title },
          { where: '内容概述', text: row.summary },
          { where: '正文', text: plainText(row.bodyHtml) },
          ...attachments.filter((a) => !a.removedAt && a.extractedText).map((a) => ({ where: `附件“${a.originalName}”`, text: a.extractedText })),
        ],
        today(),
      ),
      // Stored sanitised; sanitised again here so a row written by other means cannot inject markup.
      bodyHtml: sanitizeRichText(row.bodyHtml),
      attachments: attachments.map((a) => ({
        code: a.code,
        name: a.originalName,
        roleLabel: ATTACHMENT_ROLE_LABELS[a.role],
        fileType: a.fileType,
        size: formatBytes(a.sizeBytes),
        uploadedAt: formatInstant(a.uploadedAt),
      })),
      interpretations: interpretations.map((i) => ({ code: i.code, title: i.title, state: i.state, extra: i.interpretationForm ? INTERPRETATION_FORM_LABELS[i.interpretationForm] : '' })),
      policies: policies.map((p) => ({ code: p.code, title: p.title, state: p.state, extra: p.docNo })),
      versions: versions.map((v, i) => ({
        lockVersion: v.lockVersion,
        event: EVENT_LABELS[v.event] ?? v.event,
        changeNote: v.changeNote,
        by: v.changedByName,
        at: formatInstant(v.changedAt),
        isPublic: v.isPublic,
        diffHref: i < versions.length - 1 ? `/staff/records/${row.code}/versions/${v.lockVersion}` : null,
      })),
      reviewLog: log.map((l) => ({ action: LOG_LABELS[l.action] ?? l.action, actor: l.actorName, at: formatInstant(l.at), reasons: l.reasons, note: l.note })),
      allowed,
      canAttach: allowed.includes('edit') || allowed.includes('revise'),
      canLink: row.kind === 'record' && (row.state === 'draft' || row.state === 'published') && mayEdit,
      refusal: extra.refusal,
      forms: extra.forms,
      today: today(),
      maxUploadMb,
    };
    return send(reply, renderDocument(<RecordDetailPage {...props} />), status);
  }

  app.get('/staff/records/:code', guard, async (req, reply) => {
    const row = await visibleRecord(core, req);
    return renderDetail(req, reply, row);
  });

  app.get('/staff/records/:code/versions/:version', guard, async (req, reply) => {
    const row = await visibleRecord(core, req);
    const n = positiveInt((req.params as { version: string }).version);
    const versions = await listRecordVersions(core.db, row.id);
    const idx = versions.findIndex((v) => v.lockVersion === n);
    if (idx < 0 || idx === versions.length - 1) throw new NotFoundError('没有可比较的版本。');
    const to = versions[idx]!;
    const from = versions[idx + 1]!;
    const label = await itemLabel([from.snapshot.catalogItemId, to.snapshot.catalogItemId]);
    const fields = pairFields(from.snapshot, to.snapshot, label).filter((f) => f.changed && f.field !== 'bodyHtml');
    const before = pairFields(from.snapshot, to.snapshot, label).find((f) => f.field === 'bodyHtml')!;
    return send(
      reply,
      renderDocument(
        <VersionDiffPage
          ctx={pageContext(req, reply)}
          record={{ code: row.code, title: row.title }}
          from={{ lockVersion: from.lockVersion, at: formatInstant(from.changedAt), by: from.changedByName }}
          to={{ lockVersion: to.lockVersion, at: formatInstant(to.changedAt), by: to.changedByName, changeNote: to.changeNote }}
          fields={fields.map((f) => ({ label: f.label, before: f.before, after: f.after }))}
          bodyLines={diffLines(before.before, before.after)}
        />,
      ),
    );
  });

  // ------------------------------------------------------------------------------------------
  // Edit a draft, revise a published record

  async function renderConflict(req: FastifyRequest, reply: FastifyReply, row: RecordRow, conflict: SaveConflict, mode: 'edit' | 'revise', values: RecordFormValues, changeNote?: string) {
    const label = await itemLabel([conflict.submitted.catalogItemId, conflict.current.catalogItemId]);
    const fields = pairFields(conflict.submitted, conflict.current, label)
      .filter((f) => ['state', 'indexNo', 'publishedOn', 'validity', 'attachments'].every((x) => x !== f.field))
      .map((f) => ({ label: f.label, mine: f.before, theirs: f.after, changed: f.changed }));
    const unit = await findUnitById(core.db, row.unitId);
    const items = groupItems(await unitItems(core, row.unitId));
    return send(
      reply,
      renderDocument(
        <ConflictPage
          ctx={pageContext(req, reply)}
          record={{ code: row.code, title: conflict.current.title, lockVersion: conflict.currentVersion, revision: row.revision, indexNo: row.indexNo }}
          changedByName={conflict.changedByName}
          changedAt={formatInstant(new Date(conflict.changedAt))}
          mode={mode}
          action={`/staff/records/${row.code}/${mode}`}
          unitName={unit?.name ?? ''}
          fields={fields}
          values={values}
          itemGroups={items}
          changeNote={changeNote}
        />,
      ),
      409,
    );
  }

  async function editPage(req: FastifyRequest, reply: FastifyReply, mode: 'edit' | 'revise') {
    const row = await visibleRecord(core, req);
    const action: WorkflowAction = mode;
    const wf = await workflowRecordOf(core.db, row);
    if (!allowedActions(wf, workflowUser(req.user!)).includes(action)) {
      const mayEdit = canEditRecord(workflowUser(req.user!), wf);
      if (!mayEdit && mode === 'edit') throw new ForbiddenError('您不能编辑此信息。');
      setFlash(reply, mode === 'edit' ? `该信息当前为“${STATE_LABELS[row.state]}”，不能编辑。` : '您不能修订此信息。');
      return reply.redirect(`/staff/records/${row.code}`, 303);
    }
    const unit = await findUnitById(core.db, row.unitId);
    return renderForm(req, reply, {
      mode,
      action: `/staff/records/${row.code}/${mode}`,
      unitName: unit?.name ?? '',
      unitId: row.unitId,
      values: formValuesOf(row),
      errors: {},
      record: { code: row.code, title: row.title, indexNo: row.indexNo, lockVersion: row.lockVersion, revision: row.revision },
      changeNote: '',
    });
  }

  async function saveEdit(req: FastifyRequest, reply: FastifyReply, mode: 'edit' | 'revise') {
    const row = await visibleRecord(core, req);
    const form = new FormReader(req.body);
    const expected = form.integer('lockVersion', '版本', { min: 1, max: 1_000_000 });
    const changeNote = mode === 'revise' ? form.text('changeNote', { label: '修订说明', max: 1000, required: true }) : '';
    const { values, errors, input } = await readForm(req, row.unitId, mode === 'revise' ? (row.publishedOn ?? today()) : null);
    const unit = await findUnitById(core.db, row.unitId);
    const base = {
      mode,
      action: `/staff/records/${row.code}/${mode}`,
      unitName: unit?.name ?? '',
      unitId: row.unitId,
      values,
      record: { code: row.code, title: row.title, indexNo: row.indexNo, lockVersion: expected ?? row.lockVersion, revision: row.revision },
      changeNote,
    };
    const allErrors: FieldErrors = { ...errors, ...(form.errors.changeNote ? { changeNote: form.errors.changeNote } : {}) };
    if (expected === undefined) return renderForm(req, reply, { ...base, errors: allErrors, refusal: ['表单缺少版本号，请重新打开编辑页面。'] }, 400);
    if (Object.keys(allErrors).length) return renderForm(req, reply, { ...base, errors: allErrors }, 400);
    const actor = staffActor(req);
    const r = mode === 'edit' ? await saveDraft(core, actor, row.code, expected, input) : await reviseRecord(core, actor, row.code, expected, input, changeNote);
    if (!r.ok) {
      if (r.kind === 'conflict') return renderConflict(req, reply, row, r.conflict, mode, values, changeNote);
      if (r.kind === 'invalid') return renderForm(req, reply, { ...base, errors: r.errors }, 400);
      if (r.kind === 'refused') return renderForm(req, reply, { ...base, errors: {}, refusal: r.reasons }, 409);
      throw new NotFoundError('该信息不存在。');
    }
    setFlash(reply, [mode === 'edit' ? '已保存草稿。' : '已保存修订，网站上的内容已更新。', ...r.notes].join(''));
    return reply.redirect(`/staff/records/${row.code}`, 303);
  }

  app.get('/staff/records/:code/edit', guard, (req, reply) => editPage(req, reply, 'edit'));
  app.post('/staff/records/:code/edit', guard, (req, reply) => saveEdit(req, reply, 'edit'));
  app.get('/staff/records/:code/revise', guard, (req, reply) => editPage(req, reply, 'revise'));
  app.post('/staff/records/:code/revise', guard, (req, reply) => saveEdit(req, reply, 'revise'));

  // ------------------------------------------------------------------------------------------
  // Workflow actions: each posts, and either redirects (PRG) or shows the record page with the
  // service's reasons and the form's input kept.

  type ActionResult = { ok: true } | PubFailure;

  async function act(
    req: FastifyRequest,
    reply: FastifyReply,
    path: string,
    label: string,
    run: (row: RecordRow, form: FormReader) => Promise<ActionResult | null>,
    done: string,
  ) {
    const row = await visibleRecord(core, req);
    const form = new FormReader(req.body);
    const result = await run(row, form);
    const keep = (): ActionForms['values'] => {
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const out: Record<string, string> = {};
      for (const k of Object.keys(body)) if (k !== '_csrf') out[k] = form.raw(k);
      return out;
    };
    const fresh = async () => (await findRecordByCode(core.db, row.code)) ?? row;
    if (result === null) {
      // The form's own checks failed.
      return renderDetail(req, reply, await fresh(), { forms: { errors: form.errors, values: keep() } }, 400);
    }
    if (result.ok) {
      setFlash(reply, done + ((result as { notice?: string }).notice ?? ''));
      return reply.redirect(`/staff/records/${row.code}`, 303);
    }
    if (result.kind === 'not_found') throw new NotFoundError('该信息不存在。');
    if (result.kind === 'invalid') {
      const map = ACTION_FIELD[path] ?? {};
      const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [map[k] ?? k, v]));
      return renderDetail(req, reply, await fresh(), { forms: { errors, values: keep() } }, 400);
    }
    if (result.kind === 'refused') return renderDetail(req, reply, await fresh(), { refusal: { action: label, reasons: result.reasons }, forms: { errors: {}, values: keep() } }, 409);
    return renderDetail(req, reply, await fresh(), { refusal: { action: label, reasons: ['该信息已被他人修改，请刷新后重试'] } }, 409);
  }

  app.post('/staff/records/:code/submit', guard, (req, reply) =>
    act(req, reply, 'submit', ACTION_LABELS.submit, (row) => submitRecord(core, staffActor(req), row.code), '已提交审核。'),
  );

  app.post('/staff/records/:code/approve', guard, (req, reply) =>
    act(
      req,
      reply,
      'approve',
      ACTION_LABELS.approve,
      async (row, form) => {
        const note = form.text('approveNote', { label: '审核意见', max: 1000 });
        return form.ok ? approveRecord(core, staffActor(req), row.code, note, { contentConfirmed: form.raw('contentConfirmed') }) : null;
      },
      '已审核通过。',
    ),
  );

  app.post('/staff/records/:code/send-back', guard, (req, reply) =>
    act(
      req,
      reply,
      'send-back',
      ACTION_LABELS.send_back,
      async (row, form) => {
        const text = form.text('reasons', { label: '退回理由', required: true, max: 5000 });
        if (!form.ok) return null;
        return sendBackRecord(core, staffActor(req), row.code, text.split('\n'));
      },
      '已退回修改。',
    ),
  );

  app.post('/staff/records/:code/publish', guard, (req, reply) =>
    act(
      req,
      reply,
      'publish',
      ACTION_LABELS.publish,
      async (row, form) => {
        const when = form.choice('when', '发布时间', ['now', 'schedule'] as const) ?? 'now';
        let at: Date | undefined;
        if (when === 'schedule') {
          const raw = form.text('scheduleAt', { label: '定时发布的时间', required: true });
          if (raw) {
            const parsed = parseShanghaiDateTime(raw);
            if (!parsed) form.fail('scheduleAt', '定时发布的时间格式不正确，应如 2026-12-01T09:00');
            else if (parsed.getTime() <= core.clock.now().getTime()) form.fail('scheduleAt', `定时发布的时间应晚于现在（${formatInstant(core.clock.now())}）`);
            else at = parsed;
          }
        }
        if (!form.ok) return null;
        return publishRecord(core, staffActor(req), row.code, at ? { at } : {});
      },
      '已办理发布。',
    ),
  );

  app.post('/staff/records/:code/cancel-schedule', guard, (req, reply) =>
    act(req, reply, 'cancel-schedule', ACTION_LABELS.cancel_schedule, (row) => cancelSchedule(core, staffActor(req), row.code), '已取消定时发布。'),
  );

  app.post('/staff/records/:code/force-publish', guard, (req, reply) =>
    act(
      req,
      reply,
      'force-publish',
      ACTION_LABELS.force_publish,
      async (row, form) => {
        const reason = form.text('urgentReason', { label: '紧急发布的理由', required: true, max: 1000 });
        if (!form.checkbox('confirm')) form.fail('confirm', '请勾选确认后再紧急发布');
        if (!form.ok) return null;
        return forcePublish(core, staffActor(req), row.code, reason, { contentConfirmed: form.raw('contentConfirmed') });
      },
      '已紧急发布，待审核人补充审核。',
    ),
  );

  app.post('/staff/records/:code/review-forced', guard, (req, reply) =>
    act(
      req,
      reply,
      'review-forced',
      ACTION_LABELS.review_forced,
      async (row, form) => {
        const note = form.text('reviewNote', { label: '审核意见', max: 1000 });
        return form.ok ? reviewForced(core, staffActor(req), row.code, note) : null;
      },
      '已完成补充审核。',
    ),
  );

  app.post('/staff/records/:code/withdraw', guard, (req, reply) =>
    act(
      req,
      reply,
      'withdraw',
      ACTION_LABELS.withdraw,
      async (row, form) => {
        const reason = form.choice<WithdrawReason>('reason', '撤回原因', WITHDRAW_REASONS);
        const note = form.text('note', { label: '撤回说明', required: true, max: 1000 });
        if (!form.ok || !reason) return null;
        return withdrawRecord(core, staffActor(req), row.code, reason, note);
      },
      '已撤回。',
    ),
  );

  app.post('/staff/records/:code/validity', guard, (req, reply) =>
    act(
      req,
      reply,
      'validity',
      ACTION_LABELS.set_validity,
      async (row, form) => {
        const validity = form.choice<Validity>('validity', '有效性', VALIDITIES);
        const changedOn = form.text('changedOn', { label: '失效或废止日期', max: 10 });
        const replacedByIndexNo = form.text('replacedByIndexNo', { label: '替代文件的索引号', max: 64 });
        if (validity && validity !== 'in_force' && !changedOn) form.fail('changedOn', `请填写${validity === 'expired' ? '失效' : '废止'}日期`);
        if (!form.ok || !validity) return null;
        return setValidity(core, staffActor(req), row.code, { validity, changedOn: changedOn || null, replacedByIndexNo: replacedByIndexNo || null });
      },
      '已变更有效性。',
    ),
  );

  // ------------------------------------------------------------------------------------------
  // Attachments

  app.post('/staff/records/:code/attachments', guard, (req, reply) =>
    act(
      req,
      reply,
      'attachments',
      '上传附件',
      async (row, form) => {
        const role = form.choice<AttachmentRole>('role', '用途', ATTACHMENT_ROLES, false) ?? 'attachment';
        const changeNote = form.text('changeNote', { label: '修订说明', max: 1000 });
        const file = uploadedFile(req.body, 'file');
        if (!file) form.fail('file', '请选择要上传的文件');
        if (!form.ok || !file) return null;
        const r = await addAttachment(core, staffActor(req), row.code, { filename: file.filename, data: file.bytes, role, changeNote });
        // Macros or PDF JavaScript: kept (the document may need them) but flagged; files are only ever downloaded.
        return r.ok ? { ok: true, notice: r.activeContent ? `注意：附件“${file.filename}”${r.activeContent}，打开前请确认来源可信；公众只能下载，不会在浏览器中直接打开。` : undefined } : r;
      },
      '已上传附件。',
    ),
  );

  app.post('/staff/records/:code/attachments/:att/remove', guard, (req, reply) =>
    act(
      req,
      reply,
      'attachments-remove',
      '删除附件',
      async (row, form) => {
        const { att } = req.params as { att: string };
        const changeNote = form.text('changeNote', { label: '修订说明', max: 1000 });
        return removeAttachment(core, staffActor(req), row.code, String(att).slice(0, 64), changeNote);
      },
      '已删除附件。',
    ),
  );

  // Personal data in an attachment: the review (each hit with its place), then the redacted copy.
  async function renderRedaction(req: FastifyRequest, reply: FastifyReply, error?: string) {
    const row = await visibleRecord(core, req);
    const { att } = req.params as { att: string };
    const r = await scanAttachment(core, staffActor(req), row.code, String(att).slice(0, 64));
    if (!r.ok) throw new NotFoundError('该附件不存在。');
    const today = shanghaiToday(core.clock.now());
    const bodyHits = findBodyPersonalData(plainText(row.bodyHtml), today).map((h) => ({ kind: h.kind, masked: h.masked }));
    const href = `/staff/records/${row.code}`;
    return reply
      .code(error ? 400 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        renderDocument(
          <RedactionReviewPage
            ctx={pageContext(req, reply)}
            owner={`信息“${row.title}”的附件`}
            fileName={r.attachment.originalName}
            scan={r.scan}
            masks={await siteMasks(core.db, row.rootUnitId)}
            action={`${href}/attachments/${r.attachment.code}/redaction`}
            back={{ href, label: '返回信息页面' }}
            breadcrumbs={[{ href: '/staff/records', label: '信息发布' }, { href, label: row.title }, { label: '个人信息检查' }]}
            bodyHits={bodyHits}
            error={error}
          />,
        ),
      );
  }

  app.get('/staff/records/:code/attachments/:att/redaction', guard, (req, reply) => renderRedaction(req, reply));

  app.post('/staff/records/:code/attachments/:att/redaction', guard, async (req, reply) => {
    const row = await visibleRecord(core, req);
    const { att } = req.params as { att: string };
    const r = await redactAttachment(core, staffActor(req), row.code, String(att).slice(0, 64), tickedHits(req.body));
    if (!r.ok) {
      if (r.kind === 'invalid') return renderRedaction(req, reply, Object.values(r.errors).join('；'));
      if (r.kind === 'not_found') throw new NotFoundError('该附件不存在。');
      throw new ForbiddenError('您不能修改这条信息的附件。');
    }
    setFlash(reply, `已生成隐去个人信息的“${r.attachment.originalName}”并替换原附件；原文件只留工作人员查看。`);
    return reply.redirect(`/staff/records/${row.code}#h-attachments`, 303);
  });

  app.get('/staff/records/:code/attachments/:att', guard, async (req, reply) => {
    const row = await visibleRecord(core, req);
    const { att } = req.params as { att: string };
    const a = await findAttachmentByCode(core.db, String(att).slice(0, 64));
    // An original replaced by its redacted copy stays downloadable here, for staff only.
    if (!a || a.recordId !== row.id || (a.removedAt && !a.redactedIntoId)) throw new NotFoundError('该附件不存在。');
    let bytes: Buffer;
    try {
      bytes = await fileStorage(core.config).get(a.storageKey);
    } catch (err) {
      if (err instanceof FileNotFoundError) throw new NotFoundError('附件文件已丢失，请重新上传。');
      throw err;
    }
    return reply
      .type(a.mediaType)
      .header('content-disposition', contentDisposition(a.originalName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });

  // ------------------------------------------------------------------------------------------
  // Interpretation links

  app.post('/staff/records/:code/interpretations', guard, (req, reply) =>
    act(
      req,
      reply,
      'interpretations',
      '关联政策解读',
      async (row, form) => {
        const ref = form.text('interpretation', { label: '政策解读的索引号或编号', required: true, max: 200 });
        if (!form.ok) return null;
        // Accept a 索引号, a staff code, or a pasted staff address ending in the code.
        const code = /\/staff\/records\/([A-Za-z0-9_-]{1,64})/.exec(ref)?.[1] ?? ref;
        const other = (await findRecordByIndexNo(core.db, ref)) ?? (/^[A-Za-z0-9_-]{1,64}$/.test(code) ? await findRecordByCode(core.db, code) : undefined);
        if (!other || other.rootUnitId !== req.user!.rootUnitId) {
          form.fail('interpretation', '没有找到该政策解读，请填写其索引号或编号');
          return null;
        }
        return linkInterpretation(core, staffActor(req), row.code, other.code);
      },
      '已关联政策解读。',
    ),
  );

  app.post('/staff/records/:code/interpretations/:icode/unlink', guard, (req, reply) =>
    act(
      req,
      reply,
      'interpretations-unlink',
      '取消关联',
      async (row) => {
        const { icode } = req.params as { icode: string };
        return unlinkInterpretation(core, staffActor(req), row.code, String(icode).slice(0, 64));
      },
      '已取消关联。',
    ),
  );
}

/** The public page of a published record (public routes: /records/:uscc/:serial, the 索引号's two parts). */
function publicRecordHref(indexNo: string): string {
  return `/records/${indexNo.split('/').map(encodeURIComponent).join('/')}`;
}
