// Staff routes of the requests module: dashboards and lists (with xlsx export), registering an offline
// request, the request page with its actions, letters and files, the templates editor and the mail log.
import { requestCalendar } from '../calendar.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { auditExport } from '../../../core/audit/index.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { listUnitsOfRoot, publicUnitsOfRoot, type UnitRow } from '../../units/index.ts';
import { parseRequestNo } from '../domain/numbering.ts';
import { OPEN_STATES, REQUEST_STATES, STATE_LABELS, type RequestState } from '../domain/states.ts';
import { DUE_SOON_WORKING_DAYS } from '../domain/clock.ts';
import { APPLICANT_KIND_LABELS } from '../domain/applicant.ts';
import { CHANNEL_LABELS } from '../domain/receipt.ts';
import { outcomeLabel } from '../domain/outcomes.ts';
import { workdayIndex } from '../domain/workdays.ts';
import { isProvisionalDate } from '../../../core/calendar/working-days.ts';
import { cachedCountsByUnit, findRequestByNo, findUnitBrief, type RequestRow } from '../data/repository.ts';
import { handlerCounts, staffNames, type Counts } from '../data/page-queries.ts';
import {
  acceptRequest,
  addAttachment,
  archiveRequest,
  assignHandler,
  canViewRequest,
  decideExtension,
  endForNoCorrection,
  endForNoPayment,
  readAttachment,
  getSettings,
  releaseToAll,
  updateSettings,
  recordConsultationAnswer,
  recordCorrection,
  recordLetter,
  recordPayment,
  registerOffline,
  remedyBodiesFor,
  replyToRequest,
  requestExtension,
  revealPersonalData,
  sendClarification,
  sendConsultation,
  sendFeeNotice,
  withdrawRequest,
  LETTER_METHODS,
  type PersonalData,
  type RequestActor,
  type Result,
  scanReleasedFile,
  redactReleasedFile,
} from '../service.ts';
import { siteMasks } from '../../../core/redaction/masks.ts';
import { tickedHits } from '../../../core/redaction/office.ts';
import { RedactionReviewPage } from '../../../core/ui/redaction.tsx';
import { findSimilarRequests, listRequests, loadRequestForStaff, type RequestView } from '../service-read.ts';
import { composeLetter } from '../letters/compose.ts';
import { docNoPatterns, replyDocNo, saveDocNoPatterns } from '../service-doc-no.ts';
import { renderLetterDocx } from '../letters/render-docx.ts';
import { currentTemplate } from '../letters/template-store.ts';
import { RequestListPage, DUE_LABELS, REQUEST_LIST_COLUMNS, type ListFilters, type ListRowView } from '../views/staff-list.tsx';
import { chosenColumns } from '../../../core/http/columns.ts';
import { RequestPage, type FailedAction } from '../views/staff-request.tsx';
import { RegisterPage, RegisteredPage } from '../views/staff-register.tsx';
import { SettingsPage, type DocNoUnit } from '../views/settings.tsx';
import { DOCX, HTML, XLSX, pageParam, queryText } from './common.ts';
import { STAFF_ROLES } from './access.ts';
import { registerMailLogRoutes } from './mail-log-routes.tsx';
import { registerTemplateRoutes } from './template-routes.tsx';
import { letterChoices, letterFacts, templateKeyOf } from './letter-facts.ts';
import { parseWholeNumber } from '../../../core/validation/numbers.ts';
import { maySendLetter, type LetterKind } from '../domain/next-steps.ts';
import { requestsWorkbook, type ExportRow } from './export-xlsx.ts';
import { uploadedFiles } from './uploads.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const PAGE_SIZE = 20;
const EXPORT_CAP = 10_000;

const CITY_ROLES = ['openness_office', 'openness_head'] as const;

function staffActor(req: FastifyRequest): RequestActor {
  return { kind: 'staff', user: req.user!, audit: actorOf(req) };
}

function scopesFor(req: FastifyRequest): { value: ListFilters['scope']; label: string }[] {
  const u = req.user!;
  const out: { value: ListFilters['scope']; label: string }[] = [{ value: 'mine', label: '我承办的' }];
  if (hasRole(u, 'editor', 'reviewer', 'unit_admin')) out.push({ value: 'unit', label: `本单位（${u.unitName}）` });
  if (hasRole(u, ...CITY_ROLES)) out.push({ value: 'city', label: '全市' });
  return out;
}

function defaultScope(req: FastifyRequest): ListFilters['scope'] {
  const u = req.user!;
  if (hasRole(u, ...CITY_ROLES)) return 'city';
  if (hasRole(u, 'unit_admin')) return 'unit';
  return 'mine';
}

function readFilters(req: FastifyRequest): ListFilters {
  const q = req.query as Record<string, unknown>;
  const scopes = scopesFor(req).map((s) => s.value);
  const scope = queryText(q.scope) as ListFilters['scope'];
  const due = queryText(q.due);
  const state = queryText(q.state);
  return {
    scope: scopes.includes(scope) ? scope : defaultScope(req),
    due: due === 'due_soon' || due === 'overdue' ? due : '',
    state: state === 'open' || (REQUEST_STATES as readonly string[]).includes(state) ? state : '',
    unit: queryText(q.unit, 60),
    q: queryText(q.q, 100),
  };
}

const trimmed = (form: FormReader, k: string, max = 5000) => normaliseText(form.raw(k)).slice(0, max);
const optional = (s: string) => (s ? s : undefined);

export function registerRequestsStaffRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...STAFF_ROLES) };
  registerMailLogRoutes(app, core);
  registerTemplateRoutes(app, core);

  const today = () => shanghaiToday(core.clock.now());

  async function unitsOf(req: FastifyRequest): Promise<UnitRow[]> {
    return publicUnitsOfRoot(core, req.user!.rootUnitId);
  }

  /** The list query for the filters: scope, unit, states, due window, text. */
  async function listFor(req: FastifyRequest, f: ListFilters, page: number, pageSize: number) {
    const user = req.user!;
    const units = await unitsOf(req);
    const unitId = f.scope === 'city' ? units.find((u) => u.slug === f.unit)?.id : f.scope === 'unit' ? user.unitId : undefined;
    const states: RequestState[] | undefined = f.state === 'open' ? [...OPEN_STATES] : f.state ? [f.state as RequestState] : undefined;
    const result = await listRequests(core, user, {
      unitId,
      handler: f.scope === 'mine' ? 'mine' : undefined,
      states,
      due: f.due || undefined,
      q: f.q || undefined,
      page,
      pageSize,
    });
    return { ...result, units, unitId };
  }

  // ------------------------------------------------------------------------------------------
  // Dashboards and lists

  app.get('/staff/requests', guard, async (req, reply) => {
    const user = req.user!;
    const f = readFilters(req);
    const page = pageParam((req.query as Record<string, unknown>).page);
    const t = today();
    const cal = await requestCalendar(core);
    const dueSoonTo = workdayIndex(cal).add(t, DUE_SOON_WORKING_DAYS);
    const [list, counts] = await Promise.all([
      listFor(req, f, page, PAGE_SIZE),
      f.scope === 'mine'
        ? handlerCounts(core.db, user.rootUnitId, user.id, OPEN_STATES, t, dueSoonTo).then((c) => ({ totals: c, byUnit: null }))
        : cachedCountsByUnit(core.db, user.rootUnitId, OPEN_STATES, t, dueSoonTo, f.scope === 'unit' ? [user.unitId] : undefined).then((rows) => ({
            totals: rows.reduce<Counts>(
              (s, c) => ({ open: s.open + c.open, dueSoon: s.dueSoon + c.dueSoon, overdue: s.overdue + c.overdue, awaitingCorrection: s.awaitingCorrection + c.awaitingCorrection, paused: s.paused + c.paused }),
              { open: 0, dueSoon: 0, overdue: 0, awaitingCorrection: 0, paused: 0 },
            ),
            byUnit: rows,
          })),
    ]);
    const unitById = new Map(list.units.map((u) => [u.id, u]));
    // The handler's own list needs no name look-up: every row is theirs.
    const names = f.scope === 'mine' ? new Map([[user.id, user.displayName]]) : await staffNames(core.db, list.rows.map((r) => r.handlerId).filter((x): x is number => x !== null));
    const rows: ListRowView[] = list.rows.map((r) => ({
      requestNo: r.requestNo,
      unitName: unitById.get(r.unitId)?.name ?? '',
      applicantName: r.applicantName,
      idNumber: r.idNumber,
      phone: r.phone,
      description: shorten(r.infoDocNo ? `${r.infoDescription} ${r.infoDocNo}` : r.infoDescription, 60),
      stateLabel: r.stateLabel,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn && isProvisionalDate(r.dueOn, cal) ? `${r.dueOn}（暂定）` : r.dueOn,
      due: r.due,
      handlerName: r.handlerId ? (names.get(r.handlerId) ?? '') : '未指定',
    }));
    const byUnit =
      f.scope === 'mine' || !counts.byUnit
        ? null
        : counts.byUnit
            .map((c) => ({ ...c, unitName: unitById.get(c.unitId)?.name ?? '', unitSlug: unitById.get(c.unitId)?.slug ?? '' }))
            .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.unitName.localeCompare(b.unitName, 'zh'));
    const title = f.scope === 'mine' ? '我承办的' : f.scope === 'unit' ? user.unitName : '全市';
    return reply.type(HTML).send(
      renderDocument(
        <RequestListPage
          ctx={pageContext(req, reply)}
          columns={chosenColumns(req, reply, 'requests', REQUEST_LIST_COLUMNS)}
          title={title}
          filters={f}
          scopes={scopesFor(req)}
          states={[{ value: 'open', label: '办理中（全部）' }, ...REQUEST_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))]}
          units={f.scope === 'city' ? list.units.filter((u) => u.type !== 'other').map((u) => ({ slug: u.slug, name: u.name })) : null}
          totals={counts.totals}
          dueSoonTo={dueSoonTo}
          today={t}
          byUnit={byUnit}
          rows={rows}
          total={list.total}
          page={list.page}
          pageCount={Math.max(1, Math.ceil(list.total / PAGE_SIZE))}
          canRegister={hasRole(user, 'editor', 'reviewer', 'unit_admin', 'openness_office')}
          canEditTemplates={hasRole(user, 'openness_office')}
        />,
      ),
    );
  });

  app.get('/staff/requests/export.xlsx', guard, async (req, reply) => {
    const user = req.user!;
    const f = readFilters(req);
    const out: ExportRow[] = [];
    let units: UnitRow[] = [];
    for (let page = 1; out.length < EXPORT_CAP; page++) {
      const list = await listFor(req, f, page, 100);
      units = list.units;
      const names = await staffNames(core.db, list.rows.map((r) => r.handlerId).filter((x): x is number => x !== null));
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      for (const r of list.rows) {
        // Rows come masked from listRequests (maskRow): the export never holds full personal data.
        out.push({
          requestNo: r.requestNo,
          unitName: unitName.get(r.unitId) ?? '',
          applicantKind: APPLICANT_KIND_LABELS[r.applicantKind],
          applicantName: r.applicantName,
          idNumber: r.idNumber,
          phone: r.phone,
          channel: CHANNEL_LABELS[r.channel],
          description: r.infoDescription,
          docNo: r.infoDocNo,
          state: r.stateLabel,
          receivedOn: r.receivedOn ?? '',
          dueOn: r.dueOn ?? '',
          due: DUE_LABELS[r.due],
          handlerName: r.handlerId ? (names.get(r.handlerId) ?? '') : '',
          outcome: r.outcome ? outcomeLabel(r.outcome) : '',
          repliedOn: r.repliedOn ?? '',
        });
      }
      if (list.rows.length < 100 || page * 100 >= list.total) break;
    }
    const t = today();
    const scopeName = f.scope === 'mine' ? `${user.displayName}承办` : f.scope === 'unit' ? user.unitName : '全市';
    const buf = await requestsWorkbook(`依申请公开申请清单（${scopeName}，导出日期 ${t}，个人信息已隐藏）`, out.slice(0, EXPORT_CAP));
    // Applicants' names and phones leave the system: record who took which list.
    await auditExport(core.db, actorOf(req), { list: 'requests', title: '依申请公开申请清单', format: 'xlsx', filters: { ...f }, rows: Math.min(out.length, EXPORT_CAP) }, core.clock.now());
    return reply
      .type(XLSX)
      .header('content-disposition', contentDisposition(`依申请公开申请清单-${t}.xlsx`, { ascii: `requests-${t}.xlsx` }))
      .header('cache-control', 'no-store')
      .send(buf);
  });

  // ------------------------------------------------------------------------------------------
  // Registering an offline request (第二十九条, 第三十一条)

  async function registerUnits(req: FastifyRequest) {
    const user = req.user!;
    const units = (await unitsOf(req)).filter((u) => u.type !== 'other');
    return hasRole(user, 'openness_office') ? units : units.filter((u) => u.id === user.unitId);
  }

  const registerGuard = { preHandler: requireStaff('editor', 'reviewer', 'unit_admin', 'openness_office') };

  app.get('/staff/requests/new', registerGuard, async (req, reply) => {
    const units = await registerUnits(req);
    return reply.type(HTML).send(renderDocument(<RegisterPage ctx={pageContext(req, reply)} units={units} values={{}} errors={{}} reasons={[]} today={today()} />));
  });

  app.post('/staff/requests/new', { ...registerGuard, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const form = new FormReader(req.body);
    const keys = ['unitId', 'channel', 'submittedOn', 'signedForOn', 'arrivedOn', 'confirmedOn', 'applicantKind', 'orgSubtype', 'name', 'contactPerson', 'idType', 'idNumber', 'phone', 'email', 'address', 'postcode', 'infoDescription', 'infoDocNo', 'delivery', 'note'];
    const v: Record<string, string> = {};
    for (const k of keys) v[k] = trimmed(form, k, k === 'infoDescription' || k === 'note' ? 5000 : 300);
    const forms = form.list('forms', '信息形式', ['paper', 'electronic', 'inspection']);
    const incomplete = form.checkbox('incomplete');
    const values = { ...v, forms: forms.join(','), incomplete: incomplete ? 'on' : '' };
    const attachments = uploadedFiles(req.body, 'attachments');
    const unitId = /^\d{1,12}$/.test(v.unitId!) ? Number(v.unitId) : 0;
    const result = await registerOffline(core, staffActor(req), {
      unitId,
      channel: v.channel!,
      receiptFacts: { submittedOn: optional(v.submittedOn!), signedForOn: optional(v.signedForOn!), arrivedOn: optional(v.arrivedOn!), confirmedOn: optional(v.confirmedOn!) },
      application: {
        applicantKind: v.applicantKind,
        orgSubtype: v.orgSubtype,
        name: v.name,
        contactPerson: v.contactPerson,
        idType: v.idType,
        idNumber: v.idNumber,
        phone: v.phone,
        email: v.email,
        address: v.address,
        postcode: v.postcode,
        infoDescription: v.infoDescription,
        infoDocNo: v.infoDocNo,
        forms,
        delivery: v.delivery,
      },
      incomplete,
      note: v.note,
      attachments,
    });
    if (!result.ok) {
      const hasFields = Object.keys(result.errors).length > 0;
      const units = await registerUnits(req);
      return reply
        .code(hasFields ? 400 : 409)
        .type(HTML)
        .send(renderDocument(<RegisterPage ctx={pageContext(req, reply)} units={units} values={values} errors={result.errors} reasons={hasFields ? [] : result.reasons} today={today()} />));
    }
    // Not PRG on purpose: the lookup code exists in plain text only in this response (only its hash is stored).
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(renderDocument(<RegisteredPage ctx={pageContext(req, reply)} requestNo={result.requestNo} lookupCode={result.lookupCode} warnings={result.warnings} />));
  });

  // ------------------------------------------------------------------------------------------
  // The request page

  /** The request of :no that the user may see (404 unknown, 403 another unit's). */
  async function requestOf(req: FastifyRequest): Promise<RequestRow> {
    const { no } = req.params as { no: string };
    const parsed = parseRequestNo(no);
    if (!parsed) throw new NotFoundError('该申请不存在。');
    const row = await findRequestByNo(core.db, req.user!.rootUnitId, parsed.requestNo);
    if (!row) throw new NotFoundError('该申请不存在。');
    if (!canViewRequest(req.user!, row)) throw new ForbiddenError('该申请由其他单位办理，您无权查看。');
    return row;
  }

  async function renderRequest(req: FastifyRequest, reply: FastifyReply, row: RequestRow, opts: { revealed?: PersonalData | null; failed?: FailedAction | null; status?: number } = {}) {
    const user = req.user!;
    const [view, similar, units] = await Promise.all([loadRequestForStaff(core, user, row.id), findSimilarRequests(core, user, row.id), listUnitsOfRoot(core.db, user.rootUnitId, true)]);
    if (!view) throw new NotFoundError('该申请不存在。');
    if (opts.revealed) reply.header('cache-control', 'no-store');
    return reply
      .code(opts.status ?? 200)
      .type(HTML)
      .send(
        renderDocument(
          <RequestPage
            ctx={pageContext(req, reply)}
            view={view}
            revealed={opts.revealed ?? null}
            failed={opts.failed ?? null}
            similar={similar}
            letterChoices={letterChoices(view).filter((l) => maySendLetter(l.kind as LetterKind, view.parties))}
            unitNames={new Map(units.map((u) => [u.id, u.name]))}
            today={today()}
          />,
        ),
      );
  }

  app.get('/staff/requests/:no', guard, async (req, reply) => renderRequest(req, reply, await requestOf(req)));

  /** The full identity number and phone: handler and unit admin only, each view audited (by the service). */
  app.post('/staff/requests/:no/reveal', guard, async (req, reply) => {
    const row = await requestOf(req);
    const result = await revealPersonalData(core, staffActor(req), row.id);
    if (!result.ok) throw new ForbiddenError(result.reasons.join('；'));
    return renderRequest(req, reply, row, { revealed: result.data });
  });

  type Runner = (form: FormReader, id: number, actor: RequestActor) => Promise<Result<object>>;
  const ACTIONS: Record<string, { run: Runner; done: string }> = {
    accept: { run: (f, id, a) => acceptRequest(core, a, id, { confirmedOn: optional(trimmed(f, 'confirmedOn', 20)), note: trimmed(f, 'note', 500) }), done: '已确认受理，进入审核。' },
    assign: {
      run: (f, id, a) => {
        const h = trimmed(f, 'handlerId', 20);
        return assignHandler(core, a, id, { handlerId: /^\d{1,12}$/.test(h) ? Number(h) : 0, note: trimmed(f, 'note', 500) });
      },
      done: '已指定承办人。',
    },
    send_clarification: {
      run: (f, id, a) => sendClarification(core, a, id, { items: trimmed(f, 'items'), correctBy: trimmed(f, 'correctBy', 20), sentOn: optional(trimmed(f, 'sentOn', 20)), lateReason: optional(trimmed(f, 'lateReason', 500)) }),
      done: '已记录补正告知，答复期限停止计算。请生成补正通知书并送达申请人。',
    },
    record_correction: {
      run: (f, id, a) => {
        const desc = trimmed(f, 'infoDescription');
        return recordCorrection(core, a, id, { text: trimmed(f, 'text'), receivedOn: optional(trimmed(f, 'receivedOn', 20)), lateReason: optional(trimmed(f, 'lateReason', 500)), application: desc ? { infoDescription: desc } : undefined });
      },
      done: '已登记补正，答复期限自收到补正之日起重新计算。',
    },
    end_no_correction: { run: (f, id, a) => endForNoCorrection(core, a, id, { on: optional(trimmed(f, 'on', 20)) }), done: '已按逾期未补正终止办理。' },
    send_consultation: {
      run: (f, id, a) =>
        sendConsultation(core, a, id, { party: trimmed(f, 'party', 20) as 'third_party' | 'agency', partyName: trimmed(f, 'partyName', 200), question: trimmed(f, 'question'), sentOn: optional(trimmed(f, 'sentOn', 20)) }),
      done: '已记录征求意见，征求意见期间不计入答复期限。',
    },
    record_consultation_answer: {
      run: (f, id, a) =>
        recordConsultationAnswer(core, a, id, { ref: trimmed(f, 'ref', 20), answer: trimmed(f, 'answer', 20) as 'agree', note: trimmed(f, 'note'), answeredOn: optional(trimmed(f, 'answeredOn', 20)) }),
      done: '已登记征求意见答复。',
    },
    request_extension: {
      run: (f, id, a) => {
        const d = trimmed(f, 'days', 10);
        return requestExtension(core, a, id, { days: parseWholeNumber(d, 3) ?? Number.NaN, reason: trimmed(f, 'reason') });
      },
      done: '已提交延期申请，待政务公开办负责人批准。',
    },
    decide_extension: {
      run: async (f, id, a) => {
        const d = trimmed(f, 'decision', 10);
        if (d !== 'approve' && d !== 'reject') return { ok: false, errors: { decision: '请选择同意或不同意' }, reasons: [] };
        return decideExtension(core, a, id, { approve: d === 'approve', note: trimmed(f, 'note', 500), decidedOn: optional(trimmed(f, 'decidedOn', 20)) });
      },
      done: '已记录延期审批意见。',
    },
    send_fee_notice: {
      run: (f, id, a) => {
        const p = trimmed(f, 'pages', 10);
        return sendFeeNotice(core, a, id, { method: trimmed(f, 'method', 20) as 'per_page', pages: p ? (parseWholeNumber(p, 6) ?? Number.NaN) : undefined, sentOn: optional(trimmed(f, 'sentOn', 20)) });
      },
      done: '已记录收费通知。',
    },
    record_payment: { run: (f, id, a) => recordPayment(core, a, id, { paidOn: optional(trimmed(f, 'paidOn', 20)) }), done: '已登记缴费。' },
    end_no_payment: { run: (f, id, a) => endForNoPayment(core, a, id, { on: optional(trimmed(f, 'on', 20)) }), done: '已按逾期未缴费终止办理。' },
    reply: {
      run: (f, id, a) =>
        replyToRequest(core, a, id, {
          outcome: trimmed(f, 'outcome', 40),
          legalBasis: trimmed(f, 'legalBasis', 500),
          withheldParts: trimmed(f, 'withheldParts'),
          withheldReason: trimmed(f, 'withheldReason'),
          redirectChannel: trimmed(f, 'redirectChannel', 200),
          responsibleAgency: trimmed(f, 'responsibleAgency', 200),
          earlierRequestNo: trimmed(f, 'earlierRequestNo', 30),
          replyText: trimmed(f, 'replyText'),
          repliedOn: optional(trimmed(f, 'repliedOn', 20)),
        }),
      done: '已记录答复。请生成答复告知书并送达申请人。',
    },
    archive: { run: (f, id, a) => archiveRequest(core, a, id, { note: trimmed(f, 'note', 500) }), done: '已归档。' },
    withdraw: { run: (f, id, a) => withdrawRequest(core, a, id, { note: trimmed(f, 'note', 500), on: optional(trimmed(f, 'on', 20)) }), done: '已登记申请人撤回申请。' },
  };

  app.post('/staff/requests/:no/do/:action', guard, async (req, reply) => {
    const { action } = req.params as { action: string };
    const spec = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!spec) throw new NotFoundError('没有这个操作。');
    const row = await requestOf(req);
    const form = new FormReader(req.body);
    const result = await spec.run(form, row.id, staffActor(req));
    if (!result.ok) {
      const values: Record<string, string> = {};
      const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
      for (const k of Object.keys(body)) if (k !== '_csrf') values[k] = trimmed(form, k);
      const hasFields = Object.keys(result.errors).length > 0;
      return renderRequest(req, reply, row, { failed: { action, errors: result.errors, reasons: hasFields ? [] : result.reasons, values }, status: hasFields ? 400 : 409 });
    }
    setFlash(reply, spec.done);
    return reply.redirect(`/staff/requests/${row.requestNo}`, 303);
  });

  /** Release to all (条例 第四十四条): the reply's information becomes a draft 主动公开 record. */
  app.post('/staff/requests/:no/release', guard, async (req, reply) => {
    const row = await requestOf(req);
    const result = await releaseToAll(core, staffActor(req), row.id);
    if (!result.ok) {
      return renderRequest(req, reply, row, { failed: { action: 'release', errors: result.errors, reasons: Object.keys(result.errors).length ? [] : result.reasons, values: {} }, status: 409 });
    }
    setFlash(reply, `已转为主动公开信息草稿（${result.recordCode}），请在“信息发布”中完善内容后提交审核、发布。`);
    return reply.redirect(`/staff/requests/${row.requestNo}`, 303);
  });

  // ------------------------------------------------------------------------------------------
  // Settings of the site (openness office): fee wait and the bodies named in remedy notices

  const settingsGuard = { preHandler: requireStaff('openness_office', 'openness_head') };

  app.get('/staff/requests/settings', settingsGuard, async (req, reply) => {
    const s = await getSettings(core, req.user!.rootUnitId);
    return reply
      .type(HTML)
      .send(
        renderDocument(
          <SettingsPage ctx={pageContext(req, reply)} values={{ feePausesClock: s.feePausesClock ? 'on' : '', reviewBody: s.reviewBody, court: s.court }} errors={{}} reasons={[]} docNoUnits={await docNoUnitsOf(req)} />,
        ),
      );
  });

  /** The site's units that answer requests, with their 答复告知书文号 patterns. */
  async function docNoUnitsOf(req: FastifyRequest, typed?: Record<number, string>): Promise<DocNoUnit[]> {
    const units = (await unitsOf(req)).filter((u) => u.type !== 'other');
    const patterns = await docNoPatterns(core, units.map((u) => u.id));
    return units.map((u) => ({ id: u.id, name: u.name, pattern: typed?.[u.id] ?? patterns.get(u.id) ?? '' }));
  }

  app.post('/staff/requests/settings/doc-numbers', settingsGuard, async (req, reply) => {
    const form = new FormReader(req.body);
    const units = await docNoUnitsOf(req);
    const input: Record<number, string> = {};
    for (const u of units) input[u.id] = (form.raw(`docNo-${u.id}`) ?? '').slice(0, 200);
    const result = await saveDocNoPatterns(core, staffActor(req), units.map((u) => u.id), input);
    if (!result.ok) {
      const s = await getSettings(core, req.user!.rootUnitId);
      return reply
        .code(400)
        .type(HTML)
        .send(
          renderDocument(
            <SettingsPage
              ctx={pageContext(req, reply)}
              values={{ feePausesClock: s.feePausesClock ? 'on' : '', reviewBody: s.reviewBody, court: s.court }}
              errors={{}}
              reasons={[]}
              docNoUnits={await docNoUnitsOf(req, input)}
              docNoErrors={result.errors}
            />,
          ),
        );
    }
    setFlash(reply, result.changed ? `已保存 ${result.changed} 个单位的答复告知书文号格式。` : '文号格式没有变化。');
    return reply.redirect('/staff/requests/settings#doc-numbers', 303);
  });

  app.post('/staff/requests/settings', settingsGuard, async (req, reply) => {
    const form = new FormReader(req.body);
    const feePausesClock = form.checkbox('feePausesClock');
    const reviewBody = form.text('reviewBody', { label: '行政复议机关', max: 100 });
    const court = form.text('court', { label: '人民法院', max: 100 });
    const values = { feePausesClock: feePausesClock ? 'on' : '', reviewBody, court };
    const result = form.ok ? await updateSettings(core, staffActor(req), req.user!.rootUnitId, { feePausesClock, reviewBody, court }) : { ok: false as const, errors: form.errors, reasons: [] };
    if (!result.ok) {
      const hasFields = Object.keys(result.errors).length > 0;
      return reply
        .code(hasFields ? 400 : 403)
        .type(HTML)
        .send(renderDocument(<SettingsPage ctx={pageContext(req, reply)} values={values} errors={result.errors} reasons={hasFields ? [] : result.reasons} docNoUnits={await docNoUnitsOf(req)} />));
    }
    setFlash(reply, result.recomputed ? `已保存设置，并重新计算了 ${result.recomputed} 件办理中申请的答复期限。` : '已保存设置。');
    return reply.redirect('/staff/requests/settings', 303);
  });

  // ------------------------------------------------------------------------------------------
  // Files and letters

  app.get('/staff/requests/:no/files/:id', guard, async (req, reply) => {
    const row = await requestOf(req);
    const { id } = req.params as { id: string };
    if (!/^\d{1,12}$/.test(id)) throw new NotFoundError('该文件不存在。');
    const file = await readAttachment(core, row.id, Number(id));
    if (!file) throw new NotFoundError('该文件不存在。');
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName, { ascii: `request-file-${id}` }))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  // A file to be released: its personal data reviewed hit by hit, then a redacted copy released instead.
  async function renderRedaction(req: FastifyRequest, reply: FastifyReply, error?: string) {
    const row = await requestOf(req);
    const { id } = req.params as { id: string };
    if (!/^\d{1,12}$/.test(id)) throw new NotFoundError('该文件不存在。');
    const found = await scanReleasedFile(core, row.id, Number(id));
    if (!found) throw new NotFoundError('该文件不存在。');
    const href = `/staff/requests/${row.requestNo}`;
    return reply
      .code(error ? 400 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        renderDocument(
          <RedactionReviewPage
            ctx={pageContext(req, reply)}
            owner={`申请 ${row.requestNo} 提供给申请人的信息`}
            fileName={found.fileName}
            scan={found.kind === 'released' ? found.scan : { ...found.scan, canRedact: false, refusal: '这个文件不是“提供给申请人的信息”（处理后的原文件只留工作人员查看）。' }}
            masks={await siteMasks(core.db, row.rootUnitId)}
            action={`${href}/files/${id}/redaction`}
            back={{ href: `${href}#files-title`, label: '返回申请' }}
            breadcrumbs={[{ href: '/staff/requests', label: '依申请公开' }, { href, label: row.requestNo }, { label: '个人信息检查' }]}
            error={error}
          />,
        ),
      );
  }

  app.get('/staff/requests/:no/files/:id/redaction', guard, (req, reply) => renderRedaction(req, reply));

  app.post('/staff/requests/:no/files/:id/redaction', guard, async (req, reply) => {
    const row = await requestOf(req);
    const { id } = req.params as { id: string };
    if (!/^\d{1,12}$/.test(id)) throw new NotFoundError('该文件不存在。');
    const r = await redactReleasedFile(core, staffActor(req), row.id, Number(id), tickedHits(req.body));
    if (!r.ok) {
      if (Object.keys(r.errors).length) return renderRedaction(req, reply, Object.values(r.errors).join('；'));
      throw new ForbiddenError(r.reasons.join('；'));
    }
    setFlash(reply, '已生成隐去个人信息的副本，作为提供给申请人的信息；原文件只留工作人员查看。');
    return reply.redirect(`/staff/requests/${row.requestNo}#files-title`, 303);
  });

  app.post('/staff/requests/:no/files', guard, async (req, reply) => {
    const row = await requestOf(req);
    const form = new FormReader(req.body);
    const kind = form.raw('kind') === 'other' ? 'other' : 'released';
    const [file] = uploadedFiles(req.body, 'file');
    if (!file) return renderRequest(req, reply, row, { failed: { action: 'attachments', errors: { file: '请选择要上传的文件' }, reasons: [], values: { kind } }, status: 400 });
    const result = await addAttachment(core, staffActor(req), row.id, { kind, fileName: file.fileName, bytes: file.bytes });
    if (!result.ok) {
      const hasFields = Object.keys(result.errors).length > 0;
      if (!hasFields) throw new ForbiddenError(result.reasons.join('；'));
      return renderRequest(req, reply, row, { failed: { action: 'attachments', errors: result.errors, reasons: [], values: { kind } }, status: 400 });
    }
    setFlash(reply, `已上传附件“${file.fileName}”。`);
    return reply.redirect(`/staff/requests/${row.requestNo}#files-title`, 303);
  });

  /** Generates a letter from the current template: a draft to download, or sent and recorded. */
  app.post('/staff/requests/:no/letters', guard, async (req, reply) => {
    const row = await requestOf(req);
    const user = req.user!;
    const view = await loadRequestForStaff(core, user, row.id);
    if (!view) throw new NotFoundError('该申请不存在。');

    const form = new FormReader(req.body);
    const values = { kind: trimmed(form, 'kind', 40), method: trimmed(form, 'method', 20), sentOn: trimmed(form, 'sentOn', 20), howToPay: trimmed(form, 'howToPay', 300) };
    const step = form.raw('step') === 'send' ? 'send' : 'draft';
    const fail = (errors: Record<string, string>, reasons: string[] = []) => renderRequest(req, reply, row, { failed: { action: 'letters', errors, reasons, values }, status: reasons.length ? 409 : 400 });
    const choice = letterChoices(view).find((c) => c.key === values.kind);
    if (!choice) return fail({ kind: '请选择要生成的文书' });
    // Whoever may send a notice may write its letter (an editor who sent a 补正 writes the 补正通知书).
    if (!maySendLetter(choice.kind as LetterKind, view.parties)) throw new ForbiddenError('您不能生成这种文书：只有可以发出该通知的人员可以生成。');
    if (choice.needs === 'howToPay' && !values.howToPay) return fail({ howToPay: '请填写缴纳方式' });
    if (step === 'send' && !(LETTER_METHODS as readonly string[]).includes(values.method)) return fail({ method: '请选择送达方式' });
    const key = templateKeyOf(choice, row);
    const template = key ? await currentTemplate(core.db, row.rootUnitId, key) : undefined;
    if (!template) return fail({}, ['没有这种文书的模板']);
    const [unit, remedy] = await Promise.all([findUnitBrief(core.db, row.unitId), remedyBodiesFor(core, row)]);
    const unitRow = (await unitsOf(req)).find((u) => u.id === row.unitId);
    const issuedOn = step === 'send' && values.sentOn ? values.sentOn : today();
    const released = view.attachments.filter((a) => a.kind === 'released').map((a) => a.fileName);
    const facts = letterFacts({
      row,
      view,
      choice,
      unit: { name: unit?.name ?? '', phone: unitRow?.phone ?? '' },
      reviewBody: remedy.reviewBody,
      court: remedy.court,
      issuedOn,
      releasedFiles: released,
      howToPay: values.howToPay,
    });
    // The reply letter's 文号: given on its first generation (draft or sent), the same ever after.
    if (choice.kind === 'reply') facts.docNo = (await replyDocNo(core, row.id, issuedOn)) ?? undefined;
    const letter = composeLetter(template, facts);
    const docx = await renderLetterDocx(letter);
    const fileName = `${letter.title}-${row.requestNo}.docx`;
    if (step === 'draft') {
      return reply.type(DOCX).header('content-disposition', contentDisposition(fileName, { ascii: `letter-${row.requestNo}.docx` })).header('cache-control', 'private, no-store').send(docx);
    }
    const sentTo = values.method === 'email' ? row.email : values.method === 'post' ? [row.address, row.postcode].filter(Boolean).join(' ') : '';
    if (values.method === 'email' && !row.email) return fail({ method: '申请人没有留下电子邮箱，不能通过电子邮件送达' });
    if (values.method === 'post' && !row.address) return fail({ method: '申请人没有留下通信地址，不能邮寄送达' });
    const result = await recordLetter(core, staffActor(req), row.id, {
      kind: choice.kind,
      title: letter.title,
      file: { fileName, bytes: docx },
      method: values.method,
      sentTo,
      sentOn: optional(values.sentOn),
    });
    if (!result.ok) return fail(Object.keys(result.errors).length ? result.errors : {}, Object.keys(result.errors).length ? [] : result.reasons);
    if (values.method === 'email') {
      await core.db.transaction(async (tx) => {
        await core.mail.queue(tx, {
          to: row.email,
          subject: `${letter.title}（受理编号 ${row.requestNo}）`,
          body: `${letter.text.replace(/^>\s*/gm, '')}\n\n——\n本告知书的 Word 文件可凭受理编号和查询码在“依申请公开—查询办理进度”页面下载。`,
          unitId: row.unitId,
        });
      });
    }
    setFlash(reply, `已生成“${letter.title}”并登记送达${letter.missing.length ? `。注意：以下内容为空，已留空白待填写：${letter.missing.join('、')}` : '。'}`);
    return reply.redirect(`/staff/requests/${row.requestNo}#letters-title`, 303);
  });
}

function shorten(s: string, n: number): string {
  const cs = [...s];
  return cs.length > n ? cs.slice(0, n).join('') + '…' : s;
}

